package io.campuscrm.reporting;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.campuscrm.attendance.AttendanceService;
import io.campuscrm.attendance.AttendanceStatus;
import io.campuscrm.attendance.LessonPackage;
import io.campuscrm.attendance.LessonPackageService;
import io.campuscrm.attendance.PackageDraft;
import io.campuscrm.attendance.PackageUnit;
import io.campuscrm.attendance.RosterSeat;
import io.campuscrm.attendance.SeatMark;
import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.ClassDetails;
import io.campuscrm.scheduling.ClassDraft;
import io.campuscrm.scheduling.ClassLifecycle;
import io.campuscrm.scheduling.ClassStatus;
import io.campuscrm.scheduling.Course;
import io.campuscrm.scheduling.CourseDraft;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.scheduling.EnrollmentService;
import io.campuscrm.scheduling.Recurrence;
import io.campuscrm.scheduling.RoomDraft;
import io.campuscrm.scheduling.RoomService;
import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.scheduling.SessionService;
import io.campuscrm.scheduling.Term;
import io.campuscrm.scheduling.TermDraft;
import io.campuscrm.scheduling.TermService;
import io.campuscrm.scheduling.TimetableScope;
import io.campuscrm.scheduling.TimetableService;
import io.campuscrm.security.UserDraft;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.students.NewStudent;
import io.campuscrm.students.StudentChanges;
import io.campuscrm.students.StudentDraft;
import io.campuscrm.students.StudentRef;
import io.campuscrm.students.StudentSearch;
import io.campuscrm.support.SignedIn;

/**
 * Makes the attendance reports' data through the modules' own services, as the system, with names no other test
 * uses: courses, terms, rooms, teachers, classes with their sessions, students and enrollments, attendance taken and
 * lesson packages granted. Also renders reports and reads their text and cells.
 */
final class AttendanceReportFixtures {

    /** A teacher made for a test, who can sign in. */
    record Teacher(long id, String username, String name) {
    }

    private final ApplicationContext context;

    AttendanceReportFixtures(ApplicationContext context) {
        this.context = context;
    }

    private <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** Letters only, as names are searched by letters: "Zqhbwkdle". */
    static String uniqueName() {
        StringBuilder family = new StringBuilder("Z");
        for (char c : UUID.randomUUID().toString().substring(0, 8).toCharArray()) {
            family.append((char) ('a' + Character.digit(c, 16) % 26));
        }
        return family.toString();
    }

    Campus campus() {
        return SystemAuthentication.call(() -> bean(InstitutionService.class).campuses().getFirst());
    }

    Course course(int minutes) {
        return SystemAuthentication.call(() -> bean(CourseService.class).create(new CourseDraft(unique("AR"),
                "Course " + uniqueName(), "English", "B1", minutes, new BigDecimal("45.00"), true)));
    }

    Term term(LocalDate from, LocalDate to) {
        return SystemAuthentication.call(() -> bean(TermService.class).create(new TermDraft(unique("Term"), from, to,
                List.of())));
    }

    Teacher teacher(String given, Campus campus) {
        String username = unique("t").toLowerCase();
        String name = given + " " + uniqueName();
        long id = SystemAuthentication.call(() -> bean(UserService.class).create(UserDraft.of(username, name,
                username + "@example.org", Set.of(Role.TEACHER), Set.of(campus.id())), "a long enough password")
                .id());
        return new Teacher(id, username, name);
    }

    StudentRef student(String given, Campus campus) {
        long id = SystemAuthentication.call(() -> bean(StudentChanges.class).create(NewStudent.withNewFamily(
                StudentDraft.named(given + " " + uniqueName(), campus.id())).anyway()).id());
        return SystemAuthentication.call(() -> bean(StudentSearch.class).reference(id).orElseThrow());
    }

    /** A running class of its own room, weekly on these days from {@code from} to {@code to}. */
    ClassDetails schoolClass(Course course, Term term, Campus campus, Set<Long> teachers, Set<DayOfWeek> days,
            String start, String end, LocalDate from, LocalDate to) {
        return SystemAuthentication.call(() -> {
            var room = bean(RoomService.class).create(new RoomDraft(campus.id(), unique("R"), 30, true));
            return bean(ClassLifecycle.class).create(new ClassDraft(unique("K"), "Class " + uniqueName(),
                    course.id(), term.id(), campus.id(), room.id(), 30, true, ClassStatus.RUNNING, teachers,
                    new Recurrence(days, LocalTime.parse(start), LocalTime.parse(end), from, to)));
        });
    }

    void enroll(long classId, long studentId, LocalDate on) {
        SystemAuthentication.run(() -> bean(EnrollmentService.class).enroll(classId, studentId, on));
    }

    /** The class's sessions from {@code from} to {@code toExclusive}, in time order, cancelled ones too. */
    List<ScheduledSession> sessions(long classId, LocalDate from, LocalDate toExclusive) {
        return SystemAuthentication.call(() -> bean(TimetableService.class).sessionsBetween(
                TimetableScope.schoolClass(classId), from, toExclusive));
    }

    /** Saves these students' marks on the session as an administrator would, over what is there. */
    void take(long sessionId, Map<Long, AttendanceStatus> marks) {
        SystemAuthentication.run(() -> {
            var attendance = bean(AttendanceService.class);
            List<SeatMark> seats = new ArrayList<>();
            marks.forEach((student, status) -> seats.add(new SeatMark(RosterSeat.studentKey(student), status,
                    status == AttendanceStatus.LATE ? 10 : null, null)));
            attendance.save(sessionId, attendance.roster(sessionId).version(), seats);
        });
    }

    void cancel(ScheduledSession session) {
        SystemAuthentication.run(() -> bean(SessionService.class).cancel(session.sessionId(), session.version(),
                "Teacher ill"));
    }

    LessonPackage grant(long studentId, long courseId, String lessons, String value, LocalDate startsOn,
            LocalDate expiresOn) {
        return SystemAuthentication.call(() -> bean(LessonPackageService.class).grant(new PackageDraft(studentId,
                courseId, PackageUnit.LESSONS, new BigDecimal(lessons), new BigDecimal(value), startsOn, expiresOn,
                null, null)));
    }

    /** Runs the work as this user, signed in as the login form signs them in (roles and campuses). */
    <T> T as(String username, Callable<T> work) throws Exception {
        return SignedIn.as(bean(UserDetailsService.class), username, work);
    }

    /** The report as the current user gets it; kept in {@code target/reports/} for a person to look at. */
    byte[] render(ReportRequest request, String keepAs) {
        var out = new ByteArrayOutputStream();
        bean(ReportService.class).render(request, out);
        byte[] bytes = out.toByteArray();
        try {
            var file = Path.of("target/reports", keepAs);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }

    /** The PDF's text with line breaks and runs of spaces as single spaces. */
    static String pdfText(byte[] pdf) {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first sheet's rows, each the cells it has (numbers as POI writes them: 4.5, 12.0). */
    static List<List<Cell>> rows(byte[] xlsx) {
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<List<Cell>> rows = new ArrayList<>();
            for (Row row : workbook.getSheetAt(0)) {
                List<Cell> cells = new ArrayList<>();
                row.forEach(cells::add);
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The row whose cells include one that reads {@code text}. */
    static List<Cell> rowWith(List<List<Cell>> rows, String text) {
        return rows.stream().filter(r -> r.stream().anyMatch(c -> c.toString().equals(text))).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + text + " in " + rows.stream()
                        .map(r -> r.stream().map(Cell::toString).toList()).toList()));
    }
}
