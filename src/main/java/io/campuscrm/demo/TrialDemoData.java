package io.campuscrm.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import io.campuscrm.admissions.Lead;
import io.campuscrm.admissions.LeadService;
import io.campuscrm.admissions.LeadStage;
import io.campuscrm.admissions.TrialOption;
import io.campuscrm.admissions.TrialService;
import io.campuscrm.attendance.AttendanceService;
import io.campuscrm.attendance.AttendanceStatus;
import io.campuscrm.attendance.LeaveService;
import io.campuscrm.attendance.SeatMark;
import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.Course;
import io.campuscrm.scheduling.EnrollmentService;
import io.campuscrm.scheduling.RoomService;
import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.scheduling.TimetableScope;
import io.campuscrm.scheduling.TimetableService;

/**
 * Trial lessons (decision 0077): at each campus a few contacted leads booked into this week's sessions still to come
 * (one lead in a hundred, two to six a campus), and two who came this week or last — one marked present on the
 * roster, one absent — so that rosters and timetables show trial guests and leads' histories show their trials. The
 * marks go through the roster, and the leads move when admissions handles them, after the demo is committed. Only
 * sessions with a free seat are chosen, so that nothing here is refused.
 */
@Component
class TrialDemoData implements DemoDataStep {

    private final LeadService leads;
    private final TrialService trials;
    private final TimetableService timetable;
    private final AttendanceService attendance;
    private final EnrollmentService enrollments;
    private final RoomService rooms;
    private final LeaveService leaves;
    private final InstitutionService institution;
    private final Clock clock;

    TrialDemoData(LeadService leads, TrialService trials, TimetableService timetable, AttendanceService attendance,
            EnrollmentService enrollments, RoomService rooms, LeaveService leaves, InstitutionService institution,
            Clock clock) {
        this.leads = leads;
        this.trials = trials;
        this.timetable = timetable;
        this.attendance = attendance;
        this.enrollments = enrollments;
        this.rooms = rooms;
        this.leaves = leaves;
        this.institution = institution;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 73;
    }

    @Override
    public void generate(DemoScale scale, DemoContext context, RandomGenerator random) {
        if (scale.leads() <= 0 || context.courses().isEmpty()) {
            return;
        }
        int upcoming = Math.clamp(scale.leads() / 100, 2, 6);
        for (Campus campus : context.campuses()) {
            var contacted = leads.find(new LeadService.LeadFilter(campus.id(), LeadStage.CONTACTED, null, false, false,
                    false), PageRequest.of(0, upcoming + 2)).getContent();
            for (int i = 0; i < contacted.size() && i < upcoming; i++) {
                bookThisWeek(contacted.get(i), context.courses(), random);
            }
            var past = contacted.subList(Math.min(upcoming, contacted.size()), contacted.size());
            pastTrials(campus, past);
        }
    }

    /** Into the first session of the lead's course (or another) this week that has a seat, if there is one. */
    private void bookThisWeek(Lead lead, List<Course> courses, RandomGenerator random) {
        var today = LocalDate.now(clock.withZone(institution.settings().timeZone()));
        var nextMonday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        long course = lead.courseId() != null ? lead.courseId() : courses.get(random.nextInt(courses.size())).id();
        List<TrialOption> offered = trials.options(lead.id(), course);
        var options = offered.isEmpty() && lead.courseId() != null
                ? trials.options(lead.id(), courses.get(random.nextInt(courses.size())).id()) : offered;
        options.stream().filter(o -> o.session().date().isBefore(nextMonday)).findFirst()
                .or(() -> options.stream().findFirst())
                .ifPresent(o -> trials.book(lead.id(), o.session().sessionId()));
    }

    /** The first lead came to a session of the campus held this week or last, the second did not. */
    private void pastTrials(Campus campus, List<Lead> past) {
        if (past.isEmpty()) {
            return;
        }
        var now = clock.instant();
        var today = LocalDate.now(clock.withZone(institution.settings().timeZone()));
        var held = timetable.sessionsBetween(TimetableScope.campus(campus.id()), today.minusDays(7), today.plusDays(1))
                .stream().filter(s -> !s.cancelled() && s.endAt().isBefore(now.minus(Duration.ofHours(1)))
                        && s.startAt().isAfter(now.minus(Duration.ofDays(TrialService.DAYS_AHEAD - 1))))
                .toList();
        var withSeat = withASeat(campus, held);
        int recorded = 0;
        for (int i = withSeat.size() - 1; i >= 0 && recorded < Math.min(2, past.size()); i--) {
            var session = withSeat.get(i);
            // a roster taken already, which the trial guest's mark corrects: not a session left untaken
            var before = attendance.roster(session.sessionId());
            if (!before.taken() || !before.editable()) {
                continue;
            }
            var trial = trials.recordPast(past.get(recorded).id(), session.sessionId());
            var roster = attendance.roster(session.sessionId());
            attendance.save(session.sessionId(), roster.version(), List.of(SeatMark.of(trial.seatKey(),
                    recorded == 0 ? AttendanceStatus.PRESENT : AttendanceStatus.ABSENT)));
            recorded++;
        }
    }

    /** The sessions whose room has a seat left (its capacity less the enrolled, make-up and trial seats). */
    private List<ScheduledSession> withASeat(Campus campus, List<ScheduledSession> sessions) {
        if (sessions.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> capacity = new HashMap<>();
        rooms.activeRooms(campus.id()).forEach(r -> capacity.put(r.id(), r.capacity()));
        var occupancy = enrollments.occupancies(sessions.stream().map(ScheduledSession::classId).distinct().toList());
        var makeUps = leaves.makeUpsBooked(sessions.stream().map(ScheduledSession::sessionId).toList());
        return sessions.stream().filter(s -> occupancy.containsKey(s.classId()) && capacity.containsKey(s.roomId())
                // two seats to spare: a trial guest booked there already is not counted here
                && capacity.get(s.roomId()) - occupancy.get(s.classId()).enrolled()
                        - makeUps.getOrDefault(s.sessionId(), 0) > 2).toList();
    }
}
