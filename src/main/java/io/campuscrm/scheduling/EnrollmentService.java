package io.campuscrm.scheduling;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.campuscrm.scheduling.internal.ClashFinder;
import io.campuscrm.scheduling.internal.ClassEnrollmentEntity;
import io.campuscrm.scheduling.internal.ClassEnrollmentRepository;
import io.campuscrm.scheduling.internal.EnrollmentEvents;
import io.campuscrm.scheduling.internal.ScheduleLocks;
import io.campuscrm.scheduling.internal.ScheduleRules;
import io.campuscrm.scheduling.internal.SchedulingAccess;
import io.campuscrm.scheduling.internal.SchoolClassEntity;
import io.campuscrm.scheduling.internal.SchoolClassRepository;
import io.campuscrm.scheduling.internal.Waitlist;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.students.StudentRef;
import io.campuscrm.students.StudentSearch;
import io.campuscrm.students.StudentStatus;

import jakarta.validation.constraints.Size;

/**
 * Enrollment of students in classes. A class holds at most its places (its capacity, never more than its room
 * seats); beyond that students join the waiting list, promoted in order when a place frees up. A student is never
 * enrolled in two classes whose sessions overlap. A transfer (转班) ends one enrollment and starts another in one
 * transaction, keeping both. Every change holds the class's row lock (both classes', in id order, for a transfer) and
 * then the student's, so concurrent enrollments can neither overfill a class nor slip a clash through. Each change
 * publishes its event ({@link StudentEnrolled}, {@link StudentWithdrawn}, {@link StudentTransferred}) in its
 * transaction.
 * Administrators and admissions enroll; whoever may see a class reads its list.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class EnrollmentService {

    static final String WRITERS = "hasAnyRole('ADMIN', 'ADMISSIONS')";
    private static final Set<EnrollmentStatus> CURRENT = EnumSet.of(EnrollmentStatus.ENROLLED,
            EnrollmentStatus.WAITING);

    private final ClassEnrollmentRepository enrollments;
    private final SchoolClassRepository classes;
    private final ScheduleRules rules;
    private final ScheduleLocks locks;
    private final ClashFinder clashes;
    private final Waitlist waitlist;
    private final EnrollmentEvents history;
    private final SchedulingAccess access;
    private final StudentSearch students;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EnrollmentService(ClassEnrollmentRepository enrollments, SchoolClassRepository classes, ScheduleRules rules,
            ScheduleLocks locks, ClashFinder clashes, Waitlist waitlist, EnrollmentEvents history,
            SchedulingAccess access, StudentSearch students, ApplicationEventPublisher events, Clock clock) {
        this.enrollments = enrollments;
        this.classes = classes;
        this.rules = rules;
        this.locks = locks;
        this.clashes = clashes;
        this.waitlist = waitlist;
        this.history = history;
        this.access = access;
        this.students = students;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize(SchedulingRoles.READERS)
    public ClassOccupancy occupancy(long classId) {
        var schoolClass = visibleClass(classId);
        return new ClassOccupancy(classId, waitlist.places(schoolClass), waitlist.enrolled(classId),
                (int) enrollments.countByClassIdAndStatus(classId, EnrollmentStatus.WAITING),
                schoolClass.toDetails().waitingListEnabled());
    }

    /**
     * {@link #occupancy} of many classes at once (a report's or a list's page), in a handful of statements whatever
     * their number. Classes that do not exist or that the user may not see are left out of the map, as
     * {@link #occupancy} refuses them one by one.
     */
    @PreAuthorize(SchedulingRoles.READERS)
    public Map<Long, ClassOccupancy> occupancies(Collection<Long> classIds) {
        if (classIds.isEmpty()) {
            return Map.of();
        }
        var scope = access.scope();
        var visible = classes.findAllById(Set.copyOf(classIds)).stream()
                .filter(c -> scope.seesClass(c.getCampusId(), c.getTeacherIds())).toList();
        if (visible.isEmpty()) {
            return Map.of();
        }
        var places = waitlist.places(visible);
        Map<Long, Map<EnrollmentStatus, Integer>> counts = new HashMap<>();
        for (Object[] row : enrollments.countByClassAndStatus(visible.stream().map(SchoolClassEntity::getId)
                .toList(), CURRENT)) {
            counts.computeIfAbsent((Long) row[0], id -> new EnumMap<>(EnrollmentStatus.class))
                    .put((EnrollmentStatus) row[1], ((Long) row[2]).intValue());
        }
        Map<Long, ClassOccupancy> result = new HashMap<>();
        for (var schoolClass : visible) {
            var ofClass = counts.getOrDefault(schoolClass.getId(), Map.of());
            result.put(schoolClass.getId(), new ClassOccupancy(schoolClass.getId(), places.get(schoolClass.getId()),
                    ofClass.getOrDefault(EnrollmentStatus.ENROLLED, 0), ofClass.getOrDefault(EnrollmentStatus.WAITING,
                            0), schoolClass.toDetails().waitingListEnabled()));
        }
        return result;
    }

    /**
     * A class's enrollments: enrolled students, then the waiting list in order (position 1 is promoted next), then,
     * unless {@code currentOnly}, those who left.
     */
    @PreAuthorize(SchedulingRoles.READERS)
    public Slice<Enrollment> enrollments(long classId, boolean currentOnly, Pageable page) {
        var schoolClass = visibleClass(classId);
        var statuses = currentOnly ? CURRENT : EnumSet.allOf(EnrollmentStatus.class);
        var slice = enrollments.findForClass(classId, statuses, page);
        var waiting = enrollments.findByClassIdAndStatusOrderByWaitingPositionAsc(classId, EnrollmentStatus.WAITING)
                .stream().map(ClassEnrollmentEntity::getId).toList();
        var rows = toRecords(slice.getContent(), Map.of(classId, schoolClass), waiting);
        return new org.springframework.data.domain.SliceImpl<>(rows, page, slice.hasNext());
    }

    /** A student's enrollments, current and past, latest first, in the classes the user may see. */
    @PreAuthorize(SchedulingRoles.READERS)
    public List<Enrollment> ofStudent(long studentId) {
        if (students.reference(studentId).isEmpty()) {
            throw new NotFoundException();
        }
        var scope = access.scope();
        var all = enrollments.findByStudentIdOrderByIdDesc(studentId);
        Map<Long, SchoolClassEntity> byId = classes.findAllById(all.stream().map(ClassEnrollmentEntity::getClassId)
                .collect(Collectors.toSet())).stream()
                .filter(c -> scope.seesClass(c.getCampusId(), c.getTeacherIds()))
                .collect(Collectors.toMap(SchoolClassEntity::getId, Function.identity()));
        var visible = all.stream().filter(e -> byId.containsKey(e.getClassId())).toList();
        return toRecords(visible, byId, List.of());
    }

    /**
     * Enrolls a student from {@code on}: in the class when it has a free place, else on its waiting list (when the
     * class keeps one). Refused when the student is not active, is already in the class or on its list, or has
     * another class at the same time (the refusal names it).
     */
    @PreAuthorize(WRITERS)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Enrollment enroll(long classId, long studentId, LocalDate on) {
        var schoolClass = openClass(classId);
        var student = activeStudent(studentId);
        locks.lock(Set.of(), Set.of(), Set.of(studentId));
        enrollments.findCurrent(classId, studentId, CURRENT).ifPresent(e -> {
            throw new DomainException("studentId", "enrollment.error.already", student.displayName(),
                    schoolClass.getCode());
        });
        ClassEnrollmentEntity enrollment;
        if (waitlist.enrolled(classId) < waitlist.places(schoolClass)) {
            ScheduleRules.refuse(clashes.forStudent(studentId, classId, on, clock.instant()), "studentId");
            enrollment = enrollments.saveAndFlush(ClassEnrollmentEntity.enrolled(classId, studentId, on));
            history.record(enrollment.getId(), studentId, classId, EnrollmentEvents.Kind.ENROLLED, on, null);
            events.publishEvent(new StudentEnrolled(enrollment.getId(), studentId, classId, schoolClass.getCourseId(),
                    schoolClass.getCampusId(), on, false));
        } else if (schoolClass.toDetails().waitingListEnabled()) {
            enrollment = enrollments.saveAndFlush(ClassEnrollmentEntity.waiting(classId, studentId,
                    enrollments.maxWaitingPosition(classId) + 1));
            history.record(enrollment.getId(), studentId, classId, EnrollmentEvents.Kind.WAITING, on, null);
        } else {
            throw new DomainException("studentId", "enrollment.error.full", schoolClass.getCode());
        }
        audit(enrollment, AuditSummary.of(enrollment.getStatus() == EnrollmentStatus.ENROLLED
                ? "audit.enrollment.enrolled" : "audit.enrollment.waiting", student.studentNumber(),
                schoolClass.getCode()));
        return one(enrollment, schoolClass);
    }

    /**
     * Ends an enrollment (or a place on the waiting list) from {@code on}; a freed place goes to the first on the
     * waiting list.
     */
    @PreAuthorize(WRITERS)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Enrollment withdraw(long enrollmentId, long version, LocalDate on, @Size(max = 500) @Nullable String reason) {
        var schoolClass = rules.lockClass(load(enrollmentId).getClassId());
        var enrollment = current(enrollmentId, version);
        lockStudentsOf(enrollment.getStudentId(), List.of(schoolClass.getId()));
        boolean hadPlace = enrollment.getStatus() == EnrollmentStatus.ENROLLED;
        enrollment.withdraw(on, blankToNull(reason));
        enrollments.saveAndFlush(enrollment);
        history.record(enrollmentId, enrollment.getStudentId(), schoolClass.getId(),
                hadPlace ? EnrollmentEvents.Kind.WITHDRAWN : EnrollmentEvents.Kind.LEFT_WAITING_LIST, on, null);
        if (hadPlace) {
            events.publishEvent(new StudentWithdrawn(enrollmentId, enrollment.getStudentId(), schoolClass.getId(),
                    schoolClass.getCourseId(), schoolClass.getCampusId(), on, enrollment.getReason()));
            waitlist.promote(schoolClass, promotionDay(on));
        }
        audit(enrollment, AuditSummary.of("audit.enrollment.withdrawn", enrollmentId, schoolClass.getCode(), on));
        return one(enrollment, schoolClass);
    }

    /**
     * Transfers an enrolled student to another class from {@code on} (转班): the old enrollment ends as transferred,
     * a new one starts, both kept and linked; the freed place goes to the old class's waiting list. Refused when the
     * other class is full or clashes with the student's other classes.
     */
    @PreAuthorize(WRITERS)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Enrollment transfer(long enrollmentId, long version, long toClassId, LocalDate on,
            @Size(max = 500) @Nullable String reason) {
        long fromClassId = load(enrollmentId).getClassId();
        if (fromClassId == toClassId) {
            throw new DomainException("classId", "enrollment.error.same-class");
        }
        SchoolClassEntity from;
        SchoolClassEntity to;
        if (fromClassId < toClassId) {
            from = rules.lockClass(fromClassId);
            to = openClass(toClassId);
        } else {
            to = openClass(toClassId);
            from = rules.lockClass(fromClassId);
        }
        var old = current(enrollmentId, version);
        if (old.getStatus() != EnrollmentStatus.ENROLLED) {
            throw new DomainException(null, "enrollment.error.transfer-not-enrolled");
        }
        long studentId = old.getStudentId();
        var student = activeStudent(studentId);
        lockStudentsOf(studentId, List.of(from.getId()));
        enrollments.findCurrent(toClassId, studentId, CURRENT).ifPresent(e -> {
            throw new DomainException("classId", "enrollment.error.already", student.displayName(), to.getCode());
        });
        if (waitlist.enrolled(toClassId) >= waitlist.places(to)) {
            throw new DomainException("classId", "enrollment.error.full", to.getCode());
        }
        // The old enrollment ends first, so that the old class's sessions do not count as a clash.
        old.transfer(on, blankToNull(reason));
        enrollments.saveAndFlush(old);
        ScheduleRules.refuse(clashes.forStudent(studentId, toClassId, on, clock.instant()), "classId");
        var fresh = ClassEnrollmentEntity.enrolled(toClassId, studentId, on);
        fresh.transferredFrom(old.getId());
        fresh = enrollments.saveAndFlush(fresh);
        old.transferredTo(fresh.getId());
        enrollments.saveAndFlush(old);
        history.record(old.getId(), studentId, from.getId(), EnrollmentEvents.Kind.TRANSFERRED_OUT, on, to.getId());
        history.record(fresh.getId(), studentId, to.getId(), EnrollmentEvents.Kind.TRANSFERRED_IN, on, from.getId());
        events.publishEvent(new StudentTransferred(old.getId(), fresh.getId(), studentId, from.getId(), to.getId(),
                from.getCourseId(), to.getCourseId(), on));
        waitlist.promote(from, promotionDay(on));
        audit(fresh, AuditSummary.of("audit.enrollment.transferred", student.studentNumber(), from.getCode(),
                to.getCode(), on));
        return one(fresh, to);
    }

    private SchoolClassEntity visibleClass(long classId) {
        var schoolClass = classes.findById(classId).orElseThrow(() -> new NotFoundException());
        access.requireClass(schoolClass.getCampusId(), schoolClass.getTeacherIds());
        return schoolClass;
    }

    private SchoolClassEntity openClass(long classId) {
        var schoolClass = rules.lockClass(classId);
        if (!schoolClass.getStatus().schedulable()) {
            throw new DomainException("classId", "enrollment.error.class-closed", schoolClass.getCode());
        }
        return schoolClass;
    }

    private StudentRef activeStudent(long studentId) {
        var student = students.reference(studentId)
                .orElseThrow(() -> new NotFoundException("studentId"));
        if (student.status() != StudentStatus.ACTIVE) {
            throw new DomainException("studentId", "enrollment.error.student-not-active", student.displayName());
        }
        return student;
    }

    /** The student and everyone waiting for these classes (who may be promoted), locked in one ordered call. */
    private void lockStudentsOf(long studentId, Collection<Long> classIds) {
        Set<Long> ids = new HashSet<>(Set.of(studentId));
        classIds.forEach(id -> ids.addAll(rules.studentsOf(id)));
        locks.lock(Set.of(), Set.of(), ids);
    }

    private ClassEnrollmentEntity load(long enrollmentId) {
        return enrollments.findById(enrollmentId).orElseThrow(() -> new NotFoundException());
    }

    /** The enrollment, read again under the class lock, if it is still current and unchanged since {@code version}. */
    private ClassEnrollmentEntity current(long enrollmentId, long version) {
        var enrollment = load(enrollmentId);
        enrollment.checkVersion(version);
        if (!enrollment.getStatus().current()) {
            throw new DomainException(null, "enrollment.error.not-current");
        }
        return enrollment;
    }

    private LocalDate promotionDay(LocalDate on) {
        var today = LocalDate.now(clock.withZone(rules.zone()));
        return on.isAfter(today) ? on : today;
    }

    private Enrollment one(ClassEnrollmentEntity enrollment, SchoolClassEntity schoolClass) {
        var waiting = enrollment.getStatus() == EnrollmentStatus.WAITING
                ? enrollments.findByClassIdAndStatusOrderByWaitingPositionAsc(schoolClass.getId(),
                        EnrollmentStatus.WAITING).stream().map(ClassEnrollmentEntity::getId).toList()
                : List.<Long>of();
        return toRecords(List.of(enrollment), Map.of(schoolClass.getId(), schoolClass), waiting).getFirst();
    }

    /** Records with class and student names; {@code waitingOrder} lists the class's waiting ids in order. */
    private List<Enrollment> toRecords(List<ClassEnrollmentEntity> rows, Map<Long, SchoolClassEntity> classesById,
            List<Long> waitingOrder) {
        Map<Long, StudentRef> refs = students.references(rows.stream().map(ClassEnrollmentEntity::getStudentId)
                .collect(Collectors.toSet()));
        Set<Long> linked = new HashSet<>();
        rows.forEach(e -> {
            if (e.getTransferredTo() != null) {
                linked.add(e.getTransferredTo());
            }
            if (e.getTransferredFrom() != null) {
                linked.add(e.getTransferredFrom());
            }
        });
        Map<Long, Long> linkedClass = enrollments.findAllById(linked).stream()
                .collect(Collectors.toMap(ClassEnrollmentEntity::getId, ClassEnrollmentEntity::getClassId));
        Map<Long, String> codes = new java.util.HashMap<>();
        classes.findAllById(new HashSet<>(linkedClass.values())).forEach(c -> codes.put(c.getId(), c.getCode()));
        List<Enrollment> result = new ArrayList<>();
        for (var e : rows) {
            var c = classesById.get(e.getClassId());
            var ref = refs.get(e.getStudentId());
            Long other = e.getTransferredTo() != null ? e.getTransferredTo() : e.getTransferredFrom();
            int rank = waitingOrder.indexOf(e.getId());
            result.add(new Enrollment(e.getId(), e.getClassId(), c.getCode(), c.toDetails().name(), e.getStudentId(),
                    ref == null ? "" : ref.studentNumber(), ref == null ? "" : ref.displayName(), e.getStatus(),
                    e.getEnrolledOn(), rank < 0 ? null : rank + 1,
                    e.getStatus() == EnrollmentStatus.WAITING ? LocalDate.ofInstant(e.getCreatedAt(), rules.zone())
                            : null,
                    e.getWithdrawnOn(),
                    other == null ? null : codes.get(linkedClass.get(other)), e.getReason(), e.getVersion()));
        }
        return result;
    }

    private void audit(ClassEnrollmentEntity enrollment, AuditSummary summary) {
        events.publishEvent(AuditEvent.of(AuditAction.UPDATE, "Enrollment", enrollment.getId(), summary));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
