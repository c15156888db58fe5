package io.campuscrm.admissions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A lead as {@link LeadBulkLoader} writes it, with its past: when it came in, the stage it reached, when it was
 * first contacted, its owner and next step, and its follow-ups. Contacts in their stored form (E.164, lower-case
 * e-mail).
 */
public record BulkLead(long campusId, String childName, @Nullable String guardianName, @Nullable String phone,
        @Nullable String email, @Nullable Long courseId, @Nullable String preferredTimes, @Nullable String message,
        long sourceId, @Nullable Long campaignId, @Nullable Long referringFamilyId, LeadStage stage,
        @Nullable Long lostReasonId, @Nullable Long ownerId, @Nullable NextAction nextAction,
        @Nullable LocalDate nextActionOn, Instant createdAt, @Nullable Instant firstContactAt, LeadChannel channel,
        List<FollowUp> followUps) {

    public BulkLead {
        followUps = List.copyOf(followUps);
    }

    /** A follow-up of a bulk-loaded lead: what, when, what it set next, and who (a user id and their username). */
    public record FollowUp(FollowUpKind kind, String outcome, Instant at, @Nullable NextAction nextAction,
            @Nullable LocalDate nextActionOn, @Nullable Long byUserId, String byUsername) {
    }
}
