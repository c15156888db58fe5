package io.campuscrm.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import io.campuscrm.shared.timetable.SampleTimetable;
import io.campuscrm.shared.timetable.TimetableBlock;
import io.campuscrm.shared.timetable.TimetableLayout;

/** The week timetable without a browser: weeks, lazy fetching, clicks, and what the blocks say. */
@ViewPackages(packages = "io.campuscrm.shared.ui.no.views")
class WeekTimetableTest extends BrowserlessTest {

    /** Wednesday of week 47, 10:00 in Singapore. */
    private static final Clock CLOCK = Clock.fixed(java.time.Instant.parse("2026-11-18T02:00:00Z"),
            ZoneId.of("Asia/Singapore"));
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);

    private final List<LocalDate> fetched = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private WeekTimetable timetable;

    @BeforeAll
    static void useTheMessageBundle() {
        System.setProperty("vaadin.i18n.provider", BundleI18NProvider.class.getName());
    }

    @AfterAll
    static void forgetTheMessageBundle() {
        System.clearProperty("vaadin.i18n.provider");
    }

    @BeforeEach
    void showTimetable() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("en-GB"));
        timetable = new WeekTimetable(CLOCK, monday -> {
            fetched.add(monday);
            return SampleTimetable.week(monday);
        });
        timetable.addWeekChangeListener(e -> events.add("week " + e.getWeek() + (e.isFromClient() ? " (user)" : "")));
        timetable.addBlockClickListener(e -> events.add("block " + e.getBlockId()));
    }

    @Test
    void it_opens_on_this_week_and_fetches_blocks_only_once_attached_and_once_per_week() {
        assertThat(timetable.getWeek()).isEqualTo(MONDAY);
        assertThat(fetched).as("not attached yet").isEmpty();

        UI.getCurrent().add(timetable);
        assertThat(fetched).containsExactly(MONDAY);

        timetable.setWeekendAlwaysShown(true);
        assertThat(fetched).as("same week, no new fetch").containsExactly(MONDAY);
        timetable.refresh();
        assertThat(fetched).containsExactly(MONDAY, MONDAY);
    }

    @Test
    void previous_next_and_this_week_move_by_whole_weeks_and_tell_the_listeners() {
        UI.getCurrent().add(timetable);

        test(button("timetable-next")).click();
        assertThat(timetable.getWeek()).isEqualTo(MONDAY.plusWeeks(1));
        test(button("timetable-previous")).click();
        test(button("timetable-previous")).click();
        test(button("timetable-this-week")).click();

        assertThat(events).containsExactly("week 2026-11-23 (user)", "week 2026-11-16 (user)",
                "week 2026-11-09 (user)", "week 2026-11-16 (user)");
        assertThat(fetched).containsExactly(MONDAY, MONDAY.plusWeeks(1), MONDAY, MONDAY.minusWeeks(1), MONDAY);
    }

    @Test
    void a_date_chosen_in_the_picker_shows_its_week_and_set_week_from_code_is_not_from_the_user() {
        UI.getCurrent().add(timetable);

        test($(DatePicker.class).id("timetable-date")).setValue(LocalDate.of(2026, 12, 25));
        timetable.setWeek(LocalDate.of(2027, 1, 6));
        timetable.setWeek(LocalDate.of(2027, 1, 8));

        assertThat(events).containsExactly("week 2026-12-21 (user)", "week 2027-01-04");
        assertThat(label()).isEqualTo("Week 1 · 4 Jan 2027 – 10 Jan 2027");
    }

    @Test
    void the_week_is_labelled_and_its_days_named_in_the_ui_locale() {
        UI.getCurrent().add(timetable);

        assertThat(label()).isEqualTo("Week 47 · 16 Nov 2026 – 22 Nov 2026");
        assertThat($(Div.class).withClassName("tt-day-header").all()).extracting(header -> header.getChildren()
                .map(c -> ((Span) c).getText()).collect(Collectors.joining(" ")))
                .containsExactly("Mon 16 Nov", "Tue 17 Nov", "Wed 18 Nov", "Thu 19 Nov", "Fri 20 Nov", "Sat 21 Nov");
        assertThat($(Div.class).withClassName("tt-today").all()).hasSize(2); // header and column of Wednesday
        assertThat($(Span.class).withClassName("tt-hour").first().getText()).isEqualTo("07:00");
    }

    @Test
    void blocks_say_when_and_what_cancelled_ones_are_marked_and_a_click_tells_the_id() {
        UI.getCurrent().add(timetable);

        var science = block("s-2026-11-19-1530-science-p6");
        assertThat(science.getClassNames()).contains("tt-block", "tt-cancelled", "tt-half");
        assertThat(science.getElement().getAttribute("title"))
                .isEqualTo("15:30 – 17:00 · Cancelled, P6 Science · P6-B, Lab 2 · Arjun Kumar");
        // named by its visible text (WCAG 2.5.3): an aria-label would replace it with words the user does not see
        assertThat(science.getElement().hasAttribute("aria-label")).isFalse();
        var playgroup = block("s-2026-11-17-0930-playgroup");
        assertThat(playgroup.getClassNames()).doesNotContain("tt-cancelled", "tt-half", "tt-narrow");
        assertThat(playgroup.getStyle().get("--tt-start")).isEqualTo("150");
        assertThat(playgroup.getStyle().get("--tt-length")).isEqualTo("90");
        assertThat(block("s-2026-11-21-0930-playgroup").getClassNames()).contains("tt-narrow");

        ComponentUtil.fireEvent(playgroup, new ClickEvent<>(playgroup));

        assertThat(events).containsExactly("block s-2026-11-17-0930-playgroup");
    }

    @Test
    void the_time_axis_widens_where_the_hour_labels_are_long_so_that_they_stay_on_one_line() {
        var layout = TimetableLayout.of(MONDAY, List.of());
        // zh-SG: "上午10时" on a 12-hour clock; en-SG: "10 am"; zh-CN: "10:00"
        assertThat(WeekTimetable.axisRem(layout, Locale.forLanguageTag("zh-SG"))).isGreaterThan(3.5);
        assertThat(WeekTimetable.axisRem(layout, Locale.forLanguageTag("en-SG"))).isLessThanOrEqualTo(3.5);
        assertThat(WeekTimetable.axisRem(layout, Locale.forLanguageTag("zh-CN"))).isLessThanOrEqualTo(3.5);
    }

    @Test
    void an_empty_week_says_so_and_hides_the_weekend() {
        var empty = new WeekTimetable(CLOCK, monday -> List.<TimetableBlock>of());
        UI.getCurrent().add(empty);

        assertThat($(Div.class).id("timetable-empty").isVisible()).isTrue();
        assertThat($(Div.class).id("timetable-empty").getText()).isEqualTo("Nothing scheduled this week.");
        assertThat($(Div.class).withClassName("tt-day").all()).hasSize(5);
    }

    private Button button(String id) {
        return $(Button.class).id(id);
    }

    private String label() {
        return $(Span.class).id("timetable-week-label").getText();
    }

    private Div block(String id) {
        return $(Div.class).withClassName("tt-block").all().stream()
                .filter(d -> id.equals(d.getElement().getAttribute("data-block-id"))).findFirst().orElseThrow();
    }
}
