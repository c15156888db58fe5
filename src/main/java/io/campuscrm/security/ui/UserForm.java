package io.campuscrm.security.ui;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;

import io.campuscrm.institution.Campus;
import io.campuscrm.security.UserAccount;
import io.campuscrm.security.UserDraft;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.security.Role;

/** The fields of a user; on a new user also the initial password. Works on a copy until saved. */
class UserForm extends Composite<FormLayout> {

    final TextField username = new TextField();
    final TextField displayName = new TextField();
    final EmailField email = new EmailField();
    final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    final MultiSelectComboBox<Campus> campuses = new MultiSelectComboBox<>();
    final PasswordField password = new PasswordField();
    final Select<Language> language = new Select<>();

    private final Binder<Data> binder = new Binder<>();
    private final List<Campus> allCampuses;

    /** The form's working copy. */
    static final class Data {
        String username = "";
        String displayName = "";
        String email = "";
        Set<Role> roles = new HashSet<>();
        Set<Campus> campuses = new HashSet<>();
        String password = "";
        @Nullable Language language;
    }

    UserForm(List<Campus> allCampuses, boolean creating, int minPasswordLength) {
        this.allCampuses = allCampuses;
        username.setLabel(getTranslation("user.username"));
        username.setId("user-username");
        username.setReadOnly(!creating);
        displayName.setLabel(getTranslation("user.display-name"));
        displayName.setId("user-display-name");
        email.setLabel(getTranslation("user.email"));
        roles.setLabel(getTranslation("user.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        roles.setId("user-roles");
        campuses.setLabel(getTranslation("user.campuses"));
        campuses.setHelperText(getTranslation("user.campuses.help"));
        campuses.setItems(allCampuses);
        campuses.setItemLabelGenerator(Campus::name);
        language.setLabel(getTranslation("user.language"));
        language.setId("user-language");
        language.setItems(Language.values());
        language.setEmptySelectionAllowed(true);
        language.setEmptySelectionCaption(getTranslation("user.language.institution"));
        language.setItemLabelGenerator(l -> l == null ? getTranslation("user.language.institution") : l.nativeName());
        language.setHelperText(getTranslation("user.language.help"));
        password.setLabel(getTranslation("user.initial-password"));
        password.setId("user-password");
        password.setHelperText(getTranslation("user.password.help", minPasswordLength));
        password.setVisible(creating);

        binder.forField(username).asRequired(getTranslation("user.username.required"))
                .withValidator(new StringLengthValidator(getTranslation("user.username.length"), 3, 100))
                .withValidator(v -> v.matches("[A-Za-z0-9._@-]+"), getTranslation("user.username.pattern"))
                .bind(d -> d.username, (d, v) -> d.username = v);
        binder.forField(displayName).asRequired(getTranslation("user.display-name.required"))
                .bind(d -> d.displayName, (d, v) -> d.displayName = v);
        binder.forField(email).withValidator(new EmailValidator(getTranslation("user.email.invalid"), true))
                .bind(d -> d.email, (d, v) -> d.email = v);
        binder.forField(roles).asRequired(getTranslation("user.roles.required"))
                .bind(d -> d.roles, (d, v) -> d.roles = new HashSet<>(v));
        binder.forField(language).bind(d -> d.language, (d, v) -> d.language = v);
        binder.forField(campuses).bind(d -> d.campuses, (d, v) -> d.campuses = new HashSet<>(v));
        if (creating) {
            binder.forField(password).asRequired(getTranslation("user.password.required"))
                    .withValidator(new StringLengthValidator(
                            getTranslation("user.error.password-too-short", minPasswordLength), minPasswordLength, null))
                    .bind(d -> d.password, (d, v) -> d.password = v);
        }
        var layout = getContent();
        layout.add(username, displayName, email, language, password, roles, campuses);
        layout.setColspan(roles, 2);
        layout.setColspan(campuses, 2);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
    }

    void edit(UserAccount account) {
        var data = new Data();
        data.username = account.username();
        data.displayName = account.displayName();
        data.email = account.email();
        data.roles = new HashSet<>(account.roles());
        data.language = account.language();
        Map<Long, Campus> byId = allCampuses.stream().collect(Collectors.toMap(Campus::id, Function.identity()));
        data.campuses = account.campusIds().stream().map(byId::get).filter(c -> c != null)
                .collect(Collectors.toSet());
        binder.readBean(data);
    }

    void clear() {
        binder.readBean(new Data());
    }

    /** The validated draft, or null when a field is invalid (the field shows why). */
    UserDraft draft() {
        var data = new Data();
        if (!binder.writeBeanIfValid(data)) {
            return null;
        }
        return new UserDraft(data.username.strip(), data.displayName.strip(), data.email.strip(),
                Set.copyOf(data.roles), data.campuses.stream().map(Campus::id).collect(Collectors.toSet()),
                data.language);
    }

    String initialPassword() {
        return password.getValue();
    }

    HasValidation field(String name) {
        return switch (name) {
            case "username" -> username;
            case "displayName" -> displayName;
            case "email" -> email;
            case "password" -> password;
            case "roles" -> roles;
            default -> null;
        };
    }
}
