package io.campuscrm.admissions;

import org.jspecify.annotations.Nullable;

/**
 * A lead as the intake endpoint takes it (JSON, these names). {@code requestId}: the caller's own id for the
 * request, which makes a retry safe (the same id answers the lead it made); {@code campusId}: none, the key's;
 * {@code language}: the guardian's, as a BCP 47 tag ({@code en}, {@code zh-CN}); {@code consentText}: the wording
 * they agreed to be contacted by, when the caller asked for it.
 */
public record IntakeRequest(@Nullable String requestId, @Nullable Long campusId, @Nullable String childName,
        @Nullable String guardianName, @Nullable String phone, @Nullable String email, @Nullable Long courseId,
        @Nullable String preferredTimes, @Nullable String message, @Nullable String language,
        @Nullable String consentText) {
}
