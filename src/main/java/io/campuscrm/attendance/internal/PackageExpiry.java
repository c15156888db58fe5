package io.campuscrm.attendance.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.campuscrm.attendance.PackageUnit;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.institution.Settings;
import io.campuscrm.notifications.MailKind;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.shared.security.CurrentUser;

/**
 * The nightly work on packages (job {@code attendance.expire-packages}): packages whose expiry has passed forfeit
 * what is left (the ledger's EXPIRED rows) and are set EXPIRED, each with its package event; then each package with
 * lessons left that expires within the warning days is warned about once: an e-mail to each of the family's
 * guardians with an address, a WARNED event, its flag set. Both go in batches of their own transaction, so a night
 * with thousands of packages holds no lock for long, and a failed run keeps what its committed batches did; what is
 * done is never done again (an expired package no longer matches, a warned one is flagged), so a second run the same
 * night does nothing.
 */
@Component
public class PackageExpiry {

    static final int BATCH = 200;

    private final Ledger ledger;
    private final ExpiryStore store;
    private final PackageStore packages;
    private final GuardianMail mail;
    private final CourseService courses;
    private final Settings settings;
    private final InstitutionService institution;
    private final CurrentUser currentUser;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PackageExpiry(Ledger ledger, ExpiryStore store, PackageStore packages, GuardianMail mail, CourseService courses,
            Settings settings, InstitutionService institution, CurrentUser currentUser,
            PlatformTransactionManager transactions, Clock clock) {
        this.ledger = ledger;
        this.store = store;
        this.packages = packages;
        this.mail = mail;
        this.courses = courses;
        this.settings = settings;
        this.institution = institution;
        this.currentUser = currentUser;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What a run did: packages expired, packages warned about, e-mails written. */
    public record Result(int expired, int warned, int emails) {
    }

    public Result run() {
        var today = LocalDate.now(clock.withZone(institution.settings().timeZone()));
        int expired = 0;
        int batch;
        do {
            batch = Objects.requireNonNull(transaction.execute(status -> expireBatch(today)));
            expired += batch;
        } while (batch == BATCH);
        var until = today.plusDays(settings.get(AttendanceSettings.EXPIRY_WARNING_DAYS));
        int warned = 0;
        int emails = 0;
        Warned done;
        do {
            done = Objects.requireNonNull(transaction.execute(status -> warnBatch(today, until)));
            warned += done.packages();
            emails += done.emails();
        } while (done.packages() == BATCH);
        return new Result(expired, warned, emails);
    }

    private int expireBatch(LocalDate today) {
        var due = store.dueForExpiry(today, BATCH);
        if (due.isEmpty()) {
            return 0;
        }
        int expired = ledger.expire(today, BATCH);
        if (expired != due.size()) {
            // the two selections disagree: write nothing rather than events for the wrong packages
            throw new IllegalStateException("Expected to expire " + due.size() + " packages, the ledger took "
                    + expired);
        }
        store.expired(due, clock.instant(), currentUser.username());
        return expired;
    }

    /** What one batch of warnings did. */
    private record Warned(int packages, int emails) {
    }

    private Warned warnBatch(LocalDate today, LocalDate until) {
        var due = packages.expiringUnwarned(today, until, BATCH);
        if (due.isEmpty()) {
            return new Warned(0, 0);
        }
        var recipients = mail.recipients(due.stream().map(PackageStore.PackageRow::studentId).distinct().toList());
        var names = courses.all(due.stream().map(PackageStore.PackageRow::courseId).distinct().toList());
        int emails = 0;
        for (var row : due) {
            var course = names.get(row.courseId());
            for (var to : recipients.getOrDefault(row.studentId(), List.of())) {
                var left = PackageValue.plain(row.quantity().subtract(row.consumed()));
                mail.send(MailKind.PACKAGE_EXPIRING, to, List.of(to.studentName(),
                        course == null ? "#" + row.courseId() : course.name(),
                        mail.text(to, row.unit() == PackageUnit.HOURS ? "attendance.alerts.hours-left"
                                : "attendance.alerts.lessons-left", left),
                        GuardianMail.date(to, row.expiresOn())));
                emails++;
            }
        }
        var ids = due.stream().map(PackageStore.PackageRow::id).toList();
        store.warned(ids, today, clock.instant(), currentUser.username());
        packages.markWarned(ids);
        return new Warned(due.size(), emails);
    }
}
