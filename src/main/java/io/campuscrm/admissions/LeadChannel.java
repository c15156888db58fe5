package io.campuscrm.admissions;

/** Where a lead came in through: entered by staff, the public inquiry form, the intake endpoint, or a file. */
public enum LeadChannel {
    STAFF, FORM, API, IMPORT;

    /** The channel's name, in the bundles. */
    public String messageKey() {
        return "lead.channel." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
