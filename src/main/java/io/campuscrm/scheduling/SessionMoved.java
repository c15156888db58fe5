package io.campuscrm.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A scheduled session now takes place at another date, time or room: {@code from…} where it was, {@code to…} where it
 * is (local date and times of the institution, and the start as a UTC instant). Moving a cancelled session publishes
 * nothing; its time counts again only when it is restored ({@link SessionRestored}).
 */
public record SessionMoved(long sessionId, long classId, LocalDate fromDate, LocalDateTime fromStartsLocal,
        LocalDateTime fromEndsLocal, Instant fromStartAt, long fromRoomId, LocalDate toDate, LocalDateTime toStartsLocal,
        LocalDateTime toEndsLocal, Instant toStartAt, long toRoomId) {
}
