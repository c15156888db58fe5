package io.campuscrm.attendance;

/** What a package counts: lessons (a session is one) or hours (a session is its length). */
public enum PackageUnit {
    LESSONS, HOURS;

    public String messageKey() {
        return "package.unit." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
