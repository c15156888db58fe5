package io.campuscrm.attendance;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.campuscrm.scheduling.EnrollmentService;
import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.scheduling.SchedulingFixtures;
import io.campuscrm.scheduling.TimetableScope;
import io.campuscrm.scheduling.TimetableService;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.TestClock;
import io.campuscrm.support.SignedIn;

/**
 * A class of its own for each test: a new course, term, room and teacher at a campus, a class meeting every day of
 * the week around today, and students enrolled from a week ago, so that today's and past sessions exist whatever the
 * test date is.
 */
public class AttendanceFixtures {

    private final SchedulingFixtures scheduling;
    private final EnrollmentService enrollments;
    private final TimetableService timetable;
    private final LessonPackageService packages;
    private final UserService users;
    private final UserDetailsService userDetails;

    public AttendanceFixtures(ApplicationContext context) {
        this.scheduling = new SchedulingFixtures(context);
        this.enrollments = context.getBean(EnrollmentService.class);
        this.timetable = context.getBean(TimetableService.class);
        this.packages = context.getBean(LessonPackageService.class);
        this.users = context.getBean(UserService.class);
        this.userDetails = context.getBean(UserDetailsService.class);
    }

    /** A class with its sessions, its teacher's username and its students. */
    public record TestClass(long classId, long courseId, String teacher, long teacherId, List<Long> students,
            List<ScheduledSession> sessions) {

        /** The session on {@code date}. */
        public ScheduledSession on(LocalDate date) {
            return sessions.stream().filter(s -> s.date().equals(date)).findFirst().orElseThrow();
        }

        public ScheduledSession today() {
            return on(TestClock.today());
        }
    }

    public TestClass newClass(int studentCount) {
        return newClass(studentCount, scheduling.course(), "07:00", "07:45");
    }

    public io.campuscrm.scheduling.Course course() {
        return scheduling.course();
    }

    /** A class of this course meeting every day from {@code start} to {@code end}. */
    public TestClass newClass(int studentCount, io.campuscrm.scheduling.Course course, String start, String end) {
        var campus = scheduling.campus("Orchard");
        var today = TestClock.today();
        var term = scheduling.term(today.minusDays(30), today.plusDays(30));
        var room = scheduling.room(campus, 60);
        long teacherId = scheduling.teacher("Teacher " + SchedulingFixtures.unique("T"), campus);
        String teacher = SystemAuthentication.call(() -> users.get(teacherId).username());
        var draft = scheduling.draft(course, term, campus, room, Set.of(teacherId), 50, SchedulingFixtures.weekly(
                EnumSet.allOf(DayOfWeek.class), start, end, today.minusDays(14), today.plusDays(14)));
        var created = scheduling.create(draft);
        List<Long> students = new ArrayList<>();
        for (int i = 0; i < studentCount; i++) {
            long student = scheduling.student("Pupil", campus);
            SystemAuthentication.call(() -> enrollments.enroll(created.id(), student, today.minusDays(7)));
            students.add(student);
        }
        var sessions = SystemAuthentication.call(() -> timetable.sessionsBetween(TimetableScope.schoolClass(
                created.id()), today.minusDays(7), today.plusDays(8)));
        return new TestClass(created.id(), course.id(), teacher, teacherId, List.copyOf(students), sessions);
    }

    /** A package of {@code lessons} lessons at 50.00 each, valid from a month ago for {@code validDays} days. */
    public LessonPackage grant(long studentId, long courseId, int lessons, int validDays) {
        var from = TestClock.today().minusDays(30);
        return SystemAuthentication.call(() -> packages.grant(new PackageDraft(studentId, courseId,
                PackageUnit.LESSONS, BigDecimal.valueOf(lessons), BigDecimal.valueOf(lessons * 50L).setScale(2),
                from, from.plusDays(validDays), null, null)));
    }

    /** Runs {@code work} signed in as this user (loaded as the login would). */
    public <T> T as(String username, Supplier<T> work) {
        return SignedIn.as(userDetails, username, work);
    }
}
