package io.campuscrm.students.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface StudentDocumentRepository extends JpaRepository<StudentDocumentEntity, Long> {

    @Query("select d from StudentDocumentEntity d where d.studentId = :studentId order by d.uploadedAt desc, d.id desc")
    List<StudentDocumentEntity> findByStudent(long studentId);

    long countByStudentId(long studentId);
}
