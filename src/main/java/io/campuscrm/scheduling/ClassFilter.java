package io.campuscrm.scheduling;

import org.jspecify.annotations.Nullable;

/** Filters of the class list; null means any. {@code text} matches code or name. */
public record ClassFilter(@Nullable String text, @Nullable Long campusId, @Nullable Long termId,
        @Nullable Long courseId, @Nullable Long teacherId, @Nullable ClassStatus status) {

    public static ClassFilter all() {
        return new ClassFilter(null, null, null, null, null, null);
    }
}
