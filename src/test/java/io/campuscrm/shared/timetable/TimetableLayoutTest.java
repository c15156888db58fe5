package io.campuscrm.shared.timetable;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class TimetableLayoutTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);

    @Test
    void overlapping_blocks_share_the_day_in_columns_and_touching_blocks_do_not() {
        var layout = TimetableLayout.of(MONDAY, List.of(
                block("a", 0, "09:00", "10:30"),
                block("b", 0, "09:30", "11:00"),
                block("c", 0, "10:30", "12:00"),
                block("d", 0, "12:00", "13:00")));

        assertThat(layout.placed(DayOfWeek.MONDAY)).extracting(p -> p.block().id() + ":" + p.column() + "/"
                + p.columns()).containsExactly("a:0/2", "b:1/2", "c:0/2", "d:0/1");
    }

    @Test
    void three_blocks_at_once_make_three_columns_and_the_whole_cluster_keeps_them() {
        var layout = TimetableLayout.of(MONDAY, List.of(
                block("long", 5, "09:00", "12:00"),
                block("first", 5, "09:00", "10:00"),
                block("second", 5, "09:30", "10:30"),
                block("later", 5, "10:00", "11:00")));

        assertThat(layout.placed(DayOfWeek.SATURDAY)).extracting(p -> p.block().id() + ":" + p.column() + "/"
                + p.columns()).containsExactly("long:0/3", "first:1/3", "second:2/3", "later:1/3");
    }

    @Test
    void blocks_are_placed_in_minutes_from_midnight() {
        var layout = TimetableLayout.of(MONDAY, List.of(block("a", 2, "16:15", "17:45")));

        var placed = layout.placed(DayOfWeek.WEDNESDAY).getFirst();
        assertThat(placed.startMinute()).isEqualTo(16 * 60 + 15);
        assertThat(placed.endMinute()).isEqualTo(17 * 60 + 45);
        assertThat(layout.fromMinute()).isEqualTo(7 * 60);
        assertThat(layout.toMinute()).isEqualTo(22 * 60);
        assertThat(layout.hours()).isEqualTo(15);
        assertThat(layout.date(DayOfWeek.WEDNESDAY)).isEqualTo(LocalDate.of(2026, 11, 18));
    }

    @Test
    void the_hours_widen_to_whole_hours_to_fit_early_and_late_blocks() {
        var layout = TimetableLayout.of(MONDAY, List.of(block("early", 1, "06:45", "08:00"),
                block("late", 3, "21:00", "22:10")));

        assertThat(layout.fromMinute()).isEqualTo(6 * 60);
        assertThat(layout.toMinute()).isEqualTo(23 * 60);
    }

    @Test
    void a_block_past_midnight_is_cut_at_the_end_of_its_first_day() {
        var night = new TimetableBlock("night", "Overnight camp", null, MONDAY.atTime(23, 0),
                MONDAY.plusDays(1).atTime(1, 0), null, false);

        var layout = TimetableLayout.of(MONDAY, List.of(night));

        assertThat(layout.placed(DayOfWeek.MONDAY).getFirst().endMinute()).isEqualTo(24 * 60);
        assertThat(layout.toMinute()).isEqualTo(24 * 60);
        assertThat(layout.placed(DayOfWeek.TUESDAY)).isEmpty();
    }

    @Test
    void saturday_and_sunday_are_shown_only_when_used_unless_asked_for() {
        List<DayOfWeek> weekdays = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(TimetableLayout.of(MONDAY, List.of(block("a", 0, "09:00", "10:00"))).days())
                .isEqualTo(weekdays);
        assertThat(TimetableLayout.of(MONDAY, List.of(block("sat", 5, "09:00", "10:00"))).days())
                .endsWith(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY).hasSize(6);
        assertThat(TimetableLayout.of(MONDAY, List.of(block("sun", 6, "09:00", "10:00"))).days())
                .endsWith(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY).hasSize(7);
        assertThat(TimetableLayout.of(MONDAY, List.of(), LocalTime.of(8, 0), LocalTime.of(18, 0), true).days())
                .hasSize(7);
    }

    @Test
    void blocks_outside_the_week_are_left_out_and_any_day_of_the_week_finds_its_monday() {
        var layout = TimetableLayout.of(MONDAY.plusDays(4), List.of(block("before", -1, "09:00", "10:00"),
                block("inside", 6, "09:00", "10:00"), block("after", 7, "09:00", "10:00")));

        assertThat(layout.monday()).isEqualTo(MONDAY);
        assertThat(layout.placed(DayOfWeek.SUNDAY)).extracting(p -> p.block().id()).containsExactly("inside");
        assertThat(layout.placed(DayOfWeek.MONDAY)).isEmpty();
        assertThat(layout.isEmpty()).isFalse();
        assertThat(TimetableLayout.of(MONDAY, List.of()).isEmpty()).isTrue();
    }

    @Test
    void weeks_run_monday_to_sunday_with_iso_week_numbers() {
        assertThat(TimetableWeeks.mondayOf(LocalDate.of(2026, 11, 22))).isEqualTo(MONDAY);
        assertThat(TimetableWeeks.mondayOf(MONDAY)).isEqualTo(MONDAY);
        assertThat(TimetableWeeks.sundayOf(MONDAY)).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(TimetableWeeks.weekNumber(MONDAY)).isEqualTo(47);
        assertThat(TimetableWeeks.weekNumber(LocalDate.of(2027, 1, 1))).isEqualTo(53);
    }

    private static TimetableBlock block(String id, int dayOffset, String start, String end) {
        LocalDate day = MONDAY.plusDays(dayOffset);
        return new TimetableBlock(id, id, null, LocalDateTime.of(day, LocalTime.parse(start)),
                LocalDateTime.of(day, LocalTime.parse(end)), id, false);
    }
}
