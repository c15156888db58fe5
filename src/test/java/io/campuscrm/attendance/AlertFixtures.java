package io.campuscrm.attendance;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.campuscrm.institution.Campus;
import io.campuscrm.scheduling.EnrollmentService;
import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.scheduling.SchedulingFixtures;
import io.campuscrm.scheduling.TimetableScope;
import io.campuscrm.scheduling.TimetableService;
import io.campuscrm.security.UserDraft;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.students.FamilyDraft;
import io.campuscrm.students.GuardianDraft;
import io.campuscrm.students.NewStudent;
import io.campuscrm.students.StudentChanges;
import io.campuscrm.students.StudentDraft;
import io.campuscrm.students.StudentStatus;
import io.campuscrm.support.TestClock;
import io.campuscrm.support.SignedIn;

/**
 * Data for the alert tests, with names no other test uses: a class of its own meeting every day from three weeks
 * ago to a week ahead (so past sessions exist to mark whatever the test date), students with or without guardians,
 * packages, marks saved as an administrator would, and office users of one campus.
 */
public class AlertFixtures {

    private final SchedulingFixtures scheduling;
    private final EnrollmentService enrollments;
    private final TimetableService timetable;
    private final AttendanceService attendance;
    private final LessonPackageService packages;
    private final StudentChanges students;
    private final UserService users;
    private final UserDetailsService userDetails;

    public AlertFixtures(ApplicationContext context) {
        this.scheduling = new SchedulingFixtures(context);
        this.enrollments = context.getBean(EnrollmentService.class);
        this.timetable = context.getBean(TimetableService.class);
        this.attendance = context.getBean(AttendanceService.class);
        this.packages = context.getBean(LessonPackageService.class);
        this.students = context.getBean(StudentChanges.class);
        this.users = context.getBean(UserService.class);
        this.userDetails = context.getBean(UserDetailsService.class);
    }

    /** A class, its course (45.00 a 90-minute lesson) and its sessions by date. */
    public record TestClass(long classId, long courseId, Campus campus, Map<LocalDate, ScheduledSession> sessions) {

        /** The session {@code days} days before today (0: today's). */
        public ScheduledSession daysAgo(int days) {
            return sessions.get(TestClock.today().minusDays(days));
        }
    }

    public Campus campus(String name) {
        return scheduling.campus(name);
    }

    public TestClass newClass(Campus campus) {
        var today = TestClock.today();
        var course = scheduling.course();
        var term = scheduling.term(today.minusDays(30), today.plusDays(30));
        var room = scheduling.room(campus, 60);
        long teacher = scheduling.teacher("Teacher " + SchedulingFixtures.unique("T"), campus);
        var created = scheduling.create(scheduling.draft(course, term, campus, room, Set.of(teacher), 50,
                SchedulingFixtures.weekly(EnumSet.allOf(DayOfWeek.class), "07:00", "07:45", today.minusDays(21),
                        today.plusDays(7))));
        Map<LocalDate, ScheduledSession> sessions = new LinkedHashMap<>();
        SystemAuthentication.call(() -> timetable.sessionsBetween(TimetableScope.schoolClass(created.id()),
                today.minusDays(21), today.plusDays(8))).forEach(s -> sessions.put(s.date(), s));
        return new TestClass(created.id(), course.id(), campus, sessions);
    }

    public long course() {
        return scheduling.course().id();
    }

    public long student(Campus campus) {
        return scheduling.student("Pupil", campus);
    }

    /** A student of the campus, enrolled in the class from three weeks ago. */
    public long enrolled(TestClass in, Campus campus) {
        long student = scheduling.student("Pupil", campus);
        enroll(in, student);
        return student;
    }

    public void enroll(TestClass in, long student) {
        SystemAuthentication.call(() -> enrollments.enroll(in.classId(), student, TestClock.today().minusDays(21)));
    }

    /** A student of a new family with these guardians (and the family's language). */
    public long studentWithGuardians(Campus campus, FamilyDraft family, GuardianDraft... guardians) {
        return studentWithGuardians(campus, null, family, guardians);
    }

    /** The same, with the student's name in Chinese characters too. */
    public long studentWithGuardians(Campus campus, @Nullable String chineseName, FamilyDraft family,
            GuardianDraft... guardians) {
        StringBuilder name = new StringBuilder("Pupil Z");
        for (char c : java.util.UUID.randomUUID().toString().substring(0, 8).toCharArray()) {
            name.append((char) ('a' + Character.digit(c, 16) % 26));
        }
        var draft = new StudentDraft(name.toString(), null, chineseName, null, null, null, null, null,
                StudentStatus.ACTIVE, campus.id(), Set.of());
        return SystemAuthentication.call(() -> students.create(new NewStudent(draft, null, family,
                List.of(guardians), true)).id());
    }

    /** Saves these marks on the session, as an administrator (any session up to today). */
    public void mark(ScheduledSession session, Map<Long, AttendanceStatus> marks) {
        save(session, marks.entrySet().stream().map(e -> SeatMark.of(RosterSeat.studentKey(e.getKey()),
                e.getValue())).toList());
    }

    public void save(ScheduledSession session, List<SeatMark> marks) {
        SystemAuthentication.run(() -> {
            var roster = attendance.roster(session.sessionId());
            attendance.save(session.sessionId(), roster.version(), marks);
        });
    }

    /** A student's marks on consecutive sessions ending today: {@code statuses[last]} is today's. */
    public void markDays(TestClass in, long student, AttendanceStatus... statuses) {
        for (int i = 0; i < statuses.length; i++) {
            mark(in.daysAgo(statuses.length - 1 - i), Map.of(student, statuses[i]));
        }
    }

    /** A package of {@code lessons} lessons at 50.00 each, from a month ago to {@code expiresOn}. */
    public LessonPackage grant(long studentId, long courseId, int lessons, LocalDate expiresOn) {
        var from = TestClock.today().minusDays(30);
        return SystemAuthentication.call(() -> packages.grant(new PackageDraft(studentId, courseId,
                PackageUnit.LESSONS, BigDecimal.valueOf(lessons), BigDecimal.valueOf(lessons * 50L).setScale(2),
                from, expiresOn, null, null)));
    }

    /** A new user with the role at these campuses only; answers the username. */
    public String user(Role role, Campus... campuses) {
        String username = SchedulingFixtures.unique("office").toLowerCase();
        Set<Long> ids = new java.util.HashSet<>();
        for (var campus : campuses) {
            ids.add(campus.id());
        }
        SystemAuthentication.run(() -> users.create(UserDraft.of(username, "Office " + username,
                username + "@example.org", Set.of(role), ids), "a long enough password"));
        return username;
    }

    /** Runs {@code work} signed in as this user, loaded as the login would. */
    public <T> T as(String username, Supplier<T> work) {
        return SignedIn.as(userDetails, username, work);
    }

    /** Every line of a list, page after page. */
    public static <T> List<T> all(Function<Pageable, Slice<T>> list) {
        List<T> lines = new ArrayList<>();
        Slice<T> slice;
        int page = 0;
        do {
            slice = list.apply(PageRequest.of(page++, 200));
            lines.addAll(slice.getContent());
        } while (slice.hasNext());
        return lines;
    }
}
