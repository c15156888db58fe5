package io.campuscrm.scheduling;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

import io.campuscrm.scheduling.internal.ClashFinder;
import io.campuscrm.scheduling.internal.Occurrence;
import io.campuscrm.scheduling.internal.RecurrenceGenerator;
import io.campuscrm.scheduling.internal.ScheduleLocks;
import io.campuscrm.scheduling.internal.ScheduleRules;
import io.campuscrm.scheduling.internal.SchedulingAccess;
import io.campuscrm.scheduling.internal.SchoolClassEntity;
import io.campuscrm.scheduling.internal.SchoolClassRepository;
import io.campuscrm.scheduling.internal.SessionReader;
import io.campuscrm.scheduling.internal.SessionRow;
import io.campuscrm.scheduling.internal.SessionStore;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * Single sessions of a class: list them, move one (another date, time or room), cancel one with a reason or undo
 * that, add one, change who teaches one. Every change that can make a clash locks the rooms and teachers involved
 * and checks in the database before it is saved. Held sessions (attendance taken) cannot be moved or cancelled.
 * A move, cancellation, restoration or addition publishes {@link SessionMoved}, {@link SessionCancelled},
 * {@link SessionRestored} or {@link SessionAdded} in its transaction.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class SessionService {

    private final SchoolClassRepository classes;
    private final ScheduleRules rules;
    private final ScheduleLocks locks;
    private final SessionStore store;
    private final SessionReader reader;
    private final ClashFinder clashes;
    private final SchedulingAccess access;
    private final ApplicationEventPublisher events;

    SessionService(SchoolClassRepository classes, ScheduleRules rules, ScheduleLocks locks, SessionStore store,
            SessionReader reader, ClashFinder clashes, SchedulingAccess access, ApplicationEventPublisher events) {
        this.classes = classes;
        this.rules = rules;
        this.locks = locks;
        this.store = store;
        this.reader = reader;
        this.clashes = clashes;
        this.access = access;
        this.events = events;
    }

    /** A class's sessions in time order, page by page. */
    @PreAuthorize(SchedulingRoles.READERS)
    public Slice<ScheduledSession> sessions(long classId, Pageable page) {
        var entity = classes.findById(classId).orElseThrow(() -> new NotFoundException());
        access.requireClass(entity.getCampusId(), entity.getTeacherIds());
        return reader.ofClass(classId, page);
    }

    @PreAuthorize(SchedulingRoles.READERS)
    public ScheduledSession get(long sessionId) {
        var session = reader.one(sessionId);
        if (session == null) {
            throw new NotFoundException();
        }
        var scope = access.scope();
        var me = scope.ownTeacherId();
        if (me == null) {
            access.requireCampus(session.campusId());
        } else if (!session.teacherIds().contains(me)) {
            // a teacher of the class who is not one of this session's (a substitute took it) still reads it
            var entity = classes.findById(session.classId()).orElseThrow();
            access.requireClass(entity.getCampusId(), entity.getTeacherIds());
        }
        return session;
    }

    /**
     * The students enrolled in the session's class on its date, for its roster: whoever may read the session (its
     * teachers, substitutes included, and the office of its campus); an unknown or unreadable session has none.
     */
    @PreAuthorize(SchedulingRoles.READERS)
    public List<Long> enrolledStudents(long sessionId) {
        return reader.enrolledStudents(sessionId, access.scope());
    }

    /**
     * The sessions of a course's classes that start from {@code from} (inclusive) to {@code toExclusive}, in time
     * order, that the user may see: where a student on leave may make a lesson up.
     */
    @PreAuthorize(SchedulingRoles.READERS)
    public List<ScheduledSession> sessionsOfCourse(long courseId, java.time.Instant from, java.time.Instant toExclusive) {
        if (!toExclusive.isAfter(from) || Duration.between(from, toExclusive).toDays() > TimetableService.MAX_DAYS) {
            throw new DomainException(null, "timetable.error.range", TimetableService.MAX_DAYS);
        }
        return reader.between(from, toExclusive, "c.course_id = :course", java.util.Map.of("course", courseId),
                access.scope());
    }

    /** Moves a session to another date, time or room; a generated session becomes a moved one. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public ScheduledSession move(long sessionId, long version, @Valid SessionSlot slot) {
        var locked = lockSession(sessionId, true);
        var session = locked.session();
        var schoolClass = locked.schoolClass();
        requireNotHeld(session);
        var occurrence = place(slot, schoolClass);
        var teachers = store.teachersOf(sessionId);
        locks.lock(List.of(session.roomId(), slot.roomId()), teachers, rules.studentsOf(schoolClass.getId()));
        if (session.scheduled()) {
            ScheduleRules.refuse(clashes.forSlot(occurrence.startAt(), occurrence.endAt(), slot.roomId(), teachers,
                    sessionId, schoolClass.getId(), occurrence.date()), "date");
        }
        var origin = session.origin() == SessionOrigin.GENERATED ? SessionOrigin.MOVED : session.origin();
        store.reschedule(session, version, occurrence, slot.roomId(), origin);
        if (session.scheduled()) {
            events.publishEvent(new SessionMoved(sessionId, schoolClass.getId(), session.date(),
                    session.startsLocal(), session.endsLocal(), session.startAt(), session.roomId(), occurrence.date(),
                    occurrence.startsLocal(), occurrence.endsLocal(), occurrence.startAt(), slot.roomId()));
        }
        store.refreshTeachersOfSession(sessionId);
        audit(sessionId, AuditSummary.of("audit.session.moved", schoolClass.getCode(), session.startsLocal(),
                occurrence.startsLocal()));
        return reader.one(sessionId);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public ScheduledSession cancel(long sessionId, long version, @Size(max = 500) String reason) {
        if (!StringUtils.hasText(reason)) {
            throw new DomainException("reason", "session.error.reason-required");
        }
        var locked = lockSession(sessionId, false);
        var session = locked.session();
        var schoolClass = locked.schoolClass();
        requireNotHeld(session);
        store.setStatus(session, version, SessionStatus.CANCELLED, reason.strip());
        events.publishEvent(new SessionCancelled(sessionId, schoolClass.getId(), session.date(), session.startsLocal(),
                session.endsLocal(), session.startAt(), session.endAt(), reason.strip(), false));
        store.refreshTeachersOfSession(sessionId);
        audit(sessionId, AuditSummary.of("audit.session.cancelled", schoolClass.getCode(), session.startsLocal(),
                reason.strip()));
        return reader.one(sessionId);
    }

    /** Undoes a cancellation, if the session's time is still free. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public ScheduledSession restore(long sessionId, long version) {
        var locked = lockSession(sessionId, true);
        var session = locked.session();
        var schoolClass = locked.schoolClass();
        var teachers = store.teachersOf(sessionId);
        locks.lock(Set.of(session.roomId()), teachers, rules.studentsOf(schoolClass.getId()));
        rules.usableRoom(session.roomId(), schoolClass.getCampusId(), rules.seatsNeeded(schoolClass), "roomId");
        ScheduleRules.refuse(clashes.forSlot(session.startAt(), session.endAt(), session.roomId(), teachers,
                sessionId, schoolClass.getId(), session.date()), "date");
        store.setStatus(session, version, SessionStatus.SCHEDULED, null);
        events.publishEvent(new SessionRestored(sessionId, schoolClass.getId(), session.date(), session.startsLocal(),
                session.endsLocal(), session.startAt(), session.endAt()));
        store.refreshTeachersOfSession(sessionId);
        audit(sessionId, AuditSummary.of("audit.session.restored", schoolClass.getCode(), session.startsLocal()));
        return reader.one(sessionId);
    }

    /** Adds a single session (a make-up lesson, an extra class), taught by the class's teachers. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public ScheduledSession add(long classId, @Valid SessionSlot slot) {
        var schoolClass = schedulableClass(classId);
        var occurrence = place(slot, schoolClass);
        var teachers = schoolClass.getTeacherIds();
        locks.lock(Set.of(slot.roomId()), teachers, rules.studentsOf(classId));
        ScheduleRules.refuse(clashes.forSlot(occurrence.startAt(), occurrence.endAt(), slot.roomId(), teachers, -1,
                classId, occurrence.date()), "date");
        long id = store.insertOne(new SessionStore.NewSession(classId, occurrence, slot.roomId(),
                SessionOrigin.ADDED, null));
        store.replaceTeachersOf(id, teachers);
        events.publishEvent(new SessionAdded(id, classId, occurrence.date(), occurrence.startsLocal(),
                occurrence.endsLocal(), occurrence.startAt(), occurrence.endAt(), slot.roomId()));
        audit(id, AuditSummary.of("audit.session.added", schoolClass.getCode(), occurrence.startsLocal()));
        return reader.one(id);
    }

    /** Changes who teaches one session (a substitute), checked for the new teachers' clashes. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public ScheduledSession changeTeachers(long sessionId, long version, Set<Long> teacherIds) {
        var locked = lockSession(sessionId, true);
        var session = locked.session();
        var schoolClass = locked.schoolClass();
        requireNotHeld(session);
        rules.requireTeachers(teacherIds, "teacherIds");
        var all = new HashSet<>(teacherIds);
        all.addAll(store.teachersOf(sessionId));
        locks.lock(Set.of(), all);
        if (session.scheduled()) {
            ScheduleRules.refuse(clashes.forSlot(session.startAt(), session.endAt(), session.roomId(), teacherIds,
                    sessionId), "teacherIds");
        }
        store.touch(session, version);
        store.replaceTeachersOf(sessionId, teacherIds);
        audit(sessionId, AuditSummary.of("audit.session.teachers-changed", schoolClass.getCode(),
                session.startsLocal()));
        return reader.one(sessionId);
    }

    /**
     * Marks a session as held (attendance was taken) or not: a held session is history, never moved, cancelled or
     * regenerated. Its teachers and administrators may do this.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'TEACHER')")
    @Transactional
    public ScheduledSession markHeld(long sessionId, boolean held) {
        var current = get(sessionId);
        var schoolClass = classes.lockById(current.classId()).orElseThrow();
        var session = load(sessionId);
        var me = access.scope().ownTeacherId();
        if (me != null && !current.teacherIds().contains(me)) {
            throw new NotFoundException();
        }
        if (held && !session.scheduled()) {
            throw new DomainException(null, "session.error.cancelled-not-held");
        }
        store.setHeld(session, held);
        audit(sessionId, AuditSummary.of(held ? "audit.session.held" : "audit.session.not-held",
                schoolClass.getCode(), session.startsLocal()));
        return reader.one(sessionId);
    }

    /**
     * Marks the session held because its attendance was taken, if it is not held yet: the work of
     * {@link #markHeld} in three statements (the session and its class locked, the update, the audit line), for a
     * save that has read the session already. The session's teachers and the administrators of its campus; a
     * session outside the user's scope answers as a missing one, a cancelled one is refused.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'TEACHER')")
    @Transactional
    public void markTaken(long sessionId) {
        var scope = access.scope();
        var me = scope.ownTeacherId();
        var locked = store.lockWithClass(sessionId, me).orElseThrow(NotFoundException::new);
        if (me != null ? !locked.taughtBy() : !scope.seesCampus(locked.campusId())) {
            throw new NotFoundException();
        }
        var session = locked.session();
        if (session.held()) {
            return;
        }
        if (!session.scheduled()) {
            throw new DomainException(null, "session.error.cancelled-not-held");
        }
        store.setHeld(session, true);
        audit(sessionId, AuditSummary.of("audit.session.held", locked.classCode(), session.startsLocal()));
    }

    /**
     * The clash a session of the class at {@code slot} would have, without saving anything: for forms that warn
     * while the user types, and for measuring the check. {@code sessionId} is the session being moved, if any.
     */
    @PreAuthorize(SchedulingRoles.READERS)
    public Optional<ScheduleClash> findClash(long classId, @Nullable Long sessionId, @Valid SessionSlot slot) {
        var schoolClass = classes.findById(classId).orElseThrow(() -> new NotFoundException());
        access.requireClass(schoolClass.getCampusId(), schoolClass.getTeacherIds());
        var length = Duration.between(slot.start(), slot.end());
        ScheduleRules.requireLength(length, "end");
        var occurrence = RecurrenceGenerator.place(slot.date(), slot.date().atTime(slot.start()), length,
                rules.zone());
        List<Long> teachers = sessionId == null ? List.copyOf(schoolClass.getTeacherIds())
                : store.teachersOf(sessionId);
        return clashes.forSlot(occurrence.startAt(), occurrence.endAt(), slot.roomId(), teachers,
                sessionId == null ? -1 : sessionId, classId, occurrence.date());
    }

    private Occurrence place(SessionSlot slot, SchoolClassEntity schoolClass) {
        var length = Duration.between(slot.start(), slot.end());
        ScheduleRules.requireLength(length, "end");
        rules.usableRoom(slot.roomId(), schoolClass.getCampusId(), rules.seatsNeeded(schoolClass), "roomId");
        return RecurrenceGenerator.place(slot.date(), slot.date().atTime(slot.start()), length, rules.zone());
    }

    private SchoolClassEntity schedulableClass(long classId) {
        var schoolClass = rules.lockClass(classId);
        if (!schoolClass.getStatus().schedulable()) {
            throw new DomainException(null, "class.error.not-schedulable", schoolClass.getCode());
        }
        return schoolClass;
    }

    private record Locked(SessionRow session, SchoolClassEntity schoolClass) {
    }

    /** The session's class locked first, then the session read: what other changes committed meanwhile is seen. */
    private Locked lockSession(long sessionId, boolean schedulable) {
        long classId = load(sessionId).classId();
        var schoolClass = schedulable ? schedulableClass(classId) : rules.lockClass(classId);
        return new Locked(load(sessionId), schoolClass);
    }

    private SessionRow load(long sessionId) {
        return store.find(sessionId).orElseThrow(() -> new NotFoundException());
    }

    private static void requireNotHeld(SessionRow session) {
        if (session.held()) {
            throw new DomainException(null, "session.error.held");
        }
    }

    private void audit(long sessionId, AuditSummary summary) {
        events.publishEvent(AuditEvent.of(AuditAction.UPDATE, "ClassSession", sessionId, summary));
    }
}
