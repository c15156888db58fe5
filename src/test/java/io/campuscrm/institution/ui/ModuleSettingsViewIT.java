package io.campuscrm.institution.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.institution.SettingState;
import io.campuscrm.institution.SettingsService;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;

/**
 * The modules' settings page without a browser: a changed value loses its "Default" marker, a reset brings it back,
 * a value out of range is refused on its field with what to enter, a stale edit is refused with a reload, and a
 * campus gets its own value. What a test
 * changes is put back after it.
 */
@CampusIntegrationTest
class ModuleSettingsViewIT extends SpringBrowserlessTest {

    private static final String ROWS = "students.import-max-rows";
    private static final String DOCUMENT = "students.document-max-size";

    @Autowired
    SettingsService settings;
    @Autowired
    InstitutionService institution;

    @AfterEach
    void putBack() {
        SystemAuthentication.run(() -> {
            var rows = state(ROWS);
            if (rows.institution().overridden()) {
                settings.reset(ROWS, null, rows.institution().version());
            }
            var orchard = state(DOCUMENT).campuses().stream().filter(c -> c.campusId() == orchardId()).findFirst()
                    .orElseThrow();
            if (orchard.overridden()) {
                settings.reset(DOCUMENT, orchard.campusId(), orchard.version());
            }
        });
    }

    @Test
    @WithUserDetails("admin")
    void the_settings_pages_link_each_other_and_the_mail_servers_page() {
        navigate(ModuleSettingsView.class);
        assertThat($(Anchor.class).id("tab-institution").getHref()).isEqualTo("admin/settings");
        assertThat($(Anchor.class).id("tab-modules").getClassNames()).contains("selected");
        assertThat($(Anchor.class).id("tab-mail").getHref()).isEqualTo("admin/mail");
        assertThat($(Anchor.class).id("tab-mail").getText()).isEqualTo("E-mail");
    }

    @Test
    @WithUserDetails("admin")
    void settings_are_grouped_by_module_with_their_label_help_and_default_marker() {
        navigate(ModuleSettingsView.class);
        var rows = $(IntegerField.class).id("setting-" + ROWS);
        assertThat(rows.getLabel()).isEqualTo("Most rows in one import");
        assertThat(rows.getHelperText()).startsWith("A CSV file with more students");
        assertThat(rows.getValue()).isEqualTo(20_000);
        assertThat(markerShown("default-" + ROWS)).isTrue();
        assertThat($(Button.class).id("reset-" + ROWS).isEnabled()).isFalse();
        assertThat($(IntegerField.class).id("setting-security.lockout-duration").getValue()).isEqualTo(15);
    }

    @Test
    @WithUserDetails("admin")
    void a_changed_value_loses_its_default_marker_and_a_reset_brings_the_default_back() {
        navigate(ModuleSettingsView.class);
        test($(IntegerField.class).id("setting-" + ROWS)).setValue(5_000);
        test($(Button.class).id("save-" + ROWS)).click();

        assertThat(SystemAuthentication.call(() -> state(ROWS)).institutionValue()).isEqualTo("5000");
        assertThat(markerShown("default-" + ROWS)).isFalse();
        var reset = $(Button.class).id("reset-" + ROWS);
        assertThat(reset.isEnabled()).isTrue();

        test(reset).click();
        assertThat(SystemAuthentication.call(() -> state(ROWS)).institution().overridden()).isFalse();
        assertThat(markerShown("default-" + ROWS)).isTrue();
        assertThat($(IntegerField.class).id("setting-" + ROWS).getValue()).isEqualTo(20_000);
    }

    @Test
    @WithUserDetails("admin")
    void a_value_out_of_range_is_refused_on_its_field_with_what_to_enter() {
        navigate(ModuleSettingsView.class);
        var rows = $(IntegerField.class).id("setting-" + ROWS);
        test(rows).setValue(5);
        test($(Button.class).id("save-" + ROWS)).click();

        assertThat(rows.isInvalid()).isTrue();
        assertThat(rows.getErrorMessage()).isEqualTo("Enter a whole number from 100 to 100,000");
        assertThat(SystemAuthentication.call(() -> state(ROWS)).institution().overridden()).isFalse();
        assertThat(markerShown("default-" + ROWS)).isTrue();
    }

    @Test
    @WithUserDetails("admin")
    void a_campus_gets_its_own_value_and_goes_back_to_the_institutions() {
        navigate(ModuleSettingsView.class);
        String orchard = DOCUMENT + "-campus-" + orchardId();
        assertThat($(Span.class).id("default-" + orchard).getText()).isEqualTo("As the institution");
        test($(IntegerField.class).id("setting-" + orchard)).setValue(3);
        test($(Button.class).id("save-" + orchard)).click();

        assertThat(SystemAuthentication.call(() -> state(DOCUMENT)).campuses())
                .anySatisfy(c -> {
                    assertThat(c.campusId()).isEqualTo(orchardId());
                    assertThat(c.value()).isEqualTo("3");
                });
        assertThat(markerShown("default-" + orchard)).isFalse();
        test($(Button.class).id("reset-" + orchard)).click();
        assertThat($(IntegerField.class).id("setting-" + orchard).getValue()).isEqualTo(10);
        assertThat(markerShown("default-" + orchard)).isTrue();
    }

    @Test
    @WithUserDetails("admin")
    void a_value_someone_else_saved_meanwhile_is_not_overwritten_and_a_reload_shows_theirs() {
        navigate(ModuleSettingsView.class);
        var seen = state(ROWS).institution();
        SystemAuthentication.run(() -> settings.change(ROWS, null, seen.version(), "3000"));
        var rows = $(IntegerField.class).id("setting-" + ROWS);
        test(rows).setValue(4_000);
        test($(Button.class).id("save-" + ROWS)).click();

        var dialog = $(ConfirmDialog.class).single();
        assertThat(test(dialog).getHeader()).isEqualTo("Changed by someone else");
        assertThat(state(ROWS).institutionValue()).isEqualTo("3000");
        test(dialog).confirm();
        assertThat($(IntegerField.class).id("setting-" + ROWS).getValue()).isEqualTo(3_000);
        assertThat(markerShown("default-" + ROWS)).isFalse();
    }

    /** Browserless queries find only what is shown. */
    private boolean markerShown(String id) {
        return !$(Span.class).withId(id).all().isEmpty();
    }

    private SettingState state(String key) {
        return SystemAuthentication.call(settings::all).stream().filter(s -> s.setting().key().equals(key))
                .findFirst().orElseThrow();
    }

    private long orchardId() {
        return SystemAuthentication.call(institution::campuses).stream().filter(c -> c.name().equals("Orchard"))
                .findFirst().orElseThrow().id();
    }
}
