package io.campuscrm.scheduling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * A weekly rule: on these weekdays from {@code startTime} to {@code endTime} (local time of the institution),
 * between two dates inclusive, e.g. every Tuesday and Thursday 16:00–17:30 from 1 Sep to 20 Jan.
 */
public record Recurrence(@NotEmpty Set<DayOfWeek> weekdays, @NotNull LocalTime startTime,
        @NotNull LocalTime endTime, @NotNull LocalDate from, @NotNull LocalDate to) {

    /** The longest a session may last; the clash queries rely on it to scan only a short index range. */
    public static final Duration MAX_SESSION = Duration.ofHours(12);

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyyMMdd");

    public Recurrence {
        weekdays = weekdays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekdays));
    }

    public Duration sessionLength() {
        return Duration.between(startTime, endTime);
    }

    /**
     * The rule as an RFC 5545 RRULE, e.g. {@code FREQ=WEEKLY;WKST=MO;BYDAY=TU,TH;UNTIL=20270120T235959}. Its
     * DTSTART is {@link #from()} at {@link #startTime()}, floating (local) time; UNTIL is floating too.
     */
    public String toRrule() {
        String days = EnumSet.copyOf(weekdays).stream().map(d -> d.name().substring(0, 2))
                .collect(Collectors.joining(","));
        return "FREQ=WEEKLY;WKST=MO;BYDAY=" + days + ";UNTIL=" + UNTIL.format(to) + "T235959";
    }
}
