package io.campuscrm.admissions;

import org.jspecify.annotations.Nullable;

/**
 * Someone the school already knows who shares a new lead's phone or e-mail: another lead (a duplicate to merge), a
 * student or a guardian (the child may be a sibling: link to the family).
 *
 * @param familyId the family of a student or guardian, null for a lead
 */
public record LeadMatch(Kind kind, long id, String name, Reason reason, String value, @Nullable Long familyId) {

    public enum Kind {
        LEAD, STUDENT, GUARDIAN
    }

    public enum Reason {
        PHONE, EMAIL
    }
}
