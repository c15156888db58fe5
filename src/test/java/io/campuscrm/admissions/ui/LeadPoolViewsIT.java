package io.campuscrm.admissions.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;

import io.campuscrm.admissions.LeadDraft;
import io.campuscrm.admissions.LeadPoolService;
import io.campuscrm.admissions.LeadService;
import io.campuscrm.admissions.LeadStage;
import io.campuscrm.scheduling.ClassSummary;
import io.campuscrm.scheduling.SchedulingFixtures;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/**
 * The pool and the conversion on the screens, without a browser: a lead of the pool is taken from its page and then
 * shows when it goes back; the Team tab lists a campus's team with its rules and sets someone's days away; the lead
 * page's Convert makes the student enrolled in the class chosen and opens their timeline.
 */
@CampusIntegrationTest
class LeadPoolViewsIT extends SpringBrowserlessTest {

    private static final Random RANDOM = new Random();

    @Autowired
    ApplicationContext context;
    @Autowired
    LeadService leads;
    @Autowired
    LeadPoolService pool;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    io.campuscrm.students.StudentChanges students;

    @Test
    @WithUserDetails("admissions")
    @SuppressWarnings("unchecked")
    void a_pool_lead_is_taken_on_its_page_and_converted_into_a_student_enrolled_in_the_class_chosen() {
        var scheduling = new SchedulingFixtures(context);
        var orchard = scheduling.campus("Orchard");
        var course = scheduling.course();
        var term = scheduling.term(TestClock.today(), TestClock.today().plusDays(40));
        var room = scheduling.room(orchard, 8);
        long teacher = scheduling.teacher("Teacher " + SchedulingFixtures.unique("T"), orchard);
        var schoolClass = scheduling.create(scheduling.draft(course, term, orchard, room, Set.of(teacher), 8,
                SchedulingFixtures.weekly(EnumSet.of(DayOfWeek.SUNDAY), "09:00", "10:00", TestClock.today(),
                        TestClock.today().plusDays(30))));
        long source = jdbc.queryForObject("SELECT MIN(id) FROM lead_source", Long.class);
        String child = "Pooled " + RANDOM.nextInt(99999);
        var lead = SystemAuthentication.call(() -> leads.create(new LeadDraft(orchard.id(), child, "Koh Mei",
                "9" + (1 + RANDOM.nextInt(7)) + String.format("%06d", RANDOM.nextInt(1_000_000)), null, course.id(),
                null, null, source, null, null, null), true));
        assertThat(lead.ownerId()).as("an administrator's entry: the pool").isNull();

        navigate(LeadView.route(lead.id()), LeadView.class);
        assertThat($(Span.class).id("lead-owner").getText()).isEqualTo("The campus pool");
        test($(Button.class).id("lead-take")).click();
        assertThat($(Span.class).id("lead-owner").getText()).isEqualTo("Grace Tan");
        assertThat($(Span.class).id("lead-returns-on").getText()).startsWith("Goes back to the pool on")
                .endsWith("(after 14 quiet days)");

        test($(Button.class).id("lead-convert")).click();
        Select<ConvertDialog.FamilyChoice> family = $(Select.class).id("convert-family");
        assertThat(family.getValue().label()).isEqualTo("A new family, with Koh Mei as guardian");
        Select<ClassSummary> classes = $(Select.class).id("convert-class");
        var offered = classes.getListDataView().getItems().toList();
        assertThat(offered).extracting(ClassSummary::id).containsExactly(schoolClass.id());
        classes.setValue(offered.getFirst());
        test($(Button.class).id("convert-confirm")).click();

        var converted = SystemAuthentication.call(() -> leads.get(lead.id()));
        assertThat(converted.stage()).isEqualTo(LeadStage.ENROLLED);
        assertThat(converted.studentId()).isNotNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM class_enrollment WHERE class_id = ? AND student_id = ?"
                + " AND status = 'ENROLLED'", Integer.class, schoolClass.id(), converted.studentId())).isOne();
        assertThat(com.vaadin.flow.component.UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("students/" + converted.studentId() + "/timeline");
    }

    @Test
    @WithUserDetails("admissions")
    @SuppressWarnings("unchecked")
    void converting_a_child_whose_guardian_the_school_knows_offers_that_family_and_joins_it() {
        var orchard = new SchedulingFixtures(context).campus("Orchard");
        String phone = "+659" + (1 + RANDOM.nextInt(7)) + String.format("%06d", RANDOM.nextInt(1_000_000));
        var sibling = SystemAuthentication.call(() -> students.create(io.campuscrm.students.NewStudent.withNewFamily(
                io.campuscrm.students.StudentDraft.named("Sibling " + RANDOM.nextInt(99999), orchard.id()),
                new io.campuscrm.students.GuardianDraft("Known Parent", io.campuscrm.students.GuardianRelationship
                        .MOTHER, phone, null, null, true))));
        long source = jdbc.queryForObject("SELECT MIN(id) FROM lead_source", Long.class);
        var lead = leads.create(new LeadDraft(orchard.id(), "Younger " + RANDOM.nextInt(99999), "Known Parent",
                phone, null, null, null, null, source, null, null, null), true);

        navigate(LeadView.route(lead.id()), LeadView.class);
        test($(Button.class).id("lead-convert")).click();
        com.vaadin.flow.component.radiobutton.RadioButtonGroup<ConvertDialog.Next> next = $(
                com.vaadin.flow.component.radiobutton.RadioButtonGroup.class).id("convert-next");
        next.setValue(ConvertDialog.Next.NOTHING);
        Select<ConvertDialog.FamilyChoice> family = $(Select.class).id("convert-family");
        assertThat(family.getValue().id()).as("the family of the guardian the lead's phone matches")
                .isEqualTo(sibling.familyId());
        // a new family all the same: the students module finds the guardian, and the family is offered again
        family.setValue(family.getListDataView().getItems().filter(f -> f.id() == null).findFirst().orElseThrow());
        test($(Button.class).id("convert-confirm")).click();
        assertThat($(Paragraph.class).id("convert-duplicates").isVisible()).isTrue();
        assertThat($(Button.class).id("convert-anyway").isVisible()).isTrue();
        assertThat(family.getValue().id()).isEqualTo(sibling.familyId());
        test($(Button.class).id("convert-confirm")).click();

        var converted = SystemAuthentication.call(() -> leads.get(lead.id()));
        assertThat(converted.stage()).isEqualTo(LeadStage.ENROLLED);
        assertThat(jdbc.queryForObject("SELECT family_id FROM student WHERE id = ?", Long.class,
                converted.studentId())).isEqualTo(sibling.familyId());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM guardian WHERE family_id = ?", Integer.class,
                sibling.familyId())).isOne();
    }

    @Test
    @WithUserDetails("admin")
    @SuppressWarnings("unchecked")
    void the_team_tab_shows_the_campus_rules_and_sets_a_members_days_away() {
        navigate("admin/admissions/team", AdmissionsSettingsView.class);
        Select<io.campuscrm.institution.Campus> campus = $(Select.class).id("team-campus");
        campus.setValue(campus.getListDataView().getItems().filter(c -> c.name().equals("Orchard")).findFirst()
                .orElseThrow());
        assertThat($(Paragraph.class).id("team-rules").getText()).startsWith("New leads: into the pool. At most 100");
        Grid<LeadPoolService.TeamMember> grid = $(Grid.class).id("team-grid");
        var team = test(grid);
        assertThat(team.size()).isPositive();
        var grace = SystemAuthentication.call(() -> pool.team(new SchedulingFixtures(context).campus("Orchard")
                .id())).stream().filter(m -> m.displayName().equals("Grace Tan")).findFirst().orElseThrow();

        int row = 0;
        while (team.getRow(row).userId() != grace.userId()) {
            row++;
        }
        assertThat(team.getCellText(row, 1)).isEqualTo(grace.openLeads() + " of 100");
        test((Button) team.getCellComponent(row, 4)).click();
        DatePicker from = $(DatePicker.class).id("team-away-from");
        DatePicker until = $(DatePicker.class).id("team-away-until");
        from.setValue(TestClock.today().plusDays(3));
        until.setValue(TestClock.today().plusDays(1));
        test($(Button.class).id("team-away-save")).click();
        assertThat(until.isInvalid()).as("the last day before the first").isTrue();
        until.setValue(TestClock.today().plusDays(5));
        test($(Button.class).id("team-away-save")).click();

        var saved = SystemAuthentication.call(() -> pool.team(new SchedulingFixtures(context).campus("Orchard")
                .id())).stream().filter(m -> m.userId() == grace.userId()).findFirst().orElseThrow();
        assertThat(saved.awayFrom()).isEqualTo(TestClock.today().plusDays(3));
        assertThat(saved.awayUntil()).isEqualTo(TestClock.today().plusDays(5));
        // back as she was, for the other tests
        SystemAuthentication.call(() -> {
            pool.setAway(grace.userId(), saved.version(), null, null);
            return null;
        });
    }
}
