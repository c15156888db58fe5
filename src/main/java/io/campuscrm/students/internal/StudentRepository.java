package io.campuscrm.students.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface StudentRepository extends JpaRepository<StudentEntity, Long> {

    List<StudentEntity> findByFamilyIdOrderByBirthDateAscIdAsc(long familyId);

    /** Who belongs to these families, and where: for deciding which families a user may see in full. */
    @Query("select new io.campuscrm.students.internal.StudentRepository$Member(s.familyId, s.id, s.campusId) "
            + "from StudentEntity s where s.familyId in :familyIds")
    List<Member> membersOf(@Param("familyIds") Collection<Long> familyIds);

    record Member(long familyId, long studentId, @Nullable Long campusId) {
    }

    long countByFamilyId(long familyId);

    @Query("select s from StudentEntity s where s.phoneRev = :phoneRev")
    List<StudentEntity> findByPhoneRev(String phoneRev);

    List<StudentEntity> findByEmail(String email);

    /** The import's look-ups, a batch of values at a time: ix_student_phone_rev and ix_student_email. */
    @Query("select s from StudentEntity s where s.phoneRev in :phoneRevs")
    List<StudentEntity> findByPhoneRevIn(Collection<String> phoneRevs);

    @Query("select s from StudentEntity s where s.email in :emails")
    List<StudentEntity> findByEmailIn(Collection<String> emails);

    /** Same name words and birth date: uses ix_student_name_key. */
    @Query("select s from StudentEntity s where s.nameKey = :nameKey and s.birthDate = :birthDate")
    List<StudentEntity> findByNameKeyAndBirthDate(String nameKey, LocalDate birthDate);

    /**
     * Per status within the campuses given (all campuses when {@code allCampuses}) and among the students given
     * (all when {@code allStudents}).
     */
    @Query("""
            select s.status, count(s) from StudentEntity s
            where (:allCampuses = true or s.campusId in :campusIds)
              and (:allStudents = true or s.id in :studentIds)
            group by s.status
            """)
    List<Object[]> countByStatus(boolean allCampuses, Collection<Long> campusIds, boolean allStudents,
            Collection<Long> studentIds);

    @Query("""
            select count(s) from StudentEntity s
            where s.createdAt >= :since and (:allCampuses = true or s.campusId in :campusIds)
              and (:allStudents = true or s.id in :studentIds)
            """)
    long countCreatedSince(Instant since, boolean allCampuses, Collection<Long> campusIds, boolean allStudents,
            Collection<Long> studentIds);
}
