package io.campuscrm.admissions;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the admissions user's dashboard card shows: the figures of their day ({@link LeadWork}), the first of their
 * follow-ups that are due (today's first, then the oldest overdue), their open leads by stage, and how quickly their
 * campuses' new leads of this week were first contacted.
 *
 * @param due     at most {@link LeadDashboardService#DUE_SHOWN} of the user's open leads due today or overdue
 * @param byStage the user's open leads per open stage, every open stage present (0 when none)
 * @param returningCount how many of the user's leads return to the pool within their campus's warning days
 * @param returning      the first {@link LeadDashboardService#DUE_SHOWN} of them, soonest first
 */
public record LeadDashboard(LeadWork work, List<DueLead> due, Map<LeadStage, Long> byStage,
        ResponseTime responseTime, long returningCount, List<ReturningLead> returning) {

    public LeadDashboard {
        due = List.copyOf(due);
        byStage = Map.copyOf(byStage);
        returning = List.copyOf(returning);
    }

    /**
     * A lead of the user's that goes back to its campus's pool on {@code returnsOn} unless they follow it up: within
     * the campus's warning days of its return.
     */
    public record ReturningLead(long id, String childName, LocalDate returnsOn) {
    }

    /** A lead whose next action is due: today, or overdue when its date has passed. */
    public record DueLead(long id, String childName, @Nullable NextAction nextAction, LocalDate on,
            boolean overdue) {
    }

    /**
     * The leads of the user's campuses entered since Monday (the institution's week): how many were contacted, the
     * median time from the inquiry to the first contact of those (null: none yet), and how many open ones still wait
     * for it.
     */
    public record ResponseTime(long contacted, @Nullable Duration median, long uncontacted) {
    }
}
