package io.campuscrm.scheduling.internal;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.campuscrm.scheduling.ClosureKind;
import io.campuscrm.scheduling.Recurrence;
import io.campuscrm.scheduling.SkippedDate;
import io.campuscrm.scheduling.TermClosure;

/** The recurrence generator alone: rule, closures and zone in, sessions out. */
class RecurrenceGeneratorTest {

    private static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void every_tuesday_and_thursday_from_16_00_to_17_30_between_two_dates() {
        var rule = new Recurrence(Set.of(TUESDAY, THURSDAY), LocalTime.of(16, 0), LocalTime.of(17, 30),
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));

        var schedule = RecurrenceGenerator.generate(rule, List.of(), SINGAPORE);

        assertThat(schedule.occurrences()).extracting(Occurrence::date).containsExactly(
                LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 10),
                LocalDate.of(2026, 11, 12), LocalDate.of(2026, 11, 17), LocalDate.of(2026, 11, 19),
                LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 26));
        var first = schedule.occurrences().getFirst();
        assertThat(first.startsLocal()).isEqualTo(LocalDate.of(2026, 11, 3).atTime(16, 0));
        assertThat(first.endsLocal()).isEqualTo(LocalDate.of(2026, 11, 3).atTime(17, 30));
        assertThat(first.startAt()).isEqualTo(Instant.parse("2026-11-03T08:00:00Z"));
        assertThat(first.endAt()).isEqualTo(Instant.parse("2026-11-03T09:30:00Z"));
        assertThat(schedule.rrule()).isEqualTo("FREQ=WEEKLY;WKST=MO;BYDAY=TU,TH;UNTIL=20261130T235959");
    }

    @Test
    void both_end_dates_are_included_when_they_fall_on_a_rule_weekday() {
        var rule = new Recurrence(Set.of(TUESDAY), LocalTime.of(9, 0), LocalTime.of(10, 0),
                LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 17));

        assertThat(RecurrenceGenerator.generate(rule, List.of(), SINGAPORE).occurrences())
                .extracting(Occurrence::date).containsExactly(LocalDate.of(2026, 11, 3),
                        LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 17));
    }

    @Test
    void holidays_and_closures_are_skipped_and_reported_by_name() {
        var rule = new Recurrence(Set.of(MONDAY, THURSDAY, FRIDAY), LocalTime.of(16, 0), LocalTime.of(17, 0),
                LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 10));
        var closures = List.of(
                new TermClosure("Christmas Day", ClosureKind.HOLIDAY, LocalDate.of(2026, 12, 25),
                        LocalDate.of(2026, 12, 25)),
                new TermClosure("Year-end break", ClosureKind.CLOSURE, LocalDate.of(2026, 12, 28),
                        LocalDate.of(2027, 1, 1)));

        var schedule = RecurrenceGenerator.generate(rule, closures, SINGAPORE);

        assertThat(schedule.skipped()).containsExactly(
                new SkippedDate(LocalDate.of(2026, 12, 25), "Christmas Day"),
                new SkippedDate(LocalDate.of(2026, 12, 28), "Year-end break"),
                new SkippedDate(LocalDate.of(2026, 12, 31), "Year-end break"),
                new SkippedDate(LocalDate.of(2027, 1, 1), "Year-end break"));
        assertThat(schedule.occurrences()).extracting(Occurrence::date)
                .contains(LocalDate.of(2026, 12, 24), LocalDate.of(2027, 1, 4))
                .doesNotContain(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28));
        assertThat(schedule.occurrences()).hasSize(13);
    }

    @Test
    void a_16_00_class_stays_at_16_00_local_when_london_leaves_summer_time() {
        // British Summer Time ends on Sunday 25 October 2026.
        var rule = new Recurrence(Set.of(TUESDAY), LocalTime.of(16, 0), LocalTime.of(17, 30),
                LocalDate.of(2026, 10, 20), LocalDate.of(2026, 10, 27));

        var sessions = RecurrenceGenerator.generate(rule, List.of(), LONDON).occurrences();

        assertThat(sessions).hasSize(2);
        assertThat(sessions).allSatisfy(s -> {
            assertThat(s.startsLocal().toLocalTime()).isEqualTo(LocalTime.of(16, 0));
            assertThat(s.endsLocal().toLocalTime()).isEqualTo(LocalTime.of(17, 30));
            assertThat(Duration.between(s.startAt(), s.endAt())).isEqualTo(Duration.ofMinutes(90));
        });
        assertThat(sessions.get(0).startAt()).isEqualTo(Instant.parse("2026-10-20T15:00:00Z"));
        assertThat(sessions.get(1).startAt()).isEqualTo(Instant.parse("2026-10-27T16:00:00Z"));
    }

    @Test
    void a_16_00_class_stays_at_16_00_local_when_new_york_starts_summer_time() {
        // Daylight saving time starts on Sunday 8 March 2026 in New York.
        var rule = new Recurrence(Set.of(THURSDAY), LocalTime.of(16, 0), LocalTime.of(17, 0),
                LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 12));

        var sessions = RecurrenceGenerator.generate(rule, List.of(), NEW_YORK).occurrences();

        assertThat(sessions).extracting(Occurrence::startAt).containsExactly(
                Instant.parse("2026-03-05T21:00:00Z"), Instant.parse("2026-03-12T20:00:00Z"));
        assertThat(sessions).extracting(s -> s.startsLocal().toLocalTime()).containsOnly(LocalTime.of(16, 0));
    }

    @Test
    void a_session_starting_in_the_spring_forward_gap_moves_to_after_it_and_keeps_its_length() {
        // On 8 March 2026 New York clocks jump from 02:00 to 03:00; 02:30 does not exist that day.
        var rule = new Recurrence(Set.of(SUNDAY), LocalTime.of(2, 30), LocalTime.of(3, 30),
                LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 8));

        var session = RecurrenceGenerator.generate(rule, List.of(), NEW_YORK).occurrences().getFirst();

        assertThat(session.startsLocal().toLocalTime()).isEqualTo(LocalTime.of(3, 30));
        assertThat(Duration.between(session.startAt(), session.endAt())).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void a_rule_whose_first_date_is_not_one_of_its_weekdays_starts_on_the_next_matching_day() {
        var rule = new Recurrence(Set.of(THURSDAY), LocalTime.of(10, 0), LocalTime.of(11, 0),
                LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 30));

        assertThat(RecurrenceGenerator.generate(rule, List.of(), SINGAPORE).occurrences())
                .extracting(Occurrence::date).containsExactly(LocalDate.of(2026, 11, 26));
    }

    @Test
    void a_rule_producing_more_sessions_than_any_term_needs_is_refused() {
        var rule = new Recurrence(Set.of(java.time.DayOfWeek.values()), LocalTime.of(10, 0), LocalTime.of(11, 0),
                LocalDate.of(2026, 1, 1), LocalDate.of(2030, 1, 1));

        assertThatThrownBy(() -> RecurrenceGenerator.generate(rule, List.of(), SINGAPORE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
