package io.campuscrm.admissions;

import java.time.Instant;
import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A lead's trial lesson: the session it is a guest of (its class and times, kept as scheduling moves it; local times
 * in the institution's zone), where it stands, and why it was cancelled ({@code STAFF} or {@code SESSION}) if it was.
 * {@code version} is what a cancellation must quote.
 */
public record TrialBooking(long id, long leadId, long campusId, long sessionId, long classId, long courseId,
        String classCode, String className, LocalDateTime startsLocal, LocalDateTime endsLocal, Instant startAt,
        TrialStatus status, @Nullable String cancelledWhy, long version, Instant createdAt, String createdBy) {

    /** The seat's key on the session's roster. */
    public String seatKey() {
        return seatKey(id);
    }

    public static String seatKey(long trialId) {
        return "trial:" + trialId;
    }
}
