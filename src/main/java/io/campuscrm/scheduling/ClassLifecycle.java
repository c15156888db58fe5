package io.campuscrm.scheduling;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.campuscrm.scheduling.internal.ClassChecks;
import io.campuscrm.scheduling.internal.ClassSessions;
import io.campuscrm.scheduling.internal.ScheduleLocks;
import io.campuscrm.scheduling.internal.ScheduleRules;
import io.campuscrm.scheduling.internal.SchoolClassEntity;
import io.campuscrm.scheduling.internal.SchoolClassRepository;
import io.campuscrm.scheduling.internal.Waitlist;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.domain.DomainException;

import jakarta.validation.Valid;

/**
 * A class from creation to its end: create it and change it (its course, term, room, teachers, capacity, rule and
 * status: planned, open, running, finished or cancelled). Saving generates (or regenerates) its sessions and checks
 * them for clashes in the same transaction, so a refused change leaves nothing behind; a cancelled class's future
 * sessions are cancelled. Single sessions are changed through {@link SessionService}. Administrators change classes.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class ClassLifecycle {

    private final SchoolClassRepository classes;
    private final ClassChecks checks;
    private final ScheduleRules rules;
    private final ScheduleLocks locks;
    private final ClassSessions sessions;
    private final Waitlist waitlist;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClassLifecycle(SchoolClassRepository classes, ClassChecks checks, ScheduleRules rules, ScheduleLocks locks,
            ClassSessions sessions, Waitlist waitlist, ApplicationEventPublisher events, Clock clock) {
        this.classes = classes;
        this.checks = checks;
        this.rules = rules;
        this.locks = locks;
        this.sessions = sessions;
        this.waitlist = waitlist;
        this.events = events;
        this.clock = clock;
    }

    /** Creates a class and generates all its sessions; refused, with nothing saved, when any of them clashes. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public ClassDetails create(@Valid ClassDraft draft) {
        var term = checks.validate(draft, null);
        // Locks before the insert: its foreign key takes a shared lock on the room, which two transactions could
        // otherwise both hold and then both fail to upgrade.
        locks.lock(Set.of(draft.roomId()), draft.teacherIds());
        var entity = classes.saveAndFlush(new SchoolClassEntity(draft));
        long id = entity.getId();
        sessions.generate(id, draft, term.toTerm().closures());
        events.publishEvent(AuditEvent.created("Class", id, AuditSummary.of("audit.class.created", entity.getCode()),
                draft));
        return entity.toDetails();
    }

    /**
     * Changes a class. Its future sessions follow: regenerated from the rule (held and past sessions untouched,
     * moved and added ones kept), given the class's teachers when they changed, cancelled when the class is.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public ClassDetails update(long id, long version, @Valid ClassDraft draft) {
        var entity = rules.lockClass(id);
        entity.checkVersion(version);
        var before = entity.toDraft();
        var term = checks.validate(draft, entity);
        if (before.campusId() != draft.campusId() && sessions.exist(id)) {
            throw new DomainException("campusId", "class.error.campus-fixed");
        }
        Set<Long> allTeachers = new HashSet<>(before.teacherIds());
        allTeachers.addAll(draft.teacherIds());
        locks.lock(List.of(before.roomId(), draft.roomId()), allTeachers, rules.studentsOf(id));
        checks.requirePlacesFor(waitlist.enrolled(id), draft);
        entity.apply(draft);
        classes.saveAndFlush(entity);
        sessions.follow(id, before, draft, term.toTerm().closures());
        if (draft.status().schedulable()) {
            waitlist.promote(entity, LocalDate.now(clock.withZone(rules.zone())));
        }
        events.publishEvent(AuditEvent.updated("Class", id, AuditSummary.of("audit.class.changed", entity.getCode()),
                before, draft));
        return entity.toDetails();
    }
}
