package io.campuscrm.students.internal;

import java.time.Instant;

import org.hibernate.annotations.Immutable;

import io.campuscrm.students.StudentDocument;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An uploaded file's metadata; the bytes are in the document store under {@link #getStorageKey()}. */
@Entity
@Immutable
@Table(name = "student_document")
public class StudentDocumentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "student_id", nullable = false)
    private long studentId;
    @Column(name = "file_name", nullable = false)
    private String fileName;
    @Column(name = "content_type", nullable = false)
    private String contentType;
    @Column(name = "size_bytes", nullable = false)
    private long size;
    @Column(nullable = false)
    private String sha256;
    @Column(name = "storage_key", nullable = false)
    private String storageKey;
    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;
    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected StudentDocumentEntity() {
    }

    public StudentDocumentEntity(long studentId, String fileName, String contentType, long size, String sha256,
            String storageKey, String uploadedBy, Instant uploadedAt) {
        this.studentId = studentId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = size;
        this.sha256 = sha256;
        this.storageKey = storageKey;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public StudentDocument toDocument() {
        return new StudentDocument(id, studentId, fileName, contentType, size, sha256, uploadedBy, uploadedAt);
    }

    public Long getId() {
        return id;
    }

    public long getStudentId() {
        return studentId;
    }

    public String getStorageKey() {
        return storageKey;
    }

    public String getFileName() {
        return fileName;
    }
}
