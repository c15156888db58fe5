package io.campuscrm.admissions.internal;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.institution.Settings;
import io.campuscrm.notifications.MailKind;
import io.campuscrm.notifications.MailMessage;
import io.campuscrm.notifications.OutboxService;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.security.SystemAuthentication;

/**
 * The return of quiet leads to the pool (job {@code admissions.pool-return}, decision 0076). For each campus whose
 * setting returns them (D days, not 0): first the owners of leads that will return within W days are warned, once per
 * lead, by an e-mail each listing theirs (the dashboard shows them too); then every owned open lead quiet for D days
 * goes back to the pool, on its history. Both work in batches of {@value #BATCH}, each its own transaction of a
 * fixed number of statements (a locking select, an insert of the history, an update), never one per lead. The
 * platform runs the job on one node at a time.
 */
@Component
public class PoolReturn {

    static final int BATCH = 1000;
    /** How many leads a warning lists; its count says how many more there are. */
    static final int LISTED = 20;

    private final PoolStore pool;
    private final Settings settings;
    private final InstitutionService institution;
    private final UserService users;
    private final OutboxService outbox;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PoolReturn(PoolStore pool, Settings settings, InstitutionService institution, UserService users,
            OutboxService outbox, MessageSource messages, PlatformTransactionManager transactions, Clock clock) {
        this.pool = pool;
        this.settings = settings;
        this.institution = institution;
        this.users = users;
        this.outbox = outbox;
        this.messages = messages;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What a run did: leads returned to the pools, owners warned (messages written), leads they named. */
    public record Result(int returned, int warnedOwners, int warnedLeads) {
    }

    public Result run() {
        var now = clock.instant();
        int returned = 0;
        int owners = 0;
        int warnedLeads = 0;
        for (Campus campus : institution.campuses()) {
            int days = settings.get(PoolSettings.RETURN_DAYS, campus.id());
            if (days == 0) {
                continue;
            }
            var back = now.minus(Duration.ofDays(days));
            // a warning at least a day after the lead was taken: never on the day it is claimed
            int warning = Math.min(settings.get(PoolSettings.WARNING_DAYS, campus.id()), days - 1);
            if (warning > 0) {
                var warnFrom = now.minus(Duration.ofDays(days - warning));
                List<PoolStore.Quiet> batch;
                do {
                    batch = transaction.execute(s -> warn(campus, warnFrom, back, now, days));
                    warnedLeads += batch.size();
                    owners += (int) batch.stream().map(PoolStore.Quiet::ownerId).distinct().count();
                } while (batch.size() == BATCH);
            }
            List<PoolStore.Quiet> batch;
            do {
                batch = transaction.execute(s -> pool.returnBatch(campus.id(), back, days, now, BATCH,
                        SystemAuthentication.SYSTEM));
                returned += batch.size();
            } while (batch.size() == BATCH);
        }
        return new Result(returned, owners, warnedLeads);
    }

    /** A batch of warnings: the leads marked warned, and one message per owner with an address, in one transaction. */
    private List<PoolStore.Quiet> warn(Campus campus, Instant warnFrom, Instant back, Instant now, int days) {
        var batch = pool.warnBatch(campus.id(), warnFrom, back, now, BATCH);
        Map<Long, List<PoolStore.Quiet>> byOwner = new LinkedHashMap<>();
        batch.forEach(q -> byOwner.computeIfAbsent(q.ownerId(), k -> new ArrayList<>()).add(q));
        var school = institution.settings();
        for (var owner : byOwner.entrySet()) {
            var account = users.get(owner.getKey());
            if (!account.enabled() || !StringUtils.hasText(account.email())) {
                continue;
            }
            var language = account.language() != null ? account.language()
                    : Language.of(school.locale()).orElse(Language.ENGLISH);
            var locale = language.locale(school.locale());
            var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                    .withZone(school.timeZone());
            var theirs = owner.getValue();
            List<String> lines = new ArrayList<>();
            for (var q : theirs.subList(0, Math.min(LISTED, theirs.size()))) {
                lines.add(messages.getMessage("email.pool-warning.line", new Object[] {q.childName(),
                    dates.format(q.quietSince().plus(Duration.ofDays(days)))}, locale));
            }
            if (theirs.size() > LISTED) {
                lines.add(messages.getMessage("email.lead-digest.more", new Object[] {
                    NumberFormat.getIntegerInstance(locale).format(theirs.size() - LISTED)}, locale));
            }
            outbox.enqueue(new MailMessage(MailKind.POOL_WARNING, account.email(), account.displayName(), language,
                    List.of(NumberFormat.getIntegerInstance(locale).format(theirs.size()), campus.name(),
                            String.valueOf(days), String.join("\n", lines))));
        }
        return batch;
    }
}
