package io.campuscrm.admissions;

/**
 * Where a campus's new leads go when nobody took them on entry (the form, the endpoint, a file without owners, an
 * administrator's entry): round the campus's admissions users in turn, or into its pool (setting
 * {@code admissions.new-leads}, per campus).
 */
public enum LeadRouting {
    /** In turn to each active admissions user of the campus, skipping the away and those at their cap. */
    ROUND_ROBIN,
    /** Into the campus's pool, for whoever claims them. */
    POOL
}
