package io.campuscrm.students.ui;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;

import io.campuscrm.institution.Campus;
import io.campuscrm.shared.ui.DatePickers;
import io.campuscrm.students.StudentDetails;
import io.campuscrm.students.StudentDraft;
import io.campuscrm.students.StudentSearch;
import io.campuscrm.students.StudentStatus;

/** A student's own fields, bound to a working copy: a cancelled edit changes nothing. */
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
    final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>();

    private final Binder<Data> binder = new Binder<>();
    private final List<Campus> campuses;

    /** The form's working copy. */
    static final class Data {
        String fullName = "";
        String preferredName = "";
        String chineseName = "";
        @Nullable LocalDate birthDate;
        @Nullable Campus campus;
        StudentStatus status = StudentStatus.ACTIVE;
        String school = "";
        String grade = "";
        String phone = "";
        String email = "";
        Set<String> tags = new HashSet<>();
    }

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
                .bind(d -> d.fullName, (d, v) -> d.fullName = v);
        binder.forField(preferredName).withValidator(new StringLengthValidator(getTranslation("field.too-long", 100),
                0, 100)).bind(d -> d.preferredName, (d, v) -> d.preferredName = v);
        binder.forField(chineseName).withValidator(new StringLengthValidator(getTranslation("field.too-long", 100),
                0, 100)).bind(d -> d.chineseName, (d, v) -> d.chineseName = v);
        binder.forField(birthDate).bind(d -> d.birthDate, (d, v) -> d.birthDate = v);
        var campusBinding = binder.forField(campus);
        if (!campuses.isEmpty()) {
            campusBinding.asRequired(getTranslation("student.error.campus-required"));
        }
        campusBinding.bind(d -> d.campus, (d, v) -> d.campus = v);
        binder.forField(status).asRequired().bind(d -> d.status, (d, v) -> d.status = v);
        binder.forField(school).bind(d -> d.school, (d, v) -> d.school = v);
        binder.forField(grade).bind(d -> d.grade, (d, v) -> d.grade = v);
        binder.forField(phone).bind(d -> d.phone, (d, v) -> d.phone = v);
        binder.forField(email).withValidator(new EmailValidator(getTranslation("user.email.invalid"), true))
                .bind(d -> d.email, (d, v) -> d.email = v);
        binder.forField(tags).bind(d -> d.tags, (d, v) -> d.tags = new HashSet<>(v));

        var layout = getContent();
        layout.add(fullName, preferredName, chineseName, birthDate, campus, status, school, grade, phone, email, tags);
        layout.setColspan(tags, 2);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2),
                new FormLayout.ResponsiveStep("900px", 3));
    }

    void clear() {
        var data = new Data();
        if (campuses.size() == 1) {
            data.campus = campuses.getFirst();
        }
        binder.readBean(data);
    }

    void edit(StudentDetails student) {
        var data = new Data();
        data.fullName = student.fullName();
        data.preferredName = nn(student.preferredName());
        data.chineseName = nn(student.chineseName());
        data.birthDate = student.birthDate();
        data.campus = campuses.stream().filter(c -> c.id() == (student.campusId() == null ? -1 : student.campusId()))
                .findFirst().orElse(null);
        data.status = student.status();
        data.school = student.school();
        data.grade = student.grade();
        data.phone = nn(student.phone());
        data.email = nn(student.email());
        data.tags = new HashSet<>(student.tags());
        binder.readBean(data);
    }

    void setReadOnly(boolean readOnly) {
        binder.setReadOnly(readOnly);
    }

    void focus() {
        fullName.focus();
    }

    /** The validated draft, or null when a field is invalid (the field says why). */
    @Nullable StudentDraft draft() {
        var data = new Data();
        if (!binder.writeBeanIfValid(data)) {
            return null;
        }
        return new StudentDraft(data.fullName.strip(), blank(data.preferredName), blank(data.chineseName),
                data.birthDate, blank(data.phone), blank(data.email), data.school.strip(), data.grade.strip(),
                data.status, data.campus == null ? null : data.campus.id(), Set.copyOf(data.tags));
    }

    @Nullable HasValidation field(String name) {
        return switch (name) {
            case "fullName" -> fullName;
            case "preferredName" -> preferredName;
            case "chineseName" -> chineseName;
            case "birthDate" -> birthDate;
            case "campusId" -> campus;
            case "phone" -> phone;
            case "email" -> email;
            default -> null;
        };
    }

    private static @Nullable String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nn(@Nullable String s) {
        return s == null ? "" : s;
    }
}
