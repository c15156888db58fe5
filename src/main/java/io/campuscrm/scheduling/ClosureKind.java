package io.campuscrm.scheduling;

/** Why no lessons take place: a public holiday or a closure of the centre (a break, a maintenance day). */
public enum ClosureKind {
    HOLIDAY, CLOSURE;

    public String messageKey() {
        return "term.closure-kind." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
