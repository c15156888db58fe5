package io.campuscrm.attendance;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A guardian's leave request (请假) for a student's session, and the make-up seat (补课) it was given, if any.
 * {@code classLabel} and {@code makeUpLabel} name the classes ("ENG-101 — English 1").
 */
public record Leave(long id, long studentId, long sessionId, String classLabel, LocalDate sessionDate, String reason,
        @Nullable String requestedBy, @Nullable Long makeUpSessionId, @Nullable String makeUpLabel,
        @Nullable LocalDate makeUpDate, boolean cancelled, long version) {
}
