package io.campuscrm.attendance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

import io.campuscrm.attendance.internal.AttendanceSettings;
import io.campuscrm.attendance.internal.Balances;
import io.campuscrm.attendance.internal.Ledger;
import io.campuscrm.attendance.internal.PackageStore;
import io.campuscrm.attendance.internal.PackageValue;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.institution.Settings;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.domain.StaleEditException;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.students.StudentRef;
import io.campuscrm.students.StudentSearch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Lesson packages (课时包): granted by an administrator, sold by billing ({@link #sell}, the API billing calls; this
 * module never calls billing), frozen for a long absence (its expiry moves by as long), extended. A new package
 * first pays the lessons the student owes in its course. Whoever may read the student reads their packages and
 * balances.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class LessonPackageService {

    private final PackageStore packages;
    private final Ledger ledger;
    private final Balances balances;
    private final StudentSearch students;
    private final CourseService courses;
    private final Settings settings;
    private final InstitutionService institution;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LessonPackageService(PackageStore packages, Ledger ledger, Balances balances, StudentSearch students,
            CourseService courses, Settings settings, InstitutionService institution, CurrentUser currentUser,
            ApplicationEventPublisher events, Clock clock) {
        this.packages = packages;
        this.ledger = ledger;
        this.balances = balances;
        this.students = students;
        this.courses = courses;
        this.settings = settings;
        this.institution = institution;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** An administrator gives a student a package (a free trial package, a transfer from another system). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public LessonPackage grant(@Valid PackageDraft draft) {
        if (draft.sourceRef() != null) {
            throw new DomainException("sourceRef", "package.error.granted-with-reference");
        }
        return create(draft, PackageSource.GRANTED);
    }

    /**
     * Billing sells a package on an invoice: {@code sourceRef} is the invoice's number. Selling the same reference
     * again answers the package already sold (a retried call creates nothing).
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Transactional
    public LessonPackage sell(@Valid PackageDraft draft) {
        if (!StringUtils.hasText(draft.sourceRef())) {
            throw new DomainException("sourceRef", "package.error.sold-without-reference");
        }
        var existing = packages.findSold(draft.sourceRef().strip());
        if (existing.isPresent()) {
            return view(existing.get());
        }
        return create(draft, PackageSource.SOLD);
    }

    private LessonPackage create(PackageDraft draft, PackageSource source) {
        var student = visibleStudent(draft.studentId());
        courses.get(draft.courseId());
        if (draft.expiresOn().isBefore(draft.startsOn())) {
            throw new DomainException("expiresOn", "package.error.expires-before-start");
        }
        var now = clock.instant();
        String user = currentUser.username();
        var ref = draft.sourceRef() == null ? null : draft.sourceRef().strip();
        var note = StringUtils.hasText(draft.note()) ? draft.note().strip() : null;
        long id = packages.insert(new PackageDraft(draft.studentId(), draft.courseId(), draft.unit(),
                draft.quantity(), draft.purchaseValue(), draft.startsOn(), draft.expiresOn(), ref, note), source,
                student.campusId(), now, user);
        packages.event(id, "CREATED", draft.startsOn(), draft.expiresOn(), note, now, user);
        ledger.settleOwed(id);
        events.publishEvent(AuditEvent.of(AuditAction.CREATE, "LessonPackage", id, AuditSummary.of(
                "audit.package.created", student.displayName(), PackageValue.plain(draft.quantity()).toPlainString(),
                AuditSummary.key(draft.unit().messageKey()))));
        return view(packages.find(id).orElseThrow());
    }

    /** A student's packages, newest expiry first. */
    @PreAuthorize(AttendanceRoles.READERS)
    public List<LessonPackage> ofStudent(long studentId) {
        visibleStudent(studentId);
        var rows = packages.ofStudent(studentId);
        var names = courses.all(rows.stream().map(PackageStore.PackageRow::courseId).toList());
        return rows.stream().map(r -> view(r, names.containsKey(r.courseId()) ? names.get(r.courseId()).name()
                : "#" + r.courseId())).toList();
    }

    /** A student's balance per course (remaining lessons, 余费, owed), by course id. */
    @PreAuthorize(AttendanceRoles.READERS)
    public Map<Long, PackageBalance> balances(long studentId) {
        var student = visibleStudent(studentId);
        return balances.ofStudent(studentId, today(), settings.get(AttendanceSettings.LOW_BALANCE,
                student.campusId()));
    }

    /** Balances of many students in one course (a family's children, a class), in one statement. */
    @PreAuthorize(AttendanceRoles.READERS)
    public Map<Long, PackageBalance> balances(long courseId, List<Long> studentIds) {
        var visible = students.references(studentIds).keySet();
        return balances.inCourse(courseId, visible, today(), settings.get(AttendanceSettings.LOW_BALANCE));
    }

    /**
     * Several students' balances in every course they hold or owe lessons in (a family's children), by student and
     * course, in one statement; students the user may not read are left out, as are those with nothing.
     */
    @PreAuthorize(AttendanceRoles.READERS)
    public Map<Long, Map<Long, PackageBalance>> balancesOf(Collection<Long> studentIds) {
        var visible = students.references(studentIds).keySet();
        return balances.ofStudents(visible, today(), settings.get(AttendanceSettings.LOW_BALANCE));
    }

    @PreAuthorize(AttendanceRoles.READERS)
    public LessonPackage get(long packageId) {
        var row = packages.find(packageId).orElseThrow(NotFoundException::new);
        visibleStudent(row.studentId());
        return view(row);
    }

    /** A package's history: what it consumed and gave back, freezes, extensions, expiry; newest first. */
    @PreAuthorize(AttendanceRoles.READERS)
    public List<PackageEntry> history(long packageId) {
        get(packageId);
        return packages.history(packageId);
    }

    /**
     * Freezes a package from {@code from} to {@code until} (a long absence): no lesson in that time is taken from it,
     * and its expiry moves later by as many days. One freeze at a time: a new one once the last has ended.
     */
    @PreAuthorize(AttendanceRoles.OFFICE)
    @Transactional
    public LessonPackage freeze(long packageId, long version, @NotNull LocalDate from, @NotNull LocalDate until,
            @Size(max = 500) @Nullable String reason) {
        var row = editable(packageId, version);
        if (until.isBefore(from)) {
            throw new DomainException("until", "package.error.freeze-dates");
        }
        if (row.frozenUntil() != null && !row.frozenUntil().isBefore(today())) {
            throw new DomainException(null, "package.error.already-frozen", row.frozenUntil());
        }
        long days = ChronoUnit.DAYS.between(from, until) + 1;
        var expires = row.expiresOn().plusDays(days);
        change(row, version, expires, from, until, "FROZEN", reason);
        return get(packageId);
    }

    /** Moves a package's expiry later. */
    @PreAuthorize(AttendanceRoles.OFFICE)
    @Transactional
    public LessonPackage extend(long packageId, long version, @NotNull LocalDate expiresOn,
            @Size(max = 500) @Nullable String reason) {
        var row = editable(packageId, version);
        if (!expiresOn.isAfter(row.expiresOn())) {
            throw new DomainException("expiresOn", "package.error.extend-earlier");
        }
        if (row.consumed().compareTo(row.quantity()) >= 0) {
            throw new DomainException(null, "package.error.nothing-left");
        }
        change(row, version, expiresOn, row.frozenFrom(), row.frozenUntil(), "EXTENDED", reason);
        return get(packageId);
    }

    private void change(PackageStore.PackageRow row, long version, LocalDate expires, @Nullable LocalDate from,
            @Nullable LocalDate until, String kind, @Nullable String reason) {
        var now = clock.instant();
        String user = currentUser.username();
        if (!packages.reschedule(row.id(), version, expires, from, until, now, user)) {
            var current = packages.find(row.id()).orElseThrow();
            throw new StaleEditException(String.valueOf(current.updatedBy()), current.updatedAt());
        }
        String note = StringUtils.hasText(reason) ? reason.strip() : null;
        packages.event(row.id(), kind, "FROZEN".equals(kind) ? from : row.expiresOn(),
                "FROZEN".equals(kind) ? until : expires, note, now, user);
        events.publishEvent(AuditEvent.of(AuditAction.UPDATE, "LessonPackage", row.id(), AuditSummary.of(
                "FROZEN".equals(kind) ? "audit.package.frozen" : "audit.package.extended", row.id(), expires)));
    }

    private PackageStore.PackageRow editable(long packageId, long version) {
        var row = packages.find(packageId).orElseThrow(NotFoundException::new);
        visibleStudent(row.studentId());
        if (row.version() != version) {
            throw new StaleEditException(String.valueOf(row.updatedBy()), row.updatedAt());
        }
        if ("EXPIRED".equals(row.status())) {
            throw new DomainException(null, "package.error.expired");
        }
        return row;
    }

    private StudentRef visibleStudent(long studentId) {
        return students.reference(studentId).orElseThrow(() -> new NotFoundException("studentId"));
    }

    private LessonPackage view(PackageStore.PackageRow r) {
        return view(r, courses.get(r.courseId()).name());
    }

    private LessonPackage view(PackageStore.PackageRow r, String courseName) {
        var today = today();
        var remaining = r.quantity().subtract(r.consumed());
        LessonPackage.State state;
        if ("EXPIRED".equals(r.status()) || r.expiresOn().isBefore(today)) {
            state = LessonPackage.State.EXPIRED;
        } else if (remaining.signum() <= 0) {
            state = LessonPackage.State.USED_UP;
        } else if (r.startsOn().isAfter(today)) {
            state = LessonPackage.State.NOT_STARTED;
        } else if (r.frozenFrom() != null && r.frozenUntil() != null && !today.isBefore(r.frozenFrom())
                && !today.isAfter(r.frozenUntil())) {
            state = LessonPackage.State.FROZEN;
        } else {
            state = LessonPackage.State.ACTIVE;
        }
        BigDecimal remainingValue = PackageValue.remaining(r.purchaseValue(), r.quantity(), r.consumed());
        return new LessonPackage(r.id(), r.studentId(), r.courseId(), courseName, r.unit(),
                PackageValue.plain(r.quantity()), PackageValue.plain(r.consumed()), r.purchaseValue(),
                remainingValue, r.forfeited().setScale(2), r.startsOn(), r.expiresOn(), r.source(), r.sourceRef(),
                state, r.frozenFrom(), r.frozenUntil(), r.note(), r.version());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(institution.settings().timeZone()));
    }
}
