package io.campuscrm.admissions;

import org.jspecify.annotations.Nullable;

/**
 * An entry of an editable list (where leads come from, why they were lost): a built-in one has a message key, a
 * school's own a name.
 */
public record LeadChoice(long id, @Nullable String labelKey, @Nullable String name) {

    /** The built-in source of leads a family sent: such a lead names the referring family. */
    public static final String REFERRAL = "lead.source.referral";

    /** Whether this is the built-in referral source. */
    public boolean referral() {
        return REFERRAL.equals(labelKey);
    }
}
