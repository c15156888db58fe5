package io.campuscrm.shared.timetable;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** Timetable weeks run Monday to Sunday (ISO 8601), whatever the locale's first day of the week. */
public final class TimetableWeeks {

    private TimetableWeeks() {
    }

    /** The Monday of the week {@code day} is in. */
    public static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public static LocalDate sundayOf(LocalDate day) {
        return mondayOf(day).plusDays(6);
    }

    /** The ISO week number, 1 to 53. */
    public static int weekNumber(LocalDate day) {
        return day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }
}
