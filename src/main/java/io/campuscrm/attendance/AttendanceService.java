package io.campuscrm.attendance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

import io.campuscrm.attendance.internal.AttendanceSettings;
import io.campuscrm.attendance.internal.Balances;
import io.campuscrm.attendance.internal.ConsumptionPolicy;
import io.campuscrm.attendance.internal.LeaveStore;
import io.campuscrm.attendance.internal.Ledger;
import io.campuscrm.attendance.internal.SessionFacts;
import io.campuscrm.attendance.internal.SheetStore;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.institution.Settings;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.scheduling.SessionService;
import io.campuscrm.scheduling.TimetableScope;
import io.campuscrm.scheduling.TimetableService;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.domain.StaleEditException;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.students.StudentSearch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * Taking and correcting a session's attendance. Whoever may read the session (its teachers, the office of its
 * campus) reads its roster; its teachers and administrators save it, in one transaction: the changed marks, their
 * history, the lessons they consume or give back, the session marked held. A teacher corrects within the window
 * after attendance was first taken ({@code attendance.teacher-correction-window}); an administrator any time. A save
 * quotes the roster's version, so a second user saving over the first is told instead of overwriting.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class AttendanceService {

    private final SessionService sessions;
    private final ObjectProvider<RosterSeats> sources;
    private final SheetStore sheets;
    private final StudentSearch students;
    private final ClassSearch classes;
    private final TimetableService timetable;
    private final LeaveStore leaves;
    private final Balances balances;
    private final Ledger ledger;
    private final ConsumptionPolicy policy;
    private final Settings settings;
    private final InstitutionService institution;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AttendanceService(SessionService sessions, ObjectProvider<RosterSeats> sources, SheetStore sheets,
            StudentSearch students, ClassSearch classes, TimetableService timetable, LeaveStore leaves, Balances balances, Ledger ledger, ConsumptionPolicy policy, Settings settings,
            InstitutionService institution, CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.sessions = sessions;
        this.sources = sources;
        this.sheets = sheets;
        this.students = students;
        this.classes = classes;
        this.timetable = timetable;
        this.leaves = leaves;
        this.balances = balances;
        this.ledger = ledger;
        this.policy = policy;
        this.settings = settings;
        this.institution = institution;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** The session's roster: every seat, its mark, the student's balance in the course, a leave. */
    @PreAuthorize(AttendanceRoles.READERS)
    public Roster roster(long sessionId) {
        var session = sessions.get(sessionId);
        var seats = seats(session);
        var sheet = sheets.find(sessionId).orElse(null);
        var marks = sheet == null ? Map.<String, SheetStore.StoredMark>of() : sheets.marks(sessionId);
        var onLeave = leaves.from(sessionId);
        var studentIds = seats.values().stream().map(RosterSeat::studentId).filter(id -> id != null)
                .map(Long.class::cast).toList();
        var balance = balances.inCourse(session.courseId(), studentIds, today(),
                settings.get(AttendanceSettings.LOW_BALANCE, session.campusId()));
        List<RosterLine> lines = new ArrayList<>();
        for (var seat : seats.values()) {
            var mark = marks.get(seat.key());
            var leave = seat.studentId() == null ? null : onLeave.get(seat.studentId());
            lines.add(new RosterLine(seat, mark == null ? null : mark.mark(),
                    seat.studentId() == null ? null : balance.get(seat.studentId()),
                    leave == null ? null : leave.reason()));
        }
        // Marked seats that are no longer on the roster (a student withdrawn since) stay visible, last.
        var former = marks.values().stream().filter(m -> !seats.containsKey(m.seat()))
                .sorted(Comparator.comparing(SheetStore.StoredMark::seat)).toList();
        if (!former.isEmpty()) {
            var names = students.references(former.stream().map(SheetStore.StoredMark::studentId)
                    .filter(id -> id != null).map(Long.class::cast).toList());
            for (var m : former) {
                var ref = m.studentId() == null ? null : names.get(m.studentId());
                lines.add(new RosterLine(new RosterSeat(m.seat(), m.studentId(), ref == null ? m.seat()
                        : ref.displayName(), "former", null), m.mark(), null, null));
            }
        }
        String locked = lockedReason(session, sheet);
        return new Roster(session, lines, sheet == null ? 0 : sheet.version(),
                sheet == null ? null : sheet.firstTakenAt(), sheet == null ? null : sheet.updatedBy(),
                sheet == null ? null : sheet.updatedAt(), locked == null, locked);
    }

    /** What the roster's save did: its new version, how many marks changed. */
    public record Saved(long version, int changed) {
    }

    /**
     * Saves the marks of the session's roster (seats not in {@code marks} keep theirs, or stay unmarked). Marks that
     * did not change are not written again. Refused when the roster changed since {@code version} (another user's
     * save), when a seat is not on the roster, and when the user may not mark it now (the message says why).
     */
    @PreAuthorize(AttendanceRoles.MARKERS)
    @Transactional
    public Saved save(long sessionId, long version, @Size(max = 1000) List<@Valid SeatMark> marks) {
        var session = sessions.get(sessionId);
        var sheet = sheets.find(sessionId).orElse(null);
        String locked = lockedReason(session, sheet);
        if (locked != null) {
            throw new DomainException(null, locked.replace("attendance.locked.", "attendance.error."));
        }
        var seats = seats(session);
        var stored = sheet == null ? Map.<String, SheetStore.StoredMark>of() : sheets.marks(sessionId);
        Set<String> seen = new HashSet<>();
        var now = clock.instant();
        String user = currentUser.username();
        List<SheetStore.NewMark> changed = new ArrayList<>();
        for (var mark : marks) {
            if (!seen.add(mark.seat())) {
                throw new DomainException(null, "attendance.error.seat-twice", mark.seat());
            }
            var seat = seats.get(mark.seat());
            var before = stored.get(mark.seat());
            if (seat == null && before == null) {
                throw new DomainException(null, "attendance.error.unknown-seat");
            }
            var normal = normal(mark);
            if (before != null && before.mark().sameAs(normal)) {
                continue;
            }
            Long studentId = seat != null ? seat.studentId() : before.studentId();
            String kind = seat != null ? seat.kind() : before.seatKind();
            changed.add(new SheetStore.NewMark(normal.seat(), studentId, kind, normal.status(), normal.lateMinutes(),
                    normal.note(), before == null ? null : before.mark()));
        }
        int marked = (int) seats.keySet().stream().filter(k -> seen.contains(k) || stored.containsKey(k)).count();
        var facts = SessionFacts.of(session);
        boolean advanced = sheet == null ? sheets.create(facts, now, user, seats.size(), marked)
                : sheet.version() == version && sheets.advance(sessionId, version, now, user, seats.size(), marked);
        if (!advanced || (sheet == null && version != 0)) {
            var current = sheets.find(sessionId).orElse(sheet);
            throw current == null ? new StaleEditException(user, now)
                    : new StaleEditException(String.valueOf(current.updatedBy()), current.updatedAt());
        }
        boolean correction = sheet != null;
        sheets.write(facts, changed, correction, now, user);
        rebook(session, facts, changed, !correction);
        if (!session.held()) {
            sessions.markTaken(sessionId);
        }
        if (!changed.isEmpty()) {
            events.publishEvent(new AttendanceTaken(sessionId, session.classId(), session.courseId(), session.date(),
                    correction, changed.stream().filter(m -> m.studentId() != null)
                            .map(m -> new AttendanceTaken.Changed(m.studentId(), m.status())).toList(),
                    changed.stream().filter(m -> m.studentId() == null)
                            .map(m -> new AttendanceTaken.GuestChanged(m.seat(), m.seatKind(), m.status()))
                            .toList()));
            events.publishEvent(AuditEvent.of(AuditAction.UPDATE, "AttendanceSheet", sessionId, AuditSummary.of(
                    correction ? "audit.attendance.corrected" : "audit.attendance.taken", session.classCode(),
                    session.startsLocal(), changed.size())));
        }
        return new Saved(sheet == null ? 1 : version + 1, changed.size());
    }

    /** Every change of the session's marks, newest first. */
    @PreAuthorize(AttendanceRoles.READERS)
    public List<MarkChange> history(long sessionId) {
        sessions.get(sessionId);
        return sheets.history(sessionId);
    }

    /**
     * The signed-in teacher's sessions from {@code from} to {@code toExclusive} with the state of their attendance,
     * in time order: one query for the sessions, one for their sheets.
     */
    @PreAuthorize("hasRole('TEACHER')")
    public List<SessionAttendance> mySessions(LocalDate from, LocalDate toExclusive) {
        long me = currentUser.principal().map(p -> p.userId()).orElseThrow(NotFoundException::new);
        var list = timetable.sessionsBetween(TimetableScope.teacher(me), from, toExclusive);
        var taken = sheets.findAll(list.stream().map(ScheduledSession::sessionId).toList());
        return list.stream().map(s -> {
            var sheet = taken.get(s.sessionId());
            SessionAttendance.State state = s.cancelled() ? SessionAttendance.State.CANCELLED
                    : sheet == null ? SessionAttendance.State.NOT_TAKEN
                    : sheet.marked() < sheet.seats() ? SessionAttendance.State.PARTLY_TAKEN
                    : SessionAttendance.State.TAKEN;
            return new SessionAttendance(s, state);
        }).toList();
    }

    /** A student's attendance over a period, per class and in all, with rates. */
    @PreAuthorize(AttendanceRoles.READERS)
    public AttendanceSummary summary(long studentId, LocalDate from, LocalDate toInclusive) {
        if (students.reference(studentId).isEmpty()) {
            throw new NotFoundException();
        }
        if (toInclusive.isBefore(from)) {
            throw new DomainException("to", "attendance.error.period");
        }
        var counts = sheets.countsOf(studentId, from, toInclusive);
        var labels = classes.labels(counts.keySet());
        var total = AttendanceSummary.empty();
        List<AttendanceSummary.PerClass> perClass = new ArrayList<>();
        counts.forEach((classId, byStatus) -> {
            byStatus.forEach((status, n) -> total.merge(status, n, Integer::sum));
            var label = labels.get(classId);
            perClass.add(new AttendanceSummary.PerClass(classId, label == null ? "#" + classId : label.label(),
                    byStatus));
        });
        return new AttendanceSummary(studentId, from, toInclusive, perClass, total);
    }

    private void rebook(ScheduledSession session, SessionFacts facts, List<SheetStore.NewMark> changed,
            boolean firstTake) {
        var rule = policy.of(session.courseId());
        var onLeave = leaves.from(session.sessionId());
        List<Ledger.Booking> bookings = new ArrayList<>();
        for (var mark : changed) {
            if (mark.studentId() == null) {
                continue;
            }
            var leave = onLeave.get(mark.studentId());
            // Leave with a make-up: the lesson is consumed where it is made up, never twice.
            boolean madeUpElsewhere = mark.status() == AttendanceStatus.EXCUSED && leave != null
                    && leave.makeUpSessionId() != null;
            bookings.add(new Ledger.Booking(mark.seat(), mark.studentId(),
                    !madeUpElsewhere && rule.consumes(mark.status())));
        }
        ledger.rebook(facts, bookings, firstTake);
    }

    private static SeatMark normal(SeatMark mark) {
        Integer late = mark.status() == AttendanceStatus.LATE ? mark.lateMinutes() : null;
        String note = StringUtils.hasText(mark.note()) ? mark.note().strip() : null;
        return new SeatMark(mark.seat(), mark.status(), late, note);
    }

    /** Every source's seats, the first source's seat winning when two give the same key. */
    private Map<String, RosterSeat> seats(ScheduledSession session) {
        Map<String, RosterSeat> seats = new LinkedHashMap<>();
        sources.orderedStream().sorted(Comparator.comparingInt(RosterSeats::order))
                .forEach(source -> source.seats(session).forEach(seat -> seats.putIfAbsent(seat.key(), seat)));
        return seats;
    }

    /** Why the user may not save this roster now, as a message key; null when they may. */
    private @Nullable String lockedReason(ScheduledSession session, SheetStore.@Nullable Sheet sheet) {
        if (session.cancelled()) {
            return "attendance.locked.cancelled";
        }
        if (!currentUser.hasRole(Role.ADMIN) && !currentUser.hasRole(Role.TEACHER)) {
            return "attendance.locked.read-only";
        }
        if (session.date().isAfter(today())) {
            return "attendance.locked.future";
        }
        if (sheet != null && !currentUser.hasRole(Role.ADMIN)) {
            Instant closes = sheet.firstTakenAt().plus(settings.get(AttendanceSettings.TEACHER_WINDOW));
            if (!clock.instant().isBefore(closes)) {
                return "attendance.locked.window";
            }
        }
        return null;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(institution.settings().timeZone()));
    }
}
