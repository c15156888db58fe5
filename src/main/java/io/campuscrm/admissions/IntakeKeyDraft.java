package io.campuscrm.admissions;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new intake key: who holds it, the source its leads come from, and optionally the campus (a request that names
 * none goes there) and the campaign they belong to; at most {@code perMinute} requests a minute.
 */
public record IntakeKeyDraft(@NotBlank @Size(max = 100) String name, long sourceId, @Nullable Long campusId,
        @Nullable Long campaignId, @Min(1) @Max(6000) int perMinute) {
}
