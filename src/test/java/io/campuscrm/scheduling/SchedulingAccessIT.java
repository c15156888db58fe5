package io.campuscrm.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/**
 * Who sees which classes and sessions, on the demo data: a teacher only the classes they teach, a campus-limited
 * user only their campus; office staff read but do not change.
 */
@CampusIntegrationTest
class SchedulingAccessIT {

    /** The demo's current week (Monday to Monday) around 22 November 2026. */
    /** Last week: a week of the demo term (which contains the tests' today) with lessons held. */
    private static final LocalDate MONDAY = TestClock.monday(-1);

    @Autowired
    ClassLifecycle lifecycle;
    @Autowired
    ClassSearch classes;
    @Autowired
    SessionService sessions;
    @Autowired
    TimetableService timetable;
    @Autowired
    InstitutionService institution;
    @Autowired
    EnrollmentService enrollments;

    @Test
    @WithUserDetails("teacher")
    void a_teacher_lists_and_reads_only_the_classes_they_teach() {
        var mine = classes.find(ClassFilter.all(), PageRequest.of(0, 100)).getContent();

        assertThat(mine).isNotEmpty().allSatisfy(c -> assertThat(c.teacherNames()).contains("Daniel Lim"));
        var notMine = allClasses().stream().filter(c -> !c.teacherNames().contains("Daniel Lim")).findFirst()
                .orElseThrow();
        assertAnswersLikeAMissingClass(() -> classes.get(notMine.id()));
        assertAnswersLikeAMissingClass(() -> sessions.sessions(notMine.id(), PageRequest.of(0, 10)));
        assertAnswersLikeAMissingClass(() -> classes.get(Long.MAX_VALUE));
    }

    @Test
    @WithUserDetails("teacher")
    void a_teachers_timetable_of_a_whole_campus_shows_only_their_own_sessions() {
        var seen = new java.util.ArrayList<io.campuscrm.scheduling.ScheduledSession>();
        for (var campus : institution.campuses()) {
            seen.addAll(timetable.sessionsBetween(TimetableScope.campus(campus.id()), MONDAY, MONDAY.plusDays(7)));
        }
        assertThat(seen).isNotEmpty().allSatisfy(s -> assertThat(s.teacherNames()).contains("Daniel Lim"));
        var mine = timetable.sessionsBetween(TimetableScope.teacher(daniel()), MONDAY, MONDAY.plusDays(7));
        assertThat(mine).isNotEmpty().allSatisfy(s -> {
            assertThat(s.classCode()).isNotBlank();
            assertThat(s.courseName()).isNotBlank();
            assertThat(s.roomName()).isNotBlank();
            assertThat(s.date()).isBetween(MONDAY, MONDAY.plusDays(6));
            assertThat(s.startsLocal().toLocalDate()).isEqualTo(s.date());
        });
    }

    @Test
    @WithUserDetails("admissions")
    void a_campus_limited_user_sees_only_their_campus() {
        long orchard = campusId("Orchard");
        long tampines = campusId("Tampines");

        assertThat(classes.find(ClassFilter.all(), PageRequest.of(0, 100)).getContent()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.campusId()).isEqualTo(orchard));
        assertThat(timetable.sessionsBetween(TimetableScope.campus(tampines), MONDAY, MONDAY.plusDays(7))).isEmpty();
        assertThat(timetable.sessionsBetween(TimetableScope.campus(orchard), MONDAY, MONDAY.plusDays(7)))
                .isNotEmpty();
        var atTampines = allClasses().stream().filter(c -> c.campusId() == tampines).findFirst().orElseThrow();
        assertAnswersLikeAMissingClass(() -> classes.get(atTampines.id()));
    }

    @Test
    @WithUserDetails("admissions")
    void admissions_reads_classes_but_cannot_change_them() {
        var any = classes.find(ClassFilter.all(), PageRequest.of(0, 1)).getContent().getFirst();
        var details = classes.get(any.id());

        assertThatThrownBy(() -> lifecycle.update(details.id(), details.version(), details.toDraft()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("admin")
    void the_demo_timetable_of_this_week_has_sessions_at_both_campuses_and_none_clash() {
        for (String campus : List.of("Orchard", "Tampines")) {
            var week = timetable.sessionsBetween(TimetableScope.campus(campusId(campus)), MONDAY,
                    MONDAY.plusDays(7));
            assertThat(week).as(campus).isNotEmpty();
            for (var a : week) {
                for (var b : week) {
                    boolean overlap = a.sessionId() != b.sessionId() && !a.cancelled() && !b.cancelled()
                            && a.startAt().isBefore(b.endAt()) && b.startAt().isBefore(a.endAt());
                    if (overlap) {
                        assertThat(a.roomId()).isNotEqualTo(b.roomId());
                        assertThat(a.teacherIds()).doesNotContainAnyElementsOf(b.teacherIds());
                    }
                }
            }
        }
    }

    @Test
    @WithUserDetails("teacher")
    void a_teacher_gets_the_occupancy_of_their_own_classes_only_as_one_by_one() {
        var all = allClasses().stream().map(ClassSummary::id).toList();
        var mine = classes.find(ClassFilter.all(), PageRequest.of(0, 500)).getContent().stream()
                .map(ClassSummary::id).toList();
        assertThat(mine).isNotEmpty().hasSizeLessThan(all.size());

        var occupancies = enrollments.occupancies(all);

        assertThat(occupancies.keySet()).containsExactlyInAnyOrderElementsOf(mine);
        mine.forEach(id -> assertThat(occupancies.get(id)).isEqualTo(enrollments.occupancy(id)));
        var notMine = all.stream().filter(id -> !mine.contains(id)).findFirst().orElseThrow();
        assertThatThrownBy(() -> enrollments.occupancy(notMine)).isExactlyInstanceOf(NotFoundException.class);
    }

    /** Out of scope and missing answer alike: the same exception, message and no field, telling nothing. */
    private static void assertAnswersLikeAMissingClass(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isExactlyInstanceOf(NotFoundException.class)
                .hasFieldOrPropertyWithValue("messageKey", "error.not-found")
                .hasFieldOrPropertyWithValue("field", null);
    }

    private List<ClassSummary> allClasses() {
        return SystemAuthentication.call(() -> classes.find(ClassFilter.all(), PageRequest.of(0, 500)).getContent());
    }

    private long daniel() {
        return SystemAuthentication.call(() -> classes.find(ClassFilter.all(), PageRequest.of(0, 500)).getContent()
                .stream().filter(c -> c.teacherNames().contains("Daniel Lim")).findFirst()
                .map(c -> classes.get(c.id()).teacherIds().iterator().next()).orElseThrow());
    }

    private long campusId(String name) {
        return SystemAuthentication.call(() -> institution.campuses().stream().filter(c -> c.name().equals(name))
                .findFirst().orElseThrow().id());
    }
}
