package io.campuscrm.admissions.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;

import io.campuscrm.admissions.CampaignDraft;
import io.campuscrm.admissions.LeadCampaign;
import io.campuscrm.admissions.LeadCatalogService;
import io.campuscrm.admissions.LeadChoice;
import io.campuscrm.admissions.LeadList;
import io.campuscrm.admissions.LeadListEntry;
import io.campuscrm.admissions.LeadService;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.i18n.Money;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.students.FamilyService;
import io.campuscrm.students.FamilySummary;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/**
 * The admissions settings screen without a browser: an administrator adds a source, which is listed and offered for
 * new leads, and the same name again is refused on its field; a campaign that ends before it starts is refused on
 * its end date, and once corrected it is listed with its cost in the institution's currency. A new lead from an ad
 * takes a campaign of that source running today; one from a referral names the family who sent it, and the lead's
 * page shows both.
 */
@CampusIntegrationTest
class AdmissionsSettingsViewIT extends SpringBrowserlessTest {

    private static final Random RANDOM = new Random();

    @Autowired
    LeadCatalogService catalog;
    @Autowired
    LeadService leads;
    @Autowired
    FamilyService families;
    @Autowired
    InstitutionService institution;
    @Autowired
    io.campuscrm.admissions.IntakeKeyService keys;

    @Test
    @WithUserDetails("admin")
    @SuppressWarnings("unchecked")
    void an_administrator_adds_a_source_which_is_listed_and_offered_and_the_same_name_again_is_refused_on_the_field() {
        navigate(AdmissionsSettingsView.ROUTE, AdmissionsSettingsView.class);
        String name = "Community newsletter " + RANDOM.nextInt(1_000_000);
        var field = $(TextField.class).id("settings-sources-name");

        test(field).setValue(name);
        test($(Button.class).id("settings-sources-add")).click();

        Grid<LeadListEntry> grid = $(Grid.class).id("settings-sources-grid");
        assertThat(test(grid).getCellText(test(grid).size() - 1, 0)).isEqualTo(name);
        assertThat(test(grid).getCellText(0, 0)).as("a built-in source, in the reader's language")
                .isEqualTo("Walk-in");
        assertThat(leads.sources()).extracting(LeadChoice::name).contains(name);
        assertThat(field.getValue()).isEmpty();

        test(field).setValue(name.toUpperCase(java.util.Locale.ROOT));
        test($(Button.class).id("settings-sources-add")).click();
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo("There is already an entry called "
                + name.toUpperCase(java.util.Locale.ROOT) + ".");
    }

    @Test
    @WithUserDetails("admin")
    @SuppressWarnings("unchecked")
    void a_campaign_ending_before_it_starts_is_refused_on_its_end_and_once_corrected_is_listed_with_its_cost() {
        navigate(AdmissionsSettingsView.ROUTE + "/campaigns", AdmissionsSettingsView.class);
        String name = "MRT station posters " + RANDOM.nextInt(1_000_000);
        var today = TestClock.today();
        test($(Button.class).id("settings-campaigns-new")).click();

        test($(TextField.class).id("campaign-name")).setValue(name);
        Select<LeadListEntry> source = $(Select.class).id("campaign-source");
        source.setValue(catalog.entries(LeadList.SOURCES).stream().filter(e -> "lead.source.ad".equals(e.labelKey()))
                .findFirst().orElseThrow());
        test($(DatePicker.class).id("campaign-starts-on")).setValue(today);
        var ends = $(DatePicker.class).id("campaign-ends-on");
        test(ends).setValue(today.minusDays(1));
        $(BigDecimalField.class).id("campaign-cost").setValue(new BigDecimal("1234.5"));
        test($(Button.class).id("campaign-save")).click();

        assertThat(ends.isInvalid()).isTrue();
        assertThat(ends.getErrorMessage()).isEqualTo("The campaign cannot end before it starts.");
        assertThat($(Dialog.class).all()).extracting(Dialog::getId).contains(java.util.Optional.of("campaign-dialog"));

        test(ends).setValue(today.plusDays(14));
        test($(Button.class).id("campaign-save")).click();

        Grid<LeadCampaign> grid = $(Grid.class).id("settings-campaigns-grid");
        List<String> row = rowNamed(grid, name);
        var settings = institution.settings();
        assertThat(row.get(3)).isEqualTo(Money.format(new BigDecimal("1234.50"), settings.currency(),
                UI.getCurrent().getLocale()));
        assertThat(row.get(1)).isEqualTo("Advertising");
        assertThat(row.get(4)).isEqualTo("Running");
    }

    @Test
    @WithUserDetails("admissions")
    @SuppressWarnings("unchecked")
    void a_lead_from_an_ad_takes_a_campaign_running_today_and_one_from_a_referral_names_the_family_who_sent_it() {
        var today = TestClock.today();
        var ad = source("lead.source.ad");
        var campaign = SystemAuthentication.call(() -> catalog.createCampaign(new CampaignDraft(
                "Instagram stories " + RANDOM.nextInt(1_000_000), ad.id(), today.minusDays(1), today.plusDays(7),
                new BigDecimal("420.00"))));

        navigate(LeadsView.ROUTE, LeadsView.class);
        test($(Button.class).id("leads-new")).click();
        fill("Ad pupil " + RANDOM.nextInt(99999));
        $(Select.class).id("lead-source").setValue(ad);
        Select<LeadCampaign> campaigns = $(Select.class).id("lead-campaign");
        assertThat(campaigns.isVisible()).isTrue();
        assertThat($(ComboBox.class).all()).as("the referring family, only for a referral")
                .noneMatch(c -> c.getId().filter("lead-referrer"::equals).isPresent());
        campaigns.setValue(campaign);
        test($(Button.class).id("lead-save")).click();

        assertThat(lead().campaignId()).isEqualTo(campaign.id());
        assertThat($(Span.class).id("lead-campaign").getText()).isEqualTo(campaign.name());

        FamilySummary family = families.findFamilies("", 1).getFirst();
        navigate(LeadsView.ROUTE, LeadsView.class);
        test($(Button.class).id("leads-new")).click();
        fill("Referred pupil " + RANDOM.nextInt(99999));
        $(Select.class).id("lead-source").setValue(source("lead.source.referral"));
        ComboBox<FamilySummary> referrer = $(ComboBox.class).id("lead-referrer");
        assertThat(referrer.isVisible()).isTrue();
        referrer.setValue(family);
        test($(Button.class).id("lead-save")).click();

        assertThat(lead().referringFamilyId()).isEqualTo(family.id());
        assertThat($(Span.class).id("lead-referrer").getText()).startsWith(family.familyNumber() + " · "
                + family.displayName());
    }

    private void fill(String child) {
        test($(TextField.class).id("lead-child")).setValue(child);
        test($(TextField.class).id("lead-phone")).setValue(String.valueOf(90_000_000 + 1_000_000
                * (1 + RANDOM.nextInt(7)) + RANDOM.nextInt(1_000_000)));
    }

    @Test
    @WithUserDetails("admin")
    @SuppressWarnings("unchecked")
    void an_administrator_makes_an_intake_key_shown_once_that_the_endpoint_takes_until_it_is_revoked() {
        navigate(AdmissionsSettingsView.ROUTE + "/intake-keys", AdmissionsSettingsView.class);
        String name = "Ad platform " + RANDOM.nextInt(1_000_000);
        test($(Button.class).id("settings-intake-keys-new")).click();
        test($(Button.class).id("intake-key-save")).click();
        assertThat($(TextField.class).id("intake-key-name").isInvalid()).as("a key needs a name").isTrue();

        test($(TextField.class).id("intake-key-name")).setValue(name);
        test($(Button.class).id("intake-key-save")).click();

        String secret = $(TextField.class).id("intake-key-secret").getValue();
        assertThat(secret).startsWith("ccrm_").hasSizeGreaterThan(40);
        var key = keys.keys().stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
        assertThat(key.prefix()).isEqualTo(secret.substring(0, 12));
        Grid<io.campuscrm.admissions.IntakeKey> grid = $(Grid.class).id("settings-intake-keys-grid");
        assertThat(test(grid).getCellText(0, 0)).isEqualTo(name);
        assertThat(test(grid).getCellText(0, 1)).as("only its start").isEqualTo(key.prefix() + "…")
                .doesNotContain(secret);

        test((Button) test(grid).getCellComponent(0, grid.getColumns().size() - 1)).click();
        test($(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class).id("intake-key-revoke-confirm"))
                .confirm();
        assertThat(keys.keys().stream().filter(k -> k.id() == key.id()).findFirst().orElseThrow().revoked())
                .isTrue();
    }

    private LeadChoice source(String labelKey) {
        return leads.sources().stream().filter(c -> labelKey.equals(c.labelKey())).findFirst().orElseThrow();
    }

    private io.campuscrm.admissions.Lead lead() {
        String path = UI.getCurrent().getActiveViewLocation().getPath();
        assertThat(path).startsWith("leads/");
        long id = Long.parseLong(path.substring("leads/".length()));
        return leads.get(id);
    }

    private List<String> rowNamed(Grid<LeadCampaign> grid, String name) {
        var tester = test(grid);
        for (int row = 0; row < tester.size(); row++) {
            if (tester.getCellText(row, 0).equals(name)) {
                List<String> cells = new ArrayList<>();
                for (int column = 0; column < grid.getColumns().size(); column++) {
                    cells.add(tester.getCellText(row, column));
                }
                return cells;
            }
        }
        throw new AssertionError("no campaign called " + name + " in the grid");
    }
}
