package io.campuscrm.admissions;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.campuscrm.admissions.internal.LeadDashboardStore;
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
    private final InstitutionService institution;
    private final CurrentUser currentUser;
    private final Clock clock;

    LeadDashboardService(LeadDashboardStore store, InstitutionService institution, CurrentUser currentUser,
            Clock clock) {
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
        var figures = store.figures(campuses, params);
        var work = figures.work();
        // nothing due: no need to look for what
        var due = work.dueToday() + work.overdue() == 0 ? List.<LeadDashboard.DueLead>of()
                : store.due(campuses, params, DUE_SHOWN);
        var monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone).toInstant();
        return new LeadDashboard(work, due, figures.byStage(), store.responseTime(campuses, params, monday));
    }
}
