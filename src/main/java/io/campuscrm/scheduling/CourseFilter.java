package io.campuscrm.scheduling;

import org.jspecify.annotations.Nullable;

/** Filters of the course list; null means any. {@code text} matches code, name or subject. */
public record CourseFilter(@Nullable String text, @Nullable Boolean active) {

    public static CourseFilter all() {
        return new CourseFilter(null, null);
    }
}
