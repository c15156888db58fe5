package io.campuscrm.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.IslamicCalendar;
import com.ibm.icu.util.TimeZone;

import io.campuscrm.scheduling.ClosureKind;
import io.campuscrm.scheduling.TermClosure;
import io.campuscrm.scheduling.TermDraft;

/**
 * The demo school's year, placed around the day the demo is generated so that it looks alive whatever the date: the
 * current term began some weeks ago and runs for months more (lessons held and lessons to come), a mid-term intake
 * starts soon, the next term follows a short break. Public holidays are Singapore's, computed for the years the
 * terms span (the lunar ones with ICU's Chinese and Islamic calendars), so they fall where a Singapore school
 * expects them.
 *
 * @param today the day of generation in the institution's time zone
 */
public record DemoCalendar(LocalDate today) {

    /** Weeks of the current term already held on the day of generation. */
    static final int WEEKS_HELD = 6;
    static final int TERM_WEEKS = 17;
    static final int NEXT_TERM_WEEKS = 13;

    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    /** The Monday the current term starts on. */
    public LocalDate termStart() {
        return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS_HELD);
    }

    /** The Saturday the current term ends on. */
    public LocalDate termEnd() {
        return termStart().plusWeeks(TERM_WEEKS).minusDays(2);
    }

    /** Classes that take new students mid-term start then: a Monday a few weeks from today. */
    public LocalDate intakeStart() {
        return termStart().plusWeeks(WEEKS_HELD + 3);
    }

    /** A day in the past of the current term on which the demo's withdrawals and transfers happened. */
    public LocalDate changesOn() {
        return termStart().plusWeeks(2);
    }

    /** The Monday the {@code n}th term before the current one started (1: the last one), two weeks' break between. */
    public LocalDate pastTermStart(int n) {
        return termStart().minusWeeks((long) n * (TERM_WEEKS + 2));
    }

    /** The Saturday the {@code n}th term before the current one ended. */
    public LocalDate pastTermEnd(int n) {
        return pastTermStart(n).plusWeeks(TERM_WEEKS).minusDays(2);
    }

    /** The {@code n}th term before the current one (1: the last one), with its holidays. */
    public TermDraft pastTerm(int n) {
        var from = pastTermStart(n);
        var to = pastTermEnd(n);
        var closures = new ArrayList<>(publicHolidays(from, to));
        yearEndBreak(from, to).ifPresent(closures::add);
        return new TermDraft(name(from, to), from, to, sorted(closures));
    }

    public LocalDate nextTermStart() {
        return termStart().plusWeeks(TERM_WEEKS + 2);
    }

    public LocalDate nextTermEnd() {
        return nextTermStart().plusWeeks(NEXT_TERM_WEEKS).minusDays(2);
    }

    public TermDraft currentTerm() {
        var closures = new ArrayList<>(publicHolidays(termStart(), termEnd()));
        yearEndBreak(termStart(), termEnd()).ifPresent(closures::add);
        return new TermDraft(name(termStart(), termEnd()), termStart(), termEnd(), sorted(closures));
    }

    public TermDraft nextTerm() {
        var closures = new ArrayList<>(publicHolidays(nextTermStart(), nextTermEnd()));
        yearEndBreak(nextTermStart(), nextTermEnd()).ifPresent(closures::add);
        LocalDate training = nextTermStart().plusWeeks(6).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        if (closures.stream().noneMatch(c -> c.covers(training))) {
            closures.add(new TermClosure("Teachers' training day", ClosureKind.CLOSURE, training, training));
        }
        return new TermDraft(name(nextTermStart(), nextTermEnd()), nextTermStart(), nextTermEnd(), sorted(closures));
    }

    private static String name(LocalDate from, LocalDate to) {
        return MONTH_YEAR.format(from) + " – " + MONTH_YEAR.format(to);
    }

    private static List<TermClosure> sorted(List<TermClosure> closures) {
        return closures.stream().sorted(java.util.Comparator.comparing(TermClosure::from)).toList();
    }

    /** Singapore's public holidays (the ones a school closes for) between two dates, inclusive. */
    static List<TermClosure> publicHolidays(LocalDate from, LocalDate to) {
        List<TermClosure> holidays = new ArrayList<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            add(holidays, "New Year's Day", LocalDate.of(year, Month.JANUARY, 1), 1, from, to);
            add(holidays, "Chinese New Year", chineseNewYear(year), 2, from, to);
            add(holidays, "Good Friday", easterSunday(year).minusDays(2), 1, from, to);
            add(holidays, "Hari Raya Puasa", hariRayaPuasa(year), 1, from, to);
            add(holidays, "Labour Day", LocalDate.of(year, Month.MAY, 1), 1, from, to);
            add(holidays, "National Day", LocalDate.of(year, Month.AUGUST, 9), 1, from, to);
            add(holidays, "Christmas Day", LocalDate.of(year, Month.DECEMBER, 25), 1, from, to);
        }
        return holidays;
    }

    private static void add(List<TermClosure> holidays, String name, LocalDate day, int days, LocalDate from,
            LocalDate to) {
        LocalDate last = day.plusDays(days - 1L);
        if (!last.isBefore(from) && !day.isAfter(to)) {
            LocalDate start = day.isBefore(from) ? from : day;
            LocalDate end = last.isAfter(to) ? to : last;
            holidays.add(new TermClosure(name, ClosureKind.HOLIDAY, start, end));
        }
    }

    /** The school closes between Christmas and the new year, when those days fall in a term. */
    private static Optional<TermClosure> yearEndBreak(LocalDate from, LocalDate to) {
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            LocalDate start = LocalDate.of(year, Month.DECEMBER, 28);
            LocalDate end = LocalDate.of(year, Month.DECEMBER, 31);
            if (!start.isBefore(from) && !end.isAfter(to)) {
                return Optional.of(new TermClosure("Year-end break", ClosureKind.CLOSURE, start, end));
            }
        }
        return Optional.empty();
    }

    /**
     * The first day of the first lunar month, which falls between 21 January and 20 February. ICU's astronomical
     * approximation can be a day off when the new moon is within minutes of midnight in China (2027, 2030): good
     * enough for demo data, not for an official calendar.
     */
    static LocalDate chineseNewYear(int year) {
        var calendar = new ChineseCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
        for (LocalDate day = LocalDate.of(year, 1, 21); !day.isAfter(LocalDate.of(year, 2, 21));
                day = day.plusDays(1)) {
            calendar.setTime(noonUtc(day));
            if (calendar.get(ChineseCalendar.MONTH) == 0 && calendar.get(ChineseCalendar.DAY_OF_MONTH) == 1
                    && calendar.get(ChineseCalendar.IS_LEAP_MONTH) == 0) {
                return day;
            }
        }
        throw new IllegalStateException("No Chinese New Year found in " + year);
    }

    /** 1 Shawwal by the Umm al-Qura calendar; Singapore's date is fixed nearer the day and may differ by one. */
    static LocalDate hariRayaPuasa(int year) {
        var calendar = new IslamicCalendar(TimeZone.getTimeZone("Asia/Singapore"));
        calendar.setCalculationType(IslamicCalendar.CalculationType.ISLAMIC_UMALQURA);
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            calendar.setTime(noonUtc(day));
            if (calendar.get(IslamicCalendar.MONTH) == IslamicCalendar.SHAWWAL
                    && calendar.get(IslamicCalendar.DAY_OF_MONTH) == 1) {
                return day;
            }
        }
        throw new IllegalStateException("No Hari Raya Puasa found in " + year);
    }

    /** Western Easter by the anonymous Gregorian algorithm. */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static Date noonUtc(LocalDate day) {
        return Date.from(day.atTime(12, 0).toInstant(ZoneOffset.UTC));
    }

    /** Days from the current term's first to its last day (the benchmark draws random slots in them). */
    public long termDays() {
        return ChronoUnit.DAYS.between(termStart(), termEnd());
    }
}
