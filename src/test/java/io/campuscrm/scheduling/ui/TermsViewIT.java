package io.campuscrm.scheduling.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;

import io.campuscrm.scheduling.ClosureKind;
import io.campuscrm.scheduling.Term;
import io.campuscrm.scheduling.TermClosure;
import io.campuscrm.scheduling.TermDraft;
import io.campuscrm.scheduling.TermService;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/** The term dialog without a browser: its fields' messages, the service's refusals on their field, saving. */
@CampusIntegrationTest
class TermsViewIT extends SpringBrowserlessTest {

    /** After the other tests' terms: the grid lists the latest first, so the terms made here come first. */
    private static final LocalDate START = TestClock.monday(520);
    private static final LocalDate END = START.plusWeeks(10);

    @Autowired
    TermService terms;

    @Test
    @WithUserDetails("admin")
    void a_new_term_without_name_or_dates_is_not_saved_and_each_field_says_what_to_enter() {
        navigate(TermsView.class);
        test($(Button.class).id("new-term")).click();
        test($(Button.class).id("save-term")).click();

        assertThat(nameField().isInvalid()).isTrue();
        assertThat(nameField().getErrorMessage()).isEqualTo("Enter the term's name");
        assertThat(startsOnField().isInvalid()).isTrue();
        assertThat(startsOnField().getErrorMessage()).isEqualTo("Choose the first day");
        assertThat(endsOnField().isInvalid()).isTrue();
        assertThat(endsOnField().getErrorMessage()).isEqualTo("Choose the last day");
        assertThat($(Button.class).withId("save-term").exists()).as("the dialog stays open").isTrue();
    }

    @Test
    @WithUserDetails("admin")
    void a_last_day_before_the_first_is_refused_on_the_last_day_field() {
        String name = unique("UI term");
        navigate(TermsView.class);
        test($(Button.class).id("new-term")).click();
        test(nameField()).setValue(name);
        startsOnField().setValue(START);
        endsOnField().setValue(START.minusDays(1));
        test($(Button.class).id("save-term")).click();

        assertThat(endsOnField().isInvalid()).isTrue();
        assertThat(endsOnField().getErrorMessage()).isEqualTo("The last day must not be before the first day.");
        assertThat(nameField().isInvalid()).isFalse();
        assertThat(named(name)).isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void a_name_another_term_has_is_refused_on_the_name_field() {
        var existing = create(unique("UI term"));
        navigate(TermsView.class);
        test($(Button.class).id("new-term")).click();
        test(nameField()).setValue(existing.name().toUpperCase());
        startsOnField().setValue(START);
        endsOnField().setValue(END);
        test($(Button.class).id("save-term")).click();

        assertThat(nameField().isInvalid()).isTrue();
        assertThat(nameField().getErrorMessage())
                .isEqualTo("There is already a term called " + existing.name().toUpperCase() + ".");
    }

    @Test
    @WithUserDetails("admin")
    void a_closure_outside_the_terms_dates_is_refused_under_the_closures() {
        var term = create(unique("UI term"));
        openTerm(term);
        test($(Button.class).id("add-closure")).click();
        var grid = closuresGrid();
        test((TextField) test(grid).getCellComponent(0, 0)).setValue("Too late");
        ((DatePicker) test(grid).getCellComponent(0, 2)).setValue(END.plusDays(3));
        test($(Button.class).id("save-term")).click();

        var closures = $(ClosuresField.class).single();
        assertThat(closures.isInvalid()).isTrue();
        assertThat(closures.getErrorMessage()).isEqualTo("Too late lies outside the term's dates.");
        assertThat(SystemAuthentication.call(() -> terms.get(term.id()))).isEqualTo(term);
    }

    @Test
    @WithUserDetails("admin")
    void an_administrator_renames_a_term_and_adds_a_holiday_in_the_dialog() {
        var term = create(unique("UI term"));
        openTerm(term);
        assertThat(nameField().getValue()).isEqualTo(term.name());
        test(nameField()).setValue(" " + term.name() + " renamed ");
        test($(Button.class).id("add-closure")).click();
        test($(Button.class).id("add-closure")).click();
        var grid = closuresGrid();
        test((TextField) test(grid).getCellComponent(0, 0)).setValue(" Founders' Day ");
        ((DatePicker) test(grid).getCellComponent(0, 2)).setValue(START.plusDays(8));
        test($(Button.class).id("save-term")).click();

        var saved = SystemAuthentication.call(() -> terms.get(term.id()));
        assertThat(saved.name()).isEqualTo(term.name() + " renamed");
        assertThat(saved.startsOn()).isEqualTo(START);
        assertThat(saved.closures()).as("the row left without a name is not a closure").containsExactly(
                new TermClosure("Founders' Day", ClosureKind.HOLIDAY, START.plusDays(8), START.plusDays(8)));
    }

    @Test
    @WithUserDetails("admin")
    void cancelling_the_dialog_discards_what_was_typed() {
        var term = create(unique("UI term"));
        openTerm(term);
        test(nameField()).setValue("Renamed and cancelled");
        endsOnField().setValue(END.plusWeeks(1));
        test($(Button.class).withText("Cancel").single()).click();

        assertThat(SystemAuthentication.call(() -> terms.get(term.id()))).isEqualTo(term);
        openTerm(term);
        assertThat(nameField().getValue()).isEqualTo(term.name());
        assertThat(endsOnField().getValue()).isEqualTo(END);
    }

    private void openTerm(Term term) {
        navigate(TermsView.class);
        @SuppressWarnings("unchecked")
        Grid<Term> grid = $(Grid.class).id("terms-grid");
        for (int row = 0; row < test(grid).size(); row++) {
            if (test(grid).getRow(row).id() == term.id()) {
                test(grid).clickRow(row);
                return;
            }
        }
        throw new AssertionError("term " + term.name() + " is not in the grid");
    }

    private Term create(String name) {
        return SystemAuthentication.call(() -> terms.create(new TermDraft(name, START, END, List.of())));
    }

    private List<Term> named(String name) {
        return SystemAuthentication.call(() -> terms.find(PageRequest.of(0, 1000)).stream()
                .filter(t -> t.name().equals(name)).toList());
    }

    @SuppressWarnings("unchecked")
    private Grid<Object> closuresGrid() {
        return $(Grid.class).id("term-closures");
    }

    private TextField nameField() {
        return $(TextField.class).id("term-name");
    }

    private DatePicker startsOnField() {
        return $(DatePicker.class).id("term-starts-on");
    }

    private DatePicker endsOnField() {
        return $(DatePicker.class).id("term-ends-on");
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
