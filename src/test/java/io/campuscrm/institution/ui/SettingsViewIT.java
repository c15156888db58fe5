package io.campuscrm.institution.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;

import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.institution.InstitutionSettings;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;

/**
 * The settings page without a browser: the institution's form and the campus dialog check their fields, show the
 * service's refusals on the field they name and save. What a test changes is put back after it.
 */
@CampusIntegrationTest
class SettingsViewIT extends SpringBrowserlessTest {

    @Autowired
    InstitutionService institution;

    InstitutionSettings before;
    Campus tampines;

    @BeforeEach
    void remember() {
        before = SystemAuthentication.call(institution::settings);
        tampines = campus("Tampines");
    }

    @AfterEach
    void putBack() {
        SystemAuthentication.run(() -> {
            var now = institution.settings();
            if (!now.equals(before)) {
                institution.updateSettings(new InstitutionSettings(before.name(), before.currency(),
                        before.timeZone(), before.locale(), before.address(), before.phone(), before.email(),
                        now.version()));
            }
            var campus = campus("Tampines");
            if (!campus.toDraft().equals(tampines.toDraft())) {
                institution.updateCampus(campus.id(), campus.version(), tampines.toDraft());
            }
        });
    }

    @Test
    @WithUserDetails("admin")
    void settings_without_a_name_are_not_saved_and_the_name_field_says_what_to_enter() {
        navigate(SettingsView.class);
        var name = $(TextField.class).id("settings-name");
        test(name).setValue("");
        test($(Button.class).id("save-settings")).click();

        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Enter the institution's name");
        assertThat(SystemAuthentication.call(institution::settings)).isEqualTo(before);
    }

    @Test
    @WithUserDetails("admin")
    void an_invalid_email_is_not_saved_and_the_email_field_says_so() {
        navigate(SettingsView.class);
        var email = $(EmailField.class).id("settings-email");
        test(email).setValue("office at example.org");
        test($(Button.class).id("save-settings")).click();

        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("Enter a valid e-mail address");
        assertThat(SystemAuthentication.call(institution::settings)).isEqualTo(before);
    }

    @Test
    @WithUserDetails("admin")
    void an_administrator_changes_the_phone_twice_without_reloading_the_page() {
        navigate(SettingsView.class);
        var phone = $(TextField.class).id("settings-phone");
        test(phone).setValue("+65 6000 0001");
        test($(Button.class).id("save-settings")).click();
        assertThat(SystemAuthentication.call(institution::settings).phone()).isEqualTo("+65 6000 0001");

        test(phone).setValue("+65 6000 0002");
        test($(Button.class).id("save-settings")).click();

        assertThat($(ConfirmDialog.class).all()).as("the saved version was carried on: no stale edit").isEmpty();
        var saved = SystemAuthentication.call(institution::settings);
        assertThat(saved.phone()).isEqualTo("+65 6000 0002");
        assertThat(saved.name()).isEqualTo(before.name());
        assertThat(saved.timeZone()).isEqualTo(before.timeZone());
    }

    @Test
    @WithUserDetails("admin")
    void settings_someone_else_saved_meanwhile_are_not_overwritten_and_a_reload_shows_theirs() {
        navigate(SettingsView.class);
        SystemAuthentication.run(() -> institution.updateSettings(new InstitutionSettings(before.name(),
                before.currency(), before.timeZone(), before.locale(), before.address(), "+65 6000 0003",
                before.email(), before.version())));
        var phone = $(TextField.class).id("settings-phone");
        test(phone).setValue("+65 6000 0004");
        test($(Button.class).id("save-settings")).click();

        var dialog = $(ConfirmDialog.class).single();
        assertThat(test(dialog).getHeader()).isEqualTo("Changed by someone else");
        assertThat(SystemAuthentication.call(institution::settings).phone()).isEqualTo("+65 6000 0003");
        test(dialog).confirm();
        assertThat(phone.getValue()).isEqualTo("+65 6000 0003");
    }

    @Test
    @WithUserDetails("admin")
    void a_new_campus_without_a_name_is_not_saved_and_the_name_field_says_what_to_enter() {
        int campuses = SystemAuthentication.call(institution::campuses).size();
        navigate(SettingsView.class);
        test($(Button.class).id("new-campus")).click();
        test($(Button.class).id("save-campus")).click();

        var name = $(TextField.class).id("campus-name");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Enter the campus name");
        assertThat(SystemAuthentication.call(institution::campuses)).hasSize(campuses);
    }

    @Test
    @WithUserDetails("admin")
    void a_campus_name_another_campus_has_is_refused_on_the_name_field() {
        int campuses = SystemAuthentication.call(institution::campuses).size();
        navigate(SettingsView.class);
        test($(Button.class).id("new-campus")).click();
        var name = $(TextField.class).id("campus-name");
        test(name).setValue("orchard");
        test($(Button.class).id("save-campus")).click();

        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("There is already a campus called orchard.");
        assertThat(SystemAuthentication.call(institution::campuses)).hasSize(campuses);
    }

    @Test
    @WithUserDetails("admin")
    void an_administrator_changes_a_campus_phone_in_the_dialog() {
        navigate(SettingsView.class);
        openCampus(tampines);
        assertThat($(TextField.class).id("campus-name").getValue()).isEqualTo("Tampines");
        test($(TextField.class).id("campus-phone")).setValue("+65 6000 0005");
        test($(Button.class).id("save-campus")).click();

        var saved = campus("Tampines");
        assertThat(saved.phone()).isEqualTo("+65 6000 0005");
        assertThat(saved.address()).isEqualTo(tampines.address());
        assertThat(saved.active()).isEqualTo(tampines.active());
    }

    @Test
    @WithUserDetails("admin")
    void cancelling_the_campus_dialog_discards_what_was_typed() {
        navigate(SettingsView.class);
        openCampus(tampines);
        test($(TextField.class).id("campus-phone")).setValue("+65 6000 0006");
        test($(Button.class).withText("Cancel").single()).click();

        assertThat(campus("Tampines")).isEqualTo(tampines);
        openCampus(tampines);
        assertThat($(TextField.class).id("campus-phone").getValue()).isEqualTo(tampines.phone());
    }

    private void openCampus(Campus campus) {
        @SuppressWarnings("unchecked")
        Grid<Campus> grid = $(Grid.class).id("campus-grid");
        for (int row = 0; row < test(grid).size(); row++) {
            if (test(grid).getRow(row).id() == campus.id()) {
                test(grid).clickRow(row);
                return;
            }
        }
        throw new AssertionError("campus " + campus.name() + " is not in the grid");
    }

    private Campus campus(String name) {
        return SystemAuthentication.call(() -> institution.campuses().stream().filter(c -> c.name().equals(name))
                .findFirst().orElseThrow());
    }
}
