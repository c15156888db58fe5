package io.campuscrm.admissions;

/** Who may call the admissions services: the expressions their {@code @PreAuthorize} use. */
public final class AdmissionsRoles {

    /**
     * Leads: admissions users (the leads of their campuses, narrowed in the service) and administrators (all);
     * teachers and finance none. Reading the lists and campaigns (pickers, labels) is theirs too.
     */
    public static final String LEADS = "hasAnyRole('ADMIN', 'ADMISSIONS')";

    /** The admissions settings (the editable lists, campaigns): administrators only. */
    public static final String SETTINGS = "hasRole('ADMIN')";

    private AdmissionsRoles() {
    }
}
