package io.campuscrm.scheduling;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * What an administrator enters for a class: a course in a term at a campus, its room, teachers, capacity and
 * weekly recurrence (none: sessions are only added by hand). An id of 0 means none was chosen.
 */
public record ClassDraft(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[\\p{L}\\p{N}._/-]+") String code,
        @NotBlank @Size(max = 200) String name,
        @Positive long courseId,
        @Positive long termId,
        @Positive long campusId,
        @Positive long roomId,
        @Min(1) @Max(1000) int capacity,
        boolean waitingListEnabled,
        @NotNull ClassStatus status,
        @NotNull Set<Long> teacherIds,
        @Valid @Nullable Recurrence recurrence) {
}
