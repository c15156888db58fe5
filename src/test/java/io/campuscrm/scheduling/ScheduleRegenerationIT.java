package io.campuscrm.scheduling;

import static io.campuscrm.scheduling.SchedulingFixtures.weekly;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithUserDetails;

import io.campuscrm.institution.Campus;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/**
 * Changing a class's rule regenerates only its future sessions: past and held sessions stay as they were, moved and
 * added ones are kept (unless they would clash), generated ones follow the new rule and keep their ids.
 */
@CampusIntegrationTest
@WithUserDetails("admin")
class ScheduleRegenerationIT {

    /** A Tuesday eight weeks ago and a Thursday eight weeks ahead: sessions in the past and in the future. */
    private static final LocalDate FROM = TestClock.monday(-8).plusDays(1);
    private static final LocalDate TO = TestClock.monday(8).plusDays(3);

    @Autowired
    ApplicationContext context;
    @Autowired
    ClassLifecycle lifecycle;
    @Autowired
    ClassSearch classes;
    @Autowired
    SessionService sessions;
    @Autowired
    Clock clock;

    SchedulingFixtures fixtures;
    Campus orchard;
    Course course;
    Term term;
    Room room;
    long teacher;

    @BeforeEach
    void setUp() {
        fixtures = new SchedulingFixtures(context);
        orchard = fixtures.campus("Orchard");
        course = fixtures.course();
        term = fixtures.term(TestClock.monday(-8), TestClock.monday(9));
        room = fixtures.room(orchard, 16);
        teacher = fixtures.teacher("Regen Teacher", orchard);
    }

    @Test
    void a_rule_change_regenerates_future_generated_sessions_and_keeps_past_held_and_moved_ones() {
        var created = lifecycle.create(draft(Set.of(TUESDAY, THURSDAY), "16:00", "17:30"));
        var before = all(created.id());
        var future = before.stream().filter(s -> s.startAt().isAfter(clock.instant())).toList();
        var past = before.stream().filter(s -> s.startAt().isBefore(clock.instant())).toList();
        assertThat(past).isNotEmpty();
        var held = sessions.markHeld(future.get(0).sessionId(), true);
        var toMove = future.get(1);
        var moved = sessions.move(toMove.sessionId(), toMove.version(),
                new SessionSlot(toMove.date(), LocalTime.of(18, 0), LocalTime.of(19, 30), room.id()));
        var cancelled = sessions.cancel(future.get(2).sessionId(), future.get(2).version(), "Room maintenance");
        var untouched = future.get(3);

        var details = classes.get(created.id());
        lifecycle.update(created.id(), details.version(), withRecurrence(details.toDraft(),
                weekly(Set.of(TUESDAY, THURSDAY), "17:00", "18:30", FROM, TO)));

        var after = all(created.id());
        assertThat(after).hasSameSizeAs(before);
        assertThat(after).filteredOn(s -> past.stream().anyMatch(p -> p.sessionId() == s.sessionId()))
                .as("past sessions").hasSize(past.size())
                .allSatisfy(s -> assertThat(s.startsLocal().toLocalTime()).isEqualTo(LocalTime.of(16, 0)));
        assertThat(find(after, held.sessionId()).startsLocal().toLocalTime()).isEqualTo(LocalTime.of(16, 0));
        assertThat(find(after, moved.sessionId()).startsLocal().toLocalTime()).isEqualTo(LocalTime.of(18, 0));
        assertThat(after).filteredOn(s -> s.date().equals(toMove.date())).as("no second session on the moved date")
                .hasSize(1);
        var stillCancelled = find(after, cancelled.sessionId());
        assertThat(stillCancelled.status()).isEqualTo(SessionStatus.CANCELLED);
        assertThat(stillCancelled.startsLocal().toLocalTime()).isEqualTo(LocalTime.of(17, 0));
        assertThat(find(after, untouched.sessionId()).startsLocal().toLocalTime()).as("same id, new time")
                .isEqualTo(LocalTime.of(17, 0));
    }

    @Test
    void dropping_a_weekday_removes_its_future_generated_sessions_only() {
        var created = lifecycle.create(draft(Set.of(TUESDAY, THURSDAY), "16:00", "17:30"));
        var before = all(created.id());
        var futureTuesday = before.stream().filter(s -> s.startAt().isAfter(clock.instant()))
                .filter(s -> s.date().getDayOfWeek() == TUESDAY).toList();
        var held = sessions.markHeld(futureTuesday.getFirst().sessionId(), true);

        var details = classes.get(created.id());
        lifecycle.update(created.id(), details.version(), withRecurrence(details.toDraft(),
                weekly(Set.of(THURSDAY), "16:00", "17:30", FROM, TO)));

        var after = all(created.id());
        assertThat(after).filteredOn(s -> s.date().getDayOfWeek() == TUESDAY && s.startAt().isAfter(clock.instant()))
                .extracting(ScheduledSession::sessionId).containsExactly(held.sessionId());
        assertThat(after).filteredOn(s -> s.date().getDayOfWeek() == TUESDAY && s.startAt().isBefore(clock.instant()))
                .as("past Tuesdays stay").isNotEmpty();
    }

    @Test
    void a_rule_change_that_would_clash_with_a_kept_added_session_is_refused_and_nothing_changes() {
        var created = lifecycle.create(draft(Set.of(TUESDAY), "16:00", "17:30"));
        var wednesday = TestClock.monday(4).plusDays(2);
        sessions.add(created.id(), new SessionSlot(wednesday, LocalTime.of(17, 0), LocalTime.of(18, 0), room.id()));
        var before = all(created.id());

        var details = classes.get(created.id());
        assertThatThrownBy(() -> lifecycle.update(created.id(), details.version(), withRecurrence(details.toDraft(),
                weekly(Set.of(TUESDAY, WEDNESDAY), "16:30", "17:30", FROM, TO))))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("scheduling.clash.room");
                    assertThat(e.arguments()).contains(created.code());
                });

        assertThat(all(created.id())).usingRecursiveFieldByFieldElementComparator().isEqualTo(before);
        assertThat(classes.get(created.id()).recurrence().weekdays()).containsExactly(TUESDAY);
    }

    @Test
    void cancelling_a_class_cancels_its_future_sessions_and_frees_the_room() {
        var created = lifecycle.create(draft(Set.of(TUESDAY), "16:00", "17:30"));
        var details = classes.get(created.id());
        var d = details.toDraft();
        lifecycle.update(created.id(), details.version(), new ClassDraft(d.code(), d.name(), d.courseId(), d.termId(),
                d.campusId(), d.roomId(), d.capacity(), d.waitingListEnabled(), ClassStatus.CANCELLED,
                d.teacherIds(), d.recurrence()));

        var after = all(created.id());
        assertThat(after).filteredOn(s -> s.startAt().isAfter(clock.instant())).isNotEmpty()
                .allSatisfy(s -> assertThat(s.status()).isEqualTo(SessionStatus.CANCELLED));
        assertThat(after).filteredOn(s -> s.startAt().isBefore(clock.instant())).isNotEmpty()
                .allSatisfy(s -> assertThat(s.status()).isEqualTo(SessionStatus.SCHEDULED));
        var other = lifecycle.create(fixtures.draft(course, term, orchard, room,
                Set.of(fixtures.teacher("Other Teacher", orchard)), 10,
                weekly(Set.of(TUESDAY), "16:00", "17:30", TestClock.today().plusDays(1), TO)));
        assertThat(all(other.id())).isNotEmpty();
    }

    private ClassDraft draft(Set<java.time.DayOfWeek> days, String start, String end) {
        return fixtures.draft(course, term, orchard, room, Set.of(teacher), 12, weekly(days, start, end, FROM, TO));
    }

    private static ClassDraft withRecurrence(ClassDraft d, Recurrence recurrence) {
        return new ClassDraft(d.code(), d.name(), d.courseId(), d.termId(), d.campusId(), d.roomId(), d.capacity(),
                d.waitingListEnabled(), d.status(), d.teacherIds(), recurrence);
    }

    private List<ScheduledSession> all(long classId) {
        return sessions.sessions(classId, PageRequest.of(0, 500)).getContent();
    }

    private static ScheduledSession find(List<ScheduledSession> list, long id) {
        return list.stream().filter(s -> s.sessionId() == id).findFirst().orElseThrow();
    }
}
