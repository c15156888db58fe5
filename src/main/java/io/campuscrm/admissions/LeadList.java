package io.campuscrm.admissions;

/**
 * The two editable lists of admissions: where leads come from, and why they were lost. Both have the same shape
 * (built-in entries shown in the reader's language, a school's own entries by name), so one service edits both.
 */
public enum LeadList {

    SOURCES("lead.settings.list.sources", "LeadSource"),
    LOST_REASONS("lead.settings.list.lost-reasons", "LeadLostReason");

    private final String messageKey;
    private final String auditType;

    LeadList(String messageKey, String auditType) {
        this.messageKey = messageKey;
        this.auditType = auditType;
    }

    /** What the list is called ("Lead sources"). */
    public String messageKey() {
        return messageKey;
    }

    /** The kind of record its entries are in the audit log ({@code audit.type.LeadSource}). */
    public String auditType() {
        return auditType;
    }
}
