package io.campuscrm.admissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.campuscrm.attendance.AttendanceService;
import io.campuscrm.attendance.AttendanceStatus;
import io.campuscrm.attendance.SeatMark;
import io.campuscrm.institution.Campus;
import io.campuscrm.scheduling.Course;
import io.campuscrm.scheduling.EnrollmentService;
import io.campuscrm.scheduling.Room;
import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.scheduling.SchedulingFixtures;
import io.campuscrm.scheduling.SessionService;
import io.campuscrm.scheduling.SessionSlot;
import io.campuscrm.scheduling.Term;
import io.campuscrm.scheduling.TimetableScope;
import io.campuscrm.scheduling.TimetableService;
import io.campuscrm.security.UserDraft;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.SignedIn;
import io.campuscrm.support.TestClock;

/**
 * Trial lessons at the service layer on the real database: a booking fits the room (enrolled, make-up and trial
 * seats counted), never overlaps another trial of the lead, and stays within the trials a lead may have; the guest
 * is a {@code trial} seat of the session's roster; its mark moves the lead (attended) or records a no-show; a session
 * moved or cancelled carries its bookings along and tells the lead's owner (history and an e-mail in the outbox);
 * another campus's lead or session answers as a missing one and teachers are refused.
 */
@CampusIntegrationTest
class LeadTrialsIT {

    private static final Random RANDOM = new Random();

    @Autowired
    ApplicationContext context;
    @Autowired
    TrialService trials;
    @Autowired
    LeadService leads;
    @Autowired
    AttendanceService attendance;
    @Autowired
    SessionService sessions;
    @Autowired
    EnrollmentService enrollments;
    @Autowired
    TimetableService timetable;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    io.campuscrm.attendance.LeaveService leaves;
    @Autowired
    List<io.campuscrm.scheduling.SessionTags> sessionTags;
    @Autowired
    io.campuscrm.scheduling.ClassLifecycle lifecycle;
    @Autowired
    io.campuscrm.scheduling.ClassSearch classSearch;

    private SchedulingFixtures scheduling;
    private Campus orchard;
    private Campus tampines;
    private String orchardAdmissions;
    private Course course;
    private Term term;
    private long source;

    @BeforeEach
    void aCourseAndSomeone() {
        scheduling = new SchedulingFixtures(context);
        orchard = scheduling.campus("Orchard");
        tampines = scheduling.campus("Tampines");
        orchardAdmissions = admissionsUser(orchard);
        course = scheduling.course();
        term = scheduling.term(TestClock.today().minusDays(7), TestClock.today().plusDays(30));
        source = jdbc.queryForObject("SELECT MIN(id) FROM lead_source", Long.class);
    }

    @Test
    void a_booking_fits_the_room_counting_the_enrolled_students_and_the_trial_guests_already_there() {
        var sessionsOfClass = newClass(orchard, 3, "16:00", "17:00");
        var first = sessionsOfClass.get(0);
        enroll(first.classId(), 2);
        var ann = newLead("Ann");
        var bob = newLead("Bob");

        var offered = as(orchardAdmissions, () -> trials.options(ann.id(), course.id()));
        assertThat(offered).filteredOn(o -> o.session().sessionId() == first.sessionId()).singleElement()
                .satisfies(o -> assertThat(o.freeSeats()).isEqualTo(1));
        var booked = as(orchardAdmissions, () -> trials.book(ann.id(), first.sessionId()));

        assertThat(booked.status()).isEqualTo(TrialStatus.BOOKED);
        assertThat(reload(ann).stage()).isEqualTo(LeadStage.TRIAL_BOOKED);
        assertThat(history(ann)).first().satisfies(e -> assertThat(e.kind()).isEqualTo("STAGE"));
        assertThat(history(ann)).extracting(LeadEvent::kind).contains("TRIAL_BOOKED");
        assertThatThrownBy(() -> as(orchardAdmissions, () -> trials.book(bob.id(), first.sessionId())))
                .isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("messageKey", "trial.error.full");
        assertThat(as(orchardAdmissions, () -> trials.options(bob.id(), course.id())))
                .noneMatch(o -> o.session().sessionId() == first.sessionId());
    }

    @Test
    void a_lead_cannot_have_two_trials_at_the_same_time_nor_more_than_its_campus_allows() {
        var one = newClass(orchard, 10, "16:00", "17:00");
        var other = newClass(orchard, 10, "16:30", "17:30");
        var lead = newLead("Cai");
        as(orchardAdmissions, () -> trials.book(lead.id(), one.get(0).sessionId()));

        assertThatThrownBy(() -> as(orchardAdmissions, () -> trials.book(lead.id(), other.get(0).sessionId())))
                .isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("messageKey", "trial.error.clash");
        as(orchardAdmissions, () -> trials.book(lead.id(), one.get(1).sessionId()));
        assertThatThrownBy(() -> as(orchardAdmissions, () -> trials.book(lead.id(), one.get(2).sessionId())))
                .isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", "trial.error.too-many");

        // a cancelled trial no longer counts
        var booked = as(orchardAdmissions, () -> trials.ofLead(lead.id())).getFirst();
        as(orchardAdmissions, () -> trials.cancel(booked.id(), booked.version()));
        assertThat(as(orchardAdmissions, () -> trials.book(lead.id(), one.get(2).sessionId())).status())
                .isEqualTo(TrialStatus.BOOKED);
    }

    @Test
    void the_trial_guest_is_a_trial_seat_of_the_roster_and_marked_present_moves_the_lead_to_trial_attended() {
        var today = newClass(orchard, 10, "16:00", "17:00").get(0);
        assertThat(today.date()).isEqualTo(TestClock.today());
        var lead = newLead("Dee");
        var trial = as(orchardAdmissions, () -> trials.book(lead.id(), today.sessionId()));

        var roster = SystemAuthentication.call(() -> attendance.roster(today.sessionId()));
        assertThat(roster.lines()).filteredOn(l -> l.seat().key().equals("trial:" + trial.id())).singleElement()
                .satisfies(l -> {
                    assertThat(l.seat().kind()).isEqualTo("trial");
                    assertThat(l.seat().studentId()).isNull();
                    assertThat(l.seat().name()).isEqualTo(lead.childName());
                    assertThat(l.seat().note()).contains("Parent");
                });
        SystemAuthentication.run(() -> attendance.save(today.sessionId(), roster.version(),
                List.of(SeatMark.of("trial:" + trial.id(), AttendanceStatus.PRESENT))));

        await().atMost(Duration.ofSeconds(30)).until(() -> reload(lead).stage() == LeadStage.TRIAL_ATTENDED);
        assertThat(as(orchardAdmissions, () -> trials.ofLead(lead.id())).getFirst().status())
                .isEqualTo(TrialStatus.ATTENDED);
        assertThat(history(lead)).extracting(LeadEvent::kind).contains("TRIAL_ATTENDED");
    }

    @Test
    void a_trial_guest_marked_absent_is_a_no_show_on_the_leads_history_and_the_lead_goes_back_to_contacted() {
        var today = newClass(orchard, 10, "16:00", "17:00").get(0);
        var lead = newLead("Eve");
        var trial = as(orchardAdmissions, () -> trials.book(lead.id(), today.sessionId()));
        var roster = SystemAuthentication.call(() -> attendance.roster(today.sessionId()));

        SystemAuthentication.run(() -> attendance.save(today.sessionId(), roster.version(),
                List.of(SeatMark.of("trial:" + trial.id(), AttendanceStatus.ABSENT))));

        await().atMost(Duration.ofSeconds(30)).until(() -> history(lead).stream()
                .anyMatch(e -> e.kind().equals("TRIAL_NO_SHOW")));
        await().atMost(Duration.ofSeconds(10)).until(() -> reload(lead).stage() == LeadStage.CONTACTED);
        assertThat(as(orchardAdmissions, () -> trials.ofLead(lead.id())).getFirst().status())
                .isEqualTo(TrialStatus.NO_SHOW);
    }

    @Test
    void a_session_moved_takes_its_trial_along_and_tells_the_leads_owner_on_its_history_and_by_e_mail() {
        var session = newClass(orchard, 10, "16:00", "17:00").get(3);
        var lead = newLead("Fay");
        var trial = as(orchardAdmissions, () -> trials.book(lead.id(), session.sessionId()));
        var later = session.date().plusDays(1);

        SystemAuthentication.run(() -> sessions.move(session.sessionId(), session.version(), new SessionSlot(later,
                LocalTime.of(18, 0), LocalTime.of(19, 0), session.roomId())));

        await().atMost(Duration.ofSeconds(30)).until(() -> history(lead).stream()
                .anyMatch(e -> e.kind().equals("TRIAL_MOVED")));
        var moved = as(orchardAdmissions, () -> trials.ofLead(lead.id())).getFirst();
        assertThat(moved.id()).isEqualTo(trial.id());
        assertThat(moved.startsLocal()).isEqualTo(later.atTime(18, 0));
        assertThat(moved.status()).isEqualTo(TrialStatus.BOOKED);
        assertThat(mailsTo(orchardAdmissions, "TRIAL_MOVED")).isEqualTo(1);
    }

    @Test
    void a_session_cancelled_cancels_its_trial_and_tells_the_leads_owner() {
        var session = newClass(orchard, 10, "16:00", "17:00").get(4);
        var lead = newLead("Gus");
        as(orchardAdmissions, () -> trials.book(lead.id(), session.sessionId()));

        SystemAuthentication.run(() -> sessions.cancel(session.sessionId(), session.version(), "Teacher ill"));

        await().atMost(Duration.ofSeconds(30)).until(() -> as(orchardAdmissions, () -> trials.ofLead(lead.id()))
                .getFirst().status() == TrialStatus.CANCELLED);
        assertThat(as(orchardAdmissions, () -> trials.ofLead(lead.id())).getFirst().cancelledWhy())
                .isEqualTo("SESSION");
        assertThat(history(lead)).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("TRIAL_CANCELLED");
            assertThat(e.before()).isEqualTo("SESSION");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> reload(lead).stage() == LeadStage.CONTACTED);
        assertThat(mailsTo(orchardAdmissions, "TRIAL_CANCELLED")).isEqualTo(1);
    }

    @Test
    void another_campus_answers_as_missing_and_teachers_are_refused() {
        var orchardSession = newClass(orchard, 10, "16:00", "17:00").get(0);
        var tampinesSession = newClass(tampines, 10, "16:00", "17:00").get(0);
        var lead = newLead("Hal");
        String tampinesAdmissions = admissionsUser(tampines);

        assertThatThrownBy(() -> as(tampinesAdmissions, () -> trials.ofLead(lead.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(tampinesAdmissions, () -> trials.book(lead.id(), orchardSession.sessionId())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(orchardAdmissions, () -> trials.book(lead.id(), tampinesSession.sessionId())))
                .as("a session of another campus than the lead's").isInstanceOf(NotFoundException.class);
        var trial = as(orchardAdmissions, () -> trials.book(lead.id(), orchardSession.sessionId()));
        assertThatThrownBy(() -> as(tampinesAdmissions, () -> trials.cancel(trial.id(), trial.version())))
                .isInstanceOf(NotFoundException.class);

        long teacher = orchardSession.teacherIds().getFirst();
        String teacherName = jdbc.queryForObject("SELECT username FROM app_user WHERE id = ?", String.class, teacher);
        assertThatThrownBy(() -> as(teacherName, () -> trials.ofLead(lead.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(teacherName, () -> trials.book(lead.id(), orchardSession.sessionId())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_trial_guest_takes_the_place_a_make_up_would_have_had() {
        var other = newClass(orchard, 2, "16:00", "17:00");
        enroll(other.getFirst().classId(), 1);
        var home = newClass(orchard, 5, "08:00", "09:00");
        long student = scheduling.student("Pupil", orchard);
        SystemAuthentication.call(() -> enrollments.enroll(home.getFirst().classId(), student, TestClock.today()));
        var leave = as(orchardAdmissions, () -> leaves.request(home.get(1).sessionId(), student, "Sick", null));
        long target = other.get(1).sessionId();
        assertThat(as(orchardAdmissions, () -> leaves.makeUpOptions(leave.id())))
                .filteredOn(o -> o.session().sessionId() == target).singleElement()
                .satisfies(o -> assertThat(o.freePlaces()).isOne());

        var lead = newLead("Guest");
        as(orchardAdmissions, () -> trials.book(lead.id(), target));

        assertThat(as(orchardAdmissions, () -> leaves.makeUpOptions(leave.id())))
                .as("the class's last place is the trial guest's").noneMatch(o -> o.session().sessionId() == target);
    }

    @Test
    void the_timetable_tags_a_session_with_its_trial_and_a_session_gone_with_a_rescheduled_class_cancels_it() {
        var ofClass = newClass(orchard, 10, "16:00", "17:00");
        var session = ofClass.get(5);
        var lead = newLead("Hal");
        as(orchardAdmissions, () -> trials.book(lead.id(), session.sessionId()));
        assertThat(sessionTags.stream().flatMap(t -> t.tags(List.of(session.sessionId(), ofClass.get(4).sessionId()))
                .entrySet().stream()).toList()).singleElement().satisfies(tag -> {
                    assertThat(tag.getKey()).isEqualTo(session.sessionId());
                    assertThat(tag.getValue().count()).isOne();
                });

        // the class now ends the day before that session: its sessions after are gone
        var details = SystemAuthentication.call(() -> classSearch.get(session.classId()));
        var draft = details.toDraft();
        var rule = draft.recurrence();
        var shorter = new io.campuscrm.scheduling.ClassDraft(draft.code(), draft.name(), draft.courseId(),
                draft.termId(), draft.campusId(), draft.roomId(), draft.capacity(), draft.waitingListEnabled(),
                draft.status(), draft.teacherIds(), new io.campuscrm.scheduling.Recurrence(rule.weekdays(),
                        rule.startTime(), rule.endTime(), rule.from(), session.date().minusDays(1)));
        SystemAuthentication.call(() -> lifecycle.update(details.id(), details.version(), shorter));

        await().atMost(Duration.ofSeconds(30)).until(() -> as(orchardAdmissions, () -> trials.ofLead(lead.id()))
                .getFirst().status() == TrialStatus.CANCELLED);
        assertThat(history(lead)).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("TRIAL_CANCELLED");
            assertThat(e.before()).isEqualTo("SESSION");
        });
        assertThat(mailsTo(orchardAdmissions, "TRIAL_CANCELLED")).isEqualTo(1);
    }

    @Test
    void the_demo_has_trials_booked_this_week_at_both_campuses_and_past_ones_attended_and_missed() {
        for (var campus : List.of(orchard, tampines)) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lead_trial WHERE campus_id = ? AND status = 'BOOKED'"
                    + " AND created_by = 'system' AND starts_at > ?", Integer.class, campus.id(),
                    TestClock.today().atStartOfDay(TestClock.ZONE).withZoneSameInstant(java.time.ZoneOffset.UTC)
                            .toLocalDateTime())).as("booked at " + campus.name()).isPositive();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT COUNT(DISTINCT status)"
                + " FROM lead_trial WHERE created_by = 'system' AND status IN ('ATTENDED', 'NO_SHOW')",
                Integer.class) == 2);
    }

    /** A class of the course at the campus meeting every day from today for two weeks: its sessions in order. */
    private List<ScheduledSession> newClass(Campus campus, int roomCapacity, String start, String end) {
        Room room = scheduling.room(campus, roomCapacity);
        long teacher = scheduling.teacher("Teacher " + SchedulingFixtures.unique("T"), campus);
        var created = scheduling.create(scheduling.draft(course, term, campus, room, Set.of(teacher), roomCapacity,
                SchedulingFixtures.weekly(EnumSet.allOf(DayOfWeek.class), start, end, TestClock.today(),
                        TestClock.today().plusDays(13))));
        return SystemAuthentication.call(() -> timetable.sessionsBetween(TimetableScope.schoolClass(created.id()),
                TestClock.today(), TestClock.today().plusDays(14)));
    }

    private void enroll(long classId, int students) {
        for (int i = 0; i < students; i++) {
            long student = scheduling.student("Pupil", orchard);
            SystemAuthentication.call(() -> enrollments.enroll(classId, student, TestClock.today()));
        }
    }

    private Lead newLead(String name) {
        return as(orchardAdmissions, () -> leads.create(new LeadDraft(orchard.id(), name + " Z" + RANDOM.nextInt(99999),
                "Parent " + name, String.valueOf(81_000_000 + RANDOM.nextInt(8_000_000)), null, course.id(), null,
                null, source, null, null, null), true));
    }

    private Lead reload(Lead lead) {
        return SystemAuthentication.call(() -> leads.get(lead.id()));
    }

    private List<LeadEvent> history(Lead lead) {
        return SystemAuthentication.call(() -> leads.history(lead.id()));
    }

    private int mailsTo(String username, String kind) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND kind = ?",
                Integer.class, username + "@example.org", kind);
    }

    private String admissionsUser(Campus campus) {
        String username = SchedulingFixtures.unique("adm").toLowerCase(java.util.Locale.ROOT);
        SystemAuthentication.call(() -> users.create(UserDraft.of(username, "Admissions " + username,
                username + "@example.org", Set.of(Role.ADMISSIONS), Set.of(campus.id())), "a long enough password"));
        return username;
    }

    private <T> T as(String username, Supplier<T> work) {
        return SignedIn.as(userDetails, username, work);
    }

}
