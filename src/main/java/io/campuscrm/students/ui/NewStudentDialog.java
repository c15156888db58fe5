package io.campuscrm.students.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;

import io.campuscrm.institution.Campus;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ServiceErrors;
import io.campuscrm.students.ContactNormaliser;
import io.campuscrm.students.FamilyDraft;
import io.campuscrm.students.FamilyService;
import io.campuscrm.students.FamilySummary;
import io.campuscrm.students.GuardianDraft;
import io.campuscrm.students.NewStudent;
import io.campuscrm.students.PossibleDuplicatesException;
import io.campuscrm.students.StudentChanges;
import io.campuscrm.students.StudentDraft;
import io.campuscrm.students.StudentSearch;

/**
 * A new student in one step: the student, and either a new family with its guardians or an existing family
 * (siblings). When the entry looks like people already on file, the duplicates dialog offers to link instead.
 */
class NewStudentDialog extends Dialog {

    private final StudentChanges changes;
    private final StudentForm form;
    private final RadioButtonGroup<Boolean> familyChoice = new RadioButtonGroup<>();
    private final ComboBox<FamilySummary> existingFamily = new ComboBox<>();
    private final GuardianForm firstGuardian = new GuardianForm("guardian1", false);
    private final GuardianForm secondGuardian = new GuardianForm("guardian2", false);
    private final Checkbox addSecond = new Checkbox();

    NewStudentDialog(StudentChanges changes, StudentSearch search, FamilyService families, List<Campus> campuses,
            LocalDate today) {
        this.changes = changes;
        setHeaderTitle(getTranslation("students.new"));
        setId("new-student-dialog");
        form = new StudentForm(campuses, search, today);
        form.clear();
        familyChoice.setLabel(getTranslation("student.family"));
        familyChoice.setItems(Boolean.TRUE, Boolean.FALSE);
        familyChoice.setItemLabelGenerator(b -> getTranslation(b ? "student.family.new" : "student.family.existing"));
        familyChoice.setValue(Boolean.TRUE);
        familyChoice.setId("family-choice");
        existingFamily.setLabel(getTranslation("student.family.find"));
        existingFamily.setHelperText(getTranslation("student.family.find.help"));
        existingFamily.setItems(query -> families.findFamilies(query.getFilter().orElse(""),
                query.getOffset() + query.getLimit()).stream().skip(query.getOffset()).limit(query.getLimit()));
        existingFamily.setItemLabelGenerator(NewStudentDialog::familyLabel);
        existingFamily.setWidthFull();
        existingFamily.setId("existing-family");
        addSecond.setLabel(getTranslation("student.family.second-guardian"));
        secondGuardian.setVisible(false);
        addSecond.addValueChangeListener(e -> secondGuardian.setVisible(e.getValue()));
        familyChoice.addValueChangeListener(e -> showFamilyFields());
        showFamilyFields();

        add(form, new H4(getTranslation("student.family")), familyChoice, existingFamily, firstGuardian, addSecond,
                secondGuardian);
        var save = ServiceErrors.primary(getTranslation("action.save"));
        save.setId("save-new-student");
        save.addClickListener(e -> save());
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        setWidth("min(60rem, 95vw)");
    }

    static String familyLabel(FamilySummary f) {
        String contact = f.primaryGuardianPhone() != null ? ContactNormaliser.display(f.primaryGuardianPhone())
                : f.primaryGuardianEmail() == null ? "" : f.primaryGuardianEmail();
        return f.familyNumber() + " · " + f.displayName() + (contact.isEmpty() ? "" : " · " + contact);
    }

    private void showFamilyFields() {
        boolean newFamily = Boolean.TRUE.equals(familyChoice.getValue());
        existingFamily.setVisible(!newFamily);
        firstGuardian.setVisible(newFamily);
        addSecond.setVisible(newFamily);
        secondGuardian.setVisible(newFamily && addSecond.getValue());
    }

    private void save() {
        StudentDraft student = form.draft();
        if (student == null) {
            return;
        }
        NewStudent request;
        if (Boolean.TRUE.equals(familyChoice.getValue())) {
            List<GuardianDraft> guardians = new ArrayList<>();
            if (!firstGuardian.isEmpty()) {
                var first = firstGuardian.draft();
                if (first == null) {
                    return;
                }
                guardians.add(first);
            }
            if (addSecond.getValue()) {
                var second = secondGuardian.draft();
                if (second == null) {
                    return;
                }
                guardians.add(second);
            }
            request = new NewStudent(student, null, FamilyDraft.unnamed(), guardians, false);
        } else {
            if (existingFamily.getValue() == null) {
                existingFamily.setErrorMessage(getTranslation("student.family.required"));
                existingFamily.setInvalid(true);
                return;
            }
            request = NewStudent.inFamily(student, existingFamily.getValue().id());
        }
        submit(request);
    }

    private void submit(NewStudent request) {
        try {
            var created = changes.create(request);
            Notifications.success(getTranslation("students.created", created.displayName(), created.studentNumber()));
            close();
            StudentNavigation.openFile(created.id());
        } catch (PossibleDuplicatesException duplicates) {
            new DuplicatesDialog(duplicates.matches(), getTranslation("duplicates.create-anyway"),
                    familyId -> submit(request.linkedTo(familyId)), () -> submit(request.anyway())).open();
        } catch (RuntimeException ex) {
            if (!ServiceErrors.show(this, ex, this::field, () -> { })) {
                throw ex;
            }
        }
    }

    private @Nullable HasValidation field(String name) {
        if (name.startsWith("guardians[")) {
            int index = Integer.parseInt(name.substring(10, name.indexOf(']')));
            return (index == 0 ? firstGuardian : secondGuardian).field(name.substring(name.indexOf('.') + 1));
        }
        if ("familyId".equals(name)) {
            return existingFamily;
        }
        return form.field(name);
    }
}
