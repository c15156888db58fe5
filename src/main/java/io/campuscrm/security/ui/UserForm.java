package io.campuscrm.security.ui;

import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;

import io.campuscrm.institution.Campus;
import io.campuscrm.security.UserAccount;
import io.campuscrm.security.UserDraft;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.ui.MultiSelects;
import io.campuscrm.shared.ui.RecordForms;

/**
 * The fields of a user in the record form style (docs/forms.md): bound to the {@link UserDraft}'s components by name,
 * which validate; nothing changes until the draft is saved. On a new user also the initial password, which is not
 * part of the draft (the service takes it on its own) and has a binder of its own.
 */
class UserForm extends Composite<FormLayout> {

    final TextField username = new TextField();
    final TextField displayName = new TextField();
    final EmailField email = new EmailField();
    final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    final MultiSelectComboBox<Campus> campuses = MultiSelects.localized(new MultiSelectComboBox<>());
    final PasswordField password = new PasswordField();
    final Select<Language> language = new Select<>();

    private final BeanValidationBinder<UserDraft> binder = new BeanValidationBinder<>(UserDraft.class);
    private final Binder<InitialPassword> passwordBinder = new Binder<>(InitialPassword.class);

    /** What a new user's password field holds; the policy's rules are the service's, repeated for their sentences. */
    public record InitialPassword(String password) {
    }

    UserForm(List<Campus> allCampuses, boolean creating, int minPasswordLength) {
        username.setLabel(getTranslation("user.username"));
        username.setId("user-username");
        username.setReadOnly(!creating);
        displayName.setLabel(getTranslation("user.display-name"));
        displayName.setId("user-display-name");
        email.setLabel(getTranslation("user.email"));
        email.setId("user-email");
        // the field's own check of the address runs first: without this it would refuse with an empty message
        email.setI18n(new EmailField.EmailFieldI18n().setPatternErrorMessage(getTranslation("user.email.invalid")));
        roles.setLabel(getTranslation("user.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        roles.setId("user-roles");
        campuses.setLabel(getTranslation("user.campuses"));
        campuses.setHelperText(getTranslation("user.campuses.help"));
        campuses.setItems(allCampuses);
        campuses.setItemLabelGenerator(Campus::name);
        campuses.setId("user-campuses");
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

        // the username's rules are the draft's (@Size, @Pattern), repeated here for their sentences
        binder.forField(username).asRequired(getTranslation("user.username.required"))
                .withConverter(RecordForms.stripped())
                .withValidator(new StringLengthValidator(getTranslation("user.username.length"), 3, 100))
                .withValidator(v -> v.matches("[A-Za-z0-9._@-]+"), getTranslation("user.username.pattern"))
                .bind("username");
        binder.forField(displayName).asRequired(getTranslation("user.display-name.required"))
                .withValidator(new StringLengthValidator(getTranslation("field.too-long", 200), 0, 200))
                .withConverter(RecordForms.stripped()).bind("displayName");
        binder.forField(email).withValidator(new EmailValidator(getTranslation("user.email.invalid"), true))
                .withConverter(RecordForms.stripped()).bind("email");
        binder.forField(roles).asRequired(getTranslation("user.roles.required")).bind("roles");
        binder.forField(language).bind("language");
        Map<Long, Campus> campusById = allCampuses.stream()
                .collect(Collectors.toMap(Campus::id, Function.identity()));
        // a campus that is no longer offered drops out of the field, and out of the user's campuses when saved
        binder.forField(campuses).withConverter(
                chosen -> chosen.stream().map(Campus::id).collect(Collectors.toSet()),
                (Set<Long> ids) -> ids == null ? Set.<Campus>of()
                        : ids.stream().map(campusById::get).filter(Objects::nonNull).collect(Collectors.toSet()))
                .bind("campusIds");
        if (creating) {
            passwordBinder.forField(password).asRequired(getTranslation("user.password.required"))
                    .withValidator(new StringLengthValidator(
                            getTranslation("user.error.password-too-short", minPasswordLength), minPasswordLength, null))
                    .bind("password");
            passwordBinder.readRecord(new InitialPassword(""));
        }
        var layout = getContent();
        layout.add(username, displayName, email, language, password, roles, campuses);
        layout.setColspan(roles, 2);
        layout.setColspan(campuses, 2);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
    }

    void edit(UserAccount account) {
        binder.readRecord(account.toDraft());
    }

    /** An empty form for a new user, who reads the institution's language until one is chosen. */
    void clear() {
        binder.readRecord(new UserDraft("", "", "", Set.of(), Set.of(), null));
        if (passwordBinder.getBinding("password").isPresent()) {
            passwordBinder.readRecord(new InitialPassword(""));
        }
    }

    /**
     * The validated draft, or null when a field is invalid (the field shows why); on a new user the initial password
     * must do too.
     */
    @Nullable UserDraft draft() {
        var draft = RecordForms.write(binder);
        boolean passwordValid = passwordBinder.getBinding("password").isEmpty()
                || RecordForms.write(passwordBinder) != null;
        return passwordValid ? draft : null;
    }

    String initialPassword() {
        return password.getValue();
    }

    /** The field a refusal names: a component of the draft, or the initial password. */
    @Nullable HasValidation field(String component) {
        var field = RecordForms.field(binder, component);
        return field != null ? field : RecordForms.field(passwordBinder, component);
    }
}
