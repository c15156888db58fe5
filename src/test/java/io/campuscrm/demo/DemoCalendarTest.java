package io.campuscrm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.campuscrm.scheduling.TermClosure;

class DemoCalendarTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-02", "2027-02-14", "2028-09-15", "2030-01-01", "2031-12-31", "2029-05-16"})
    void the_current_term_holds_today_with_weeks_of_lessons_behind_and_ahead_and_the_next_term_follows(String day) {
        var calendar = new DemoCalendar(LocalDate.parse(day));
        LocalDate today = calendar.today();

        assertThat(calendar.termStart().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(calendar.termStart()).isBeforeOrEqualTo(today.minusWeeks(DemoCalendar.WEEKS_HELD));
        assertThat(calendar.termEnd()).isAfter(today.plusWeeks(8));
        assertThat(calendar.intakeStart()).isAfter(today).isBefore(calendar.termEnd());
        assertThat(calendar.changesOn()).isAfter(calendar.termStart()).isBefore(today);
        assertThat(calendar.nextTermStart()).isAfter(calendar.termEnd());
        assertThat(calendar.nextTermEnd()).isAfter(calendar.nextTermStart());
        var current = calendar.currentTerm();
        assertThat(current.startsOn()).isEqualTo(calendar.termStart());
        assertThat(current.closures()).allSatisfy(c -> assertThat(within(c, current.startsOn(), current.endsOn()))
                .isTrue());
        assertThat(calendar.nextTerm().closures()).isNotEmpty().allSatisfy(c -> assertThat(within(c,
                calendar.nextTermStart(), calendar.nextTermEnd())).isTrue());
        assertThat(current.name()).matches("[A-Z][a-z]{2} \\d{4} – [A-Z][a-z]{2} \\d{4}");
    }

    @ParameterizedTest
    @CsvSource({"2026, 2026-02-17, 2026-04-03, 2026-03-21", "2027, 2027-02-06, 2027-03-26, 2027-03-10",
            "2028, 2028-01-26, 2028-04-14, 2028-02-27", "2030, 2030-02-03, 2030-04-19, 2030-02-05"})
    void the_lunar_holidays_fall_on_or_next_to_singapores_dates_and_good_friday_on_its_date(int year, LocalDate chineseNewYear,
            LocalDate goodFriday, LocalDate hariRaya) {
        // ICU's astronomy can place a new moon just before or after midnight a day off: close is enough for a demo
        assertThat(DemoCalendar.chineseNewYear(year)).isBetween(chineseNewYear.minusDays(1),
                chineseNewYear.plusDays(1));
        assertThat(DemoCalendar.easterSunday(year).minusDays(2)).isEqualTo(goodFriday);
        assertThat(DemoCalendar.hariRayaPuasa(year)).isBetween(hariRaya.minusDays(1), hariRaya.plusDays(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {2026, 2027, 2031})
    void a_whole_year_has_each_public_holiday_once(int year) {
        var holidays = DemoCalendar.publicHolidays(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        assertThat(holidays).extracting(TermClosure::name).containsExactlyInAnyOrder("New Year's Day",
                "Chinese New Year", "Good Friday", "Hari Raya Puasa", "Labour Day", "National Day", "Christmas Day");
    }

    private static boolean within(TermClosure closure, LocalDate from, LocalDate to) {
        return !closure.from().isBefore(from) && !closure.to().isAfter(to) && !closure.to().isBefore(closure.from());
    }
}
