package io.campuscrm.scheduling;

import static io.campuscrm.scheduling.SchedulingFixtures.weekly;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;

import io.campuscrm.institution.Campus;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.students.StudentTimelineSource;
import io.campuscrm.students.TeacherStudentScope;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.Concurrently;
import io.campuscrm.support.TestClock;

/**
 * Enrollment: places are never exceeded, even by concurrent enrollments; the waiting list is promoted in order; a
 * transfer keeps both enrollments; a student is never in two overlapping sessions, and the refusal names the class.
 */
@CampusIntegrationTest
class EnrollmentIT {

    /** Tuesdays well ahead of the tests' today. */
    private static final LocalDate AUG_3 = TestClock.monday(50).plusDays(1);
    private static final LocalDate AUG_31 = TestClock.monday(54).plusDays(1);

    @Autowired
    ApplicationContext context;
    @Autowired
    EnrollmentService enrollments;
    @Autowired
    ClassSearch classes;
    @Autowired
    SessionService sessions;
    @Autowired
    TimetableService timetable;
    @Autowired
    MessageSource messages;
    @Autowired
    TeacherStudentScope teacherStudents;
    @Autowired
    List<StudentTimelineSource> timelineSources;

    SchedulingFixtures fixtures;
    Campus orchard;
    Course course;
    Term term;

    @BeforeEach
    void setUp() {
        fixtures = new SchedulingFixtures(context);
        orchard = fixtures.campus("Orchard");
        course = fixtures.course();
        term = fixtures.term(TestClock.monday(50), TestClock.monday(55));
    }

    @Test
    void concurrent_enrollments_never_exceed_the_places_and_the_rest_wait_in_distinct_positions() throws Exception {
        var schoolClass = tuesdayClass("16:00", "17:00", 3, true);
        List<Long> students = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            students.add(fixtures.student("Racer" + (char) ('A' + i), orchard));
        }

        var outcomes = concurrently(students.stream().<Callable<Object>>map(
                s -> () -> enrollments.enroll(schoolClass.id(), s, AUG_3)).toList());

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(Enrollment.class));
        var all = as(() -> enrollments.enrollments(schoolClass.id(), true, PageRequest.of(0, 50)).getContent());
        assertThat(all).filteredOn(e -> e.status() == EnrollmentStatus.ENROLLED).hasSize(3);
        assertThat(all).filteredOn(e -> e.status() == EnrollmentStatus.WAITING)
                .extracting(Enrollment::waitingPosition).containsExactly(1, 2, 3, 4, 5);
        assertThat(as(() -> enrollments.occupancy(schoolClass.id()))).isEqualTo(
                new ClassOccupancy(schoolClass.id(), 3, 3, 5, true));
    }

    @Test
    void without_a_waiting_list_concurrent_enrollments_beyond_the_places_are_refused() throws Exception {
        var schoolClass = tuesdayClass("16:00", "17:00", 2, false);
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long student = fixtures.student("Full" + (char) ('A' + i), orchard);
            tasks.add(() -> enrollments.enroll(schoolClass.id(), student, AUG_3));
        }

        var outcomes = concurrently(tasks);

        assertThat(outcomes).filteredOn(o -> o instanceof Enrollment).hasSize(2);
        assertThat(outcomes).filteredOn(o -> o instanceof DomainException).hasSize(3)
                .allSatisfy(e -> assertThat(((DomainException) e).messageKey()).isEqualTo("enrollment.error.full"));
    }

    @Test
    void a_freed_place_goes_to_the_waiting_list_in_order() {
        var schoolClass = tuesdayClass("16:00", "17:00", 2, true);
        var a = enroll(schoolClass, "Ann");
        var b = enroll(schoolClass, "Ben");
        var c = enroll(schoolClass, "Cai");
        var d = enroll(schoolClass, "Dev");
        var e = enroll(schoolClass, "Eva");
        assertThat(List.of(c, d, e)).extracting(Enrollment::status).containsOnly(EnrollmentStatus.WAITING);

        as(() -> enrollments.withdraw(a.id(), a.version(), AUG_3, "Moved away"));
        assertThat(status(schoolClass, c.studentId())).isEqualTo(EnrollmentStatus.ENROLLED);
        as(() -> enrollments.withdraw(d.id(), d.version(), AUG_3, null));
        as(() -> enrollments.withdraw(b.id(), b.version(), AUG_3, null));

        var current = as(() -> enrollments.enrollments(schoolClass.id(), true, PageRequest.of(0, 10)).getContent());
        assertThat(current).extracting(Enrollment::studentId).containsExactlyInAnyOrder(c.studentId(),
                e.studentId());
        assertThat(current).allSatisfy(x -> assertThat(x.status()).isEqualTo(EnrollmentStatus.ENROLLED));
        var past = as(() -> enrollments.enrollments(schoolClass.id(), false, PageRequest.of(0, 10)).getContent());
        assertThat(past).filteredOn(x -> x.studentId() == a.studentId()).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(EnrollmentStatus.WITHDRAWN);
            assertThat(x.withdrawnOn()).isEqualTo(AUG_3);
            assertThat(x.reason()).isEqualTo("Moved away");
        });
    }

    @Test
    void a_transfer_ends_one_enrollment_starts_another_and_keeps_both() {
        var from = tuesdayClass("16:00", "17:00", 1, true);
        var to = tuesdayClass("16:00", "17:00", 5, true);
        var moving = enroll(from, "Mover");
        var waiting = enroll(from, "Waiter");
        var on = TestClock.monday(52).plusDays(1);

        var moved = as(() -> enrollments.transfer(moving.id(), moving.version(), to.id(), on, "Prefers Orchard"));

        assertThat(moved.classId()).isEqualTo(to.id());
        assertThat(moved.enrolledOn()).isEqualTo(on);
        assertThat(moved.otherClassCode()).isEqualTo(from.code());
        var history = as(() -> enrollments.ofStudent(moving.studentId()));
        assertThat(history).extracting(Enrollment::status).containsExactly(EnrollmentStatus.ENROLLED,
                EnrollmentStatus.TRANSFERRED);
        assertThat(history.get(1)).satisfies(old -> {
            assertThat(old.withdrawnOn()).isEqualTo(on);
            assertThat(old.otherClassCode()).isEqualTo(to.code());
        });
        assertThat(status(from, waiting.studentId())).as("the freed place is taken from the waiting list")
                .isEqualTo(EnrollmentStatus.ENROLLED);

        var sessionsSeen = as(() -> timetable.sessionsBetween(TimetableScope.student(moving.studentId()), AUG_3,
                AUG_31.plusDays(1)));
        assertThat(sessionsSeen).filteredOn(s -> s.date().isBefore(on)).extracting(ScheduledSession::classId)
                .containsOnly(from.id());
        assertThat(sessionsSeen).filteredOn(s -> !s.date().isBefore(on)).extracting(ScheduledSession::classId)
                .containsOnly(to.id());
        var timeline = as(() -> timelineSources.stream()
                .flatMap(source -> source.entries(moving.studentId(), null, 10).stream()).toList());
        assertThat(timeline).extracting(t -> t.titleKey()).contains("timeline.enrollment.transferred-out",
                "timeline.enrollment.transferred-in", "timeline.enrollment.enrolled");
    }

    @Test
    void a_student_cannot_join_a_class_that_overlaps_one_of_theirs_and_the_refusal_names_it() {
        var first = tuesdayClass("16:00", "17:30", 10, true);
        var overlapping = tuesdayClass("17:00", "18:00", 10, true);
        var touching = tuesdayClass("17:30", "18:30", 10, true);
        var student = enroll(first, "Clash");

        assertThatThrownBy(() -> as(() -> enrollments.enroll(overlapping.id(), student.studentId(), AUG_3)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("scheduling.clash.student");
                    assertThat(english(e)).isEqualTo(student.studentName() + " is already in class " + first.code()
                            + " at that time (" + SchedulingFixtures.day(AUG_3) + ", 4:00 pm–5:30 pm).");
                });
        assertThat(as(() -> enrollments.enroll(touching.id(), student.studentId(), AUG_3)).status())
                .isEqualTo(EnrollmentStatus.ENROLLED);
    }

    @Test
    void a_session_cannot_move_onto_a_time_one_of_its_students_has_another_class() {
        var first = tuesdayClass("16:00", "17:30", 10, true);
        var second = tuesdayClass("10:00", "11:00", 10, true);
        var student = enroll(first, "Mover");
        as(() -> enrollments.enroll(second.id(), student.studentId(), AUG_3));
        var session = as(() -> sessions.sessions(second.id(), PageRequest.of(0, 1)).getContent().getFirst());

        assertThatThrownBy(() -> as(() -> sessions.move(session.sessionId(), session.version(),
                new SessionSlot(AUG_3, LocalTime.of(17, 0), LocalTime.of(18, 0), session.roomId()))))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("scheduling.clash.student"));
    }

    @Test
    void a_teacher_is_given_the_students_of_their_classes() {
        var schoolClass = tuesdayClass("16:00", "17:00", 10, true);
        var student = enroll(schoolClass, "Pupil");

        long teacher = schoolClass.teacherIds().iterator().next();
        assertThat(teacherStudents.studentIdsTaughtBy(teacher)).containsExactly(student.studentId());
    }

    @Test
    void the_occupancy_of_many_classes_at_once_is_each_ones_occupancy_and_unknown_ids_are_left_out() {
        var full = tuesdayClass("09:00", "10:00", 1, true);
        enroll(full, "Seated");
        enroll(full, "Waiting");
        var empty = tuesdayClass("11:00", "12:00", 5, false);
        var all = as(() -> classes.find(ClassFilter.all(), PageRequest.of(0, 500))
                .getContent()).stream().map(ClassSummary::id).toList();
        List<Long> asked = new ArrayList<>(all);
        asked.add(-1L);

        var occupancies = as(() -> enrollments.occupancies(asked));

        assertThat(occupancies.keySet()).containsExactlyInAnyOrderElementsOf(all).contains(full.id(), empty.id());
        all.forEach(id -> assertThat(occupancies.get(id)).as("class " + id).isEqualTo(as(() -> enrollments
                .occupancy(id))));
        assertThat(occupancies.get(full.id())).isEqualTo(new ClassOccupancy(full.id(), 1, 1, 1, true));
        assertThat(occupancies.get(empty.id())).isEqualTo(new ClassOccupancy(empty.id(), 5, 0, 0, false));
        assertThat(as(() -> enrollments.occupancies(List.of()))).isEmpty();
    }

    private ClassDetails tuesdayClass(String start, String end, int capacity, boolean waitingList) {
        var room = fixtures.room(orchard, 20);
        var d = fixtures.draft(course, term, orchard, room, Set.of(fixtures.teacher("Enrol Teacher", orchard)),
                capacity, weekly(Set.of(TUESDAY), start, end, AUG_3, AUG_31));
        return fixtures.create(new ClassDraft(d.code(), d.name(), d.courseId(), d.termId(), d.campusId(), d.roomId(),
                d.capacity(), waitingList, d.status(), d.teacherIds(), d.recurrence()));
    }

    private Enrollment enroll(ClassDetails schoolClass, String given) {
        long student = fixtures.student(given, orchard);
        return as(() -> enrollments.enroll(schoolClass.id(), student, AUG_3));
    }

    private EnrollmentStatus status(ClassDetails schoolClass, long studentId) {
        return as(() -> enrollments.enrollments(schoolClass.id(), false, PageRequest.of(0, 50)).getContent()).stream()
                .filter(e -> e.studentId() == studentId && e.status().current()).findFirst().orElseThrow().status();
    }

    private String english(DomainException e) {
        return messages.getMessage(e.messageKey(), e.arguments(), Locale.ENGLISH).replace('\u202F', ' ');
    }

    private static <T> T as(java.util.function.Supplier<T> work) {
        return SystemAuthentication.call(work);
    }

    private static List<Object> concurrently(List<Callable<Object>> tasks) throws Exception {
        return Concurrently.run(tasks);
    }
}
