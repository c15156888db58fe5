package io.campuscrm.scheduling;

/**
 * How a session came about: generated from the class's recurrence rule, moved by hand from its generated date and
 * time, or added by hand. Regenerating replaces only future generated sessions that were not held.
 */
public enum SessionOrigin {
    GENERATED, MOVED, ADDED;

    public String messageKey() {
        return "session.origin." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
