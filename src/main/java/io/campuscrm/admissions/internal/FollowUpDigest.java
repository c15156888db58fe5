package io.campuscrm.admissions.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.campuscrm.admissions.NextAction;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.institution.InstitutionSettings;
import io.campuscrm.notifications.MailKind;
import io.campuscrm.notifications.MailMessage;
import io.campuscrm.notifications.OutboxService;
import io.campuscrm.security.UserAccount;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.security.Role;

/**
 * The daily e-mail of due follow-ups (job {@code admissions.follow-up-digest}): each enabled user who asked for it
 * ({@link UserService#followUpDigestRecipients}), has an address and owns leads (admissions, administrators) and has
 * open leads of their campuses due today or overdue gets one message in their language, listing the first
 * {@value #LISTED} by date with what to do and the total. The users are one query, all their due leads another,
 * whatever their number. Each message is written in a transaction of its own with the mark that it was sent that
 * day ({@code lead_digest_sent}), so a second run the same day, or two at once, sends nothing more, and a failure
 * for one user keeps the others'.
 */
@Component
public class FollowUpDigest {

    /** How many leads a message lists; the total says how many more there are. */
    static final int LISTED = 20;
    private static final Set<Role> OWNERS = Set.of(Role.ADMISSIONS, Role.ADMIN);

    private final LeadDashboardStore store;
    private final UserService users;
    private final OutboxService outbox;
    private final InstitutionService institution;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final Clock clock;

    FollowUpDigest(LeadDashboardStore store, UserService users, OutboxService outbox, InstitutionService institution,
            MessageSource messages, PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.users = users;
        this.outbox = outbox;
        this.institution = institution;
        this.messages = messages;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What a run did: how many users had follow-ups due, how many messages it wrote (none for a digest sent). */
    public record Result(int withDue, int sent) {
    }

    public Result run() {
        var school = institution.settings();
        var today = LocalDate.now(clock.withZone(school.timeZone()));
        var recipients = users.followUpDigestRecipients(OWNERS);
        Map<Long, List<LeadDashboardStore.DueRow>> due = new LinkedHashMap<>();
        for (var row : store.dueOf(recipients.stream().map(UserAccount::id).toList(), today)) {
            due.computeIfAbsent(row.ownerId(), k -> new ArrayList<>()).add(row);
        }
        int withDue = 0;
        int sent = 0;
        for (var user : recipients) {
            // a lead of a campus the user no longer works at is not theirs to see, as on the dashboard
            var theirs = due.getOrDefault(user.id(), List.of()).stream()
                    .filter(row -> user.campusIds().isEmpty() || user.campusIds().contains(row.campusId())).toList();
            if (theirs.isEmpty()) {
                continue;
            }
            withDue++;
            if (Boolean.TRUE.equals(transaction.execute(status -> send(user, theirs, today, school)))) {
                sent++;
            }
        }
        return new Result(withDue, sent);
    }

    /** Writes the user's message unless today's was written already; true when it wrote it. */
    private boolean send(UserAccount user, List<LeadDashboardStore.DueRow> due, LocalDate today,
            InstitutionSettings school) {
        if (!store.markDigestSent(user.id(), today, clock.instant())) {
            return false;
        }
        var language = user.language() != null ? user.language()
                : Language.of(school.locale()).orElse(Language.ENGLISH);
        var locale = language.locale(school.locale());
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        List<String> lines = new ArrayList<>();
        for (var row : due.subList(0, Math.min(LISTED, due.size()))) {
            String action = messages.getMessage((row.nextAction() == null ? NextAction.OTHER : row.nextAction())
                    .messageKey(), null, locale);
            lines.add(messages.getMessage(row.on().isBefore(today) ? "email.lead-digest.line-overdue"
                    : "email.lead-digest.line", new Object[] {row.childName(), action, dates.format(row.on())},
                    locale));
        }
        if (due.size() > LISTED) {
            lines.add(messages.getMessage("email.lead-digest.more", new Object[] {
                    java.text.NumberFormat.getIntegerInstance(locale).format(due.size() - LISTED)}, locale));
        }
        outbox.enqueue(new MailMessage(MailKind.LEAD_DIGEST, user.email(), user.displayName(), language, List.of(
                dates.format(today), java.text.NumberFormat.getIntegerInstance(locale).format(due.size()),
                String.join("\n", lines))));
        return true;
    }
}
