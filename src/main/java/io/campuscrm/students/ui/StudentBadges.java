package io.campuscrm.students.ui;

import java.time.LocalDate;
import java.time.Period;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;

import io.campuscrm.students.StudentStatus;

/** Small shared pieces of the student views: the status badge and a student's age. */
final class StudentBadges {

    private StudentBadges() {
    }

    static Span status(StudentStatus status) {
        var badge = new Span(UI.getCurrent().getTranslation(status.messageKey()));
        String theme = switch (status) {
            case ACTIVE -> "badge success";
            case PAUSED -> "badge contrast";
            case GRADUATED -> "badge";
            case WITHDRAWN -> "badge error";
        };
        badge.getElement().getThemeList().add(theme);
        badge.addClassName("student-status");
        return badge;
    }

    static @Nullable Integer age(@Nullable LocalDate birthDate, LocalDate today) {
        return birthDate == null ? null : Period.between(birthDate, today).getYears();
    }
}
