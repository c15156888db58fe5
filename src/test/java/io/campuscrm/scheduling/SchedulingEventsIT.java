package io.campuscrm.scheduling;

import static io.campuscrm.scheduling.SchedulingFixtures.weekly;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.campuscrm.institution.Campus;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/**
 * Scheduling publishes what billing and attendance will act on, once per fact and in the transaction that makes it
 * true: a place in a class (enrolled or promoted), a withdrawal, a transfer, a session cancelled, moved, restored
 * or added, a class cancelled as a whole (one cancellation per session) or regenerated from a changed rule. A refused change publishes nothing. Every event
 * comes back unchanged from the form the event publication registry stores.
 */
@CampusIntegrationTest
@RecordApplicationEvents
class SchedulingEventsIT {

    private static final LocalDate AUG_3 = TestClock.monday(50).plusDays(1);
    private static final LocalDate AUG_31 = TestClock.monday(54).plusDays(1);

    @Autowired
    ApplicationContext context;
    @Autowired
    ApplicationEvents events;
    @Autowired
    EnrollmentService enrollments;
    @Autowired
    SessionService sessions;
    @Autowired
    ClassLifecycle lifecycle;
    @Autowired
    EventSerializer serializer;

    SchedulingFixtures fixtures;
    Campus campus;
    Course course;
    Term term;

    @BeforeEach
    void setUp() {
        fixtures = new SchedulingFixtures(context);
        campus = fixtures.campus("Orchard");
        course = fixtures.course();
        term = fixtures.term(TestClock.monday(50), TestClock.monday(55));
    }

    @Test
    void enrolling_transferring_promoting_and_withdrawing_publish_one_event_each_with_ids_and_dates() {
        var from = tuesdayClass("16:00", "17:00", 1, true);
        var to = tuesdayClass("16:00", "17:00", 5, true);
        long mover = fixtures.student("Mover", campus);
        long waiter = fixtures.student("Waiter", campus);
        var moverIn = as(() -> enrollments.enroll(from.id(), mover, AUG_3));
        var waiterIn = as(() -> enrollments.enroll(from.id(), waiter, AUG_3));
        var on = TestClock.monday(52).plusDays(1);

        var moved = as(() -> enrollments.transfer(moverIn.id(), moverIn.version(), to.id(), on, "Later time"));
        var promoted = as(() -> enrollments.enrollments(from.id(), true, PageRequest.of(0, 10)).getContent())
                .getFirst();
        as(() -> enrollments.withdraw(promoted.id(), promoted.version(), AUG_31, "Moved away"));

        assertThat(events.stream(StudentEnrolled.class)).containsExactly(
                new StudentEnrolled(moverIn.id(), mover, from.id(), course.id(), campus.id(), AUG_3, false),
                new StudentEnrolled(waiterIn.id(), waiter, from.id(), course.id(), campus.id(), on, true));
        assertThat(events.stream(StudentTransferred.class)).containsExactly(new StudentTransferred(moverIn.id(),
                moved.id(), mover, from.id(), to.id(), course.id(), course.id(), on));
        assertThat(events.stream(StudentWithdrawn.class)).containsExactly(new StudentWithdrawn(waiterIn.id(), waiter,
                from.id(), course.id(), campus.id(), AUG_31, "Moved away"));
        events.stream(Object.class).filter(e -> e instanceof StudentEnrolled || e instanceof StudentTransferred
                || e instanceof StudentWithdrawn).forEach(this::assertStoredUnchanged);
    }

    @Test
    void joining_or_leaving_the_waiting_list_and_a_refused_enrollment_publish_nothing() {
        var full = tuesdayClass("09:00", "10:00", 1, true);
        as(() -> enrollments.enroll(full.id(), fixtures.student("First", campus), AUG_3));
        var waiting = as(() -> enrollments.enroll(full.id(), fixtures.student("Second", campus), AUG_3));
        var closed = tuesdayClass("11:00", "12:00", 1, false);
        as(() -> enrollments.enroll(closed.id(), fixtures.student("Third", campus), AUG_3));
        long refused = fixtures.student("Fourth", campus);
        events.clear();

        as(() -> enrollments.withdraw(waiting.id(), waiting.version(), AUG_3, null));
        assertThatThrownBy(() -> as(() -> enrollments.enroll(closed.id(), refused, AUG_3)))
                .isInstanceOf(DomainException.class);

        assertThat(events.stream(StudentEnrolled.class)).isEmpty();
        assertThat(events.stream(StudentWithdrawn.class)).isEmpty();
    }

    @Test
    void moving_cancelling_and_restoring_a_session_and_cancelling_its_class_publish_what_changed() {
        var schoolClass = tuesdayClass("16:00", "17:00", 10, true);
        var all = as(() -> sessions.sessions(schoolClass.id(), PageRequest.of(0, 50)).getContent());
        var first = all.get(0);
        var second = all.get(1);

        var movedTo = new SessionSlot(first.date().plusDays(1), LocalTime.of(18, 0), LocalTime.of(19, 30),
                first.roomId());
        var moved = as(() -> sessions.move(first.sessionId(), first.version(), movedTo));
        var cancelled = as(() -> sessions.cancel(second.sessionId(), second.version(), " Teacher ill "));
        as(() -> sessions.restore(cancelled.sessionId(), cancelled.version()));
        var details = as(() -> context.getBean(ClassSearch.class).get(schoolClass.id()));
        var draft = details.toDraft();
        as(() -> lifecycle.update(schoolClass.id(), details.version(), new ClassDraft(draft.code(), draft.name(),
                draft.courseId(), draft.termId(), draft.campusId(), draft.roomId(), draft.capacity(),
                draft.waitingListEnabled(), ClassStatus.CANCELLED, draft.teacherIds(), draft.recurrence())));

        assertThat(events.stream(SessionMoved.class)).containsExactly(new SessionMoved(first.sessionId(),
                schoolClass.id(), first.date(), first.startsLocal(), first.endsLocal(), first.startAt(),
                first.roomId(), moved.date(), moved.startsLocal(), moved.endsLocal(), moved.startAt(),
                moved.roomId()));
        assertThat(moved.startsLocal()).isEqualTo(movedTo.date().atTime(18, 0));
        assertThat(events.stream(SessionRestored.class)).containsExactly(new SessionRestored(second.sessionId(),
                schoolClass.id(), second.date(), second.startsLocal(), second.endsLocal(), second.startAt(),
                second.endAt()));
        var cancellations = events.stream(SessionCancelled.class).toList();
        assertThat(cancellations.getFirst()).isEqualTo(new SessionCancelled(second.sessionId(), schoolClass.id(),
                second.date(), second.startsLocal(), second.endsLocal(), second.startAt(), second.endAt(),
                "Teacher ill", false));
        assertThat(cancellations.subList(1, cancellations.size())).as("the class's cancellation, per session")
                .allSatisfy(c -> assertThat(c.classCancelled()).isTrue())
                .extracting(SessionCancelled::sessionId).containsExactlyInAnyOrderElementsOf(
                        all.stream().map(ScheduledSession::sessionId).toList());
        events.stream(Object.class).filter(e -> e instanceof SessionMoved || e instanceof SessionCancelled
                || e instanceof SessionRestored).forEach(this::assertStoredUnchanged);
    }

    @Test
    void adding_a_session_and_changing_the_rule_publish_what_a_listener_reads_again() {
        var schoolClass = tuesdayClass("16:00", "17:00", 10, true);
        int generated = as(() -> sessions.sessions(schoolClass.id(), PageRequest.of(0, 50)).getContent()).size();
        var thursday = AUG_3.plusDays(2);

        var added = as(() -> sessions.add(schoolClass.id(), new SessionSlot(thursday, LocalTime.of(10, 0),
                LocalTime.of(11, 0), schoolClass.roomId())));
        var details = as(() -> context.getBean(ClassSearch.class).get(schoolClass.id()));
        var draft = details.toDraft();
        as(() -> lifecycle.update(schoolClass.id(), details.version(), new ClassDraft(draft.code(), draft.name(),
                draft.courseId(), draft.termId(), draft.campusId(), draft.roomId(), draft.capacity(),
                draft.waitingListEnabled(), draft.status(), draft.teacherIds(),
                weekly(Set.of(TUESDAY), "17:00", "18:00", AUG_3, AUG_31))));
        var unchanged = as(() -> context.getBean(ClassSearch.class).get(schoolClass.id()));
        as(() -> lifecycle.update(schoolClass.id(), unchanged.version(), unchanged.toDraft()));

        assertThat(events.stream(SessionAdded.class)).containsExactly(new SessionAdded(added.sessionId(),
                schoolClass.id(), thursday, thursday.atTime(10, 0), thursday.atTime(11, 0), added.startAt(),
                added.endAt(), schoolClass.roomId()));
        assertThat(events.stream(ClassSessionsRegenerated.class)).as("only the change that moved sessions")
                .containsExactly(new ClassSessionsRegenerated(schoolClass.id(), context.getBean(Clock.class)
                        .instant(), 0, generated, 0));
        events.stream(Object.class).filter(e -> e instanceof SessionAdded || e instanceof ClassSessionsRegenerated)
                .forEach(this::assertStoredUnchanged);
    }

    /** What the registry stores (JSON in {@code SERIALIZED_EVENT}) reads back as the same event, dates and all. */
    private void assertStoredUnchanged(Object event) {
        Object stored = serializer.serialize(event);
        assertThat(stored.toString()).hasSizeLessThan(4000);
        assertThat(serializer.deserialize(stored, event.getClass())).isEqualTo(event);
    }

    private ClassDetails tuesdayClass(String start, String end, int capacity, boolean waitingList) {
        var room = fixtures.room(campus, 20);
        var d = fixtures.draft(course, term, campus, room, Set.of(fixtures.teacher("Event Teacher", campus)),
                capacity, weekly(Set.of(TUESDAY), start, end, AUG_3, AUG_31));
        return fixtures.create(new ClassDraft(d.code(), d.name(), d.courseId(), d.termId(), d.campusId(), d.roomId(),
                d.capacity(), waitingList, d.status(), d.teacherIds(), d.recurrence()));
    }

    private static <T> T as(Supplier<T> work) {
        return SystemAuthentication.call(work);
    }
}
