package io.campuscrm.students.ui;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;

import io.campuscrm.students.GuardianDraft;
import io.campuscrm.students.GuardianRelationship;
import io.campuscrm.students.GuardianView;

/** A guardian's fields on a working copy; {@code idPrefix} keeps two of them on one page apart. */
class GuardianForm extends Composite<FormLayout> {

    final TextField fullName = new TextField();
    final ComboBox<GuardianRelationship> relationship = new ComboBox<>();
    final TextField phone = new TextField();
    final EmailField email = new EmailField();
    final Checkbox primary = new Checkbox();

    private final Binder<Data> binder = new Binder<>();

    static final class Data {
        String fullName = "";
        GuardianRelationship relationship = GuardianRelationship.MOTHER;
        String phone = "";
        String email = "";
        boolean primary;
    }

    GuardianForm(String idPrefix, boolean showPrimary) {
        fullName.setLabel(getTranslation("guardian.name"));
        fullName.setId(idPrefix + "-name");
        relationship.setLabel(getTranslation("guardian.relationship"));
        relationship.setItems(GuardianRelationship.values());
        relationship.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        relationship.setId(idPrefix + "-relationship");
        phone.setLabel(getTranslation("guardian.phone"));
        phone.setHelperText(getTranslation("contact.phone.help"));
        phone.setId(idPrefix + "-phone");
        email.setLabel(getTranslation("guardian.email"));
        email.setId(idPrefix + "-email");
        primary.setLabel(getTranslation("guardian.primary"));
        primary.setVisible(showPrimary);
        binder.forField(fullName).asRequired(getTranslation("guardian.name.required"))
                .bind(d -> d.fullName, (d, v) -> d.fullName = v);
        binder.forField(relationship).asRequired().bind(d -> d.relationship, (d, v) -> d.relationship = v);
        binder.forField(phone).bind(d -> d.phone, (d, v) -> d.phone = v);
        binder.forField(email).withValidator(new EmailValidator(getTranslation("user.email.invalid"), true))
                .bind(d -> d.email, (d, v) -> d.email = v);
        binder.forField(primary).bind(d -> d.primary, (d, v) -> d.primary = v);
        getContent().add(fullName, relationship, phone, email, primary);
        getContent().setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("500px", 2));
        binder.readBean(new Data());
    }

    void edit(GuardianView guardian) {
        var data = new Data();
        data.fullName = guardian.fullName();
        data.relationship = guardian.relationship();
        data.phone = guardian.phone() == null ? "" : guardian.phone();
        data.email = guardian.email() == null ? "" : guardian.email();
        data.primary = guardian.primaryContact();
        binder.readBean(data);
    }

    boolean isEmpty() {
        return fullName.isEmpty() && phone.isEmpty() && email.isEmpty();
    }

    @Nullable GuardianDraft draft() {
        var data = new Data();
        if (!binder.writeBeanIfValid(data)) {
            return null;
        }
        return new GuardianDraft(data.fullName.strip(), data.relationship, blank(data.phone), blank(data.email),
                data.primary);
    }

    @Nullable HasValidation field(String name) {
        return switch (name) {
            case "phone" -> phone;
            case "email" -> email;
            case "fullName" -> fullName;
            default -> null;
        };
    }

    private static @Nullable String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
