package io.campuscrm.attendance;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A seat's saved mark: status, minutes late, note, and who marked it when. */
public record Mark(AttendanceStatus status, @Nullable Integer lateMinutes, @Nullable String note,
        @Nullable String markedBy, Instant markedAt) {

    /** Whether {@code other} says the same (status, minutes, note), whoever saved it. */
    public boolean sameAs(SeatMark other) {
        return status == other.status() && java.util.Objects.equals(lateMinutes, other.lateMinutes())
                && java.util.Objects.equals(note, other.note());
    }
}
