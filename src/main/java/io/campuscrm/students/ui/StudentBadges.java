package io.campuscrm.students.ui;

import java.time.LocalDate;
import java.time.Period;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;

import io.campuscrm.shared.ui.Badge;
import io.campuscrm.students.StudentStatus;

/** Small shared pieces of the student views: the status badge and a student's age. */
final class StudentBadges {

    private StudentBadges() {
    }

    static Span status(StudentStatus status) {
        var badge = new Badge(UI.getCurrent().getTranslation(status.messageKey()), switch (status) {
            case ACTIVE -> Badge.Tone.SUCCESS;
            case PAUSED -> Badge.Tone.CONTRAST;
            case GRADUATED -> Badge.Tone.NEUTRAL;
            case WITHDRAWN -> Badge.Tone.ERROR;
        });
        badge.addClassName("student-status");
        return badge;
    }

    static @Nullable Integer age(@Nullable LocalDate birthDate, LocalDate today) {
        return birthDate == null ? null : Period.between(birthDate, today).getYears();
    }
}
