package io.campuscrm.attendance;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

import io.campuscrm.attendance.internal.ConsumptionPolicy;
import io.campuscrm.attendance.internal.LeaveStore;
import io.campuscrm.attendance.internal.Ledger;
import io.campuscrm.attendance.internal.SessionFacts;
import io.campuscrm.attendance.internal.SheetStore;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.scheduling.EnrollmentService;
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
import io.campuscrm.students.StudentSearch;

import jakarta.validation.constraints.Size;

/**
 * Leave (请假) and make-up (补课). Staff enter a guardian's leave request for a student's session that has not begun:
 * the student is excused there (the roster shows it, marked excused). The system offers make-up seats in other
 * sessions of the same course that have a place left and do not clash with the student's own sessions; a booked
 * make-up puts the student on that session's roster. The lesson is consumed once: where it is made up, never also
 * where it was missed.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class LeaveService {

    /** How far ahead make-up seats are offered. */
    public static final int MAKE_UP_DAYS = 60;

    private final LeaveStore leaves;
    private final List<SessionGuests> guests;
    private final io.campuscrm.attendance.internal.MakeUpStudents makeUpStudents;
    private final SheetStore sheets;
    private final Ledger ledger;
    private final ConsumptionPolicy policy;
    private final SessionService sessions;
    private final TimetableService timetable;
    private final EnrollmentService enrollments;
    private final ClassSearch classes;
    private final StudentSearch students;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LeaveService(LeaveStore leaves, io.campuscrm.attendance.internal.MakeUpStudents makeUpStudents,
            SheetStore sheets, Ledger ledger, ConsumptionPolicy policy,
            SessionService sessions, TimetableService timetable, EnrollmentService enrollments, ClassSearch classes,
            StudentSearch students, CurrentUser currentUser, ApplicationEventPublisher events,
            List<SessionGuests> guests, Clock clock) {
        this.guests = List.copyOf(guests);
        this.leaves = leaves;
        this.makeUpStudents = makeUpStudents;
        this.sheets = sheets;
        this.ledger = ledger;
        this.policy = policy;
        this.sessions = sessions;
        this.timetable = timetable;
        this.enrollments = enrollments;
        this.classes = classes;
        this.students = students;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** Enters a leave request for a session of the student's class that has not begun yet. */
    @PreAuthorize(AttendanceRoles.OFFICE)
    @Transactional
    public Leave request(long sessionId, long studentId, @Size(max = 500) String reason,
            @Size(max = 200) @Nullable String requestedBy) {
        if (!StringUtils.hasText(reason)) {
            throw new DomainException("reason", "leave.error.reason-required");
        }
        var student = students.reference(studentId).orElseThrow(() -> new NotFoundException("studentId"));
        var session = sessions.get(sessionId);
        if (session.cancelled()) {
            throw new DomainException("sessionId", "leave.error.cancelled");
        }
        if (!session.startAt().isAfter(clock.instant())) {
            throw new DomainException("sessionId", "leave.error.started");
        }
        if (!sessions.enrolledStudents(sessionId).contains(studentId)) {
            throw new DomainException("sessionId", "leave.error.not-in-class", student.displayName());
        }
        if (leaves.inForce(sessionId, studentId).isPresent()) {
            throw new DomainException("sessionId", "leave.error.twice", student.displayName());
        }
        String by = StringUtils.hasText(requestedBy) ? requestedBy.strip() : null;
        long id = leaves.insert(studentId, SessionFacts.of(session), reason.strip(), by, clock.instant(),
                currentUser.username());
        events.publishEvent(AuditEvent.of(AuditAction.CREATE, "Leave", id, AuditSummary.of("audit.leave.requested",
                student.displayName(), session.classCode(), session.startsLocal())));
        return get(id);
    }

    @PreAuthorize(AttendanceRoles.READERS)
    public Leave get(long leaveId) {
        var leave = leaves.find(leaveId).orElseThrow(NotFoundException::new);
        students.reference(leave.row().studentId()).orElseThrow(NotFoundException::new);
        return views(List.of(leave)).getFirst();
    }

    /** A student's leaves, the latest first. */
    @PreAuthorize(AttendanceRoles.READERS)
    public List<Leave> ofStudent(long studentId) {
        students.reference(studentId).orElseThrow(NotFoundException::new);
        return views(leaves.ofStudent(studentId, 100));
    }

    /**
     * Where the student could make the lesson up: sessions of the course's other classes in the next
     * {@value #MAKE_UP_DAYS} days that have a place left (the class's free places less the make-ups and the guests
     * booked there, {@link SessionGuests}) and do not overlap the student's own sessions.
     */
    @PreAuthorize(AttendanceRoles.OFFICE)
    public List<MakeUpOption> makeUpOptions(long leaveId) {
        var leave = open(leaveId);
        var now = clock.instant();
        var until = now.plus(Duration.ofDays(MAKE_UP_DAYS));
        var candidates = sessions.sessionsOfCourse(leave.courseId(), now, until).stream()
                .filter(s -> !s.cancelled() && s.classId() != leave.row().classId()).toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        var own = timetable.sessionsBetween(TimetableScope.student(leave.row().studentId()),
                candidates.getFirst().date().minusDays(1), candidates.getLast().date().plusDays(1));
        var occupancy = enrollments.occupancies(candidates.stream().map(ScheduledSession::classId).distinct()
                .toList());
        var ids = candidates.stream().map(ScheduledSession::sessionId).toList();
        var booked = new java.util.HashMap<>(leaves.makeUpCounts(ids));
        // trial guests take a seat too
        for (var source : guests) {
            source.booked(ids).forEach((session, seats) -> booked.merge(session, seats, Integer::sum));
        }
        List<MakeUpOption> options = new ArrayList<>();
        for (var s : candidates) {
            var places = occupancy.get(s.classId());
            if (places == null) {
                continue;
            }
            int free = places.free() - booked.getOrDefault(s.sessionId(), 0);
            boolean clash = own.stream().anyMatch(o -> !o.cancelled() && o.startAt().isBefore(s.endAt())
                    && s.startAt().isBefore(o.endAt()));
            if (free > 0 && !clash) {
                options.add(new MakeUpOption(s, free));
            }
        }
        return options;
    }

    /**
     * How many make-up seats are booked in each of these sessions (sessions without one are left out): one grouped
     * statement, for another seat source (admissions' trial guests) counting what is left of a session's room.
     */
    @PreAuthorize(AttendanceRoles.OFFICE)
    public java.util.Map<Long, Integer> makeUpsBooked(java.util.Collection<Long> sessionIds) {
        return leaves.makeUpCounts(sessionIds);
    }

    /** Books the make-up seat (replacing one booked before), checked again for a place and a clash. */
    @PreAuthorize(AttendanceRoles.OFFICE)
    @Transactional
    public Leave bookMakeUp(long leaveId, long version, long sessionId) {
        var leave = open(leaveId);
        var option = makeUpOptions(leaveId).stream().filter(o -> o.session().sessionId() == sessionId).findFirst()
                .orElseThrow(() -> new DomainException("sessionId", "leave.error.make-up-unavailable"));
        if (!leaves.makeUp(leaveId, version, SessionFacts.of(option.session()), clock.instant(),
                currentUser.username())) {
            throw stale(leaveId);
        }
        makeUpStudents.forget();
        // Excused where it was missed was maybe consumed by a policy that charges excused absence: now it is not.
        var seat = RosterSeat.studentKey(leave.row().studentId());
        var missed = sheets.marks(leave.row().sessionId()).get(seat);
        if (missed != null && missed.mark().status() == AttendanceStatus.EXCUSED) {
            // the sheet's facts: an hours package is charged the session's length
            var facts = sheets.facts(leave.row().sessionId()).orElseThrow();
            ledger.rebook(facts, List.of(new Ledger.Booking(seat, leave.row().studentId(), false)), false);
        }
        events.publishEvent(AuditEvent.of(AuditAction.UPDATE, "Leave", leaveId, AuditSummary.of(
                "audit.leave.make-up", option.session().classCode(), option.session().startsLocal())));
        return get(leaveId);
    }

    /** Withdraws a leave request (the student comes after all); its make-up seat goes with it. */
    @PreAuthorize(AttendanceRoles.OFFICE)
    @Transactional
    public Leave cancel(long leaveId, long version) {
        var leave = open(leaveId);
        if (!leaves.cancel(leaveId, version, clock.instant(), currentUser.username())) {
            throw stale(leaveId);
        }
        makeUpStudents.forget();
        var rule = policy.of(leave.courseId());
        var seat = RosterSeat.studentKey(leave.row().studentId());
        var missed = sheets.marks(leave.row().sessionId()).get(seat);
        if (missed != null && missed.mark().status() == AttendanceStatus.EXCUSED && rule.excused()) {
            // the sheet's facts: an hours package is charged the session's length
            var facts = sheets.facts(leave.row().sessionId()).orElseThrow();
            ledger.rebook(facts, List.of(new Ledger.Booking(seat, leave.row().studentId(), true)), false);
        }
        events.publishEvent(AuditEvent.of(AuditAction.UPDATE, "Leave", leaveId, AuditSummary.of(
                "audit.leave.cancelled")));
        return get(leaveId);
    }

    private LeaveStore.LeaveFull open(long leaveId) {
        var leave = leaves.find(leaveId).orElseThrow(NotFoundException::new);
        students.reference(leave.row().studentId()).orElseThrow(NotFoundException::new);
        if (leave.cancelled()) {
            throw new DomainException(null, "leave.error.cancelled-leave");
        }
        return leave;
    }

    private StaleEditException stale(long leaveId) {
        var leave = leaves.find(leaveId).orElseThrow(NotFoundException::new);
        return new StaleEditException(String.valueOf(leave.updatedBy()), leave.updatedAt());
    }

    private List<Leave> views(List<LeaveStore.LeaveFull> rows) {
        Map<Long, io.campuscrm.scheduling.ClassLabel> labels = classes.labels(rows.stream().flatMap(r -> Stream.of(
                r.row().classId(), r.makeUpClassId())).filter(id -> id != null).map(Long.class::cast).distinct()
                .toList());
        return rows.stream().map(r -> new Leave(r.row().id(), r.row().studentId(), r.row().sessionId(),
                label(labels, r.row().classId()), r.row().sessionDate(), r.row().reason(), r.requestedBy(),
                r.row().makeUpSessionId(), r.makeUpClassId() == null ? null : label(labels, r.makeUpClassId()),
                r.row().makeUpDate(), r.cancelled(), r.version())).toList();
    }

    private static String label(Map<Long, io.campuscrm.scheduling.ClassLabel> labels, long classId) {
        var label = labels.get(classId);
        return label == null ? "#" + classId : label.label();
    }
}
