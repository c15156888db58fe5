package io.campuscrm.students.ui;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.validator.EmailValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;

import io.campuscrm.institution.Campus;
import io.campuscrm.shared.ui.DatePickers;
import io.campuscrm.shared.ui.MultiSelects;
import io.campuscrm.shared.ui.RecordForms;
import io.campuscrm.students.StudentDetails;
import io.campuscrm.students.StudentDraft;
import io.campuscrm.students.StudentSearch;
import io.campuscrm.students.StudentStatus;

/**
 * A student's own fields in the record form style (docs/forms.md): bound to the {@link StudentDraft}'s components by
 * name, which validate; a cancelled edit changes nothing.
 */
class StudentForm extends Composite<FormLayout> {

    final TextField fullName = new TextField();
    final TextField preferredName = new TextField();
    final TextField chineseName = new TextField();
    final DatePicker birthDate = DatePickers.localized(new DatePicker());
    final ComboBox<Campus> campus = new ComboBox<>();
    final ComboBox<StudentStatus> status = new ComboBox<>();
    final TextField school = new TextField();
    final TextField grade = new TextField();
    final TextField phone = new TextField();
    final EmailField email = new EmailField();
    final MultiSelectComboBox<String> tags = MultiSelects.localized(new MultiSelectComboBox<>());

    private final BeanValidationBinder<StudentDraft> binder = new BeanValidationBinder<>(StudentDraft.class);
    private final List<Campus> campuses;

    StudentForm(List<Campus> campuses, StudentSearch search, LocalDate today) {
        this.campuses = campuses;
        fullName.setLabel(getTranslation("student.full-name"));
        fullName.setHelperText(getTranslation("student.full-name.help"));
        fullName.setId("student-full-name");
        preferredName.setLabel(getTranslation("student.preferred-name"));
        preferredName.setId("student-preferred-name");
        chineseName.setLabel(getTranslation("student.chinese-name"));
        chineseName.setId("student-chinese-name");
        birthDate.setLabel(getTranslation("student.birth-date"));
        birthDate.setMax(today);
        birthDate.setId("student-birth-date");
        campus.setLabel(getTranslation("student.campus"));
        campus.setItems(campuses);
        campus.setItemLabelGenerator(Campus::name);
        campus.setId("student-campus");
        status.setLabel(getTranslation("student.status"));
        status.setItems(StudentStatus.values());
        status.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        status.setId("student-status");
        school.setLabel(getTranslation("student.school"));
        grade.setLabel(getTranslation("student.grade"));
        phone.setLabel(getTranslation("student.phone"));
        phone.setHelperText(getTranslation("contact.phone.help"));
        phone.setId("student-phone");
        email.setLabel(getTranslation("student.email"));
        email.setId("student-email");
        // the field's own check of the address runs first: without this it would refuse with an empty message
        email.setI18n(new EmailField.EmailFieldI18n().setPatternErrorMessage(getTranslation("user.email.invalid")));
        tags.setLabel(getTranslation("student.tags"));
        tags.setAllowCustomValue(true);
        tags.setItems(query -> search.tags(query.getFilter().orElse(""), query.getLimit() + query.getOffset())
                .stream().skip(query.getOffset()).limit(query.getLimit()));
        tags.addCustomValueSetListener(e -> {
            var selected = new HashSet<>(tags.getValue());
            selected.add(e.getDetail().strip());
            tags.setValue(selected);
        });
        tags.setId("student-tags");

        binder.forField(fullName).asRequired(getTranslation("student.full-name.required"))
                .withValidator(new StringLengthValidator(getTranslation("field.too-long", 200), 0, 200))
                .withConverter(RecordForms.stripped()).bind("fullName");
        binder.forField(preferredName).withValidator(new StringLengthValidator(getTranslation("field.too-long", 100),
                0, 100)).withConverter(RecordForms.optional()).bind("preferredName");
        binder.forField(chineseName).withValidator(new StringLengthValidator(getTranslation("field.too-long", 100),
                0, 100)).withConverter(RecordForms.optional()).bind("chineseName");
        binder.forField(birthDate).bind("birthDate");
        Map<Long, Campus> campusById = campuses.stream().collect(Collectors.toMap(Campus::id, Function.identity()));
        var campusBinding = binder.forField(campus);
        if (!campuses.isEmpty()) {
            campusBinding.asRequired(getTranslation("student.error.campus-required"));
        }
        // a student's campus the user does not work at is not among the options: the field is empty
        campusBinding.withConverter(c -> c == null ? null : c.id(), id -> id == null ? null : campusById.get(id))
                .bind("campusId");
        binder.forField(status).asRequired(getTranslation("student.status.required")).bind("status");
        binder.forField(school).withValidator(new StringLengthValidator(getTranslation("field.too-long", 200), 0,
                200)).withConverter(RecordForms.stripped()).bind("school");
        binder.forField(grade).withValidator(new StringLengthValidator(getTranslation("field.too-long", 40), 0, 40))
                .withConverter(RecordForms.stripped()).bind("grade");
        binder.forField(phone).withConverter(RecordForms.optional()).bind("phone");
        binder.forField(email).withValidator(new EmailValidator(getTranslation("user.email.invalid"), true))
                .withConverter(RecordForms.optional()).bind("email");
        binder.forField(tags).bind("tags");

        var layout = getContent();
        layout.add(fullName, preferredName, chineseName, birthDate, campus, status, school, grade, phone, email, tags);
        layout.setColspan(tags, 2);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2),
                new FormLayout.ResponsiveStep("900px", 3));
    }

    /** An empty form for a new student, at the campus when the user works at only one. */
    void clear() {
        binder.readRecord(StudentDraft.named("", campuses.size() == 1 ? campuses.getFirst().id() : null));
    }

    void edit(StudentDetails student) {
        binder.readRecord(student.toDraft());
    }

    void setReadOnly(boolean readOnly) {
        binder.setReadOnly(readOnly);
    }

    void focus() {
        fullName.focus();
    }

    /** The validated draft, or null when a field is invalid (the field says why). */
    @Nullable StudentDraft draft() {
        return RecordForms.write(binder);
    }

    /** The field bound to the draft's component of that name, to show a refusal on. */
    @Nullable HasValidation field(String component) {
        return RecordForms.field(binder, component);
    }
}
