package io.campuscrm.admissions.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import io.campuscrm.admissions.FollowUpDraft;
import io.campuscrm.admissions.FollowUpKind;
import io.campuscrm.admissions.LeadDraft;
import io.campuscrm.admissions.LeadService;
import io.campuscrm.admissions.NextAction;
import io.campuscrm.scheduling.SchedulingFixtures;
import io.campuscrm.security.UserDraft;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.shared.ui.DashboardView;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.SignedIn;
import io.campuscrm.support.TestClock;

/**
 * The admissions card on the dashboard without a browser: a lead whose next action is due today is named on it with
 * what to do and opens its page; the card shows the user's leads by stage and this week's response time. The
 * account card asks an admissions user whether they want the daily e-mail of their due follow-ups.
 */
@CampusIntegrationTest
class LeadsDashboardCardIT extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    LeadService leads;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_lead_due_today_is_named_on_the_card_and_opens_its_page() {
        String me = admissionsUser();
        var lead = as(me, () -> {
            var created = leads.create(LeadDraft.of(new SchedulingFixtures(context).campus("Orchard").id(),
                    "Koh Mei Ling", "Koh Wen", null, SchedulingFixtures.unique("koh").toLowerCase(Locale.ROOT)
                            + "@example.org", source()), true);
            return leads.logFollowUp(created.id(), created.version(), new FollowUpDraft(FollowUpKind.CALL,
                    "Asked to call back", NextAction.CALL, TestClock.today(), null));
        });

        as(me, () -> {
            navigate(DashboardView.class);
            var card = $(Div.class).id("leads-card");
            assertThat(card.getElement().getTextRecursively()).contains("My follow-ups", "due today");
            var due = $(Anchor.class).id("leads-card-due-" + lead.id());
            assertThat(due.getText()).isEqualTo("Koh Mei Ling");
            assertThat(test(due).getPath()).isEqualTo("leads/" + lead.id());
            assertThat(((Span) due.getParent().orElseThrow().getChildren().toList().get(1)).getText())
                    .isEqualTo("Call today");
            assertThat($(Div.class).id("leads-card-by-stage").getElement().getTextRecursively())
                    .contains("My open leads by stage", "Contacted1");
            assertThat($(Div.class).id("leads-card-response-time").getElement().getTextRecursively())
                    .startsWith("Response time this week");

            test(due).click();
            assertThat(UI.getCurrent().getActiveViewLocation().getPath()).isEqualTo("leads/" + lead.id());
            assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LeadView.class);
            return lead;
        });
    }

    @Test
    void an_admissions_user_asks_for_the_daily_digest_on_their_account_card() {
        String me = admissionsUser();
        as(me, () -> {
            navigate(DashboardView.class);
            var digest = $(Checkbox.class).id("account-digest");
            assertThat(digest.getLabel()).isEqualTo("E-mail me a daily digest of my due follow-ups");
            assertThat(digest.getValue()).isFalse();

            test(digest).click();

            assertThat(users.ownFollowUpDigest()).isTrue();
            UI.getCurrent().refreshCurrentRoute(true);
            assertThat($(Checkbox.class).id("account-digest").getValue()).isTrue();
            return null;
        });
    }

    private String admissionsUser() {
        var orchard = new SchedulingFixtures(context).campus("Orchard");
        String username = SchedulingFixtures.unique("card").toLowerCase(Locale.ROOT);
        SystemAuthentication.call(() -> users.create(UserDraft.of(username, "Admissions " + username,
                username + "@example.org", Set.of(Role.ADMISSIONS), Set.of(orchard.id())), "a long enough password"));
        return username;
    }

    private <T> T as(String username, Supplier<T> work) {
        return SignedIn.as(userDetails, username, work);
    }

    private long source() {
        return jdbc.queryForObject("SELECT id FROM lead_source WHERE label_key = 'lead.source.phone'", Long.class);
    }
}
