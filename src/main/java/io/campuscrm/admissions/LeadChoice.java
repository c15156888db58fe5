package io.campuscrm.admissions;

import org.jspecify.annotations.Nullable;

/**
 * An entry of an editable list (where leads come from, why they were lost): a built-in one has a message key, a
 * school's own a name.
 */
public record LeadChoice(long id, @Nullable String labelKey, @Nullable String name) {
}
