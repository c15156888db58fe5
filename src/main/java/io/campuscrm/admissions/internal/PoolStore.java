package io.campuscrm.admissions.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.shared.database.UtcDateTime;

/**
 * The SQL of 私海 and 公海 (decision 0076): the round of new leads, the users' presence and the row a claim locks,
 * claims as one guarded update, and the return job's batches (a lock, an insert of history and an update per batch,
 * whatever its size).
 */
@Component
public class PoolStore {

    /** Open leads, not merged away: the only ones that are owned, claimed or returned. */
    public static final String OPEN = "merged_into_id IS NULL AND stage NOT IN ('ENROLLED', 'LOST')";

    private final NamedParameterJdbcTemplate jdbc;

    PoolStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the campus's round (creating it the first time) until the transaction ends: new leads of one campus are
     * handed out one after the other. Answers the user given the last one, or null.
     */
    public @Nullable Long lockRound(long campusId, Instant now) {
        var params = new MapSqlParameterSource("campus", campusId).addValue("now", UtcDateTime.of(now));
        jdbc.update("""
                INSERT INTO lead_round_robin (campus_id, updated_at) VALUES (:campus, :now)
                ON DUPLICATE KEY UPDATE campus_id = campus_id""", params);
        return jdbc.query("SELECT last_user_id FROM lead_round_robin WHERE campus_id = :campus FOR UPDATE", params,
                rs -> rs.next() ? (Long) rs.getObject(1, Long.class) : null);
    }

    public void setRound(long campusId, long userId, Instant now) {
        jdbc.update("UPDATE lead_round_robin SET last_user_id = :user, updated_at = :now WHERE campus_id = :campus",
                new MapSqlParameterSource("campus", campusId).addValue("user", userId)
                        .addValue("now", UtcDateTime.of(now)));
    }

    /** Which of these users are away on the day. */
    public Set<Long> awayOn(Collection<Long> userIds, LocalDate day) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("""
                SELECT user_id FROM lead_owner_state
                WHERE user_id IN (:users) AND away_from <= :day AND away_until >= :day""",
                new MapSqlParameterSource("users", userIds).addValue("day", day), Long.class));
    }

    /** How many open leads of the campus each of these users owns (absent: none), in one grouped statement. */
    public Map<Long, Long> openCounts(long campusId, Collection<Long> userIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (userIds.isEmpty()) {
            return counts;
        }
        jdbc.query("SELECT owner_id, COUNT(*) FROM admission_lead WHERE campus_id = :campus AND owner_id IN (:users)"
                + " AND " + OPEN + " GROUP BY owner_id", new MapSqlParameterSource("campus", campusId)
                .addValue("users", userIds), rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }

    /**
     * How many open leads of the campus the user owns. In a read-committed transaction after {@link #lockOwner}, the
     * count includes the user's claims that committed while this one waited for the lock. (Not a locking read: that
     * would share-lock the lead being claimed too, and two claims of it would deadlock.)
     */
    public long openCountNow(long campusId, long userId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM admission_lead WHERE owner_id = :user"
                + " AND campus_id = :campus AND " + OPEN, new MapSqlParameterSource(
                        "campus", campusId).addValue("user", userId), Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Locks the user's row (creating it the first time) until the transaction ends: two claims of one user at the
     * same moment count against their cap one after the other.
     */
    public void lockOwner(long userId, Instant now, String user) {
        jdbc.update("""
                INSERT INTO lead_owner_state (user_id, updated_at, updated_by) VALUES (:id, :now, :user)
                ON DUPLICATE KEY UPDATE user_id = user_id""", new MapSqlParameterSource("id", userId)
                .addValue("now", UtcDateTime.of(now)).addValue("user", user));
    }

    /**
     * When this user last let each of these leads go (those never let go are absent): released it themselves
     * ({@code RELEASED} by them), or had it returned to the pool for want of a follow-up ({@code RETURNED} from them).
     * One grouped statement.
     */
    public Map<Long, Instant> lastLetGo(Collection<Long> leadIds, long userId, String username) {
        Map<Long, Instant> at = new HashMap<>();
        if (leadIds.isEmpty()) {
            return at;
        }
        jdbc.query("""
                SELECT lead_id, MAX(occurred_at) FROM lead_event
                WHERE lead_id IN (:leads) AND ((kind = 'RELEASED' AND actor = :username)
                    OR (kind = 'RETURNED' AND before_value = :user))
                GROUP BY lead_id""", new MapSqlParameterSource("leads", leadIds).addValue("username", username)
                .addValue("user", String.valueOf(userId)), rs -> {
                    at.put(rs.getLong(1), UtcDateTime.read(rs, 2));
                });
        return at;
    }

    /**
     * Gives a lead of the pool to the user, if it is still in the pool: of two claims at the same moment, the
     * second waits for the first's row lock and then finds an owner. False when it was not in the pool any more.
     */
    public boolean claim(long leadId, long userId, Instant now, String user) {
        return jdbc.update("""
                UPDATE admission_lead SET owner_id = :owner, quiet_since = :now, return_warned_at = NULL,
                    version = version + 1, updated_at = :now, updated_by = :user
                WHERE id = :id AND owner_id IS NULL AND""" + " " + OPEN, new MapSqlParameterSource("id", leadId)
                .addValue("owner", userId).addValue("now", UtcDateTime.of(now)).addValue("user", user)) == 1;
    }

    /** The lead's owner (null: the pool); in a read-committed transaction, as committed now. */
    public @Nullable Long ownerOf(long leadId) {
        return jdbc.query("SELECT owner_id FROM admission_lead WHERE id = :id",
                Map.of("id", leadId), rs -> rs.next() ? (Long) rs.getObject(1, Long.class) : null);
    }

    /** An owned lead quiet for long enough, locked for its return. */
    public record Quiet(long id, long ownerId, long campusId, String childName, Instant quietSince) {
    }

    /**
     * Returns to the pool the next batch of the campus's owned open leads quiet since {@code cutoff} or before: one
     * locking select, one insert of their history lines and one update, whatever the batch's size. A follow-up
     * logged meanwhile waits for the lock and then keeps its lead (the update checks again).
     *
     * @return the leads returned (empty: none left)
     */
    public List<Quiet> returnBatch(long campusId, Instant cutoff, int days, Instant now, int limit, String actor) {
        var params = new MapSqlParameterSource("campus", campusId).addValue("cutoff", UtcDateTime.of(cutoff))
                .addValue("now", UtcDateTime.of(now)).addValue("limit", limit).addValue("actor", actor)
                .addValue("days", String.valueOf(days));
        var quiet = jdbc.query("SELECT id, owner_id, campus_id, child_name, quiet_since FROM admission_lead"
                + " WHERE campus_id = :campus AND quiet_since <= :cutoff AND owner_id IS NOT NULL AND " + OPEN
                + " ORDER BY quiet_since, id LIMIT :limit FOR UPDATE", params, (rs, n) -> new Quiet(rs.getLong(1),
                        rs.getLong(2), rs.getLong(3), rs.getString(4), UtcDateTime.read(rs, 5)));
        if (quiet.isEmpty()) {
            return quiet;
        }
        params.addValue("ids", quiet.stream().map(Quiet::id).toList());
        jdbc.update("""
                INSERT INTO lead_event (lead_id, kind, before_value, after_value, detail, occurred_at, actor)
                SELECT id, 'RETURNED', owner_id, NULL, :days, :now, :actor FROM admission_lead WHERE id IN (:ids)""",
                params);
        jdbc.update("""
                UPDATE admission_lead SET owner_id = NULL, quiet_since = NULL, return_warned_at = NULL,
                    version = version + 1, updated_at = :now, updated_by = :actor
                WHERE id IN (:ids)""", params);
        return quiet;
    }

    /**
     * The next batch of the campus's owned open leads that will return soon (quiet since {@code warnFrom} or before,
     * but after {@code returnFrom}) and whose owner was not warned yet, marked as warned: a select and an update.
     */
    public List<Quiet> warnBatch(long campusId, Instant warnFrom, Instant returnFrom, Instant now, int limit) {
        var params = new MapSqlParameterSource("campus", campusId).addValue("warn", UtcDateTime.of(warnFrom))
                .addValue("back", UtcDateTime.of(returnFrom)).addValue("now", UtcDateTime.of(now))
                .addValue("limit", limit);
        var quiet = jdbc.query("SELECT id, owner_id, campus_id, child_name, quiet_since FROM admission_lead"
                + " WHERE campus_id = :campus AND quiet_since <= :warn AND quiet_since > :back"
                + " AND return_warned_at IS NULL AND owner_id IS NOT NULL AND " + OPEN
                + " ORDER BY quiet_since, id LIMIT :limit FOR UPDATE", params, (rs, n) -> new Quiet(rs.getLong(1),
                        rs.getLong(2), rs.getLong(3), rs.getString(4), UtcDateTime.read(rs, 5)));
        if (!quiet.isEmpty()) {
            jdbc.update("UPDATE admission_lead SET return_warned_at = :now WHERE id IN (:ids)",
                    params.addValue("ids", quiet.stream().map(Quiet::id).toList()));
        }
        return quiet;
    }

    /** A lead of the user's that will return to the pool: when it has been quiet since, and its campus. */
    public record Returning(long id, String childName, long campusId, Instant quietSince) {
    }

    /**
     * The first of the user's open leads that match {@code condition} (those that go back to the pool soon, as the
     * dashboard's figures count them), soonest first: one statement.
     */
    public List<Returning> returning(long userId, String condition, MapSqlParameterSource params, int limit) {
        return jdbc.query("SELECT id, child_name, campus_id, quiet_since FROM admission_lead WHERE owner_id = :me AND "
                + OPEN + " AND (" + condition + ") ORDER BY quiet_since, id LIMIT :rlimit", params
                .addValue("me", userId).addValue("rlimit", limit), (rs, n) -> new Returning(rs.getLong(1),
                        rs.getString(2), rs.getLong(3), UtcDateTime.read(rs, 4)));
    }

    /** A user's days away, or none. */
    public record Away(long userId, @Nullable LocalDate from, @Nullable LocalDate until, long version) {
    }

    public Map<Long, Away> away(Collection<Long> userIds) {
        Map<Long, Away> away = new HashMap<>();
        if (userIds.isEmpty()) {
            return away;
        }
        jdbc.query("SELECT user_id, away_from, away_until, version FROM lead_owner_state WHERE user_id IN (:users)",
                Map.of("users", userIds), rs -> {
                    away.put(rs.getLong(1), new Away(rs.getLong(1), rs.getObject(2, LocalDate.class),
                            rs.getObject(3, LocalDate.class), rs.getLong(4)));
                });
        return away;
    }

    /** Sets (or clears, with nulls) the user's days away; false when it changed since {@code version}. */
    public boolean setAway(long userId, long version, @Nullable LocalDate from, @Nullable LocalDate until,
            Instant now, String user) {
        lockOwner(userId, now, user);
        return jdbc.update("""
                UPDATE lead_owner_state SET away_from = :from, away_until = :until, version = version + 1,
                    updated_at = :now, updated_by = :user
                WHERE user_id = :id AND version = :version""", new MapSqlParameterSource("id", userId)
                .addValue("version", version).addValue("from", from).addValue("until", until)
                .addValue("now", UtcDateTime.of(now)).addValue("user", user)) == 1;
    }
}
