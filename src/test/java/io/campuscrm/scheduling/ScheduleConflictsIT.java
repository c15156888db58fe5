package io.campuscrm.scheduling;

import static io.campuscrm.scheduling.SchedulingFixtures.weekly;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithUserDetails;

import io.campuscrm.institution.Campus;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/**
 * The clash rules, checked in the database: a room or a teacher is never in two overlapping sessions; sessions that
 * only touch do not clash, cancelled sessions never clash; a refusal names who or what, which class and when.
 */
@CampusIntegrationTest
@WithUserDetails("admin")
class ScheduleConflictsIT {

    /** Tuesdays well ahead of the tests' today. */
    private static final LocalDate JUNE_1 = TestClock.monday(30).plusDays(1);
    private static final LocalDate JUNE_29 = TestClock.monday(34).plusDays(1);

    @Autowired
    ApplicationContext context;
    @Autowired
    ClassLifecycle lifecycle;
    @Autowired
    ClassSearch classes;
    @Autowired
    SessionService sessions;
    @Autowired
    MessageSource messages;
    @Autowired
    EnrollmentService enrollments;

    SchedulingFixtures fixtures;
    Campus orchard;
    Course course;
    Term term;
    Room room;
    Room otherRoom;
    long daniel;
    long mei;

    @BeforeEach
    void setUp() {
        fixtures = new SchedulingFixtures(context);
        orchard = fixtures.campus("Orchard");
        course = fixtures.course();
        term = fixtures.term(TestClock.monday(30), TestClock.monday(43));
        room = fixtures.room(orchard, 20);
        otherRoom = fixtures.room(orchard, 20);
        daniel = fixtures.teacher("Daniel Test", orchard);
        mei = fixtures.teacher("Mei Test", orchard);
    }

    @Test
    void a_room_cannot_hold_two_overlapping_sessions_and_the_refusal_names_the_room_class_and_time() {
        var first = lifecycle.create(draft(room, daniel, "16:00", "17:30"));
        var clashing = draft(room, mei, "17:00", "18:00");

        assertThatThrownBy(() -> lifecycle.create(clashing)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("scheduling.clash.room");
            assertThat(english(e)).isEqualTo("Room " + room.name() + " is already used by class " + first.code()
                    + " (" + SchedulingFixtures.day(JUNE_1) + ", 4:00 pm–5:30 pm).");
        });
        assertThat(classes.find(new ClassFilter(clashing.code(), null, null, null, null, null),
                PageRequest.of(0, 5))).as("nothing of the refused class is saved").isEmpty();
    }

    @Test
    void a_teacher_cannot_teach_two_overlapping_sessions() {
        var first = lifecycle.create(draft(room, daniel, "16:00", "17:30"));

        assertThatThrownBy(() -> lifecycle.create(draft(otherRoom, daniel, "17:00", "18:00")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("scheduling.clash.teacher");
                    assertThat(english(e)).isEqualTo("Daniel Test already teaches class " + first.code()
                            + " (" + SchedulingFixtures.day(JUNE_1) + ", 4:00 pm–5:30 pm).");
                });
    }

    @Test
    void sessions_that_only_touch_do_not_clash() {
        lifecycle.create(draft(room, daniel, "16:00", "17:30"));
        var next = lifecycle.create(draft(room, daniel, "17:30", "19:00"));

        assertThat(sessions.sessions(next.id(), PageRequest.of(0, 50))).hasSize(5);
    }

    @Test
    void a_cancelled_session_does_not_clash() {
        var first = lifecycle.create(draft(room, daniel, "16:00", "17:30"));
        var second = lifecycle.create(draft(otherRoom, mei, "10:00", "11:00"));
        var june8 = sessions.sessions(first.id(), PageRequest.of(0, 50)).getContent().get(1);
        var slot = new SessionSlot(june8.date(), LocalTime.of(16, 0), LocalTime.of(17, 30), room.id());

        assertThatThrownBy(() -> sessions.add(second.id(), slot)).isInstanceOf(DomainException.class);
        sessions.cancel(june8.sessionId(), june8.version(), "Teacher at a workshop");
        var added = sessions.add(second.id(), slot);

        assertThat(added.origin()).isEqualTo(SessionOrigin.ADDED);
        assertThat(added.teacherNames()).containsExactly("Mei Test");
        assertThatThrownBy(() -> sessions.restore(june8.sessionId(), june8.version() + 1))
                .as("the cancelled session cannot come back while its room is taken")
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("scheduling.clash.room"));
    }

    @Test
    void moving_a_session_into_a_clash_is_refused_naming_the_clash_and_nothing_moves() {
        var first = lifecycle.create(draft(room, daniel, "16:00", "17:30"));
        var second = lifecycle.create(draft(otherRoom, mei, "09:00", "10:30"));
        var toMove = sessions.sessions(second.id(), PageRequest.of(0, 50)).getContent().getFirst();

        assertThatThrownBy(() -> sessions.move(toMove.sessionId(), toMove.version(),
                new SessionSlot(JUNE_1, LocalTime.of(17, 0), LocalTime.of(18, 0), room.id())))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("date");
                    assertThat(english(e)).isEqualTo("Room " + room.name() + " is already used by class "
                            + first.code() + " (" + SchedulingFixtures.day(JUNE_1) + ", 4:00 pm–5:30 pm).");
                });
        assertThat(sessions.get(toMove.sessionId()).startsLocal()).isEqualTo(toMove.startsLocal());

        var moved = sessions.move(toMove.sessionId(), toMove.version(),
                new SessionSlot(JUNE_1, LocalTime.of(17, 30), LocalTime.of(18, 30), room.id()));
        assertThat(moved.origin()).isEqualTo(SessionOrigin.MOVED);
        assertThat(moved.roomName()).isEqualTo(room.name());
    }

    @Test
    void a_substitute_teacher_who_is_busy_is_refused() {
        var first = lifecycle.create(draft(room, daniel, "16:00", "17:30"));
        var second = lifecycle.create(draft(otherRoom, mei, "16:30", "17:00"));
        var session = sessions.sessions(second.id(), PageRequest.of(0, 1)).getContent().getFirst();

        assertThatThrownBy(() -> sessions.changeTeachers(session.sessionId(), session.version(), Set.of(daniel)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(english(e))
                        .startsWith("Daniel Test already teaches class " + first.code()));
    }

    @Test
    void the_clash_check_answers_without_saving() {
        var first = lifecycle.create(draft(room, daniel, "16:00", "17:30"));
        var second = lifecycle.create(draft(otherRoom, mei, "09:00", "10:00"));

        assertThat(sessions.findClash(second.id(), null,
                new SessionSlot(JUNE_1, LocalTime.of(17, 29), LocalTime.of(18, 0), room.id())))
                .hasValueSatisfying(c -> {
                    assertThat(c.kind()).isEqualTo(ClashKind.ROOM);
                    assertThat(c.otherClassId()).isEqualTo(first.id());
                });
        assertThat(sessions.findClash(second.id(), null,
                new SessionSlot(JUNE_1, LocalTime.of(17, 30), LocalTime.of(18, 0), room.id()))).isEmpty();
    }

    @Test
    void a_class_cannot_have_more_places_than_its_room() {
        var small = fixtures.room(orchard, 8);

        assertThatThrownBy(() -> lifecycle.create(withCapacity(draft(small, daniel, "16:00", "17:00"), 10)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("roomId");
                    assertThat(e.messageKey()).isEqualTo("scheduling.error.room-too-small");
                });
    }

    @Test
    void a_session_cannot_move_to_a_room_with_fewer_seats_than_enrolled_students() {
        var small = fixtures.room(orchard, 8);
        var schoolClass = lifecycle.create(withCapacity(draft(room, daniel, "16:00", "17:00"), 12));
        for (int i = 0; i < 9; i++) {
            enrollments.enroll(schoolClass.id(), fixtures.student("Seat" + (char) ('A' + i), orchard), JUNE_1);
        }
        var session = sessions.sessions(schoolClass.id(), PageRequest.of(0, 1)).getContent().getFirst();

        assertThatThrownBy(() -> sessions.move(session.sessionId(), session.version(),
                new SessionSlot(session.date(), LocalTime.of(16, 0), LocalTime.of(17, 0), small.id())))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("scheduling.error.room-too-small");
                    assertThat(e.arguments()).containsExactly(small.name(), 8, 9);
                });
    }

    private ClassDraft draft(Room inRoom, long teacher, String start, String end) {
        return fixtures.draft(course, term, orchard, inRoom, Set.of(teacher), 12,
                weekly(Set.of(TUESDAY), start, end, JUNE_1, JUNE_29));
    }

    private static ClassDraft withCapacity(ClassDraft d, int capacity) {
        return new ClassDraft(d.code(), d.name(), d.courseId(), d.termId(), d.campusId(), d.roomId(), capacity,
                d.waitingListEnabled(), d.status(), d.teacherIds(), d.recurrence());
    }

    /** The message as an English user reads it; CLDR puts a narrow no-break space before "pm". */
    private String english(DomainException e) {
        return messages.getMessage(e.messageKey(), e.arguments(), Locale.ENGLISH).replace('\u202F', ' ');
    }
}
