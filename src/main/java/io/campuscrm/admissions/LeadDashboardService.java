package io.campuscrm.admissions;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.campuscrm.admissions.internal.LeadDashboardStore;
import io.campuscrm.admissions.internal.PoolSettings;
import io.campuscrm.admissions.internal.PoolStore;
import io.campuscrm.institution.Settings;
import io.campuscrm.shared.database.UtcDateTime;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.security.CurrentUser;

/**
 * The admissions user's dashboard: what they have to do today and how their pipeline stands, in at most three
 * statements whatever the number of leads (the dashboard opens on every sign-in). Like the lead list it covers the
 * leads of the user's campuses; "mine" are the leads they own.
 */
@Service
@Transactional(readOnly = true)
public class LeadDashboardService {

    /** How many of the due leads the card names; the list behind its link shows them all. */
    public static final int DUE_SHOWN = 5;

    private final LeadDashboardStore store;
    private final PoolStore pool;
    private final Settings settings;
    private final InstitutionService institution;
    private final CurrentUser currentUser;
    private final Clock clock;

    LeadDashboardService(LeadDashboardStore store, InstitutionService institution, CurrentUser currentUser,
            PoolStore pool, Settings settings, Clock clock) {
        this.pool = pool;
        this.settings = settings;
        this.store = store;
        this.institution = institution;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * The signed-in user's follow-ups due today (the first {@value #DUE_SHOWN}, with the oldest overdue after them),
     * overdue and without a next step, the new leads in their campuses' pools, their open leads by stage, and the
     * response time of this week's leads of their campuses (since Monday, in the institution's time zone).
     */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public LeadDashboard mine() {
        var scope = currentUser.scope();
        long me = currentUser.principal().map(p -> p.userId()).orElse(-1L);
        var zone = institution.settings().timeZone();
        var today = LocalDate.now(clock.withZone(zone));
        var params = new MapSqlParameterSource("me", me).addValue("today", today);
        String campuses = "";
        if (!scope.allCampuses()) {
            campuses = " AND campus_id IN (:campuses)";
            params.addValue("campuses", scope.campusIds().isEmpty() ? Set.of(-1L) : scope.campusIds());
        }
        var days = returnDays(scope);
        String returningCondition = returningCondition(days, params);
        var figures = store.figures(campuses, returningCondition, params);
        var work = figures.work();
        // nothing due: no need to look for what
        var due = work.dueToday() + work.overdue() == 0 ? List.<LeadDashboard.DueLead>of()
                : store.due(campuses, params, DUE_SHOWN);
        var returning = figures.returning() == 0 ? List.<LeadDashboard.ReturningLead>of()
                : returning(me, returningCondition, params, days, zone);
        var monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone).toInstant();
        return new LeadDashboard(work, due, figures.byStage(), store.responseTime(campuses, params, monday),
                figures.returning(), returning);
    }

    /**
     * The condition of an open lead that goes back to its campus's pool within the campus's warning days, over the
     * user's campuses (campus id to the number of days after which its leads return), with its parameters.
     */
    private String returningCondition(Map<Long, Integer> days, MapSqlParameterSource params) {
        var now = clock.instant();
        StringBuilder condition = new StringBuilder();
        int i = 0;
        for (var campus : days.entrySet()) {
            int d = campus.getValue();
            int w = Math.min(settings.get(PoolSettings.WARNING_DAYS, campus.getKey()), d - 1);
            if (w <= 0) {
                continue;
            }
            condition.append(condition.isEmpty() ? "" : " OR ").append("(campus_id = :rc").append(i)
                    .append(" AND quiet_since <= :rw").append(i).append(')');
            params.addValue("rc" + i, campus.getKey()).addValue("rw" + i, UtcDateTime.of(now.minus(
                    java.time.Duration.ofDays(d - w))));
            i++;
        }
        return condition.isEmpty() ? "FALSE" : condition.toString();
    }

    /** The user's campuses whose leads go back to the pool, with after how many quiet days. */
    private Map<Long, Integer> returnDays(io.campuscrm.shared.security.AccessScope scope) {
        var campuses = scope.allCampuses() ? institution.campuses().stream().map(c -> c.id()).toList()
                : List.copyOf(scope.campusIds());
        Map<Long, Integer> days = new java.util.HashMap<>();
        for (long campus : campuses) {
            int d = settings.get(PoolSettings.RETURN_DAYS, campus);
            if (d > 0) {
                days.put(campus, d);
            }
        }
        return days;
    }

    private List<LeadDashboard.ReturningLead> returning(long me, String condition, MapSqlParameterSource params,
            Map<Long, Integer> days, java.time.ZoneId zone) {
        return pool.returning(me, condition, params, DUE_SHOWN).stream().map(r -> new LeadDashboard.ReturningLead(
                r.id(), r.childName(), LocalDate.ofInstant(r.quietSince().plus(java.time.Duration.ofDays(days.get(
                        r.campusId()))), zone))).toList();
    }
}
