package io.campuscrm.scheduling.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import io.campuscrm.scheduling.SessionOrigin;
import io.campuscrm.scheduling.SessionStatus;
import io.campuscrm.shared.domain.StaleEditException;
import io.campuscrm.shared.security.CurrentUser;

/**
 * Reads and writes sessions and their teachers with plain JDBC: a term of a few hundred classes makes tens of
 * thousands of sessions, written in batches, and {@code session_teacher} copies each session's times so that it can
 * be kept in step in one statement. UTC instants are stored as UTC wall-clock {@code DATETIME(6)}, like Hibernate
 * stores them here ({@code hibernate.jdbc.time_zone=UTC}); local times as they are.
 */
@Component
public class SessionStore {

    private static final int BATCH = 500;
    private static final String COLUMNS = """
            s.id, s.class_id, s.session_date, s.starts_local, s.ends_local, s.start_at, s.end_at, s.room_id,
            s.status, s.cancel_reason, s.origin, s.occurrence_date, s.held, s.version, s.updated_by, s.updated_at
            """;

    private static final String INSERT_TEACHER = """
            INSERT INTO session_teacher (session_id, user_id, class_id, start_at, end_at, active)
            SELECT s.id, ?, s.class_id, s.start_at, s.end_at, s.status = 'SCHEDULED'
            FROM class_session s WHERE s.id = ?
            """;

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    SessionStore(JdbcTemplate jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A new session to insert. */
    public record NewSession(long classId, Occurrence occurrence, long roomId, SessionOrigin origin,
            @Nullable LocalDate occurrenceDate) {
    }

    private static final String INSERT_SESSION = """
            INSERT INTO class_session (class_id, session_date, starts_local, ends_local, start_at, end_at,
                room_id, status, origin, occurrence_date, held, version, created_at, created_by,
                updated_at, updated_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?, ?, FALSE, 0, ?, ?, ?, ?)
            """;

    public void insert(List<NewSession> sessions) {
        var now = utc(clock.instant().truncatedTo(ChronoUnit.MICROS));
        String user = currentUser.username();
        for (int from = 0; from < sessions.size(); from += BATCH) {
            var chunk = sessions.subList(from, Math.min(sessions.size(), from + BATCH));
            jdbc.batchUpdate(INSERT_SESSION, chunk, chunk.size(), (ps, s) -> bind(ps, s, now, user));
        }
    }

    /** Inserts one session and returns its id. */
    public long insertOne(NewSession s) {
        var now = utc(clock.instant().truncatedTo(ChronoUnit.MICROS));
        String user = currentUser.username();
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement(INSERT_SESSION, Statement.RETURN_GENERATED_KEYS);
            bind(ps, s, now, user);
            return ps;
        }, keys);
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    private static void bind(PreparedStatement ps, NewSession s, LocalDateTime now, String user)
            throws SQLException {
        var o = s.occurrence();
        ps.setLong(1, s.classId());
        ps.setObject(2, o.date());
        ps.setObject(3, o.startsLocal());
        ps.setObject(4, o.endsLocal());
        ps.setObject(5, utc(o.startAt()));
        ps.setObject(6, utc(o.endAt()));
        ps.setLong(7, s.roomId());
        ps.setString(8, s.origin().name());
        ps.setObject(9, s.occurrenceDate());
        ps.setObject(10, now);
        ps.setString(11, user);
        ps.setObject(12, now);
        ps.setString(13, user);
    }

    public Optional<SessionRow> find(long sessionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM class_session s WHERE s.id = ?", ROW, sessionId).stream()
                .findFirst();
    }

    /**
     * A session with what marking it held needs to know, its row and its class's row locked until the transaction
     * ends (the class's lock is the one every change to its sessions takes first): one statement.
     */
    public record Locked(SessionRow session, long campusId, String classCode, boolean taughtBy) {
    }

    /** {@link Locked} for the session, {@code taughtBy} telling whether {@code teacherId} teaches it. */
    public Optional<Locked> lockWithClass(long sessionId, @Nullable Long teacherId) {
        return jdbc.query("SELECT " + COLUMNS + """
                , c.campus_id, c.code,
                  EXISTS (SELECT 1 FROM session_teacher t WHERE t.session_id = s.id AND t.user_id = ?) AS taught_by
                FROM class_session s JOIN school_class c ON c.id = s.class_id
                WHERE s.id = ? FOR UPDATE
                """, (rs, n) -> new Locked(ROW.mapRow(rs, n), rs.getLong("campus_id"), rs.getString("code"),
                rs.getBoolean("taught_by")), teacherId == null ? -1L : teacherId, sessionId).stream().findFirst();
    }

    /** The class's sessions that start at or after {@code from}, in time order. */
    public List<SessionRow> findByClassFrom(long classId, Instant from) {
        return jdbc.query("SELECT " + COLUMNS + """
                 FROM class_session s WHERE s.class_id = ? AND s.start_at >= ? ORDER BY s.start_at
                """, ROW, classId, utc(from));
    }

    public boolean classHasSessions(long classId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM class_session WHERE class_id = ?)", Boolean.class, classId));
    }

    /** Moves a session (new times, room, origin) if nobody changed it since {@code version}. */
    public void reschedule(SessionRow session, long version, Occurrence occurrence, long roomId,
            SessionOrigin origin) {
        update(session, version, """
                UPDATE class_session SET session_date = ?, starts_local = ?, ends_local = ?, start_at = ?,
                    end_at = ?, room_id = ?, origin = ?, version = version + 1, updated_at = ?, updated_by = ?
                WHERE id = ? AND version = ?
                """, occurrence.date(), occurrence.startsLocal(), occurrence.endsLocal(), utc(occurrence.startAt()),
                utc(occurrence.endAt()), roomId, origin.name());
    }

    public void setStatus(SessionRow session, long version, SessionStatus status, @Nullable String reason) {
        update(session, version, """
                UPDATE class_session SET status = ?, cancel_reason = ?, version = version + 1, updated_at = ?,
                    updated_by = ?
                WHERE id = ? AND version = ?
                """, status.name(), reason);
    }

    /** Records a change to the session made elsewhere (its teachers), refusing it if the session changed meanwhile. */
    public void touch(SessionRow session, long version) {
        update(session, version, """
                UPDATE class_session SET version = version + 1, updated_at = ?, updated_by = ?
                WHERE id = ? AND version = ?
                """);
    }

    public void setHeld(SessionRow session, boolean held) {
        update(session, session.version(), """
                UPDATE class_session SET held = ?, version = version + 1, updated_at = ?, updated_by = ?
                WHERE id = ? AND version = ?
                """, held);
    }

    private void update(SessionRow session, long version, String sql, Object... values) {
        if (session.version() != version) {
            throw stale(session);
        }
        // Arrays.asList, not List.of: a value may be null (a restored session's cancel reason)
        List<Object> args = new ArrayList<>(Arrays.asList(values));
        args.add(utc(clock.instant().truncatedTo(ChronoUnit.MICROS)));
        args.add(currentUser.username());
        args.add(session.id());
        args.add(version);
        if (jdbc.update(sql, args.toArray()) != 1) {
            throw stale(find(session.id()).orElse(session));
        }
    }

    /** Updates generated sessions in place to new times and room (a rule change that keeps their date). */
    public void retime(Collection<SessionRow> sessions, java.util.function.Function<SessionRow, Occurrence> times,
            long roomId) {
        var now = utc(clock.instant().truncatedTo(ChronoUnit.MICROS));
        String user = currentUser.username();
        List<SessionRow> list = List.copyOf(sessions);
        for (int from = 0; from < list.size(); from += BATCH) {
            var chunk = list.subList(from, Math.min(list.size(), from + BATCH));
            jdbc.batchUpdate("""
                    UPDATE class_session SET starts_local = ?, ends_local = ?, start_at = ?, end_at = ?, room_id = ?,
                        version = version + 1, updated_at = ?, updated_by = ?
                    WHERE id = ?
                    """, chunk, chunk.size(), (ps, s) -> {
                var o = times.apply(s);
                ps.setObject(1, o.startsLocal());
                ps.setObject(2, o.endsLocal());
                ps.setObject(3, utc(o.startAt()));
                ps.setObject(4, utc(o.endAt()));
                ps.setLong(5, roomId);
                ps.setObject(6, now);
                ps.setString(7, user);
                ps.setLong(8, s.id());
            });
        }
    }

    public void delete(Collection<Long> sessionIds) {
        List<Long> ids = List.copyOf(sessionIds);
        for (int from = 0; from < ids.size(); from += BATCH) {
            var chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            jdbc.update("DELETE FROM class_session WHERE id IN (" + placeholders(chunk.size()) + ")",
                    chunk.toArray());
        }
    }

    /**
     * Cancels the class's scheduled sessions that have not started by {@code from} and were not held; the caller holds
     * the class's lock, so the sessions read first are the ones the update cancels.
     *
     * @return the sessions cancelled, as they were before
     */
    public List<SessionRow> cancelFrom(long classId, Instant from, String reason) {
        var cancelled = findByClassFrom(classId, from).stream().filter(s -> s.scheduled() && !s.held()).toList();
        jdbc.update("""
                UPDATE class_session SET status = 'CANCELLED', cancel_reason = ?, version = version + 1,
                    updated_at = ?, updated_by = ?
                WHERE class_id = ? AND start_at >= ? AND status = 'SCHEDULED' AND held = FALSE
                """, reason, utc(clock.instant().truncatedTo(ChronoUnit.MICROS)), currentUser.username(), classId,
                utc(from));
        return cancelled;
    }

    // --- teachers of sessions -------------------------------------------------------------------------------

    /** Gives {@code teacherIds} to the class's not-held sessions from {@code from} on that have no teacher yet. */
    public void addTeachersWhereMissing(long classId, Instant from, Collection<Long> teacherIds) {
        if (teacherIds.isEmpty()) {
            return;
        }
        record Bare(long id, LocalDateTime start, LocalDateTime end, boolean active) {
        }
        List<Bare> bare = jdbc.query("""
                SELECT s.id, s.start_at, s.end_at, s.status = 'SCHEDULED' FROM class_session s
                WHERE s.class_id = ? AND s.start_at >= ? AND s.held = FALSE
                  AND NOT EXISTS (SELECT 1 FROM session_teacher st WHERE st.session_id = s.id)
                """, (rs, n) -> new Bare(rs.getLong(1), rs.getObject(2, LocalDateTime.class),
                rs.getObject(3, LocalDateTime.class), rs.getBoolean(4)), classId, utc(from));
        record Row(Bare session, long teacherId) {
        }
        List<Row> rows = new ArrayList<>();
        for (Bare session : bare) {
            for (long teacherId : teacherIds) {
                rows.add(new Row(session, teacherId));
            }
        }
        // Plain VALUES: MariaDB's bulk protocol, which batches use, does not take INSERT … SELECT.
        for (int i = 0; i < rows.size(); i += BATCH) {
            var chunk = rows.subList(i, Math.min(rows.size(), i + BATCH));
            jdbc.batchUpdate("""
                    INSERT INTO session_teacher (session_id, user_id, class_id, start_at, end_at, active)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, chunk, chunk.size(), (ps, row) -> {
                ps.setLong(1, row.session().id());
                ps.setLong(2, row.teacherId());
                ps.setLong(3, classId);
                ps.setObject(4, row.session().start());
                ps.setObject(5, row.session().end());
                ps.setBoolean(6, row.session().active());
            });
        }
    }

    /** The class's not-held sessions from {@code from} on are taught by exactly {@code teacherIds}. */
    public void replaceTeachers(long classId, Instant from, Collection<Long> teacherIds) {
        jdbc.update("""
                DELETE st FROM session_teacher st JOIN class_session s ON s.id = st.session_id
                WHERE s.class_id = ? AND s.start_at >= ? AND s.held = FALSE
                """, classId, utc(from));
        addTeachersWhereMissing(classId, from, teacherIds);
    }

    /** One session is taught by exactly {@code teacherIds}. */
    public void replaceTeachersOf(long sessionId, Collection<Long> teacherIds) {
        jdbc.update("DELETE FROM session_teacher WHERE session_id = ?", sessionId);
        for (long teacherId : teacherIds) {
            jdbc.update(INSERT_TEACHER, teacherId, sessionId);
        }
    }

    /** Copies the sessions' times and state into their teacher rows after the sessions changed. */
    public void refreshTeachersOfClass(long classId) {
        jdbc.update("""
                UPDATE session_teacher st JOIN class_session s ON s.id = st.session_id
                SET st.start_at = s.start_at, st.end_at = s.end_at, st.active = (s.status = 'SCHEDULED')
                WHERE st.class_id = ?
                """, classId);
    }

    public void refreshTeachersOfSession(long sessionId) {
        jdbc.update("""
                UPDATE session_teacher st JOIN class_session s ON s.id = st.session_id
                SET st.start_at = s.start_at, st.end_at = s.end_at, st.active = (s.status = 'SCHEDULED')
                WHERE st.session_id = ?
                """, sessionId);
    }

    public List<Long> teachersOf(long sessionId) {
        return jdbc.queryForList("SELECT user_id FROM session_teacher WHERE session_id = ? ORDER BY user_id",
                Long.class, sessionId);
    }

    private static StaleEditException stale(SessionRow current) {
        return new StaleEditException(current.updatedBy() == null ? "?" : current.updatedBy(), current.updatedAt());
    }

    static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    public static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }

    static final RowMapper<SessionRow> ROW = (rs, n) -> new SessionRow(rs.getLong("id"), rs.getLong("class_id"),
            rs.getObject("session_date", LocalDate.class), rs.getObject("starts_local", LocalDateTime.class),
            rs.getObject("ends_local", LocalDateTime.class), instant(rs, "start_at"), instant(rs, "end_at"),
            rs.getLong("room_id"), SessionStatus.valueOf(rs.getString("status")), rs.getString("cancel_reason"),
            SessionOrigin.valueOf(rs.getString("origin")), rs.getObject("occurrence_date", LocalDate.class),
            rs.getBoolean("held"), rs.getLong("version"), rs.getString("updated_by"), instant(rs, "updated_at"));
}
