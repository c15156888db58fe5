package io.campuscrm.admissions.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.campuscrm.admissions.TrialBooking;
import io.campuscrm.admissions.TrialStatus;
import io.campuscrm.attendance.AttendanceStatus;
import io.campuscrm.attendance.AttendanceTaken;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.ClassSessionsRegenerated;
import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.scheduling.SessionCancelled;
import io.campuscrm.scheduling.SessionMoved;
import io.campuscrm.scheduling.TimetableScope;
import io.campuscrm.scheduling.TimetableService;
import io.campuscrm.shared.security.SystemAuthentication;

/**
 * What other modules' events do to trial lessons (decision 0077), each after the change committed, as the system,
 * and retried from the event registry if it fails. A session moved: its booked trials take the new times, and each
 * lead's owner is told (a line on the lead's history, an e-mail). A session cancelled, or gone when its class's
 * schedule was regenerated: its booked trials are cancelled and the owners told. A trial guest's mark on the roster:
 * present, late or left early is attended; absent or excused is a no-show; the lead's stage follows
 * ({@link TrialLeads#settle}). Each handler reads what it changes again and changes only what differs, so a retried
 * event does nothing twice.
 */
@Component
class TrialSessionEvents {

    private final TrialStore trials;
    private final LeadStore leads;
    private final TrialLeads leadChanges;
    private final TimetableService timetable;
    private final InstitutionService institution;
    private final Clock clock;

    TrialSessionEvents(TrialStore trials, LeadStore leads, TrialLeads leadChanges, TimetableService timetable,
            InstitutionService institution, Clock clock) {
        this.trials = trials;
        this.leads = leads;
        this.leadChanges = leadChanges;
        this.timetable = timetable;
        this.institution = institution;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(SessionMoved event) {
        var zone = institution.settings().timeZone();
        var endAt = event.toEndsLocal().atZone(zone).toInstant();
        for (var trial : trials.bookedIn(event.sessionId(), zone)) {
            moved(trial, event.toStartsLocal(), event.toStartAt(), endAt);
        }
    }

    @ApplicationModuleListener
    void on(SessionCancelled event) {
        for (var trial : trials.bookedIn(event.sessionId(), institution.settings().timeZone())) {
            cancelled(trial);
        }
    }

    /** The class's sessions from {@code from} were made again: trials follow their session, or lose it. */
    @ApplicationModuleListener
    void on(ClassSessionsRegenerated event) {
        var zone = institution.settings().timeZone();
        var booked = trials.bookedInClass(event.classId(), event.from(), zone);
        if (booked.isEmpty()) {
            return;
        }
        var first = booked.stream().map(TrialBooking::startsLocal).min(Comparator.naturalOrder()).orElseThrow();
        var last = booked.stream().map(TrialBooking::startsLocal).max(Comparator.naturalOrder()).orElseThrow();
        // a moved session may have gone a week either way
        var from = first.toLocalDate().minusDays(14);
        var to = last.toLocalDate().plusDays(15);
        if (Duration.between(from.atStartOfDay(), to.atStartOfDay()).toDays() > TimetableService.MAX_DAYS) {
            to = from.plusDays(TimetableService.MAX_DAYS);
        }
        var localTo = to;
        Map<Long, ScheduledSession> now = SystemAuthentication.call(() -> timetable.sessionsBetween(
                TimetableScope.schoolClass(event.classId()), from, localTo)).stream()
                .collect(Collectors.toMap(ScheduledSession::sessionId, Function.identity()));
        for (var trial : booked) {
            var session = now.get(trial.sessionId());
            if (session == null || session.cancelled()) {
                cancelled(trial);
            } else if (!session.startAt().equals(trial.startAt())) {
                moved(trial, session.startsLocal(), session.startAt(), session.endAt());
            }
        }
    }

    @ApplicationModuleListener
    void on(AttendanceTaken event) {
        var zone = institution.settings().timeZone();
        var now = clock.instant();
        for (var guest : event.guests()) {
            if (!TrialSeats.KIND.equals(guest.kind()) || !guest.seat().startsWith("trial:")) {
                continue;
            }
            long id;
            try {
                id = Long.parseLong(guest.seat().substring("trial:".length()));
            } catch (NumberFormatException notOurs) {
                continue;
            }
            var trial = trials.find(id, zone).orElse(null);
            if (trial == null || trial.sessionId() != event.sessionId() || trial.status() == TrialStatus.CANCELLED) {
                continue;
            }
            var outcome = came(guest.status()) ? TrialStatus.ATTENDED : TrialStatus.NO_SHOW;
            if (outcome == trial.status()) {
                continue;
            }
            String user = SystemAuthentication.SYSTEM;
            if (trials.setStatus(id, trial.version(), outcome, null, now, user)) {
                leadChanges.history(trial, outcome == TrialStatus.ATTENDED ? "TRIAL_ATTENDED" : "TRIAL_NO_SHOW",
                        null, now, user);
                leadChanges.settle(trial.leadId(), outcome == TrialStatus.NO_SHOW, now, user);
            }
        }
    }

    private static boolean came(AttendanceStatus status) {
        return status == AttendanceStatus.PRESENT || status == AttendanceStatus.LATE
                || status == AttendanceStatus.LEFT_EARLY;
    }

    private void moved(TrialBooking trial, LocalDateTime toLocal, java.time.Instant toStart, java.time.Instant toEnd) {
        var now = clock.instant();
        String user = SystemAuthentication.SYSTEM;
        trials.move(trial.id(), toStart, toEnd, now, user);
        leads.event(trial.leadId(), "TRIAL_MOVED", trial.startsLocal().toString(), toLocal.toString(),
                trial.classCode(), now, user);
        tell(trial, toLocal);
    }

    private void cancelled(TrialBooking trial) {
        var now = clock.instant();
        String user = SystemAuthentication.SYSTEM;
        if (!trials.setStatus(trial.id(), trial.version(), TrialStatus.CANCELLED, "SESSION", now, user)) {
            return;
        }
        leadChanges.history(trial, "TRIAL_CANCELLED", "SESSION", now, user);
        leadChanges.settle(trial.leadId(), true, now, user);
        tell(trial, null);
    }

    private void tell(TrialBooking trial, @Nullable LocalDateTime to) {
        leads.find(trial.leadId()).ifPresent(lead -> leadChanges.tellOwner(lead, trial, trial.startsLocal(), to));
    }
}
