package io.campuscrm.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.campuscrm.scheduling.internal.ScheduleLocks;
import io.campuscrm.scheduling.internal.TeacherEntity;
import io.campuscrm.scheduling.internal.TeacherRepository;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.security.CampusPrincipal;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.security.UserService;
import jakarta.validation.Valid;

/**
 * Teachers' weekly availability. Administrators edit anyone's; a teacher reads and edits their own. Scheduling a
 * teacher outside it is allowed and shown as a warning (see {@link ClassSchedule#availabilityWarnings(long)}).
 */
@Service
@Validated
@Transactional(readOnly = true)
public class TeacherAvailabilityService {

    private final TeacherRepository teachers;
    private final ScheduleLocks locks;
    private final UserService users;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    TeacherAvailabilityService(TeacherRepository teachers, ScheduleLocks locks, UserService users,
            CurrentUser currentUser, ApplicationEventPublisher events) {
        this.teachers = teachers;
        this.locks = locks;
        this.users = users;
        this.currentUser = currentUser;
        this.events = events;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'TEACHER')")
    public TeacherAvailability availability(long userId) {
        requireSelfOrAdmin(userId);
        return teachers.findById(userId).map(TeacherEntity::toAvailability)
                .orElseGet(() -> new TeacherAvailability(userId, List.of(), 0));
    }

    /**
     * Replaces a teacher's availability.
     *
     * @param version the version the user saw (0 when the teacher had none yet)
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'TEACHER')")
    @Transactional
    public TeacherAvailability replace(long userId, long version, List<@Valid AvailabilitySlot> slots) {
        requireSelfOrAdmin(userId);
        validate(slots);
        if (currentUser.hasRole(Role.ADMIN)) {
            var user = users.get(userId);
            if (!user.roles().contains(Role.TEACHER)) {
                throw new DomainException(null, "scheduling.error.not-a-teacher", user.displayName());
            }
        }
        // Creates the teacher's row (version 0) when it is missing, which is what availability() shows then.
        locks.lock(Set.of(), Set.of(userId));
        var entity = teachers.findById(userId).orElseThrow();
        entity.checkVersion(version);
        var before = new Snapshot(entity.slots());
        entity.replaceAvailability(slots);
        var saved = teachers.saveAndFlush(entity).toAvailability();
        events.publishEvent(AuditEvent.updated("TeacherAvailability", userId,
                AuditSummary.of("audit.teacher-availability.changed", userId), before, new Snapshot(saved.slots())));
        return saved;
    }

    private record Snapshot(List<AvailabilitySlot> slots) {
    }

    private void validate(List<AvailabilitySlot> slots) {
        List<AvailabilitySlot> sorted = new ArrayList<>(slots);
        sorted.sort(java.util.Comparator.comparing(AvailabilitySlot::weekday)
                .thenComparing(AvailabilitySlot::start));
        AvailabilitySlot previous = null;
        for (AvailabilitySlot slot : sorted) {
            if (!slot.end().isAfter(slot.start())) {
                throw new DomainException("slots", "teacher.error.slot-times");
            }
            if (previous != null && previous.weekday() == slot.weekday() && slot.start().isBefore(previous.end())) {
                throw new DomainException("slots", "teacher.error.slot-overlap");
            }
            previous = slot;
        }
    }

    private void requireSelfOrAdmin(long userId) {
        if (currentUser.hasRole(Role.ADMIN)) {
            return;
        }
        boolean self = currentUser.principal().map(CampusPrincipal::userId).filter(id -> id == userId).isPresent();
        if (!self) {
            throw new AccessDeniedException("Only administrators change other teachers' availability");
        }
    }
}
