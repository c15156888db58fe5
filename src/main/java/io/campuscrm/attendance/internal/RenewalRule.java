package io.campuscrm.attendance.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * When a student's package of a course ran out, and whether they renewed (续费), from one student's packages of one
 * course. A package runs out on the day its last lesson was consumed (used up), or on its expiry date when expiry
 * took lessons (or would have: it expired before today with lessons left). The student has run out only when no
 * other package of theirs was in force that day (created and started by then, not run out); a package bought ahead
 * is a renewal. They renewed when they got another package of the course, created after the run-out or starting after
 * it, within the window.
 */
public final class RenewalRule {

    private RenewalRule() {
    }

    /** A package as the rule needs it; dates in the institution's time zone. */
    public record Pkg(long id, long studentId, long courseId, @Nullable Long campusId, LocalDate createdOn,
            LocalDate startsOn, LocalDate expiresOn, BigDecimal quantity, BigDecimal consumed, BigDecimal forfeited,
            @Nullable LocalDate lastUsed, @Nullable Long lastClassId) {
    }

    /**
     * A run-out in the period: the package that ran out, when, and whether the student renewed; {@code windowOpen}
     * when they did not (yet) and the window has not closed by today.
     */
    public record RanOut(Pkg pkg, LocalDate on, boolean renewed, boolean windowOpen) {
    }

    /** The day the package ran out, or null while it still has lessons and is in force. */
    public static @Nullable LocalDate ranOutOn(Pkg p, LocalDate today) {
        if (p.forfeited().signum() > 0) {
            return p.expiresOn();
        }
        if (p.consumed().compareTo(p.quantity()) >= 0) {
            return p.lastUsed() != null ? p.lastUsed() : p.expiresOn();
        }
        return p.expiresOn().isBefore(today) ? p.expiresOn() : null;
    }

    /** The run-outs from {@code from} to {@code to} (inclusive) of one student's packages of one course. */
    public static List<RanOut> ranOut(List<Pkg> packages, LocalDate from, LocalDate to, LocalDate today,
            int windowDays) {
        List<RanOut> found = new ArrayList<>();
        Set<LocalDate> days = new HashSet<>();
        for (var p : packages) {
            var on = ranOutOn(p, today);
            if (on == null || on.isBefore(from) || on.isAfter(to) || !days.add(on)) {
                continue;
            }
            if (packages.stream().anyMatch(q -> q.id() != p.id() && inForce(q, on, today))) {
                days.remove(on);
                continue;
            }
            var closes = on.plusDays(windowDays);
            boolean renewed = packages.stream().anyMatch(q -> q.id() != p.id() && !q.createdOn().isAfter(closes)
                    && (q.createdOn().isAfter(on) || q.startsOn().isAfter(on)));
            found.add(new RanOut(p, on, renewed, !renewed && !today.isAfter(closes)));
        }
        return found;
    }

    private static boolean inForce(Pkg q, LocalDate on, LocalDate today) {
        var end = ranOutOn(q, today);
        return !q.createdOn().isAfter(on) && !q.startsOn().isAfter(on) && (end == null || end.isAfter(on));
    }
}
