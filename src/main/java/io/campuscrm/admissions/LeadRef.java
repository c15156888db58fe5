package io.campuscrm.admissions;

/**
 * A lead as the user saw it when choosing it for a bulk action: its id and the version shown, so that one changed
 * meanwhile refuses the action instead of being overwritten.
 */
public record LeadRef(long id, long version) {

    public static LeadRef of(Lead lead) {
        return new LeadRef(lead.id(), lead.version());
    }
}
