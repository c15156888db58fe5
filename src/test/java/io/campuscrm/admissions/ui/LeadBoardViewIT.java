package io.campuscrm.admissions.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.dnd.DropEvent;
import com.vaadin.flow.component.dnd.internal.DndUtil;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;

import io.campuscrm.admissions.Lead;
import io.campuscrm.admissions.LeadCard;
import io.campuscrm.admissions.LeadChoice;
import io.campuscrm.admissions.LeadDraft;
import io.campuscrm.admissions.LeadService;
import io.campuscrm.admissions.LeadStage;
import io.campuscrm.scheduling.SchedulingFixtures;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;

/**
 * The board without a browser: it opens from the list on the user's first campus, a column per stage with its count;
 * a card dropped on Enrolled is refused with the service's message and stays in its column; dropped on Lost it asks
 * for the reason and moves only with one; dropped on Contacted it moves. The drop is the one Vaadin's drag and drop
 * makes: the card dragged (the UI's active drag source) and a drop event on the column.
 */
@CampusIntegrationTest
class LeadBoardViewIT extends SpringBrowserlessTest {

    private static final Random RANDOM = new Random();

    @Autowired
    LeadService leads;
    @Autowired
    JdbcTemplate jdbc;

    private long campaign;

    @BeforeEach
    void aCampaignOfItsOwn() {
        jdbc.update("INSERT INTO lead_campaign (name, source_id, starts_on, ends_on, cost, created_at)"
                + " SELECT ?, MIN(id), '2029-01-01', '2029-12-31', 0, NOW() FROM lead_source",
                SchedulingFixtures.unique("Board"));
        campaign = jdbc.queryForObject("SELECT MAX(id) FROM lead_campaign", Long.class);
    }

    @Test
    @WithUserDetails("admissions")
    void the_board_opens_from_the_list_with_a_column_and_a_count_per_stage_and_back() {
        navigate(LeadsView.ROUTE, LeadsView.class);
        test($(Button.class).id("leads-board")).click();

        assertThat(path()).isEqualTo(LeadBoardView.ROUTE);
        for (LeadStage stage : LeadStage.values()) {
            assertThat($(Div.class).id("board-column-" + stage.name())).isNotNull();
            assertThat($(Span.class).id("board-count-" + stage.name()).getText()).matches("\\d+");
        }
        test($(Button.class).id("board-list")).click();
        assertThat(path()).isEqualTo(LeadsView.ROUTE);
    }

    @Test
    @WithUserDetails("admissions")
    void a_card_dropped_on_enrolled_is_refused_with_the_service_s_message_and_stays_where_it_was() {
        var board = openBoard();
        var lead = newLead(board);
        assertThat(count(LeadStage.NEW)).isEqualTo("1");

        dropOn(board, LeadStage.ENROLLED);

        assertThat(test($(Notification.class).last()).getText())
                .isEqualTo("A lead becomes enrolled when it is converted into a student.");
        assertThat(stageOf(lead)).isEqualTo(LeadStage.NEW);
        assertThat(count(LeadStage.NEW)).isEqualTo("1");
        assertThat(count(LeadStage.ENROLLED)).isEqualTo("0");
        assertThat(test(board.cards(LeadStage.NEW)).getItem(0).id()).isEqualTo(lead.id());
    }

    @Test
    @WithUserDetails("admissions")
    @SuppressWarnings("unchecked")
    void a_card_dropped_on_lost_asks_why_and_moves_only_with_a_reason_and_one_dropped_on_contacted_moves() {
        var board = openBoard();
        var lead = newLead(board);

        dropOn(board, LeadStage.CONTACTED);
        assertThat(stageOf(lead)).isEqualTo(LeadStage.CONTACTED);
        assertThat(count(LeadStage.NEW)).isEqualTo("0");
        assertThat(count(LeadStage.CONTACTED)).isEqualTo("1");

        dropOn(board, LeadStage.LOST);
        assertThat($(Dialog.class).id("board-lost-dialog").isOpened()).isTrue();
        test($(Button.class).id("board-lost-confirm")).click();
        Select<LeadChoice> reason = $(Select.class).id("board-lost-reason");
        assertThat(reason.isInvalid()).as("no reason").isTrue();
        assertThat(stageOf(lead)).isEqualTo(LeadStage.CONTACTED);

        test(reason).selectItem(reason.getListDataView().getItems().findFirst().map(c -> board.getTranslation(
                c.labelKey())).orElseThrow());
        test($(Button.class).id("board-lost-confirm")).click();
        assertThat(stageOf(lead)).isEqualTo(LeadStage.LOST);
        assertThat(count(LeadStage.CONTACTED)).isEqualTo("0");
        assertThat(count(LeadStage.LOST)).isEqualTo("1");
        assertThat(SystemAuthentication.call(() -> leads.history(lead.id()))).first()
                .satisfies(e -> assertThat(e.after()).isEqualTo("LOST"));
    }

    /** The board on the user's first campus. */
    private LeadBoardView openBoard() {
        return navigate(LeadBoardView.ROUTE, LeadBoardView.class);
    }

    /** What Vaadin does when the card of the board's only lead is dropped on a column. */
    private void dropOn(LeadBoardView board, LeadStage target) {
        var from = java.util.Arrays.stream(LeadStage.values()).filter(s -> test(board.cards(s)).size() > 0)
                .findFirst().orElseThrow();
        Component card = test(board.cards(from)).getItemComponent(0);
        assertThat(card.getId()).hasValueSatisfying(id -> assertThat(id).startsWith("board-card-"));
        assertThat(ComponentUtil.getData(card, DndUtil.DRAG_SOURCE_DATA_KEY)).isInstanceOf(LeadCard.class);
        var column = $(Div.class).id("board-column-" + target.name());
        UI.getCurrent().getInternals().setActiveDragSourceComponent(card);
        ComponentUtil.fireEvent(column, new DropEvent<>(column, true, "all"));
        UI.getCurrent().getInternals().setActiveDragSourceComponent(null);
    }

    private String count(LeadStage stage) {
        return $(Span.class).id("board-count-" + stage.name()).getText();
    }

    private LeadStage stageOf(Lead lead) {
        return SystemAuthentication.call(() -> leads.get(lead.id())).stage();
    }

    /**
     * A lead of the board's campus in the test's campaign, the board then filtered on the campaign: the lead is its
     * only card.
     */
    @SuppressWarnings("unchecked")
    private Lead newLead(LeadBoardView board) {
        long source = jdbc.queryForObject("SELECT MIN(id) FROM lead_source", Long.class);
        Select<io.campuscrm.institution.Campus> campus = $(Select.class).id("board-campus");
        var lead = leads.create(new LeadDraft(campus.getValue().id(), "Board " + RANDOM.nextInt(99999), "Parent",
                phone(), null, null, null, null, source, campaign,
                null, null), true);
        Select<LeadChoice> campaigns = $(Select.class).id("board-campaign");
        campaigns.setValue(campaigns.getListDataView().getItems().filter(c -> c.id() == campaign).findFirst()
                .orElseThrow());
        return lead;
    }

    private static String phone() {
        return String.valueOf(90_000_000 + 1_000_000 * (1 + RANDOM.nextInt(7)) + RANDOM.nextInt(1_000_000));
    }

    private static String path() {
        return UI.getCurrent().getActiveViewLocation().getPath();
    }
}
