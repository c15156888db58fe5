package io.campuscrm.admissions.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.admissions.LeadDashboard;
import io.campuscrm.admissions.LeadStage;
import io.campuscrm.admissions.LeadWork;
import io.campuscrm.admissions.NextAction;
import io.campuscrm.shared.database.UtcDateTime;

/**
 * The figures of the admissions dashboard and of the follow-up digest, with plain JDBC: each a single statement over
 * the open leads (not merged away), on the indexes by owner and by campus.
 */
@Component
public class LeadDashboardStore {

    private static final String OPEN = "merged_into_id IS NULL AND stage NOT IN ('ENROLLED', 'LOST')";

    private final NamedParameterJdbcTemplate jdbc;

    LeadDashboardStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures of a user's day and their open leads per stage. */
    public record Figures(LeadWork work, Map<LeadStage, Long> byStage, long returning) {
    }

    /**
     * The user's figures in one statement grouped by stage over the open leads matching {@code campuses} (an
     * {@code AND campus_id IN (:campuses)} or nothing): {@code :me} is the user, {@code :today} the institution's
     * date. Every open stage is in the map, 0 when none. {@code returning} is the condition of a lead that goes back
     * to the pool soon ({@code FALSE} when none can): how many of the user's do.
     */
    public Figures figures(String campuses, String returning, MapSqlParameterSource params) {
        Map<LeadStage, Long> byStage = new EnumMap<>(LeadStage.class);
        for (LeadStage stage : LeadStage.values()) {
            if (stage.open()) {
                byStage.put(stage, 0L);
            }
        }
        long[] work = new long[5];
        jdbc.query("""
                SELECT stage,
                       COALESCE(SUM(owner_id = :me), 0),
                       COALESCE(SUM(owner_id = :me AND next_action_on = :today), 0),
                       COALESCE(SUM(owner_id = :me AND next_action_on < :today), 0),
                       COALESCE(SUM(owner_id = :me AND next_action_on IS NULL), 0),
                       COALESCE(SUM(owner_id IS NULL AND stage = 'NEW'), 0),
                       COALESCE(SUM(owner_id = :me AND (""" + returning + """
                )), 0)
                FROM admission_lead
                WHERE""" + " " + OPEN + campuses + " GROUP BY stage", params, rs -> {
                    byStage.put(LeadStage.valueOf(rs.getString(1)), rs.getLong(2));
                    for (int i = 0; i < work.length; i++) {
                        work[i] += rs.getLong(3 + i);
                    }
                });
        return new Figures(new LeadWork(work[0], work[1], work[2], work[3]), byStage, work[4]);
    }

    /**
     * The user's open leads due today or overdue, today's first and then the oldest, at most {@code limit}: an index
     * range by owner.
     */
    public List<LeadDashboard.DueLead> due(String campuses, MapSqlParameterSource params, int limit) {
        params.addValue("limit", limit);
        return jdbc.query("SELECT id, child_name, next_action, next_action_on FROM admission_lead WHERE owner_id = :me"
                + " AND next_action_on <= :today AND " + OPEN + campuses
                + " ORDER BY next_action_on = :today DESC, next_action_on, id LIMIT :limit", params, (rs, n) -> {
                    var on = rs.getObject(4, LocalDate.class);
                    return new LeadDashboard.DueLead(rs.getLong(1), rs.getString(2), action(rs.getString(3)), on,
                            on.isBefore((LocalDate) params.getValue("today")));
                });
    }

    /**
     * Of the leads matching {@code campuses} entered since {@code since} (not merged away): how many were contacted,
     * the median seconds to their first contact, how many open ones were not. One statement: MariaDB's
     * {@code MEDIAN} is a window function, taken over the contacted ones only.
     */
    public LeadDashboard.ResponseTime responseTime(String campuses, MapSqlParameterSource params, Instant since) {
        params.addValue("since", UtcDateTime.of(since));
        return jdbc.queryForObject("""
                SELECT COUNT(first_contact_at),
                       MAX(CASE WHEN first_contact_at IS NOT NULL THEN median_seconds END),
                       COALESCE(SUM(first_contact_at IS NULL AND stage NOT IN ('ENROLLED', 'LOST')), 0)
                FROM (SELECT first_contact_at, stage,
                             MEDIAN(TIMESTAMPDIFF(SECOND, created_at, first_contact_at))
                                 OVER (PARTITION BY first_contact_at IS NULL) AS median_seconds
                      FROM admission_lead
                      WHERE merged_into_id IS NULL AND created_at >= :since""" + campuses + ") t", params,
                (rs, n) -> {
                    BigDecimal median = rs.getBigDecimal(2);
                    return new LeadDashboard.ResponseTime(rs.getLong(1), median == null ? null
                            : Duration.ofSeconds(Math.round(median.doubleValue())), rs.getLong(3));
                });
    }

    /** An open lead due by a day, for the digest: whose it is and what to do. */
    public record DueRow(long ownerId, long id, long campusId, String childName, @Nullable NextAction nextAction,
            LocalDate on) {
    }

    /**
     * The open leads of these owners due on or before {@code today}, by owner, then by date: one statement on the
     * index by owner, whatever the number of owners.
     */
    public List<DueRow> dueOf(Collection<Long> ownerIds, LocalDate today) {
        if (ownerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT owner_id, id, campus_id, child_name, next_action, next_action_on"
                + " FROM admission_lead WHERE owner_id IN (:owners) AND next_action_on <= :today AND " + OPEN
                + " ORDER BY owner_id, next_action_on, id", new MapSqlParameterSource("owners", ownerIds)
                        .addValue("today", today), (rs, n) -> new DueRow(rs.getLong(1), rs.getLong(2),
                                rs.getLong(3), rs.getString(4), action(rs.getString(5)),
                                rs.getObject(6, LocalDate.class)));
    }

    /**
     * Marks the user's digest of the day as sent: true the first time for the day, false when it already was (the
     * primary key decides, so two runs at once send one).
     */
    public boolean markDigestSent(long userId, LocalDate day, Instant now) {
        return jdbc.update("""
                INSERT IGNORE INTO lead_digest_sent (user_id, sent_on, sent_at) VALUES (:user, :day, :now)""",
                new MapSqlParameterSource("user", userId).addValue("day", day)
                        .addValue("now", UtcDateTime.of(now))) == 1;
    }

    private static @Nullable NextAction action(@Nullable String value) {
        return value == null ? null : NextAction.valueOf(value);
    }
}
