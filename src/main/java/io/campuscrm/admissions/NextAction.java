package io.campuscrm.admissions;

import java.util.Locale;

/** What is to be done next about a lead. */
public enum NextAction {
    CALL, MESSAGE, MEETING, TRIAL, OTHER;

    public String messageKey() {
        return "lead.next." + name().toLowerCase(Locale.ROOT);
    }
}
