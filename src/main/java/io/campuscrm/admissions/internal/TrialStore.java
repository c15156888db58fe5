package io.campuscrm.admissions.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import io.campuscrm.admissions.TrialBooking;
import io.campuscrm.admissions.TrialStatus;
import io.campuscrm.shared.database.UtcDateTime;

/** Trial lessons ({@code lead_trial}), with plain JDBC: every read one statement, whatever the number of rows. */
@Component
public class TrialStore {

    private static final String COLUMNS = """
            id, lead_id, campus_id, session_id, class_id, course_id, class_code, class_name, starts_at, ends_at,
            status, cancelled_why, version, created_at, created_by""";

    private final NamedParameterJdbcTemplate jdbc;

    TrialStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A trial to insert: the lead, and the session as scheduling gave it. */
    public record NewTrial(long leadId, long campusId, long sessionId, long classId, long courseId, String classCode,
            String className, Instant startAt, Instant endAt) {
    }

    public long insert(NewTrial trial, Instant now, String user) {
        var keys = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO lead_trial (lead_id, campus_id, session_id, class_id, course_id, class_code, class_name,
                    starts_at, ends_at, status, version, created_at, created_by, updated_at, updated_by)
                VALUES (:lead, :campus, :session, :class, :course, :code, :name, :starts, :ends, 'BOOKED', 0, :now,
                    :user, :now, :user)""", new MapSqlParameterSource("lead", trial.leadId())
                .addValue("campus", trial.campusId()).addValue("session", trial.sessionId())
                .addValue("class", trial.classId()).addValue("course", trial.courseId())
                .addValue("code", trial.classCode()).addValue("name", trial.className())
                .addValue("starts", UtcDateTime.of(trial.startAt())).addValue("ends", UtcDateTime.of(trial.endAt()))
                .addValue("now", UtcDateTime.of(now)).addValue("user", user), keys, new String[] {"id"});
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    /**
     * Locks the campus's row until the transaction ends: bookings of one campus take their turn, so that two of them
     * cannot both take a session's last seat, nor give one lead two trials at the same time.
     */
    public void lockCampus(long campusId) {
        jdbc.queryForList("SELECT id FROM campus WHERE id = :id FOR UPDATE", Map.of("id", campusId), Long.class);
    }

    public Optional<TrialBooking> find(long id, ZoneId zone) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lead_trial WHERE id = :id", Map.of("id", id),
                (rs, n) -> trial(rs, zone)).stream().findFirst();
    }

    /** The lead's trials, the latest first (its index). */
    public List<TrialBooking> ofLead(long leadId, ZoneId zone) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lead_trial WHERE lead_id = :lead ORDER BY starts_at DESC, id"
                + " DESC", Map.of("lead", leadId), (rs, n) -> trial(rs, zone));
    }

    /** How many trials the lead has that are not cancelled. */
    public int countOf(long leadId) {
        return Objects.requireNonNull(jdbc.queryForObject("SELECT COUNT(*) FROM lead_trial WHERE lead_id = :lead"
                + " AND status <> 'CANCELLED'", Map.of("lead", leadId), Integer.class));
    }

    /** Whether the lead has a trial, not cancelled, overlapping {@code start} to {@code end}. */
    public boolean overlaps(long leadId, Instant start, Instant end) {
        return Objects.requireNonNull(jdbc.queryForObject("""
                SELECT COUNT(*) FROM lead_trial WHERE lead_id = :lead AND status <> 'CANCELLED'
                  AND starts_at < :end AND ends_at > :start""", new MapSqlParameterSource("lead", leadId)
                .addValue("start", UtcDateTime.of(start)).addValue("end", UtcDateTime.of(end)), Integer.class)) > 0;
    }

    /** The seats trial guests take in each of these sessions (not cancelled ones); sessions without any left out. */
    public Map<Long, Integer> seatsIn(Collection<Long> sessionIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (sessionIds.isEmpty()) {
            return counts;
        }
        jdbc.query("SELECT session_id, COUNT(*) FROM lead_trial WHERE session_id IN (:ids)"
                + " AND status <> 'CANCELLED' GROUP BY session_id", Map.of("ids", sessionIds), rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }

    /** A trial guest as the roster shows them: the trial, the lead's child and guardian. */
    public record Guest(long trialId, long leadId, String childName, @Nullable String guardianName,
            @Nullable String phone, TrialStatus status) {
    }

    /** The session's trial guests (not cancelled), by the child's name: one statement. */
    public List<Guest> guestsOf(long sessionId) {
        return jdbc.query("""
                SELECT t.id, t.lead_id, l.child_name, l.guardian_name, l.phone, t.status
                FROM lead_trial t JOIN admission_lead l ON l.id = t.lead_id
                WHERE t.session_id = :session AND t.status <> 'CANCELLED'
                ORDER BY l.child_name, t.id""", Map.of("session", sessionId), (rs, n) -> new Guest(rs.getLong(1),
                rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), TrialStatus.valueOf(rs.getString(6))));
    }

    /** The trials booked into this session (not yet attended, not cancelled), locked until the transaction ends. */
    public List<TrialBooking> bookedIn(long sessionId, ZoneId zone) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lead_trial WHERE session_id = :session AND status = 'BOOKED'"
                + " ORDER BY id FOR UPDATE", Map.of("session", sessionId), (rs, n) -> trial(rs, zone));
    }

    /** The trials booked into the class's sessions starting at or after {@code from}, locked. */
    public List<TrialBooking> bookedInClass(long classId, Instant from, ZoneId zone) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lead_trial WHERE class_id = :class AND starts_at >= :from"
                + " AND status = 'BOOKED' ORDER BY id FOR UPDATE", new MapSqlParameterSource("class", classId)
                .addValue("from", UtcDateTime.of(from)), (rs, n) -> trial(rs, zone));
    }

    /** Who changed the trial last, and when: what a refused stale edit tells. */
    public record LastChange(String by, Instant at) {
    }

    public Optional<LastChange> lastChange(long id) {
        return jdbc.query("SELECT updated_by, updated_at FROM lead_trial WHERE id = :id", Map.of("id", id),
                (rs, n) -> new LastChange(rs.getString(1), Objects.requireNonNull(UtcDateTime.read(rs,
                        "updated_at")))).stream().findFirst();
    }

    /** Sets a trial's status (and why it was cancelled), guarded by the version; false when it changed meanwhile. */
    public boolean setStatus(long id, long version, TrialStatus status, @Nullable String cancelledWhy, Instant now,
            String user) {
        return jdbc.update("""
                UPDATE lead_trial SET status = :status, cancelled_why = :why, version = version + 1,
                    updated_at = :now, updated_by = :user
                WHERE id = :id AND version = :version""", new MapSqlParameterSource("id", id)
                .addValue("version", version).addValue("status", status.name()).addValue("why", cancelledWhy)
                .addValue("now", UtcDateTime.of(now)).addValue("user", user)) == 1;
    }

    /** Gives a trial its session's new times. */
    public void move(long id, Instant startAt, Instant endAt, Instant now, String user) {
        jdbc.update("""
                UPDATE lead_trial SET starts_at = :starts, ends_at = :ends, version = version + 1, updated_at = :now,
                    updated_by = :user
                WHERE id = :id""", new MapSqlParameterSource("id", id).addValue("starts", UtcDateTime.of(startAt))
                .addValue("ends", UtcDateTime.of(endAt)).addValue("now", UtcDateTime.of(now)).addValue("user", user));
    }

    private static TrialBooking trial(ResultSet rs, ZoneId zone) throws SQLException {
        var starts = Objects.requireNonNull(UtcDateTime.read(rs, "starts_at"));
        var ends = Objects.requireNonNull(UtcDateTime.read(rs, "ends_at"));
        return new TrialBooking(rs.getLong("id"), rs.getLong("lead_id"), rs.getLong("campus_id"),
                rs.getLong("session_id"), rs.getLong("class_id"), rs.getLong("course_id"), rs.getString("class_code"),
                rs.getString("class_name"), starts.atZone(zone).toLocalDateTime(), ends.atZone(zone).toLocalDateTime(),
                starts, TrialStatus.valueOf(rs.getString("status")), rs.getString("cancelled_why"),
                rs.getLong("version"), Objects.requireNonNull(UtcDateTime.read(rs, "created_at")),
                rs.getString("created_by"));
    }
}
