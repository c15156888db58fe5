package io.campuscrm.scheduling.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.ClashKind;
import io.campuscrm.scheduling.Recurrence;
import io.campuscrm.scheduling.ScheduleClash;
import io.campuscrm.security.UserService;

/**
 * Finds clashes with indexed range queries, never by loading schedules. Two sessions overlap when each starts
 * before the other ends ({@code other.start_at < this.end_at AND other.end_at > this.start_at}): sessions that only
 * touch (one ends at 17:30, the next starts at 17:30) do not clash, and cancelled sessions never clash. Because no
 * session is longer than {@link Recurrence#MAX_SESSION}, an overlapping session must also start after
 * {@code this.start_at - MAX_SESSION}: that lower bound turns "starts before my end" into a short range of the
 * {@code (room_id, start_at)} and {@code (user_id, start_at)} indexes.
 */
@Component
public class ClashFinder {

    private static final long MAX_SECONDS = Recurrence.MAX_SESSION.toSeconds();

    private final JdbcTemplate jdbc;
    private final UserService users;
    private final InstitutionService institution;

    ClashFinder(JdbcTemplate jdbc, UserService users, InstitutionService institution) {
        this.jdbc = jdbc;
        this.users = users;
        this.institution = institution;
    }

    /** The first clash of the class's scheduled sessions that start at or after {@code from}, in time order. */
    public Optional<ScheduleClash> inClass(long classId, Instant from) {
        var fromUtc = SessionStore.utc(from);
        Optional<ScheduleClash> room = jdbc.query("""
                SELECT o.id FROM class_session n
                JOIN class_session o ON o.room_id = n.room_id AND o.id <> n.id AND o.status = 'SCHEDULED'
                     AND o.start_at > n.start_at - INTERVAL ? SECOND AND o.start_at < n.end_at
                     AND o.end_at > n.start_at
                WHERE n.class_id = ? AND n.status = 'SCHEDULED' AND n.start_at >= ?
                ORDER BY n.start_at, o.start_at LIMIT 1
                """, (rs, i) -> rs.getLong(1), MAX_SECONDS, classId, fromUtc).stream().findFirst()
                .map(other -> describe(ClashKind.ROOM, other, null));
        if (room.isPresent()) {
            return room;
        }
        return jdbc.query("""
                SELECT o.session_id, o.user_id FROM session_teacher n
                JOIN session_teacher o ON o.user_id = n.user_id AND o.session_id <> n.session_id AND o.active
                     AND o.start_at > n.start_at - INTERVAL ? SECOND AND o.start_at < n.end_at
                     AND o.end_at > n.start_at
                WHERE n.class_id = ? AND n.active AND n.start_at >= ?
                ORDER BY n.start_at, o.start_at LIMIT 1
                """, (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, MAX_SECONDS, classId, fromUtc).stream()
                .findFirst().map(pair -> describe(ClashKind.TEACHER, pair[0], pair[1]));
    }

    /**
     * The first clash of a session that would take place from {@code start} to {@code end} in {@code roomId},
     * taught by {@code teacherIds}; {@code ignoredSessionId} is the session itself when it is being moved.
     */
    public Optional<ScheduleClash> forSlot(Instant start, Instant end, long roomId, Collection<Long> teacherIds,
            long ignoredSessionId) {
        var startUtc = SessionStore.utc(start);
        var endUtc = SessionStore.utc(end);
        var lowest = SessionStore.utc(start.minus(Recurrence.MAX_SESSION));
        Optional<ScheduleClash> room = jdbc.query("""
                SELECT o.id FROM class_session o
                WHERE o.room_id = ? AND o.start_at > ? AND o.start_at < ? AND o.end_at > ?
                  AND o.status = 'SCHEDULED' AND o.id <> ?
                ORDER BY o.start_at LIMIT 1
                """, (rs, i) -> rs.getLong(1), roomId, lowest, endUtc, startUtc, ignoredSessionId).stream()
                .findFirst().map(other -> describe(ClashKind.ROOM, other, null));
        if (room.isPresent() || teacherIds.isEmpty()) {
            return room;
        }
        var ids = Set.copyOf(teacherIds);
        Object[] args = new Object[ids.size() + 4];
        int i = 0;
        for (long id : ids) {
            args[i++] = id;
        }
        args[i++] = lowest;
        args[i++] = endUtc;
        args[i++] = startUtc;
        args[i] = ignoredSessionId;
        return jdbc.query("SELECT o.session_id, o.user_id FROM session_teacher o WHERE o.user_id IN ("
                + SessionStore.placeholders(ids.size()) + """
                ) AND o.start_at > ? AND o.start_at < ? AND o.end_at > ? AND o.active AND o.session_id <> ?
                ORDER BY o.start_at LIMIT 1
                """, (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, args).stream().findFirst()
                .map(pair -> describe(ClashKind.TEACHER, pair[0], pair[1]));
    }

    private record Other(long classId, String classCode, String roomName, LocalDate date, LocalDateTime start,
            LocalDateTime end) {
    }

    /** The message naming the clash: who or what, which class, when (the other session's date and times). */
    ScheduleClash describe(ClashKind kind, long otherSessionId, Long who) {
        var other = jdbc.queryForObject("""
                SELECT s.class_id, c.code, r.name, s.session_date, s.starts_local, s.ends_local
                FROM class_session s JOIN school_class c ON c.id = s.class_id JOIN room r ON r.id = s.room_id
                WHERE s.id = ?
                """, (rs, n) -> new Other(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDateTime.class),
                rs.getObject(6, LocalDateTime.class)), otherSessionId);
        var format = new ScheduleFormat(institution.settings().locale());
        String subject = switch (kind) {
            case ROOM -> other.roomName();
            case TEACHER, STUDENT -> users.displayNames(List.of(who)).getOrDefault(who, "#" + who);
        };
        String key = switch (kind) {
            case ROOM -> "scheduling.clash.room";
            case TEACHER -> "scheduling.clash.teacher";
            case STUDENT -> "scheduling.clash.student";
        };
        return new ScheduleClash(kind, otherSessionId, other.classId(), key, List.of(subject, other.classCode(),
                format.date(other.date()), format.time(other.start()), format.time(other.end())));
    }
}
