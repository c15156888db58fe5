package io.campuscrm.students.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

import io.campuscrm.students.TimelineEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step of a student's own history (the timeline's students-module part); never changed. */
@Entity
@Immutable
@Table(name = "student_event")
public class StudentEventEntity {

    /** What happened; each has a timeline text {@code timeline.student.<kind>} taking the subject. */
    public enum Kind {
        CREATED("student"), UPDATED("student"), STATUS_CHANGED("student"), FAMILY_CHANGED("family"),
        GUARDIAN_ADDED("family"), GUARDIAN_UPDATED("family"), GUARDIAN_REMOVED("family"), NOTE_ADDED("note"), DOCUMENT_ADDED("document"),
        DOCUMENT_REMOVED("document"), IMPORTED("student");

        private final String category;

        Kind(String category) {
            this.category = category;
        }

        public String titleKey() {
            return "timeline.student." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "student_id", nullable = false)
    private long studentId;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;
    @Column(nullable = false)
    private String actor;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;
    @Column(nullable = false)
    private String subject;
    private @Nullable String details;

    protected StudentEventEntity() {
    }

    public StudentEventEntity(long studentId, Instant occurredAt, String actor, Kind kind, String subject,
            @Nullable String details) {
        this.studentId = studentId;
        this.occurredAt = occurredAt;
        this.actor = actor.length() > 100 ? actor.substring(0, 100) : actor;
        this.kind = kind;
        this.subject = subject.length() > 500 ? subject.substring(0, 499) + "…" : subject;
        this.details = details;
    }

    public TimelineEntry toEntry() {
        return new TimelineEntry(occurredAt, kind.category, kind.titleKey(), List.of(subject), details, actor, null);
    }
}
