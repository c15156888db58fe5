package io.campuscrm.scheduling.ui;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.campuscrm.scheduling.Recurrence;

/**
 * The weekly schedule as the class form's editor holds it: whether the class repeats, and the parts of the rule
 * entered so far. The form converts it to the draft's {@code recurrence}: the rule, or null for a class that does not
 * repeat.
 */
record WeeklySchedule(boolean repeats, Set<DayOfWeek> weekdays, @Nullable LocalTime start, @Nullable LocalTime end,
        @Nullable LocalDate from, @Nullable LocalDate to) {

    /** A class that does not repeat (its sessions are added by hand). */
    static final WeeklySchedule NONE = new WeeklySchedule(false, Set.of(), null, null, null, null);

    WeeklySchedule {
        weekdays = Set.copyOf(weekdays);
    }

    static WeeklySchedule of(@Nullable Recurrence rule) {
        return rule == null ? NONE : new WeeklySchedule(true, rule.weekdays(), rule.startTime(), rule.endTime(),
                rule.from(), rule.to());
    }

    /** Whether the class repeats but a part of the rule is still missing. */
    boolean incomplete() {
        return repeats && (weekdays.isEmpty() || start == null || end == null || from == null || to == null);
    }

    /** The rule, or null when the class does not repeat or a part is missing. */
    @Nullable Recurrence rule() {
        if (!repeats || incomplete()) {
            return null;
        }
        return new Recurrence(weekdays, start, end, from, to);
    }
}
