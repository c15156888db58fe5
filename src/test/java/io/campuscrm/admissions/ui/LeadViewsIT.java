package io.campuscrm.admissions.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import io.campuscrm.admissions.Lead;
import io.campuscrm.admissions.LeadService;
import io.campuscrm.admissions.LeadStage;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/**
 * The admissions screens without a browser: a lead entered from a call opens on its page, owned by whoever entered
 * it; the same phone again is shown as known and saved only when told to; a follow-up without a next action is
 * refused on its date, one with it is saved; a lead closed as lost needs its reason.
 */
@CampusIntegrationTest
class LeadViewsIT extends SpringBrowserlessTest {

    private static final Random RANDOM = new Random();

    @Autowired
    LeadService leads;

    @Test
    @WithUserDetails("admissions")
    void a_lead_entered_from_a_call_opens_on_its_page_and_the_same_phone_again_is_saved_only_when_told_to() {
        String phone = phone();
        navigate(LeadsView.ROUTE, LeadsView.class);
        enter("Yeo Jia Xin", "Yeo Mei", phone);

        assertThat(path()).startsWith("leads/");
        long id = Long.parseLong(path().substring("leads/".length()));
        var lead = SystemAuthentication.call(() -> leads.get(id));
        assertThat(lead.childName()).isEqualTo("Yeo Jia Xin");
        assertThat(lead.stage()).isEqualTo(LeadStage.NEW);
        assertThat($(Span.class).id("lead-owner").getText()).isEqualTo("Grace Tan");

        navigate(LeadsView.ROUTE, LeadsView.class);
        enter("Yeo Jia Hui", "Yeo Mei", phone);
        var known = $(ConfirmDialog.class).id("lead-duplicates");
        assertThat(path()).isEqualTo(LeadsView.ROUTE);
        test(known).confirm();

        assertThat(path()).startsWith("leads/").isNotEqualTo("leads/" + id);
    }

    @Test
    @WithUserDetails("admissions")
    @SuppressWarnings("unchecked")
    void a_follow_up_needs_its_next_action_date_and_closing_as_lost_needs_a_reason() {
        var lead = newLead();
        navigate("leads/" + lead.id(), LeadView.class);

        test($(TextArea.class).id("follow-up-outcome")).setValue("Left a voicemail");
        test($(Button.class).id("follow-up-save")).click();
        var date = $(DatePicker.class).id("follow-up-next-on");
        assertThat(date.isInvalid()).isTrue();
        assertThat(date.getErrorMessage()).isEqualTo("Set the next action and its date, or close the lead with a"
                + " reason.");

        test(date).setValue(TestClock.today().plusDays(1));
        test($(Button.class).id("follow-up-save")).click();
        assertThat($(Span.class).id("lead-next").getText()).startsWith("Call · ");
        Grid<?> followUps = $(Grid.class).id("lead-follow-ups");
        assertThat(test(followUps).size()).isEqualTo(1);

        Select<LeadStage> stage = $(Select.class).id("lead-stage-select");
        stage.setValue(LeadStage.LOST);
        test($(Button.class).id("lead-stage-save")).click();
        Select<?> reason = $(Select.class).id("lead-lost-reason");
        assertThat(reason.isInvalid()).isTrue();
        assertThat(SystemAuthentication.call(() -> leads.get(lead.id())).stage()).as("the call made it contacted")
                .isEqualTo(LeadStage.CONTACTED);
    }

    @Test
    @WithUserDetails("admissions")
    @SuppressWarnings("unchecked")
    void the_dashboard_counts_my_follow_ups_due_today_and_its_links_open_the_list_on_what_they_count() {
        var before = leads.myWork();
        var lead = newLead();
        var contacted = leads.logFollowUp(lead.id(), lead.version(), new io.campuscrm.admissions.FollowUpDraft(
                io.campuscrm.admissions.FollowUpKind.CALL, "Call back at five", io.campuscrm.admissions.NextAction.CALL,
                TestClock.today(), null));
        assertThat(contacted.nextActionOn()).isEqualTo(TestClock.today());
        var after = leads.myWork();
        assertThat(after.dueToday()).isEqualTo(before.dueToday() + 1);
        assertThat(after.withoutNextStep()).isEqualTo(before.withoutNextStep());

        navigate(io.campuscrm.shared.ui.DashboardView.class);
        var card = $(com.vaadin.flow.component.html.Div.class).id("leads-card");
        assertThat(card.getElement().getTextRecursively()).contains(String.valueOf(after.dueToday()));
        test($(Button.class).id("leads-card-overdue")).click();

        assertThat(path()).isEqualTo(LeadsView.ROUTE);
        Select<LeadsView.Show> show = $(Select.class).id("leads-show");
        assertThat(show.getValue()).isEqualTo(LeadsView.Show.OVERDUE);
    }

    private void enter(String child, String guardian, String phone) {
        test($(Button.class).id("leads-new")).click();
        test($(TextField.class).id("lead-child")).setValue(child);
        test($(TextField.class).id("lead-guardian")).setValue(guardian);
        test($(TextField.class).id("lead-phone")).setValue(phone);
        test($(Button.class).id("lead-save")).click();
    }

    private Lead newLead() {
        navigate(LeadsView.ROUTE, LeadsView.class);
        enter("Pupil " + RANDOM.nextInt(99999), "Parent", phone());
        long id = Long.parseLong(path().substring("leads/".length()));
        return SystemAuthentication.call(() -> leads.get(id));
    }

    private static String path() {
        return UI.getCurrent().getActiveViewLocation().getPath();
    }

    private static String phone() {
        return String.valueOf(90_000_000 + 1_000_000 * (1 + RANDOM.nextInt(7)) + RANDOM.nextInt(1_000_000));
    }
}
