package io.campuscrm.attendance;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One entry of a roster's history: a seat's mark before (null the first time) and after, who and when. */
public record MarkChange(String seat, @Nullable Long studentId, @Nullable AttendanceStatus before,
        @Nullable Integer beforeLateMinutes, @Nullable String beforeNote, AttendanceStatus after,
        @Nullable Integer afterLateMinutes, @Nullable String afterNote, boolean correction,
        @Nullable String changedBy, Instant changedAt) {
}
