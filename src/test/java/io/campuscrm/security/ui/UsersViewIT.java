package io.campuscrm.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.security.UserAccount;
import io.campuscrm.security.UserDraft;
import io.campuscrm.security.UserFilter;
import io.campuscrm.security.UserService;
import io.campuscrm.security.internal.PasswordPolicy;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.ui.AccessDeniedView;
import io.campuscrm.support.CampusIntegrationTest;

/** The users view without a browser: what an administrator and a teacher get, and what the user form checks. */
@CampusIntegrationTest
class UsersViewIT extends SpringBrowserlessTest {

    @Autowired
    UserService users;
    @Autowired
    InstitutionService institution;
    @Autowired
    PasswordPolicy passwordPolicy;

    @Test
    @WithUserDetails("admin")
    void an_administrator_sees_users_page_by_page_and_finds_one_by_name() {
        var view = navigate(UsersView.class);
        @SuppressWarnings("unchecked")
        Grid<UserAccount> grid = $(Grid.class, view).single();
        assertThat(test(grid).size()).isGreaterThanOrEqualTo(4);
        test($(TextField.class, view).id("users-search")).setValue("priya");
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getRow(0).username()).isEqualTo("finance");
    }

    @Test
    @WithUserDetails("admin")
    void an_administrator_creates_a_user_in_the_dialog() {
        var view = navigate(UsersView.class);
        test($(Button.class, view).id("new-user")).click();
        String username = "new" + UUID.randomUUID().toString().substring(0, 6);
        test($(TextField.class).id("user-username")).setValue(username);
        test($(TextField.class).id("user-display-name")).setValue("Mei Chua");
        $(PasswordField.class).id("user-password").setValue("a long initial password");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = $(CheckboxGroup.class).id("user-roles");
        roles.setValue(Set.of(Role.ADMISSIONS));
        test($(Button.class).id("save-user")).click();

        var created = users.findUsers(new UserFilter(username, null, null), PageRequest.of(0, 5)).getContent();
        assertThat(created).singleElement().satisfies(u -> {
            assertThat(u.displayName()).isEqualTo("Mei Chua");
            assertThat(u.roles()).containsExactly(Role.ADMISSIONS);
        });
    }

    @Test
    @WithUserDetails("admin")
    void a_duplicate_username_is_shown_on_the_field_and_nothing_is_saved() {
        var view = navigate(UsersView.class);
        test($(Button.class, view).id("new-user")).click();
        var username = $(TextField.class).id("user-username");
        test(username).setValue("teacher");
        test($(TextField.class).id("user-display-name")).setValue("Someone Else");
        $(PasswordField.class).id("user-password").setValue("a long initial password");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = $(CheckboxGroup.class).id("user-roles");
        roles.setValue(Set.of(Role.TEACHER));
        test($(Button.class).id("save-user")).click();
        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).isEqualTo("The username teacher is taken.");
        assertThat(users.findUsers(new UserFilter("Someone Else", null, null), PageRequest.of(0, 5))).isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void an_invalid_email_is_not_saved_and_the_email_field_says_so() {
        var view = navigate(UsersView.class);
        test($(Button.class, view).id("new-user")).click();
        String username = "mail" + UUID.randomUUID().toString().substring(0, 6);
        test($(TextField.class).id("user-username")).setValue(username);
        test($(TextField.class).id("user-display-name")).setValue("Mei Chua");
        var email = $(EmailField.class).id("user-email");
        test(email).setValue("mei at example.org");
        $(PasswordField.class).id("user-password").setValue("a long initial password");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = $(CheckboxGroup.class).id("user-roles");
        roles.setValue(Set.of(Role.ADMISSIONS));
        test($(Button.class).id("save-user")).click();

        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("Enter a valid e-mail address");
        assertThat(users.findUsers(new UserFilter(username, null, null), PageRequest.of(0, 5))).isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void a_new_user_without_a_long_enough_password_is_not_saved_and_the_password_field_says_why() {
        var view = navigate(UsersView.class);
        test($(Button.class, view).id("new-user")).click();
        String username = "short" + UUID.randomUUID().toString().substring(0, 6);
        test($(TextField.class).id("user-username")).setValue(username);
        test($(TextField.class).id("user-display-name")).setValue("Mei Chua");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = $(CheckboxGroup.class).id("user-roles");
        roles.setValue(Set.of(Role.ADMISSIONS));
        var password = $(PasswordField.class).id("user-password");
        test($(Button.class).id("save-user")).click();
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).isEqualTo("Enter an initial password");

        password.setValue("short");
        test($(Button.class).id("save-user")).click();

        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage())
                .isEqualTo("Use at least " + passwordPolicy.minLength() + " characters.");
        assertThat(users.findUsers(new UserFilter(username, null, null), PageRequest.of(0, 5))).isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void an_administrator_changes_a_users_name_language_and_campuses_and_the_rest_is_kept() {
        var user = newUser("Lim Siew Ling");
        var orchard = institution.campuses().stream().filter(c -> c.name().equals("Orchard")).findFirst()
                .orElseThrow();
        navigate(UsersView.class, user.id());
        assertThat($(TextField.class).id("user-display-name").getValue()).isEqualTo("Lim Siew Ling");
        test($(TextField.class).id("user-display-name")).setValue("  Lim Siew Ling (Orchard)  ");
        @SuppressWarnings("unchecked")
        Select<Language> language = $(Select.class).id("user-language");
        assertThat(language.getValue()).as("the institution's until chosen").isNull();
        test(language).selectItem("简体中文");
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Campus> campuses = $(MultiSelectComboBox.class).id("user-campuses");
        test(campuses).selectItem("Orchard");
        test($(Button.class).id("save-user")).click();

        var saved = users.get(user.id());
        assertThat(saved.displayName()).isEqualTo("Lim Siew Ling (Orchard)");
        assertThat(saved.language()).isEqualTo(Language.SIMPLIFIED_CHINESE);
        assertThat(saved.campusIds()).containsExactly(orchard.id());
        assertThat(saved.toDraft()).usingRecursiveComparison()
                .ignoringFields("displayName", "language", "campusIds").isEqualTo(user.toDraft());
    }

    @Test
    @WithUserDetails("admin")
    void cancelling_the_user_dialog_discards_what_was_typed() {
        var user = newUser("Goh Boon Keat");
        navigate(UsersView.class, user.id());
        test($(TextField.class).id("user-display-name")).setValue("Someone Else");
        test($(Button.class).withText("Cancel").single()).click();

        assertThat(users.get(user.id())).isEqualTo(user);
        navigate(UsersView.class, user.id());
        assertThat($(TextField.class).id("user-display-name").getValue()).isEqualTo("Goh Boon Keat");
    }

    @Test
    @WithUserDetails("teacher")
    void a_teacher_opening_the_users_view_is_told_access_is_denied() {
        navigate("admin/users", AccessDeniedView.class);
        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);
    }

    @Test
    @WithUserDetails("finance")
    void finance_sees_dashboard_timetable_students_alerts_reports_and_its_jobs_in_the_navigation() {
        navigate("", io.campuscrm.shared.ui.DashboardView.class);
        var nav = $(SideNav.class).id("main-nav");
        assertThat(nav.getItems()).extracting(SideNavItem::getPath).containsExactly("", "timetable", "students",
                "attendance/alerts", "reports", "admin/jobs");
    }

    private UserAccount newUser(String displayName) {
        String username = "form" + UUID.randomUUID().toString().substring(0, 6);
        return users.create(UserDraft.of(username, displayName, username + "@example.org", Set.of(Role.TEACHER),
                Set.of()), "a long initial password");
    }
}
