package io.campuscrm.admissions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.campuscrm.admissions.internal.LeadStore;
import io.campuscrm.admissions.internal.TrialLeads;
import io.campuscrm.admissions.internal.TrialSettings;
import io.campuscrm.admissions.internal.TrialStore;
import io.campuscrm.attendance.LeaveService;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.institution.Settings;
import io.campuscrm.scheduling.EnrollmentService;
import io.campuscrm.scheduling.Room;
import io.campuscrm.scheduling.RoomService;
import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.scheduling.SessionService;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.domain.StaleEditException;
import io.campuscrm.shared.security.CurrentUser;

/**
 * Trial lessons (试听, decision 0077): a lead's child booked as a guest into a real upcoming session of the lead's
 * campus, a seat on that session's attendance roster. A booking fits the session's room (its capacity less the
 * enrolled students, the make-up seats and the trial guests already there), does not overlap another trial of the
 * same lead, and keeps the lead within {@code admissions.trials-per-lead} trials (cancelled ones do not count).
 * Bookings of one campus take their turn (the campus's row is locked), so two of them cannot both take the last seat.
 * The roster's marks decide whether the child came (attended or no-show); scheduling's moves and cancellations carry
 * the booking along (both in {@code internal.TrialSessionEvents}). Admissions users reach the trials of their
 * campuses' leads, administrators all; a lead or session of another campus answers as a missing one.
 */
@Service
@Transactional(readOnly = true)
public class TrialService {

    /** How far ahead sessions are offered for a trial. */
    public static final int DAYS_AHEAD = 21;
    /** The most sessions {@link #options} answers: three weeks of a busy course. */
    public static final int MAX_OPTIONS = 200;

    private final TrialStore trials;
    private final LeadStore leads;
    private final TrialLeads leadChanges;
    private final SessionService sessions;
    private final EnrollmentService enrollments;
    private final RoomService rooms;
    private final LeaveService leaves;
    private final Settings settings;
    private final InstitutionService institution;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TrialService(TrialStore trials, LeadStore leads, TrialLeads leadChanges, SessionService sessions,
            EnrollmentService enrollments, RoomService rooms, LeaveService leaves, Settings settings,
            InstitutionService institution, CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.trials = trials;
        this.leads = leads;
        this.leadChanges = leadChanges;
        this.sessions = sessions;
        this.enrollments = enrollments;
        this.rooms = rooms;
        this.leaves = leaves;
        this.settings = settings;
        this.institution = institution;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** The lead's trials, the latest first. */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public List<TrialBooking> ofLead(long leadId) {
        lead(leadId);
        return trials.ofLead(leadId, institution.settings().timeZone());
    }

    /**
     * The sessions of the course at the lead's campus in the next {@value #DAYS_AHEAD} days (not begun, not
     * cancelled) with a seat left for a guest, in time order, at most {@value #MAX_OPTIONS}: a handful of
     * statements whatever their number.
     */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public List<TrialOption> options(long leadId, long courseId) {
        var lead = lead(leadId);
        var now = clock.instant();
        var upcoming = sessions.sessionsOfCourse(courseId, now, now.plus(Duration.ofDays(DAYS_AHEAD))).stream()
                .filter(s -> s.campusId() == lead.campusId() && !s.cancelled() && s.startAt().isAfter(now))
                .limit(MAX_OPTIONS).toList();
        var free = freeSeats(lead.campusId(), upcoming);
        List<TrialOption> options = new ArrayList<>();
        for (var s : upcoming) {
            int seats = free.getOrDefault(s.sessionId(), 0);
            if (seats > 0) {
                options.add(new TrialOption(s, seats));
            }
        }
        return options;
    }

    /**
     * Books the lead's child into the session as a trial guest, and moves the lead to Trial booked (from New or
     * Contacted).
     *
     * @throws NotFoundException when the lead or the session is not in the user's reach, or not at the same campus
     * @throws DomainException   when the lead is closed, the session has begun or is cancelled, the room is full,
     *                           the child has another trial at that time, or the lead has all its trials
     */
    @PreAuthorize(AdmissionsRoles.LEADS)
    @Transactional
    public TrialBooking book(long leadId, long sessionId) {
        var now = clock.instant();
        return book(leadId, sessionId, session -> {
            if (!session.startAt().isAfter(now)) {
                throw new DomainException(null, "trial.error.begun");
            }
        });
    }

    /**
     * Records a trial in a session that has begun or is over (a guest who came before anyone booked them here, the
     * demo's past): by the same rules as {@link #book}, but in a session of the last {@value #DAYS_AHEAD} days; its
     * roster's mark then says whether the child came. Administrators only.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public TrialBooking recordPast(long leadId, long sessionId) {
        var now = clock.instant();
        return book(leadId, sessionId, session -> {
            if (session.startAt().isAfter(now) || session.startAt().isBefore(now.minus(Duration.ofDays(DAYS_AHEAD)))) {
                throw new DomainException(null, "trial.error.not-past");
            }
        });
    }

    private TrialBooking book(long leadId, long sessionId, java.util.function.Consumer<ScheduledSession> when) {
        var lead = lead(leadId);
        if (!lead.stage().open()) {
            throw new DomainException(null, "trial.error.closed");
        }
        var session = sessions.get(sessionId);
        if (session.campusId() != lead.campusId()) {
            throw new NotFoundException();
        }
        if (session.cancelled()) {
            throw new DomainException(null, "trial.error.cancelled");
        }
        when.accept(session);
        trials.lockCampus(lead.campusId());
        int most = settings.get(TrialSettings.TRIALS_PER_LEAD, lead.campusId());
        if (trials.countOf(leadId) >= most) {
            throw new DomainException(null, "trial.error.too-many", most);
        }
        if (trials.overlaps(leadId, session.startAt(), session.endAt())) {
            throw new DomainException(null, "trial.error.clash");
        }
        if (freeSeats(lead.campusId(), List.of(session)).getOrDefault(sessionId, 0) <= 0) {
            throw new DomainException(null, "trial.error.full");
        }
        var now = clock.instant();
        String user = currentUser.username();
        long id = trials.insert(new TrialStore.NewTrial(leadId, lead.campusId(), sessionId, session.classId(),
                session.courseId(), session.classCode(), session.className(), session.startAt(), session.endAt()),
                now, user);
        var trial = trials.find(id, institution.settings().timeZone()).orElseThrow();
        leadChanges.history(trial, "TRIAL_BOOKED", null, now, user);
        leadChanges.settle(leadId, false, now, user);
        events.publishEvent(AuditEvent.of(AuditAction.CREATE, "LeadTrial", id, AuditSummary.of("audit.trial.booked",
                lead.childName(), session.classCode(), session.startsLocal())));
        return trial;
    }

    /**
     * Cancels a booked trial (the guardian called off); the lead goes back to Contacted unless another trial keeps
     * it further on.
     *
     * @throws StaleEditException when the trial changed since {@code version}
     * @throws DomainException    when it is no longer booked (attended, no-show or cancelled)
     */
    @PreAuthorize(AdmissionsRoles.LEADS)
    @Transactional
    public TrialBooking cancel(long trialId, long version) {
        var zone = institution.settings().timeZone();
        var trial = trials.find(trialId, zone).orElseThrow(NotFoundException::new);
        var lead = lead(trial.leadId());
        if (trial.status() != TrialStatus.BOOKED) {
            throw new DomainException(null, "trial.error.not-booked");
        }
        var now = clock.instant();
        String user = currentUser.username();
        if (!trials.setStatus(trialId, version, TrialStatus.CANCELLED, "STAFF", now, user)) {
            var last = trials.lastChange(trialId).orElseThrow(NotFoundException::new);
            throw new StaleEditException(last.by(), last.at());
        }
        leadChanges.history(trial, "TRIAL_CANCELLED", "STAFF", now, user);
        leadChanges.settle(trial.leadId(), true, now, user);
        events.publishEvent(AuditEvent.of(AuditAction.UPDATE, "LeadTrial", trialId, AuditSummary.of(
                "audit.trial.cancelled", lead.childName(), trial.classCode(), trial.startsLocal())));
        return trials.find(trialId, zone).orElseThrow();
    }

    /**
     * The seats left in each session's room: its capacity less the class's enrolled students, the make-up seats
     * booked there and the trial guests. One statement for the rooms, one for the classes' counts, one for the
     * make-ups, one for the trials.
     */
    private Map<Long, Integer> freeSeats(long campusId, Collection<ScheduledSession> list) {
        if (list.isEmpty()) {
            return Map.of();
        }
        Map<Long, Room> roomsById = rooms.activeRooms(campusId).stream()
                .collect(Collectors.toMap(Room::id, Function.identity()));
        var ids = list.stream().map(ScheduledSession::sessionId).toList();
        var occupancy = enrollments.occupancies(list.stream().map(ScheduledSession::classId).distinct().toList());
        var makeUps = leaves.makeUpsBooked(ids);
        var guests = trials.seatsIn(ids);
        Map<Long, Integer> free = new HashMap<>();
        for (var s : list) {
            var room = roomsById.get(s.roomId());
            var taken = occupancy.get(s.classId());
            if (room == null || taken == null) {
                continue;
            }
            free.put(s.sessionId(), Math.max(0, room.capacity() - taken.enrolled()
                    - makeUps.getOrDefault(s.sessionId(), 0) - guests.getOrDefault(s.sessionId(), 0)));
        }
        return free;
    }

    /** A lead the user may see, not merged away; another campus's answers as a missing one. */
    private Lead lead(long id) {
        var lead = leads.find(id).orElseThrow(NotFoundException::new);
        if (!currentUser.scope().seesCampus(lead.campusId()) || lead.mergedIntoId() != null) {
            throw new NotFoundException();
        }
        return lead;
    }
}
