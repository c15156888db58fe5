package io.campuscrm.admissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.campuscrm.attendance.PackageUnit;
import io.campuscrm.institution.Campus;
import io.campuscrm.scheduling.ClassDetails;
import io.campuscrm.scheduling.Course;
import io.campuscrm.scheduling.EnrollmentStatus;
import io.campuscrm.scheduling.SchedulingFixtures;
import io.campuscrm.scheduling.StudentEnrolled;
import io.campuscrm.scheduling.Term;
import io.campuscrm.security.UserDraft;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.domain.StaleEditException;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.students.GuardianDraft;
import io.campuscrm.students.GuardianRelationship;
import io.campuscrm.students.NewStudent;
import io.campuscrm.students.PossibleDuplicatesException;
import io.campuscrm.students.StudentChanges;
import io.campuscrm.students.StudentDraft;
import io.campuscrm.students.StudentTimelineService;
import io.campuscrm.students.TimelineEntry;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.SignedIn;
import io.campuscrm.support.TestClock;

/**
 * Converting a lead (decision 0079): a student in a new family or the one the school knows, enrolled (or waiting, or
 * with the package chosen), the lead Enrolled with its history on the student's timeline; a failure injected after
 * each step, or a refusal of one, leaves no student, no family change, no enrollment and the lead as it was.
 */
@CampusIntegrationTest
@RecordApplicationEvents
class LeadConversionIT {

    @Autowired
    ApplicationEvents published;
    @Autowired
    ApplicationContext context;
    @Autowired
    LeadConversionService conversions;
    @Autowired
    ConversionSteps steps;
    @Autowired
    LeadService leads;
    @Autowired
    StudentChanges students;
    @Autowired
    StudentTimelineService timeline;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    JdbcTemplate jdbc;

    private SchedulingFixtures scheduling;
    private Campus orchard;
    private String admissions;
    private Course course;
    private Term term;
    private long source;

    @BeforeEach
    void aCourseAClassAndSomeone() {
        scheduling = new SchedulingFixtures(context);
        orchard = scheduling.campus("Orchard");
        admissions = SchedulingFixtures.unique("conv").toLowerCase(Locale.ROOT);
        SystemAuthentication.call(() -> users.create(UserDraft.of(admissions, "Admissions " + admissions,
                admissions + "@example.org", Set.of(Role.ADMISSIONS), Set.of(orchard.id())),
                "a long enough password"));
        course = scheduling.course();
        term = scheduling.term(TestClock.today().minusDays(7), TestClock.today().plusDays(60));
        source = jdbc.queryForObject("SELECT id FROM lead_source WHERE label_key = 'lead.source.website'", Long.class);
    }

    @AfterEach
    void noFailureLeftArmed() {
        steps.failAfter(null);
    }

    @Test
    void a_lead_becomes_a_student_in_a_new_family_enrolled_once_with_the_lead_enrolled_and_its_history_on_the_timeline() {
        var schoolClass = newClass(4, true);
        var lead = newLead("Tan Wei Ling", "Tan Mei Hua");
        var followed = as(admissions, () -> leads.logFollowUp(lead.id(), lead.version(), new FollowUpDraft(
                FollowUpKind.CALL, "Mother wants Saturday mornings", NextAction.CALL, TestClock.today().plusDays(1),
                null)));

        var done = as(admissions, () -> conversions.convert(lead.id(), followed.version(), ConversionDraft.enrolling(
                "Tan Wei Ling", null, schoolClass.id(), TestClock.today())));

        assertThat(done.familyCreated()).isTrue();
        assertThat(done.enrollment()).isNotNull();
        assertThat(done.enrollment().status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(done.lead().stage()).isEqualTo(LeadStage.ENROLLED);
        assertThat(done.lead().studentId()).isEqualTo(done.studentId());
        assertThat(done.lead().nextActionOn()).isNull();
        var guardian = jdbc.queryForMap("SELECT full_name, phone, email, relationship FROM guardian"
                + " WHERE family_id = ?", done.familyId());
        assertThat(guardian).containsEntry("full_name", "Tan Mei Hua").containsEntry("relationship", "MOTHER");
        assertThat(guardian.get("phone")).isEqualTo(lead.phone());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lead_conversion WHERE lead_id = ? AND student_id = ?"
                + " AND enrollment_id = ? AND source_id = ?", Integer.class, lead.id(), done.studentId(),
                done.enrollment().id(), source)).isOne();
        assertThat(as(admissions, () -> leads.history(lead.id()))).extracting(LeadEvent::kind)
                .startsWith("CONVERTED", "STAGE");

        // scheduling published the enrollment once (what billing invoices on), admissions the conversion
        assertThat(published.stream(StudentEnrolled.class).filter(e -> e.classId() == schoolClass.id()))
                .singleElement().satisfies(e -> {
                    assertThat(e.studentId()).isEqualTo(done.studentId());
                    assertThat(e.fromWaitingList()).isFalse();
                });
        assertThat(published.stream(LeadConverted.class).filter(e -> e.leadId() == lead.id())).singleElement()
                .satisfies(e -> {
                    assertThat(e.sourceId()).isEqualTo(source);
                    assertThat(e.enrollmentId()).isEqualTo(done.enrollment().id());
                    assertThat(e.waiting()).isFalse();
                });

        var lines = as(admissions, () -> timeline.timeline(done.studentId(), null, 50)).stream()
                .filter(e -> e.category().equals("lead")).toList();
        assertThat(lines).extracting(TimelineEntry::titleKey).contains("timeline.lead.created",
                "timeline.lead.follow-up", "timeline.lead.stage", "timeline.lead.converted");
        assertThat(lines).filteredOn(e -> e.titleKey().equals("timeline.lead.follow-up")).singleElement()
                .satisfies(e -> assertThat(e.details()).isEqualTo("Mother wants Saturday mornings"));
        assertThat(lines).allSatisfy(e -> assertThat(e.route()).isEqualTo("leads/" + lead.id()));
        String teacher = jdbc.queryForObject("SELECT username FROM app_user WHERE id = ?", String.class,
                schoolClass.teacherIds().iterator().next());
        assertThat(as(teacher, () -> timeline.timeline(done.studentId(), null, 50)))
                .as("the teacher of the class sees the student, not the lead's history")
                .noneMatch(e -> e.category().equals("lead"));
    }

    @Test
    void a_lead_joins_the_family_the_school_knows_as_a_sibling_and_a_full_class_puts_them_on_its_waiting_list() {
        var schoolClass = newClass(1, true);
        var sibling = SystemAuthentication.call(() -> students.create(NewStudent.withNewFamily(StudentDraft.named(
                "Lim Jun Jie", orchard.id()), new GuardianDraft("Lim Siew Ling", GuardianRelationship.MOTHER,
                        "+6591230000", null, null, true))));
        long filler = scheduling.student("Pupil", orchard);
        SystemAuthentication.call(() -> context.getBean(io.campuscrm.scheduling.EnrollmentService.class)
                .enroll(schoolClass.id(), filler, TestClock.today()));
        var lead = newLead("Lim Jun Hao", "Lim Siew Ling", "+6591230000");

        assertThatThrownBy(() -> as(admissions, () -> conversions.convert(lead.id(), lead.version(),
                ConversionDraft.enrolling("Lim Jun Hao", null, schoolClass.id(), TestClock.today()))))
                .as("a new family for a guardian the school knows").isInstanceOf(PossibleDuplicatesException.class);
        assertThat(reload(lead).stage()).isEqualTo(LeadStage.NEW);

        var done = as(admissions, () -> conversions.convert(lead.id(), lead.version(), ConversionDraft.enrolling(
                "Lim Jun Hao", sibling.familyId(), schoolClass.id(), TestClock.today())));
        assertThat(done.familyId()).isEqualTo(sibling.familyId());
        assertThat(done.familyCreated()).isFalse();
        assertThat(done.enrollment().status()).isEqualTo(EnrollmentStatus.WAITING);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM guardian WHERE family_id = ?", Integer.class,
                sibling.familyId())).as("no second mother").isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM student WHERE family_id = ?", Integer.class,
                sibling.familyId())).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT waiting FROM lead_conversion WHERE lead_id = ?", Boolean.class,
                lead.id())).isTrue();
    }

    @Test
    void a_failure_after_any_step_leaves_no_student_no_family_change_no_enrollment_and_the_lead_unchanged() {
        var schoolClass = newClass(5, true);
        var family = SystemAuthentication.call(() -> students.create(NewStudent.withNewFamily(StudentDraft.named(
                "Ong Kai " + SchedulingFixtures.unique("S"), orchard.id()), new GuardianDraft("Ong Li Ping",
                        GuardianRelationship.FATHER, null, null, null, true)))).familyId();
        for (var step : ConversionSteps.Step.values()) {
            for (boolean joinFamily : new boolean[] {true, false}) {
                String child = "Failing " + step + " " + joinFamily + " " + SchedulingFixtures.unique("C");
                var lead = newLead(child, "Guardian of " + child);
                var before = reload(lead);
                long familiesBefore = count("SELECT COUNT(*) FROM family");
                long guardiansBefore = count("SELECT COUNT(*) FROM guardian");
                steps.failAfter(step);
                assertThatThrownBy(() -> as(admissions, () -> conversions.convert(lead.id(), lead.version(),
                        ConversionDraft.enrolling(child, joinFamily ? family : null, schoolClass.id(),
                                TestClock.today())))).as(step + ", joining a family: " + joinFamily)
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining(step.name());
                assertThat(count("SELECT COUNT(*) FROM student WHERE full_name = '" + child + "'")).isZero();
                assertThat(count("SELECT COUNT(*) FROM student WHERE family_id = " + family)).isOne();
                assertThat(count("SELECT COUNT(*) FROM family")).isEqualTo(familiesBefore);
                assertThat(count("SELECT COUNT(*) FROM guardian")).isEqualTo(guardiansBefore);
                assertThat(count("SELECT COUNT(*) FROM class_enrollment WHERE class_id = " + schoolClass.id()))
                        .isZero();
                assertThat(reload(lead)).isEqualTo(before);
                assertThat(count("SELECT COUNT(*) FROM lead_conversion WHERE lead_id = " + lead.id())).isZero();
                assertThat(count("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE '%\"classId\":"
                        + schoolClass.id() + ",%'")).isZero();
            }
        }
        // and a refusal on the way: a class without a waiting list that is full
        var full = newClass(1, false);
        SystemAuthentication.call(() -> context.getBean(io.campuscrm.scheduling.EnrollmentService.class)
                .enroll(full.id(), scheduling.student("Pupil", orchard), TestClock.today()));
        var lead = newLead("Refused " + SchedulingFixtures.unique("C"), "A parent");
        long studentsBefore = count("SELECT COUNT(*) FROM student");
        assertThatThrownBy(() -> as(admissions, () -> conversions.convert(lead.id(), lead.version(),
                ConversionDraft.enrolling(lead.childName(), null, full.id(), TestClock.today()))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("enrollment.error.full"));
        assertThat(count("SELECT COUNT(*) FROM student")).isEqualTo(studentsBefore);
        assertThat(reload(lead).stage()).isEqualTo(LeadStage.NEW);
    }

    @Test
    void a_package_choice_is_recorded_for_billing_and_a_converted_lost_or_stale_lead_is_refused() {
        var lead = newLead("Package Child " + SchedulingFixtures.unique("C"), "A parent");
        var draft = new ConversionDraft(lead.childName(), null, null, null, null, null, GuardianRelationship.FATHER,
                null, null, course.id(), PackageUnit.LESSONS, new BigDecimal("20"), false);
        assertThatThrownBy(() -> as(admissions, () -> conversions.convert(lead.id(), lead.version() + 1, draft)))
                .isInstanceOf(StaleEditException.class);
        assertThatThrownBy(() -> as(admissions, () -> conversions.convert(lead.id(), lead.version(),
                new ConversionDraft(lead.childName(), null, null, null, null, null, GuardianRelationship.FATHER,
                        newClass(3, true).id(), null, course.id(), PackageUnit.LESSONS, BigDecimal.TEN, false))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("lead.convert.error.class-or-package"));

        var done = as(admissions, () -> conversions.convert(lead.id(), lead.version(), draft));
        assertThat(done.enrollment()).isNull();
        Map<String, Object> row = jdbc.queryForMap("SELECT package_course_id, package_unit, package_quantity,"
                + " class_id FROM lead_conversion WHERE lead_id = ?", lead.id());
        assertThat(row).containsEntry("package_course_id", course.id()).containsEntry("package_unit", "LESSONS");
        assertThat((BigDecimal) row.get("package_quantity")).isEqualByComparingTo("20");
        assertThat(row.get("class_id")).isNull();
        assertThatThrownBy(() -> as(admissions, () -> conversions.convert(lead.id(), done.lead().version(), draft)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("lead.convert.error.converted"));

        var lost = newLead("Lost Child " + SchedulingFixtures.unique("C"), "A parent");
        long reason = jdbc.queryForObject("SELECT id FROM lead_lost_reason WHERE label_key = 'lead.lost.price'",
                Long.class);
        var closed = as(admissions, () -> leads.changeStage(lost.id(), lost.version(), LeadStage.LOST, reason));
        assertThatThrownBy(() -> as(admissions, () -> conversions.convert(lost.id(), closed.version(), draft)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("lead.convert.error.lost"));
    }

    @Test
    void only_admissions_of_the_leads_campus_convert_it() {
        var tampines = scheduling.campus("Tampines");
        var there = as("admin", () -> leads.create(LeadDraft.of(tampines.id(), "Far Child", "A parent", null,
                SchedulingFixtures.unique("far").toLowerCase(Locale.ROOT) + "@example.org", source), true));
        var draft = ConversionDraft.enrolling("Far Child", null, newClass(3, true).id(), TestClock.today());
        assertThatThrownBy(() -> as(admissions, () -> conversions.convert(there.id(), there.version(), draft)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("teacher", () -> conversions.convert(there.id(), there.version(), draft)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("finance", () -> conversions.convert(there.id(), there.version(), draft)))
                .isInstanceOf(AccessDeniedException.class);
        var here = newLead("Near Child " + SchedulingFixtures.unique("C"), "A parent");
        assertThatThrownBy(() -> as(admissions, () -> conversions.convert(here.id(), here.version(),
                ConversionDraft.enrolling(here.childName(), null, newClassAt(tampines).id(), TestClock.today()))))
                .as("a class of a campus out of reach is not found").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("admin", () -> conversions.convert(here.id(), here.version(),
                ConversionDraft.enrolling(here.childName(), null, newClassAt(tampines).id(), TestClock.today()))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("lead.convert.error.class-campus"));
    }

    // --- helpers

    private ClassDetails newClass(int capacity, boolean waitingList) {
        return newClassAt(orchard, capacity, waitingList);
    }

    private ClassDetails newClassAt(Campus campus) {
        return newClassAt(campus, 5, true);
    }

    private ClassDetails newClassAt(Campus campus, int capacity, boolean waitingList) {
        var room = scheduling.room(campus, capacity);
        long teacher = scheduling.teacher("Teacher " + SchedulingFixtures.unique("T"), campus);
        var draft = scheduling.draft(course, term, campus, room, Set.of(teacher), capacity,
                SchedulingFixtures.weekly(EnumSet.of(DayOfWeek.SATURDAY), "09:00", "10:30", TestClock.today(),
                        TestClock.today().plusDays(50)));
        var withList = new io.campuscrm.scheduling.ClassDraft(draft.code(), draft.name(), draft.courseId(),
                draft.termId(), draft.campusId(), draft.roomId(), draft.capacity(), waitingList, draft.status(),
                draft.teacherIds(), draft.recurrence());
        return scheduling.create(withList);
    }

    private Lead newLead(String child, String guardian) {
        var random = new java.util.Random();
        // a Singapore mobile number, 91… to 97…
        return newLead(child, guardian, "+659" + (1 + random.nextInt(7)) + String.format("%06d",
                random.nextInt(1_000_000)));
    }

    private Lead newLead(String child, String guardian, String phone) {
        return as(admissions, () -> leads.create(LeadDraft.of(orchard.id(), child, guardian, phone,
                SchedulingFixtures.unique("lead").toLowerCase(Locale.ROOT) + "@example.org", source), true));
    }

    private Lead reload(Lead lead) {
        return SystemAuthentication.call(() -> leads.get(lead.id()));
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private <T> T as(String username, Supplier<T> work) {
        return SignedIn.as(userDetails, username, work);
    }
}
