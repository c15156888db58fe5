package io.campuscrm.admissions;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.campuscrm.admissions.internal.LeadBulkWriter;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.security.CurrentUser;

/**
 * Loads many leads with their past at once (the demo's six months of inquiries, 100,000 at benchmark scale) in
 * multi-row statements: the same rows as leads entered and worked one by one — history, follow-ups, first contact —
 * without the duplicate checks or a line per lead in the audit log (one line for the load). Administrators only.
 */
@Service
@Transactional(readOnly = true)
public class LeadBulkLoader {

    private final LeadBulkWriter writer;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;

    LeadBulkLoader(LeadBulkWriter writer, CurrentUser currentUser, ApplicationEventPublisher events,
            java.time.Clock clock) {
        this.clock = clock;
        this.writer = writer;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** @return the new leads' ids, in input order */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public List<Long> load(List<BulkLead> leads) {
        var ids = writer.write(leads, currentUser.username());
        events.publishEvent(AuditEvent.of(AuditAction.CREATE, "LeadImport", null,
                AuditSummary.of("audit.leads.bulk-loaded", ids.size())));
        return ids;
    }

    /**
     * Spreads the last follow-ups of owned open leads over the last {@code hours}, as a school's are (the demo's and
     * the benchmark's six months of leads are loaded with their follow-ups, not with their owners' attention since).
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public int spreadQuiet(int hours) {
        return writer.spreadQuiet(hours, clock.instant());
    }
}
