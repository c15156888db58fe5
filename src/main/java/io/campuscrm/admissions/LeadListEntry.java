package io.campuscrm.admissions;

import org.jspecify.annotations.Nullable;

/**
 * An entry of an editable list as the settings screen shows it, active or not. A built-in entry has a message key
 * (its label in the reader's language) and keeps it: it may be moved and deactivated but not renamed (decision 0071);
 * a school's own entry has a name.
 */
public record LeadListEntry(long id, @Nullable String labelKey, @Nullable String name, boolean active, int sortOrder,
        long version) {

    public boolean builtIn() {
        return labelKey != null;
    }

    /** The entry as pickers and labels take it. */
    public LeadChoice choice() {
        return new LeadChoice(id, labelKey, name);
    }
}
