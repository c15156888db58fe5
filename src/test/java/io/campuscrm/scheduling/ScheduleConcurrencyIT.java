package io.campuscrm.scheduling;

import static io.campuscrm.scheduling.SchedulingFixtures.weekly;
import static java.time.DayOfWeek.FRIDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;

import io.campuscrm.institution.Campus;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.Concurrently;
import io.campuscrm.support.TestClock;

/**
 * Two saves of clashing schedules at the same moment: the room and teacher locks make the second wait for the first
 * and then see its sessions, so exactly one succeeds and the other is refused naming the clash.
 */
@CampusIntegrationTest
class ScheduleConcurrencyIT {

    /** Fridays well ahead of the tests' today. */
    private static final LocalDate FROM = TestClock.monday(40).plusDays(4);
    private static final LocalDate TO = TestClock.monday(44).plusDays(4);

    @Autowired
    ApplicationContext context;
    @Autowired
    ClassLifecycle classes;
    @Autowired
    SessionService sessions;

    SchedulingFixtures fixtures;
    Campus tampines;
    Course course;
    Term term;

    @BeforeEach
    void setUp() {
        fixtures = new SchedulingFixtures(context);
        tampines = fixtures.campus("Tampines");
        course = fixtures.course();
        term = fixtures.term(TestClock.monday(40), TestClock.monday(45));
    }

    @Test
    void two_classes_saved_at_once_into_the_same_room_and_time_cannot_both_succeed() throws Exception {
        for (int round = 0; round < 3; round++) {
            var room = fixtures.room(tampines, 20);
            var a = fixtures.draft(course, term, tampines, room, Set.of(fixtures.teacher("A", tampines)), 10,
                    weekly(Set.of(FRIDAY), "16:00", "17:30", FROM, TO));
            var b = fixtures.draft(course, term, tampines, room, Set.of(fixtures.teacher("B", tampines)), 10,
                    weekly(Set.of(FRIDAY), "17:00", "18:00", FROM, TO));

            var outcomes = race(() -> classes.create(a), () -> classes.create(b));

            assertThat(outcomes).filteredOn(o -> o instanceof ClassDetails).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof DomainException).singleElement()
                    .satisfies(e -> assertThat(((DomainException) e).messageKey()).isEqualTo("scheduling.clash.room"));
        }
    }

    @Test
    void one_teacher_booked_twice_at_once_in_two_rooms_is_refused_once() throws Exception {
        long teacher = fixtures.teacher("Busy Teacher", tampines);
        var a = fixtures.draft(course, term, tampines, fixtures.room(tampines, 20), Set.of(teacher), 10,
                weekly(Set.of(FRIDAY), "16:00", "17:30", FROM, TO));
        var b = fixtures.draft(course, term, tampines, fixtures.room(tampines, 20), Set.of(teacher), 10,
                weekly(Set.of(FRIDAY), "16:30", "17:00", FROM, TO));

        var outcomes = race(() -> classes.create(a), () -> classes.create(b));

        assertThat(outcomes).filteredOn(o -> o instanceof ClassDetails).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof DomainException).singleElement()
                .satisfies(e -> assertThat(((DomainException) e).messageKey()).isEqualTo("scheduling.clash.teacher"));
    }

    @Test
    void two_sessions_moved_at_once_into_the_same_free_slot_cannot_both_land() throws Exception {
        var room = fixtures.room(tampines, 20);
        var first = fixtures.create(fixtures.draft(course, term, tampines, room,
                Set.of(fixtures.teacher("C", tampines)), 10, weekly(Set.of(FRIDAY), "09:00", "10:00", FROM, TO)));
        var second = fixtures.create(fixtures.draft(course, term, tampines, room,
                Set.of(fixtures.teacher("D", tampines)), 10, weekly(Set.of(FRIDAY), "11:00", "12:00", FROM, TO)));
        var s1 = SystemAuthentication.call(() -> sessions.sessions(first.id(), PageRequest.of(0, 1))).getContent()
                .getFirst();
        var s2 = SystemAuthentication.call(() -> sessions.sessions(second.id(), PageRequest.of(0, 1))).getContent()
                .getFirst();
        var slot = new SessionSlot(FROM, LocalTime.of(14, 0), LocalTime.of(15, 0), room.id());

        var outcomes = race(() -> sessions.move(s1.sessionId(), s1.version(), slot),
                () -> sessions.move(s2.sessionId(), s2.version(), slot));

        assertThat(outcomes).filteredOn(o -> o instanceof ScheduledSession).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof DomainException).hasSize(1);
    }

    private static List<Object> race(Callable<?> one, Callable<?> other) throws Exception {
        return Concurrently.run(List.of(one, other));
    }
}
