package io.campuscrm.admissions;

import org.jspecify.annotations.Nullable;

/**
 * What a line of an admissions report is called: a message key (a built-in source or lost reason, "the pool", "no
 * campaign"), shown in the reader's language, or a name (a school's own entry, a campaign, a user, a campus).
 */
public record ReportLabel(@Nullable String key, @Nullable String name) {

    public static ReportLabel key(String key) {
        return new ReportLabel(key, null);
    }

    public static ReportLabel name(String name) {
        return new ReportLabel(null, name);
    }

    /** An entry of an editable list: its key when built in, else its name. */
    static ReportLabel of(@Nullable String key, @Nullable String name) {
        return key != null ? key(key) : name(name == null ? "" : name);
    }
}
