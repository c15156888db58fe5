package io.campuscrm.admissions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A key the school gave to a caller of the intake endpoint (its website, an ad platform), as the settings screen
 * lists it: its name, the start of the key to recognise it by ({@code prefix}), and what it files its leads under.
 * The key itself is never stored, only its hash.
 */
public record IntakeKey(long id, String name, String prefix, long sourceId, @Nullable Long campusId,
        @Nullable Long campaignId, int perMinute, Instant createdAt, @Nullable String createdBy,
        @Nullable Instant revokedAt, @Nullable String revokedBy, @Nullable Instant lastUsedAt, long version) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
