package io.campuscrm.scheduling.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates and times in messages about the schedule, in the reader's locale ({@code ReaderLocale}): "Wed 4 Mar 2026"
 * and "4:00 pm" in en-SG, "周三 2026年3月4日" and "16:00" in zh-CN. Schedules are in local time of the institution
 * already.
 */
public final class ScheduleFormat {

    private final DateTimeFormatter weekday;
    private final DateTimeFormatter date;
    private final DateTimeFormatter time;

    public ScheduleFormat(Locale locale) {
        weekday = DateTimeFormatter.ofPattern("EEE", locale);
        date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
    }

    public String date(LocalDate value) {
        return weekday.format(value) + " " + date.format(value);
    }

    public String time(LocalTime value) {
        return time.format(value);
    }

    public String time(LocalDateTime value) {
        return time.format(value);
    }
}
