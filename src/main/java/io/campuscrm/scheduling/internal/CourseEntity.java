package io.campuscrm.scheduling.internal;

import java.math.BigDecimal;

import io.campuscrm.scheduling.Course;
import io.campuscrm.scheduling.CourseDraft;
import io.campuscrm.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "course")
public class CourseEntity extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String code;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String subject;
    @Column(nullable = false)
    private String level = "";
    @Column(name = "session_minutes", nullable = false)
    private int sessionMinutes;
    @Column(name = "lesson_price", nullable = false, precision = 19, scale = 2)
    private BigDecimal lessonPrice;
    private boolean active = true;

    protected CourseEntity() {
    }

    public CourseEntity(CourseDraft draft) {
        apply(draft);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void apply(CourseDraft draft) {
        code = draft.code().strip();
        name = draft.name().strip();
        subject = draft.subject().strip();
        level = draft.level() == null ? "" : draft.level().strip();
        sessionMinutes = draft.sessionMinutes();
        lessonPrice = draft.lessonPrice();
        active = draft.active();
    }

    public CourseDraft toDraft() {
        return new CourseDraft(code, name, subject, level, sessionMinutes, lessonPrice, active);
    }

    public Course toCourse() {
        return new Course(id, code, name, subject, level, sessionMinutes, lessonPrice, active, getVersion());
    }
}
