package io.campuscrm.scheduling;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.campuscrm.scheduling.internal.ScheduleBulkWriter;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;

/**
 * Schedules in bulk, with JDBC batches: classes with their generated sessions, teachers and enrolled students (the
 * demo data's past terms at benchmark scale: thousands of classes, hundreds of thousands of sessions), the sessions
 * a bulk load of attendance takes, and marking them held. Without the clash checks and locks of
 * {@link ClassLifecycle} and {@link EnrollmentService}: the caller guarantees that no room, teacher or student is
 * booked twice (the demo data places classes in a grid). One audit line per load, not one per class. Only for a
 * database nobody else writes to meanwhile (ids are given in the load). Administrators only.
 */
@Service
@Transactional(readOnly = true)
public class SchedulingBulkLoader {

    private final ScheduleBulkWriter writer;
    private final ApplicationEventPublisher events;

    SchedulingBulkLoader(ScheduleBulkWriter writer, ApplicationEventPublisher events) {
        this.writer = writer;
        this.events = events;
    }

    /** @return the new classes' ids, in the order given */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public List<Long> loadClasses(List<BulkClass> classes) {
        var loaded = writer.write(classes);
        events.publishEvent(AuditEvent.of(AuditAction.CREATE, "ClassImport", null, AuditSummary.of(
                "audit.scheduling.bulk-loaded", loaded.classIds().size(), loaded.sessions(), loaded.enrollments())));
        return loaded.classIds();
    }

    /**
     * The classes' scheduled sessions dated before {@code before} that are not held yet, in time order, each with the
     * students enrolled on its date (as its roster lists them: not those waiting, not those gone by then).
     */
    @PreAuthorize("hasRole('ADMIN')")
    public List<BulkSession> unheldSessionsBefore(Collection<Long> classIds, LocalDate before) {
        return writer.unheldSessionsBefore(classIds, before);
    }

    /** Marks the sessions held (their attendance was taken in bulk); one audit line for all. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public int markHeld(Collection<Long> sessionIds) {
        int held = writer.markHeld(sessionIds);
        if (held > 0) {
            events.publishEvent(AuditEvent.of(AuditAction.UPDATE, "ClassSession", null, AuditSummary.of(
                    "audit.scheduling.bulk-held", held)));
        }
        return held;
    }
}
