package io.campuscrm.attendance.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;

import io.campuscrm.attendance.AttendanceFixtures;
import io.campuscrm.attendance.AttendanceNavigation;
import io.campuscrm.attendance.AttendanceService;
import io.campuscrm.attendance.AttendanceStatus;
import io.campuscrm.attendance.SeatMark;
import io.campuscrm.attendance.RosterSeat;
import io.campuscrm.support.CampusIntegrationTest;

/**
 * The teacher's home: the past two weeks' sessions still to take first, then today's, then the next seven days — a
 * rolling week, so that a Friday shows the coming Monday too — each a button to its roster.
 */
@CampusIntegrationTest
class TodayViewIT extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    AttendanceService attendance;

    @Test
    void a_teacher_sees_what_is_left_to_take_then_today_then_the_next_seven_days() {
        var fixtures = new AttendanceFixtures(context);
        var k = fixtures.newClass(1); // meets every day, from two weeks ago to two weeks ahead
        var yesterday = k.on(io.campuscrm.support.TestClock.today().minusDays(1));
        fixtures.as(k.teacher(), () -> attendance.save(yesterday.sessionId(), 0, List.of(SeatMark.of(
                RosterSeat.studentKey(k.students().getFirst()), AttendanceStatus.PRESENT))));

        fixtures.as(k.teacher(), () -> {
            navigate(AttendanceNavigation.TODAY, TodayView.class);
            assertThat(buttons("today-overdue")).as("not taken in the last 14 days, yesterday's taken").hasSize(13);
            assertThat(buttons("today-sessions")).hasSize(1);
            assertThat(buttons("today-later")).as("the next seven days, whatever the weekday").hasSize(7);
            test(buttons("today-sessions").getFirst()).click();
            return null;
        });
        assertThat(com.vaadin.flow.component.UI.getCurrent().getActiveViewLocation().getPath())
                .isEqualTo(AttendanceNavigation.roster(k.today().sessionId()));
    }

    private List<Button> buttons(String sectionId) {
        Div section = $(Div.class).id(sectionId);
        return section.getChildren().flatMap(TodayViewIT::descendants).filter(Button.class::isInstance)
                .map(Button.class::cast).toList();
    }

    private static java.util.stream.Stream<Component> descendants(Component c) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(c), c.getChildren()
                .flatMap(TodayViewIT::descendants));
    }
}
