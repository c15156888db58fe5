package io.campuscrm.attendance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.campuscrm.attendance.AttendanceAlert.AbsenceStreak;
import io.campuscrm.attendance.AttendanceAlert.Count;
import io.campuscrm.attendance.AttendanceAlert.Counts;
import io.campuscrm.attendance.AttendanceAlert.Criteria;
import io.campuscrm.attendance.AttendanceAlert.ExpiringPackage;
import io.campuscrm.attendance.AttendanceAlert.LowBalance;
import io.campuscrm.attendance.AttendanceAlert.LowRate;
import io.campuscrm.attendance.AttendanceAlert.OwedLesson;
import io.campuscrm.attendance.internal.AlertQueries;
import io.campuscrm.attendance.internal.AlertReader;
import io.campuscrm.attendance.internal.AlertSql;
import io.campuscrm.attendance.internal.AttendanceSettings;
import io.campuscrm.attendance.internal.OwedValues;
import io.campuscrm.attendance.internal.PackageValue;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.institution.Settings;
import io.campuscrm.scheduling.ClassLabel;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.scheduling.Course;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.students.StudentRef;
import io.campuscrm.students.StudentSearch;

/**
 * The alert lists (decision 0068), for the office: students absent (unexcused) several times in a row in a class,
 * students attending too little, students running low on lessons, packages about to expire with lessons left; and
 * for finance the lessons attended and not paid for. Each list is a {@link Slice} in a fixed order, read by SQL over
 * attendance's tables bounded by what it is about, with the names of a page's students, classes and courses asked
 * for once per page. A reader sees the lines of their campuses about students they may see; the dashboard's counts
 * stop at {@value #CAP}.
 */
@Service
@Transactional(readOnly = true)
public class AttendanceAlerts {

    /** Finance's list, and the administrator's. */
    static final String OWING_READERS = "hasAnyRole('ADMIN', 'FINANCE')";
    static final String ALL_READERS = "hasAnyRole('ADMIN', 'ADMISSIONS', 'FINANCE')";
    /** The dashboard's counts go no further: "99+" says enough, and no count reads a whole list. */
    public static final int CAP = 99;

    private final AlertReader reader;
    private final OwedValues owedValues;
    private final StudentSearch students;
    private final ClassSearch classes;
    private final CourseService courses;
    private final Settings settings;
    private final InstitutionService institution;
    private final Clock clock;

    AttendanceAlerts(AlertReader reader, OwedValues owedValues, StudentSearch students, ClassSearch classes,
            CourseService courses, Settings settings, InstitutionService institution, Clock clock) {
        this.reader = reader;
        this.owedValues = owedValues;
        this.students = students;
        this.classes = classes;
        this.courses = courses;
        this.settings = settings;
        this.institution = institution;
        this.clock = clock;
    }

    /** What the lists look for today. */
    @PreAuthorize(ALL_READERS)
    public Criteria criteria() {
        var today = LocalDate.now(clock.withZone(institution.settings().timeZone()));
        int absences = settings.get(AttendanceSettings.CONSECUTIVE_ABSENCES);
        int weeks = settings.get(AttendanceSettings.RATE_WEEKS);
        int days = settings.get(AttendanceSettings.EXPIRY_WARNING_DAYS);
        return new Criteria(today, absences, today.minusWeeks(2L * absences).plusDays(1),
                settings.get(AttendanceSettings.RATE_THRESHOLD), weeks, today.minusWeeks(weeks).plusDays(1), days,
                today.plusDays(days), settings.get(AttendanceSettings.LOW_BALANCE));
    }

    /** Students whose latest marks in a class are unexcused absences, the most recent streaks first. */
    @PreAuthorize(AttendanceRoles.OFFICE)
    public Slice<AbsenceStreak> absenceStreaks(Pageable page) {
        return slice(streaks(criteria()), page, AlertQueries.StreakRow::studentId, (rows, refs) -> {
            Map<Long, ClassLabel> labels = classes.labels(rows.stream().map(AlertQueries.StreakRow::classId)
                    .distinct().toList());
            return rows.stream().map(r -> new AbsenceStreak(refs.get(r.studentId()), r.classId(),
                    labels.containsKey(r.classId()) ? labels.get(r.classId()).label() : "#" + r.classId(),
                    r.absences(), r.lastAbsence())).toList();
        });
    }

    /** Students attending less than the threshold over the rate's weeks, the lowest rate first. */
    @PreAuthorize(AttendanceRoles.OFFICE)
    public Slice<LowRate> lowRates(Pageable page) {
        return slice(rates(criteria()), page, AlertQueries.RateRow::studentId, (rows, refs) -> rows.stream()
                .map(r -> new LowRate(refs.get(r.studentId()), r.marked(), r.attended())).toList());
    }

    /** Students with fewer lessons left in a course than the low-balance threshold, the fewest first. */
    @PreAuthorize(AttendanceRoles.OFFICE)
    public Slice<LowBalance> lowBalances(Pageable page) {
        return slice(balances(criteria()), page, AlertQueries.BalanceRow::studentId, (rows, refs) -> {
            var names = courses.all(rows.stream().map(AlertQueries.BalanceRow::courseId).distinct().toList());
            return rows.stream().map(r -> new LowBalance(refs.get(r.studentId()), r.courseId(),
                    courseName(names, r.courseId()), PackageValue.plain(r.remaining()), r.nextExpiry())).toList();
        });
    }

    /** Packages with lessons left expiring within the warning days, the soonest first. */
    @PreAuthorize(AttendanceRoles.OFFICE)
    public Slice<ExpiringPackage> expiringPackages(Pageable page) {
        return slice(expiring(criteria()), page, AlertQueries.ExpiringRow::studentId, (rows, refs) -> {
            var names = courses.all(rows.stream().map(AlertQueries.ExpiringRow::courseId).distinct().toList());
            return rows.stream().map(r -> new ExpiringPackage(r.packageId(), refs.get(r.studentId()), r.courseId(),
                    courseName(names, r.courseId()), r.unit(), PackageValue.plain(r.quantity().subtract(r.consumed())),
                    PackageValue.remaining(r.purchaseValue(), r.quantity(), r.consumed()), r.expiresOn(),
                    r.warned())).toList();
        });
    }

    /** Lessons attended with nothing to take them from and not yet paid, the oldest first, with their value. */
    @PreAuthorize(OWING_READERS)
    public Slice<OwedLesson> owedLessons(Pageable page) {
        return slice(AlertQueries.owed(), page, AlertQueries.OwedRow::studentId, (rows, refs) -> {
            var courseIds = rows.stream().map(AlertQueries.OwedRow::courseId).distinct().toList();
            var names = courses.all(courseIds);
            var units = owedValues.units(rows.stream().map(AlertQueries.OwedRow::studentId).distinct().toList(),
                    courseIds);
            return rows.stream().map(r -> {
                var unit = units.getOrDefault(new OwedValues.Key(r.studentId(), r.courseId()), PackageUnit.LESSONS);
                var course = names.get(r.courseId());
                var value = course == null ? java.math.BigDecimal.ZERO.setScale(2)
                        : OwedValues.value(r.quantity(), unit, course.lessonPrice(), course.sessionMinutes());
                return new OwedLesson(r.entryId(), refs.get(r.studentId()), r.courseId(), courseName(names,
                        r.courseId()), r.sessionId(), r.sessionDate(), PackageValue.plain(r.quantity()), unit, value);
            }).toList();
        });
    }

    /** The office's four lists, counted up to {@value #CAP}. */
    @PreAuthorize(AttendanceRoles.OFFICE)
    public Counts counts() {
        var criteria = criteria();
        return new Counts(count(streaks(criteria)), count(rates(criteria)), count(balances(criteria)),
                count(expiring(criteria)));
    }

    /** Owed lessons, counted up to {@value #CAP}. */
    @PreAuthorize(OWING_READERS)
    public Count owedCount() {
        return count(AlertQueries.owed());
    }

    private static AlertSql<AlertQueries.StreakRow> streaks(Criteria c) {
        return AlertQueries.absenceStreaks(c.absencesSince(), c.today(), c.consecutiveAbsences());
    }

    private static AlertSql<AlertQueries.RateRow> rates(Criteria c) {
        return AlertQueries.lowRates(c.rateFrom(), c.today(), c.rateThreshold());
    }

    private static AlertSql<AlertQueries.ExpiringRow> expiring(Criteria c) {
        return AlertQueries.expiring(c.today(), c.warnUntil());
    }

    /** The thresholds of the campuses that have their own. */
    private AlertSql<AlertQueries.BalanceRow> balances(Criteria c) {
        Map<Long, Integer> own = new HashMap<>();
        for (var campus : institution.campuses()) {
            int below = settings.get(AttendanceSettings.LOW_BALANCE, campus.id());
            if (below != c.lowBalance()) {
                own.put(campus.id(), below);
            }
        }
        return AlertQueries.lowBalances(c.today(), own, c.lowBalance());
    }

    private <R, T> Slice<T> slice(AlertSql<R> sql, Pageable requested, ToLongFunction<R> studentOf,
            BiFunction<List<R>, Map<Long, StudentRef>, List<T>> lines) {
        var page = requested.isPaged() ? requested : PageRequest.of(0, 50);
        var scope = reader.scope(sql);
        if (scope.isEmpty()) {
            return new SliceImpl<>(List.of(), page, false);
        }
        var rows = reader.page(sql, scope.get(), page.getOffset(), page.getPageSize() + 1);
        boolean more = rows.size() > page.getPageSize();
        var shown = more ? rows.subList(0, page.getPageSize()) : rows;
        var refs = students.references(shown.stream().map(studentOf::applyAsLong).distinct().toList());
        // a student who moved out of the reader's campuses since the scope was worked out is left out too
        var visible = shown.stream().filter(r -> refs.containsKey(studentOf.applyAsLong(r))).toList();
        return new SliceImpl<>(lines.apply(visible, refs), page, more);
    }

    private Count count(AlertSql<?> sql) {
        return reader.scope(sql).map(scope -> {
            int n = reader.count(sql, scope, CAP + 1);
            return new Count(Math.min(n, CAP), n > CAP);
        }).orElse(new Count(0, false));
    }

    private static String courseName(Map<Long, Course> names, long courseId) {
        var course = names.get(courseId);
        return course == null ? "#" + courseId : course.name();
    }
}
