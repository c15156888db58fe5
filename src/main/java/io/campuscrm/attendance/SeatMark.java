package io.campuscrm.attendance;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A mark as the roster sends it: the seat's key, the status, minutes late (for LATE), an optional note. */
public record SeatMark(@NotNull @Size(max = 40) String seat, @NotNull AttendanceStatus status,
        @Nullable @Min(0) @Max(600) Integer lateMinutes, @Nullable @Size(max = 500) String note) {

    public static SeatMark of(String seat, AttendanceStatus status) {
        return new SeatMark(seat, status, null, null);
    }
}
