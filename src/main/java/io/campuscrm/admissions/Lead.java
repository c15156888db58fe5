package io.campuscrm.admissions;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A lead as the service answers it. {@code ownerId} null: in its campus's pool. {@code language}: the guardian's, as a
 * BCP 47 tag, when they wrote in one (the form's, the endpoint's); null: the institution's. {@code quietSince}: when
 * its owner last took it or followed it up (null in the pool); quiet for its campus's days, it returns to the pool.
 * {@code studentId}: the student it was converted into (Enrolled).
 */
public record Lead(long id, long campusId, String childName, @Nullable String guardianName, @Nullable String phone,
        @Nullable String email, @Nullable Long courseId, @Nullable String preferredTimes, @Nullable String message,
        long sourceId, @Nullable Long campaignId, @Nullable Long referringFamilyId, @Nullable Long familyId,
        LeadStage stage, @Nullable Long lostReasonId, @Nullable Long ownerId, @Nullable NextAction nextAction,
        @Nullable LocalDate nextActionOn, @Nullable String consentText, @Nullable Instant consentAt,
        @Nullable Long mergedIntoId, long version, Instant createdAt, @Nullable String createdBy, Instant updatedAt,
        @Nullable String updatedBy, @Nullable Instant firstContactAt, LeadChannel channel,
        @Nullable String language, @Nullable Instant quietSince, @Nullable Long studentId) {

    /** Open and without a date for its next step: on someone's dashboard until it has one. */
    public boolean withoutNextStep() {
        return stage.open() && nextActionOn == null;
    }
}
