package io.campuscrm.admissions;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.campuscrm.attendance.PackageUnit;

/**
 * A lead became a student (published when the conversion commits): what it came from, for the funnel and the cost
 * per enrolment, and what was chosen, for billing. The enrollment itself is scheduling's {@code StudentEnrolled}
 * (what billing invoices on, once); a place on a waiting list has {@code waiting} and no {@code StudentEnrolled}
 * until promoted. A lesson package chosen instead ({@code packageCourseId}) is for the finance office to sell.
 */
public record LeadConverted(long leadId, long studentId, long familyId, long campusId, long sourceId,
        @Nullable Long campaignId, @Nullable Long ownerId, @Nullable Long classId, @Nullable Long enrollmentId,
        boolean waiting, @Nullable Long packageCourseId, @Nullable PackageUnit packageUnit,
        @Nullable BigDecimal packageQuantity, Instant convertedAt) {
}
