package io.campuscrm.students.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface StudentRepository extends JpaRepository<StudentEntity, Long> {

    List<StudentEntity> findByFamilyIdOrderByBirthDateAscIdAsc(long familyId);

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

    /** Per status within the campuses given (all campuses when {@code allCampuses}). */
    @Query("""
            select s.status, count(s) from StudentEntity s
            where (:allCampuses = true or s.campusId in :campusIds)
            group by s.status
            """)
    List<Object[]> countByStatus(boolean allCampuses, Collection<Long> campusIds);

    @Query("""
            select count(s) from StudentEntity s
            where s.createdAt >= :since and (:allCampuses = true or s.campusId in :campusIds)
            """)
    long countCreatedSince(Instant since, boolean allCampuses, Collection<Long> campusIds);
}
