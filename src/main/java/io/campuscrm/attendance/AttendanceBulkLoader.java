package io.campuscrm.attendance;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.campuscrm.attendance.internal.AttendanceBulkWriter;
import io.campuscrm.attendance.internal.Ledger;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;

/**
 * Attendance history in bulk, with multi-row inserts: sheets, marks and their first history rows, the lesson packages
 * students got and the consumption ledger, by the same rules as {@link AttendanceService#save} and
 * {@link LessonPackageService} (each course's consumption policy; a lesson taken from the valid package that expires
 * first; owed when nothing is left, and paid by the next package), the sessions marked held; then what expired
 * before today forfeited by the ledger itself. For demo data at benchmark scale (millions of marks), where a save per
 * roster would take hours; no {@link AttendanceTaken} events and one audit line per load. Only for a database nobody
 * else writes to meanwhile (ids are given in the load). Administrators only.
 */
@Service
@Transactional(readOnly = true)
public class AttendanceBulkLoader {

    /** Packages expired per statement. */
    private static final int EXPIRE_BATCH = 2000;

    private final AttendanceBulkWriter writer;
    private final Ledger ledger;
    private final InstitutionService institution;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AttendanceBulkLoader(AttendanceBulkWriter writer, Ledger ledger, InstitutionService institution,
            ApplicationEventPublisher events, Clock clock) {
        this.writer = writer;
        this.ledger = ledger;
        this.institution = institution;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What a load wrote: {@code owed} lessons were owed when taken, {@code settled} of them paid by a later package;
     * {@code expired} packages were closed.
     */
    public record Loaded(long sessions, long marks, long packages, long ledgerRows, long owed, long settled,
            int expired) {
    }

    /**
     * Loads the rosters, which come in time order (a student's lessons of a course are booked in the order given),
     * each session not taken before; {@code planner} gives the packages. The students' packages and ledger rows of
     * earlier loads or services are not looked at: a load is for students without packages yet in its courses.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Loaded load(Iterable<BulkRoster> rosters, PackagePlanner planner) {
        var written = writer.write(rosters, planner);
        int expired = expire();
        var loaded = new Loaded(written.sessions(), written.marks(), written.packages(), written.ledgerRows(),
                written.owed(), written.settled(), expired);
        events.publishEvent(AuditEvent.of(AuditAction.CREATE, "AttendanceImport", null, AuditSummary.of(
                "audit.attendance.bulk-loaded", loaded.sessions(), loaded.marks(), loaded.packages())));
        return loaded;
    }

    /**
     * Forfeits what is left of the packages that expired before today, as the nightly expiry does: for data loaded
     * after the fact (the demo's packages that ran out in the past); answers how many packages it closed.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public int expireLapsed() {
        return expire();
    }

    private int expire() {
        var today = LocalDate.now(clock.withZone(institution.settings().timeZone()));
        int total = 0;
        int done;
        do {
            done = ledger.expire(today, EXPIRE_BATCH);
            total += done;
        } while (done == EXPIRE_BATCH);
        return total;
    }
}
