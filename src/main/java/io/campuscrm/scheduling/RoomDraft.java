package io.campuscrm.scheduling;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an administrator enters for a room. */
public record RoomDraft(long campusId, @NotBlank @Size(max = 120) String name, @Min(1) @Max(1000) int capacity,
        boolean active) {
}
