package io.campuscrm.attendance;

/** Where a package came from: granted by an administrator, or sold (by billing, with the invoice it was sold on). */
public enum PackageSource {
    GRANTED, SOLD;

    public String messageKey() {
        return "package.source." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
