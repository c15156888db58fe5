package io.campuscrm.scheduling;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** What an administrator enters for a room; a campus id of 0 means none was chosen. */
public record RoomDraft(@Positive long campusId, @NotBlank @Size(max = 120) String name,
        @Min(1) @Max(1000) int capacity, boolean active) {
}
