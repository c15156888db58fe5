package io.campuscrm.students.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface StudentEventRepository extends JpaRepository<StudentEventEntity, Long> {

    /** Newest first, strictly before {@code before} when given: ix_student_event_student. */
    @Query("""
            select e from StudentEventEntity e
            where e.studentId = :studentId and (:before is null or e.occurredAt < :before)
            order by e.occurredAt desc, e.id desc
            """)
    Slice<StudentEventEntity> findByStudent(long studentId, @Nullable Instant before, Pageable page);
}
