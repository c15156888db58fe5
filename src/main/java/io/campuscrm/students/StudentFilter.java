package io.campuscrm.students;

import org.jspecify.annotations.Nullable;

/**
 * Filters of the student list; null means any.
 *
 * @param text any part of a name, a phone number or its last digits, an e-mail or its start, a student number
 */
public record StudentFilter(@Nullable String text, @Nullable StudentStatus status, @Nullable Long campusId,
        @Nullable String tag) {

    public static StudentFilter all() {
        return new StudentFilter(null, null, null, null);
    }

    public static StudentFilter text(String text) {
        return new StudentFilter(text, null, null, null);
    }
}
