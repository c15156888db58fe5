package io.campuscrm.scheduling.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;

import io.campuscrm.scheduling.Recurrence;
import io.campuscrm.scheduling.SkippedDate;
import io.campuscrm.scheduling.TermClosure;

/**
 * Expands a weekly recurrence into sessions: a pure function of the rule, the term's closures and the time zone.
 * <p>
 * The RRULE is expanded by lib-recur in floating (local) time, so a 16:00 class stays at 16:00 on the wall clock
 * across daylight-saving changes; only then is each local time placed in the zone. A start that falls into a DST gap
 * moves forward by the gap (as {@link ZonedDateTime#of} does) and the session keeps its length.
 */
public final class RecurrenceGenerator {

    /** More than any term needs; a rule that would produce more is a mistake (e.g. dates years apart). */
    public static final int MAX_OCCURRENCES = 1000;

    private RecurrenceGenerator() {
    }

    public static GeneratedSchedule generate(Recurrence recurrence, List<TermClosure> closures, ZoneId zone) {
        String rrule = recurrence.toRrule();
        RecurrenceRule rule;
        try {
            rule = new RecurrenceRule(rrule);
        } catch (InvalidRecurrenceRuleException e) {
            throw new IllegalArgumentException("Not a valid rule: " + rrule, e);
        }
        LocalDateTime first = recurrence.from().atTime(recurrence.startTime());
        var iterator = rule.iterator(new DateTime(first.getYear(), first.getMonthValue() - 1, first.getDayOfMonth(),
                first.getHour(), first.getMinute(), first.getSecond()));
        var length = recurrence.sessionLength();
        List<Occurrence> occurrences = new ArrayList<>();
        List<SkippedDate> skipped = new ArrayList<>();
        while (iterator.hasNext()) {
            DateTime next = iterator.nextDateTime();
            LocalDate date = LocalDate.of(next.getYear(), next.getMonth() + 1, next.getDayOfMonth());
            if (date.isAfter(recurrence.to())) {
                break;
            }
            // lib-recur does not return a DTSTART that the rule does not match; this keeps it that way on any version.
            if (!recurrence.weekdays().contains(date.getDayOfWeek())) {
                continue;
            }
            Optional<TermClosure> closure = closures.stream().filter(c -> c.covers(date)).findFirst();
            if (closure.isPresent()) {
                skipped.add(new SkippedDate(date, closure.get().name()));
                continue;
            }
            if (occurrences.size() == MAX_OCCURRENCES) {
                throw new IllegalArgumentException("More than " + MAX_OCCURRENCES + " sessions: " + rrule);
            }
            occurrences.add(place(date, date.atTime(recurrence.startTime()), length, zone));
        }
        return new GeneratedSchedule(List.copyOf(occurrences), List.copyOf(skipped), rrule);
    }

    /** One session at a local date and time in the zone, lasting {@code length}. */
    public static Occurrence place(LocalDate date, LocalDateTime startsLocal, Duration length,
            ZoneId zone) {
        ZonedDateTime start = ZonedDateTime.of(startsLocal, zone);
        ZonedDateTime end = start.plus(length);
        return new Occurrence(date, start.toLocalDateTime(), end.toLocalDateTime(), start.toInstant(),
                end.toInstant());
    }
}
