package io.campuscrm.reporting.internal;

import org.jspecify.annotations.Nullable;

/** Helpers for choice parameters whose values are entity ids. */
final class ReportChoices {

    private ReportChoices() {
    }

    /** The id a choice value names, or null when it is not a positive decimal number. */
    static @Nullable Long id(String value) {
        try {
            long id = Long.parseLong(value.strip());
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
