package io.campuscrm.scheduling.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import io.campuscrm.scheduling.EnrollmentStatus;

public interface ClassEnrollmentRepository extends JpaRepository<ClassEnrollmentEntity, Long> {

    long countByClassIdAndStatus(long classId, EnrollmentStatus status);

    /** Triples of class id, status and count, for many classes in one statement (ix_class_enrollment_class). */
    @Query("""
            select e.classId, e.status, count(e) from ClassEnrollmentEntity e
            where e.classId in :classIds and e.status in :statuses
            group by e.classId, e.status
            """)
    List<Object[]> countByClassAndStatus(Collection<Long> classIds, Collection<EnrollmentStatus> statuses);

    /** The student's current stay in the class, if any (at most one: enrolling checks under the class lock). */
    @Query("""
            select e from ClassEnrollmentEntity e
            where e.classId = :classId and e.studentId = :studentId and e.status in :statuses
            """)
    Optional<ClassEnrollmentEntity> findCurrent(long classId, long studentId, Collection<EnrollmentStatus> statuses);

    /** The waiting list in order: the first is promoted next. */
    List<ClassEnrollmentEntity> findByClassIdAndStatusOrderByWaitingPositionAsc(long classId,
            EnrollmentStatus status);

    @Query("select coalesce(max(e.waitingPosition), 0) from ClassEnrollmentEntity e where e.classId = :classId")
    int maxWaitingPosition(long classId);

    /**
     * A class's enrollments for its list: current ones first (enrolled, then the waiting list in order), then past
     * ones; {@code statuses} narrows them.
     */
    @Query("""
            select e from ClassEnrollmentEntity e
            where e.classId = :classId and e.status in :statuses
            order by case e.status when io.campuscrm.scheduling.EnrollmentStatus.ENROLLED then 0
                                   when io.campuscrm.scheduling.EnrollmentStatus.WAITING then 1 else 2 end,
                     e.waitingPosition, e.id
            """)
    Slice<ClassEnrollmentEntity> findForClass(long classId, Collection<EnrollmentStatus> statuses, Pageable page);

    /** A student's enrollments, latest first (a student has a handful a year). */
    List<ClassEnrollmentEntity> findByStudentIdOrderByIdDesc(long studentId);

    @Query("""
            select e.studentId from ClassEnrollmentEntity e
            where e.classId = :classId
              and e.status in (io.campuscrm.scheduling.EnrollmentStatus.ENROLLED,
                               io.campuscrm.scheduling.EnrollmentStatus.WAITING)
            """)
    List<Long> currentStudentIds(long classId);
}
