package io.campuscrm.admissions.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.campuscrm.admissions.FunnelDimension;
import io.campuscrm.shared.database.UtcDateTime;

/**
 * The admissions reports' figures with plain JDBC: each report one set-based statement, grouped in the database,
 * whatever the number of leads. {@code campuses} is a set of campus ids, or null for every campus. Periods are
 * instants, {@code from} inclusive and {@code to} exclusive.
 */
@Component
public class LeadReportStore {

    /** The pipeline's steps after New, in order: MariaDB's FIELD gives 1 to 4, and 0 for New, Lost or none. */
    private static final String STEPS = "'CONTACTED', 'TRIAL_BOOKED', 'TRIAL_ATTENDED', 'ENROLLED'";
    private static final long WITHIN_SECONDS = 48 * 3600L;

    private final NamedParameterJdbcTemplate jdbc;

    LeadReportStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A group of the funnel: its id (null: no campaign, the pool), its list entry's key or name, its counts. */
    public record FunnelRow(@Nullable Long id, @Nullable String labelKey, @Nullable String name, long leads,
            long contacted, long trialBooked, long trialAttended, long enrolled, long lost) {
    }

    /**
     * The funnel of the leads entered in the period, per group: how far each lead got is the furthest step among its
     * stage, its first contact and every stage its history shows it in (moved to or from), worked out per lead in a
     * derived table over the lead and its STAGE lines, then counted per group.
     */
    public List<FunnelRow> funnel(Instant from, Instant to, @Nullable Collection<Long> campuses, FunnelDimension by) {
        String group = switch (by) {
            case SOURCE -> "l.source_id";
            case CAMPAIGN -> "l.campaign_id";
            case OWNER -> "l.owner_id";
            case CAMPUS -> "l.campus_id";
        };
        String labels = switch (by) {
            case SOURCE -> "x.label_key, x.name";
            case CAMPAIGN -> "NULL, x.name";
            case OWNER, CAMPUS -> "NULL, NULL";
        };
        String join = switch (by) {
            case SOURCE -> " LEFT JOIN lead_source x ON x.id = t.g";
            case CAMPAIGN -> " LEFT JOIN lead_campaign x ON x.id = t.g";
            case OWNER, CAMPUS -> "";
        };
        String groupLabels = switch (by) {
            case SOURCE -> ", x.label_key, x.name";
            case CAMPAIGN -> ", x.name";
            case OWNER, CAMPUS -> "";
        };
        var params = period(from, to);
        String perLead = """
                SELECT %1$s AS g, l.stage,
                       GREATEST(FIELD(l.stage, %2$s), IF(l.first_contact_at IS NULL, 0, 1),
                                COALESCE(MAX(GREATEST(FIELD(e.after_value, %2$s), FIELD(e.before_value, %2$s))), 0))
                           AS r
                FROM admission_lead l
                LEFT JOIN lead_event e ON e.lead_id = l.id AND e.kind = 'STAGE'
                WHERE l.merged_into_id IS NULL AND l.created_at >= :from AND l.created_at < :to%3$s
                GROUP BY l.id, %1$s, l.stage, l.first_contact_at""".formatted(group, STEPS,
                campusFilter("l.campus_id", campuses, params));
        String sql = "SELECT t.g, " + labels + ", COUNT(*), SUM(t.r >= 1), SUM(t.r >= 2), SUM(t.r >= 3),"
                + " SUM(t.r >= 4), SUM(t.stage = 'LOST') FROM (" + perLead + ") t" + join + " GROUP BY t.g"
                + groupLabels + " ORDER BY COUNT(*) DESC, t.g";
        return jdbc.query(sql, params, (rs, n) -> new FunnelRow(rs.getObject(1, Long.class), rs.getString(2),
                rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                rs.getLong(9)));
    }

    /**
     * A campaign that ran on a day from {@code firstDay} to {@code lastDay}: its cost, its source, all its leads (not
     * merged away), and of them those of the campuses and those enrolled there.
     */
    public record CampaignRow(long id, String name, BigDecimal cost, long sourceId, @Nullable String sourceKey,
            @Nullable String sourceName, LocalDate startsOn, LocalDate endsOn, long allLeads, long leads,
            long enrolled) {
    }

    public List<CampaignRow> campaigns(LocalDate firstDay, LocalDate lastDay, @Nullable Collection<Long> campuses) {
        var params = new MapSqlParameterSource("first", firstDay).addValue("last", lastDay);
        String here = campuses == null ? "l.id IS NOT NULL" : "l.campus_id IN (:campuses)";
        if (campuses != null) {
            params.addValue("campuses", campuses.isEmpty() ? List.of(-1L) : campuses);
        }
        return jdbc.query("""
                SELECT c.id, c.name, c.cost, c.source_id, s.label_key, s.name, c.starts_on, c.ends_on,
                       COUNT(l.id), COALESCE(SUM(%1$s), 0), COALESCE(SUM(%1$s AND l.stage = 'ENROLLED'), 0)
                FROM lead_campaign c
                JOIN lead_source s ON s.id = c.source_id
                LEFT JOIN admission_lead l ON l.campaign_id = c.id AND l.merged_into_id IS NULL
                WHERE c.starts_on <= :last AND c.ends_on >= :first
                GROUP BY c.id, c.name, c.cost, c.source_id, s.label_key, s.name, c.starts_on, c.ends_on
                ORDER BY c.starts_on, c.id""".formatted(here), params, (rs, n) -> new CampaignRow(rs.getLong(1),
                rs.getString(2), rs.getBigDecimal(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getLong(9), rs.getLong(10),
                rs.getLong(11)));
    }

    public record LostRow(long campusId, long reasonId, @Nullable String reasonKey, @Nullable String reasonName,
            long leads) {
    }

    /**
     * The leads lost in the period per campus and reason: leads whose stage is Lost, lost when their latest move to
     * Lost was (or, for one without such a line, when it last changed).
     */
    public List<LostRow> lostReasons(Instant from, Instant to, @Nullable Collection<Long> campuses) {
        var params = period(from, to);
        return jdbc.query("""
                SELECT t.campus_id, t.lost_reason_id, r.label_key, r.name, COUNT(*)
                FROM (SELECT l.campus_id, l.lost_reason_id, COALESCE(MAX(e.occurred_at), l.updated_at) AS lost_at
                      FROM admission_lead l
                      LEFT JOIN lead_event e ON e.lead_id = l.id AND e.kind = 'STAGE' AND e.after_value = 'LOST'
                      WHERE l.stage = 'LOST' AND l.merged_into_id IS NULL%s
                      GROUP BY l.id, l.campus_id, l.lost_reason_id, l.updated_at) t
                JOIN lead_lost_reason r ON r.id = t.lost_reason_id
                WHERE t.lost_at >= :from AND t.lost_at < :to
                GROUP BY t.campus_id, t.lost_reason_id, r.label_key, r.name, r.sort_order
                ORDER BY t.campus_id, COUNT(*) DESC, r.sort_order, t.lost_reason_id"""
                .formatted(campusFilter("l.campus_id", campuses, params)), params, (rs, n) -> new LostRow(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
    }

    /**
     * Response times of an owner's leads (null: the pool's) entered in the period, in seconds; {@code allMedian} is
     * the median over every owner's contacted leads, the same on every row.
     */
    public record ResponseRow(@Nullable Long ownerId, long leads, long contacted, @Nullable Double median,
            long totalSeconds, long inTime, long due, @Nullable Double allMedian) {
    }

    /**
     * One statement: MariaDB's MEDIAN is a window function, taken per owner and over all, each over the contacted
     * leads only; a lead counts as due once its 48 hours are over ({@code now}) or it was contacted within them.
     */
    public List<ResponseRow> responseTimes(Instant from, Instant to, @Nullable Collection<Long> campuses,
            Instant now) {
        var params = period(from, to).addValue("dueBefore", UtcDateTime.of(now.minusSeconds(WITHIN_SECONDS)))
                .addValue("within", WITHIN_SECONDS);
        return jdbc.query("""
                SELECT owner_id, COUNT(*), COUNT(first_contact_at),
                       MAX(CASE WHEN first_contact_at IS NOT NULL THEN owner_median END),
                       COALESCE(SUM(seconds), 0),
                       COALESCE(SUM(seconds <= :within), 0),
                       COALESCE(SUM(seconds <= :within OR created_at <= :dueBefore), 0),
                       MAX(CASE WHEN first_contact_at IS NOT NULL THEN all_median END)
                FROM (SELECT owner_id, created_at, first_contact_at,
                             TIMESTAMPDIFF(SECOND, created_at, first_contact_at) AS seconds,
                             MEDIAN(TIMESTAMPDIFF(SECOND, created_at, first_contact_at))
                                 OVER (PARTITION BY owner_id, first_contact_at IS NULL) AS owner_median,
                             MEDIAN(TIMESTAMPDIFF(SECOND, created_at, first_contact_at))
                                 OVER (PARTITION BY first_contact_at IS NULL) AS all_median
                      FROM admission_lead l
                      WHERE merged_into_id IS NULL AND created_at >= :from AND created_at < :to%s) t
                GROUP BY owner_id
                ORDER BY owner_id IS NULL, owner_id""".formatted(campusFilter("l.campus_id", campuses, params)),
                params, (rs, n) -> new ResponseRow(rs.getObject(1, Long.class), rs.getLong(2), rs.getLong(3),
                        number(rs.getBigDecimal(4)), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                        number(rs.getBigDecimal(8))));
    }

    /** What a user did with a campus's pool: claimed, released, and their leads returned to it. */
    public record PoolRow(long campusId, long userId, long claimed, long released, long returned) {
    }

    /**
     * The pool's moves in the period, from the leads' history: CLAIMED names the claiming user (after), RELEASED the
     * releasing one (before), RETURNED the former owner (before). On the index by kind and time (V45).
     */
    public List<PoolRow> poolActivity(Instant from, Instant to, @Nullable Collection<Long> campuses) {
        var params = period(from, to);
        return jdbc.query("""
                SELECT l.campus_id, CAST(CASE e.kind WHEN 'CLAIMED' THEN e.after_value ELSE e.before_value END
                           AS UNSIGNED) AS user_id,
                       SUM(e.kind = 'CLAIMED'), SUM(e.kind = 'RELEASED'), SUM(e.kind = 'RETURNED')
                FROM lead_event e
                JOIN admission_lead l ON l.id = e.lead_id
                WHERE e.kind IN ('CLAIMED', 'RELEASED', 'RETURNED') AND e.occurred_at >= :from
                      AND e.occurred_at < :to%s
                GROUP BY l.campus_id, user_id
                HAVING user_id > 0
                ORDER BY l.campus_id, user_id""".formatted(campusFilter("l.campus_id", campuses, params)), params,
                (rs, n) -> new PoolRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
    }

    private static MapSqlParameterSource period(Instant from, Instant to) {
        return new MapSqlParameterSource("from", UtcDateTime.of(from)).addValue("to", UtcDateTime.of(to));
    }

    private static String campusFilter(String column, @Nullable Collection<Long> campuses,
            MapSqlParameterSource params) {
        if (campuses == null) {
            return "";
        }
        params.addValue("campuses", campuses.isEmpty() ? List.of(-1L) : campuses);
        return " AND " + column + " IN (:campuses)";
    }

    private static @Nullable Double number(@Nullable BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
