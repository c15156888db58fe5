package io.campuscrm.admissions;

import java.util.Locale;

/** What a follow-up was. */
public enum FollowUpKind {
    CALL, MESSAGE, MEETING, NOTE;

    public String messageKey() {
        return "lead.follow-up." + name().toLowerCase(Locale.ROOT);
    }
}
