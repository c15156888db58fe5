package io.campuscrm.students.ui;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.validator.EmailValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;

import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.ui.RecordForms;
import io.campuscrm.students.GuardianDraft;
import io.campuscrm.students.GuardianRelationship;
import io.campuscrm.students.GuardianView;

/**
 * A guardian's fields in the record form style (docs/forms.md): bound to the {@link GuardianDraft}'s components by
 * name, which validate; nothing changes until the draft is saved. {@code idPrefix} keeps two of them on one page
 * apart.
 */
class GuardianForm extends Composite<FormLayout> {

    final TextField fullName = new TextField();
    final ComboBox<GuardianRelationship> relationship = new ComboBox<>();
    final TextField phone = new TextField();
    final EmailField email = new EmailField();
    final Select<Language> language = new Select<>();
    final Checkbox primary = new Checkbox();

    private final BeanValidationBinder<GuardianDraft> binder = new BeanValidationBinder<>(GuardianDraft.class);

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
        // the field's own check of the address runs first: without this it would refuse with an empty message
        email.setI18n(new EmailField.EmailFieldI18n().setPatternErrorMessage(getTranslation("user.email.invalid")));
        language.setLabel(getTranslation("guardian.language"));
        language.setHelperText(getTranslation("guardian.language.help"));
        language.setId(idPrefix + "-language");
        language.setItems(Language.values());
        language.setEmptySelectionAllowed(true);
        language.setEmptySelectionCaption(getTranslation("guardian.language.family"));
        language.setItemLabelGenerator(l -> l == null ? getTranslation("guardian.language.family") : l.nativeName());
        primary.setLabel(getTranslation("guardian.primary"));
        primary.setId(idPrefix + "-primary");
        primary.setVisible(showPrimary);

        binder.forField(fullName).asRequired(getTranslation("guardian.name.required"))
                .withValidator(new StringLengthValidator(getTranslation("field.too-long", 200), 0, 200))
                .withConverter(RecordForms.stripped()).bind("fullName");
        binder.forField(relationship).asRequired(getTranslation("guardian.relationship.required"))
                .bind("relationship");
        binder.forField(phone).withConverter(RecordForms.optional()).bind("phone");
        binder.forField(email).withValidator(new EmailValidator(getTranslation("user.email.invalid"), true))
                .withConverter(RecordForms.optional()).bind("email");
        binder.forField(language).bind("preferredLanguage");
        binder.forField(primary).bind("primaryContact");
        getContent().add(fullName, relationship, phone, email, language, primary);
        getContent().setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("500px", 2));
        binder.readRecord(new GuardianDraft("", GuardianRelationship.MOTHER, null, null, null, false));
    }

    void edit(GuardianView guardian) {
        binder.readRecord(guardian.toDraft());
    }

    boolean isEmpty() {
        return fullName.isEmpty() && phone.isEmpty() && email.isEmpty();
    }

    /** The validated draft, or null when a field is invalid (the field says why). */
    @Nullable GuardianDraft draft() {
        return RecordForms.write(binder);
    }

    /** The field bound to the draft's component of that name, to show a refusal on. */
    @Nullable HasValidation field(String component) {
        return RecordForms.field(binder, component);
    }
}
