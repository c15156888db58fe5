package io.campuscrm.students.internal;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface StudentNoteRepository extends JpaRepository<StudentNoteEntity, Long> {

    @Query("select n from StudentNoteEntity n where n.studentId = :studentId order by n.createdAt desc, n.id desc")
    Slice<StudentNoteEntity> findByStudent(long studentId, Pageable page);

    long countByStudentId(long studentId);
}
