package io.campuscrm.scheduling.internal;

import java.util.Collection;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import io.campuscrm.scheduling.ClassStatus;
import jakarta.persistence.LockModeType;

public interface SchoolClassRepository extends JpaRepository<SchoolClassEntity, Long> {

    Optional<SchoolClassEntity> findByCodeIgnoreCase(String code);

    /** The ids of the classes a teacher teaches, in one statement over class_teacher. */
    @org.springframework.data.jpa.repository.Query("select c.id from SchoolClassEntity c join c.teacherIds t"
            + " where t = :teacher")
    java.util.List<Long> findIdsTaughtBy(@org.springframework.data.repository.query.Param("teacher") long teacher);

    /** The class, its row locked until the transaction ends: every change to its sessions takes this lock first. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from SchoolClassEntity c where c.id = :id")
    Optional<SchoolClassEntity> lockById(long id);

    /**
     * The class list. {@code text} is a lower-case {@code LIKE} pattern over code and name. What the user may see:
     * {@code allCampuses} false limits to {@code campusIds}; a non-null {@code ownTeacherId} limits to the classes
     * that teacher teaches.
     */
    @Query("""
            select c from SchoolClassEntity c
            where (:text is null or lower(c.code) like :text or lower(c.name) like :text)
              and (:campusId is null or c.campusId = :campusId)
              and (:termId is null or c.termId = :termId)
              and (:courseId is null or c.courseId = :courseId)
              and (:teacherId is null or :teacherId member of c.teacherIds)
              and (:status is null or c.status = :status)
              and (:allCampuses = true or c.campusId in :campusIds)
              and (:ownTeacherId is null or :ownTeacherId member of c.teacherIds)
            """)
    Slice<SchoolClassEntity> search(@Nullable String text, @Nullable Long campusId, @Nullable Long termId,
            @Nullable Long courseId, @Nullable Long teacherId, @Nullable ClassStatus status, boolean allCampuses,
            Collection<Long> campusIds, @Nullable Long ownTeacherId, Pageable page);

    boolean existsByRoomIdAndCapacityGreaterThan(long roomId, int capacity);
}
