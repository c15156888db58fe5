package io.campuscrm.admissions.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.campuscrm.admissions.Lead;
import io.campuscrm.admissions.LeadStage;
import io.campuscrm.admissions.TrialBooking;
import io.campuscrm.admissions.TrialStatus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.notifications.MailKind;
import io.campuscrm.notifications.MailMessage;
import io.campuscrm.notifications.OutboxService;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.i18n.Language;

/**
 * What a trial's change does to its lead (decision 0077): the line on its history, the stage its trials now call for,
 * and the e-mail to its owner when scheduling moved or cancelled the session. The stage follows the trials only
 * while the lead is in the part of the pipeline that trials drive (New to Trial attended): a booking brings it up to
 * Trial booked, an attended trial to Trial attended; a cancellation, a no-show or a mark corrected away from
 * attended takes it back as far as its other trials allow (Trial booked, else Contacted). Lost and enrolled leads
 * keep their stage.
 */
@Component
public class TrialLeads {

    private static final Set<LeadStage> DRIVEN = EnumSet.of(LeadStage.NEW, LeadStage.CONTACTED,
            LeadStage.TRIAL_BOOKED, LeadStage.TRIAL_ATTENDED);

    private final LeadStore leads;
    private final TrialStore trials;
    private final UserService users;
    private final OutboxService outbox;
    private final InstitutionService institution;

    TrialLeads(LeadStore leads, TrialStore trials, UserService users, OutboxService outbox,
            InstitutionService institution) {
        this.leads = leads;
        this.trials = trials;
        this.users = users;
        this.outbox = outbox;
        this.institution = institution;
    }

    /**
     * A line on the lead's history about a trial: {@code kind} TRIAL_BOOKED, TRIAL_ATTENDED, TRIAL_NO_SHOW,
     * TRIAL_MOVED (before: the old start), TRIAL_CANCELLED (before: STAFF or SESSION); after: the trial's start
     * (local, ISO); detail: the class's code.
     */
    public void history(TrialBooking trial, String kind, @org.jspecify.annotations.Nullable String before,
            Instant now, String user) {
        leads.event(trial.leadId(), kind, before, trial.startsLocal().toString(), trial.classCode(), now, user);
    }

    /**
     * Moves the lead to the stage its trials call for. {@code mayStepBack}: the change took a booked or attended
     * trial away, so the lead may go back.
     */
    public void settle(long leadId, boolean mayStepBack, Instant now, String user) {
        var lead = leads.lockAll(List.of(leadId)).get(leadId);
        if (lead == null || lead.mergedIntoId() != null || !DRIVEN.contains(lead.stage())) {
            return;
        }
        var zone = institution.settings().timeZone();
        var theirs = trials.ofLead(leadId, zone);
        boolean attended = theirs.stream().anyMatch(t -> t.status() == TrialStatus.ATTENDED);
        boolean booked = theirs.stream().anyMatch(t -> t.status() == TrialStatus.BOOKED);
        var target = attended ? LeadStage.TRIAL_ATTENDED : booked ? LeadStage.TRIAL_BOOKED : LeadStage.CONTACTED;
        var stage = lead.stage();
        boolean up = target.ordinal() > stage.ordinal() && target != LeadStage.CONTACTED;
        boolean back = target.ordinal() < stage.ordinal() && mayStepBack;
        if ((up || back) && leads.setStage(leadId, lead.version(), target, null, now, user)) {
            leads.event(leadId, "STAGE", stage.name(), target.name(), null, now, user);
        }
    }

    /**
     * E-mails the lead's owner (if it has one) that the session of its trial was moved ({@code to} not null) or
     * cancelled, in the owner's language.
     */
    public void tellOwner(Lead lead, TrialBooking trial, LocalDateTime was,
            @org.jspecify.annotations.Nullable LocalDateTime to) {
        if (lead.ownerId() == null) {
            return;
        }
        var owner = users.get(lead.ownerId());
        if (!owner.enabled() || owner.email() == null || owner.email().isBlank()) {
            return;
        }
        var school = institution.settings();
        var language = owner.language() != null ? owner.language()
                : Language.of(school.locale()).orElse(Language.ENGLISH);
        var locale = language.locale(school.locale());
        var times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
        List<String> args = new ArrayList<>(List.of(lead.childName(), trial.classCode() + " — " + trial.className(),
                times.format(was)));
        if (to != null) {
            args.add(times.format(to));
        }
        outbox.enqueue(new MailMessage(to == null ? MailKind.TRIAL_CANCELLED : MailKind.TRIAL_MOVED, owner.email(),
                owner.displayName(), language, args));
    }
}
