package io.campuscrm.attendance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.campuscrm.attendance.internal.ReportMarks;
import io.campuscrm.attendance.internal.SheetStore;
import io.campuscrm.scheduling.ClassLabel;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.scheduling.Enrollment;
import io.campuscrm.scheduling.EnrollmentService;
import io.campuscrm.scheduling.EnrollmentStatus;
import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.scheduling.TimetableScope;
import io.campuscrm.scheduling.TimetableService;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.students.StudentRef;
import io.campuscrm.students.StudentSearch;

/**
 * What the attendance reports print of classes and students: a class's month sheet, a class's and a student's
 * attendance over a period. The office reads its campuses' classes, a teacher the classes they teach; a class or a
 * student out of reach answers as not found, and a student's summary leaves out the classes the reader may not see.
 * Names come from the scheduling and students modules, in one batch per kind.
 */
@Service
@Transactional(readOnly = true)
public class AttendanceReports {

    /** Attendance on paper and in summaries: the office that enrols and the teachers (narrowed to their classes). */
    static final String READERS = "hasAnyRole('ADMIN', 'ADMISSIONS', 'TEACHER')";
    private static final int PAGE = 500;

    private final ClassSearch classes;
    private final TimetableService timetables;
    private final EnrollmentService enrollments;
    private final StudentSearch students;
    private final SheetStore sheets;
    private final ReportMarks marks;

    AttendanceReports(ClassSearch classes, TimetableService timetables, EnrollmentService enrollments,
            StudentSearch students, SheetStore sheets, ReportMarks marks) {
        this.classes = classes;
        this.timetables = timetables;
        this.enrollments = enrollments;
        this.students = students;
        this.sheets = sheets;
        this.marks = marks;
    }

    /** A class's sessions of the month, its students then and their marks. */
    @PreAuthorize(READERS)
    public MonthSheet monthSheet(long classId, YearMonth month) {
        var label = visibleClass(classId);
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        var all = timetables.sessionsBetween(TimetableScope.schoolClass(classId), first, last.plusDays(1));
        var held = all.stream().filter(s -> !s.cancelled()).toList();
        var cells = marks.ofClass(classId, first, last).stream()
                .map(m -> new MonthSheet.Cell(m.studentId(), m.sessionId(), m.status(), m.lateMinutes())).toList();
        Set<Long> ids = members(classId, first, last);
        cells.forEach(c -> ids.add(c.studentId()));
        var refs = students.references(ids);
        var rows = ids.stream().map(id -> {
            var ref = refs.get(id);
            return new MonthSheet.Student(id, ref == null ? "" : ref.studentNumber(), name(id, ref));
        }).toList();
        return new MonthSheet(label, month, held.stream().map(AttendanceReports::session).toList(),
                all.size() - held.size(), rows, cells);
    }

    /** Every student of a class over a period (inclusive), with their counts. */
    @PreAuthorize(READERS)
    public ClassAttendance classSummary(long classId, LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        var label = visibleClass(classId);
        var counts = marks.countsOfClass(classId, from, to);
        Set<Long> ids = members(classId, from, to);
        ids.addAll(counts.keySet());
        var refs = students.references(ids);
        List<ClassAttendance.StudentLine> lines = new ArrayList<>();
        for (long id : ids) {
            var ref = refs.get(id);
            lines.add(new ClassAttendance.StudentLine(id, ref == null ? "" : ref.studentNumber(), name(id, ref),
                    counts.getOrDefault(id, Map.of())));
        }
        return new ClassAttendance(label, from, to, lines);
    }

    /** A student's attendance over a period (inclusive) in the classes the reader may see, per class and in all. */
    @PreAuthorize(READERS)
    public AttendanceSummary studentSummary(long studentId, LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        if (students.reference(studentId).isEmpty()) {
            throw new NotFoundException();
        }
        var counts = sheets.countsOf(studentId, from, to);
        var labels = classes.labels(counts.keySet());
        Map<AttendanceStatus, Integer> total = new EnumMap<>(AttendanceStatus.class);
        List<AttendanceSummary.PerClass> perClass = new ArrayList<>();
        counts.forEach((classId, byStatus) -> {
            var label = labels.get(classId);
            if (label != null) {
                byStatus.forEach((status, n) -> total.merge(status, n, Integer::sum));
                perClass.add(new AttendanceSummary.PerClass(classId, label.label(), byStatus));
            }
        });
        return new AttendanceSummary(studentId, from, to, perClass, total);
    }

    private ClassLabel visibleClass(long classId) {
        var label = classes.labels(List.of(classId)).get(classId);
        if (label == null) {
            throw new NotFoundException("classId");
        }
        return label;
    }

    /** The students enrolled in the class at some point from {@code from} to {@code to}, the waiting list aside. */
    private Set<Long> members(long classId, LocalDate from, LocalDate to) {
        Set<Long> ids = new LinkedHashSet<>();
        var page = PageRequest.of(0, PAGE);
        while (true) {
            var slice = enrollments.enrollments(classId, false, page);
            slice.getContent().stream().filter(e -> overlaps(e, from, to)).map(Enrollment::studentId)
                    .forEach(ids::add);
            if (!slice.hasNext()) {
                return ids;
            }
            page = page.next();
        }
    }

    private static boolean overlaps(Enrollment e, LocalDate from, LocalDate to) {
        return e.status() != EnrollmentStatus.WAITING && e.enrolledOn() != null && !e.enrolledOn().isAfter(to)
                && (e.withdrawnOn() == null || !e.withdrawnOn().isBefore(from));
    }

    private static String name(long id, @Nullable StudentRef ref) {
        return ref == null ? "#" + id : ref.displayName();
    }

    private static MonthSheet.Session session(ScheduledSession s) {
        return new MonthSheet.Session(s.sessionId(), s.startsLocal(), s.endsLocal());
    }

    static void checkPeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new DomainException("to", "attendance.error.period");
        }
    }
}
