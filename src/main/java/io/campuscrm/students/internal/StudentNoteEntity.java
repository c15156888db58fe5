package io.campuscrm.students.internal;

import java.time.Instant;

import org.hibernate.annotations.Immutable;

import io.campuscrm.students.StudentNote;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A note as its author wrote it; never changed. */
@Entity
@Immutable
@Table(name = "student_note")
public class StudentNoteEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "student_id", nullable = false)
    private long studentId;
    @Column(nullable = false)
    private String body;
    @Column(nullable = false)
    private String author;
    @Column(name = "author_name", nullable = false)
    private String authorName;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StudentNoteEntity() {
    }

    public StudentNoteEntity(long studentId, String body, String author, String authorName, Instant createdAt) {
        this.studentId = studentId;
        this.body = body;
        this.author = author;
        this.authorName = authorName;
        this.createdAt = createdAt;
    }

    public StudentNote toNote() {
        return new StudentNote(id, studentId, body, author, authorName, createdAt);
    }
}
