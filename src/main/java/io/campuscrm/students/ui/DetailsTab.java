package io.campuscrm.students.ui;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import io.campuscrm.institution.Campus;
import io.campuscrm.shared.ui.FieldList;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ServiceErrors;
import io.campuscrm.students.ContactNormaliser;
import io.campuscrm.students.StudentChanges;
import io.campuscrm.students.StudentDetails;
import io.campuscrm.students.StudentSearch;

/**
 * The student's own fields, read first: the file opens on what they are, and editors change them with "Edit", which
 * puts them in a form (a stale edit names who changed the student meanwhile). Reading is the common case, and plain
 * text is what the browser draws fastest: the form's pickers are built only for an edit.
 */
class DetailsTab extends VerticalLayout {

    private final StudentChanges changes;
    private final StudentSearch search;
    private final StudentDetails student;
    private final List<Campus> campuses;
    private final List<Campus> editableCampuses;
    private final LocalDate today;
    private final Runnable reload;
    private final Span changed;

    DetailsTab(StudentChanges changes, StudentSearch search, StudentDetails student, List<Campus> campuses,
            List<Campus> editableCampuses, boolean editor, ZoneId zone, LocalDate today, Runnable reload) {
        this.changes = changes;
        this.search = search;
        this.student = student;
        this.campuses = campuses;
        this.editableCampuses = editableCampuses;
        this.today = today;
        this.reload = reload;
        setPadding(false);
        setId("student-details");
        var dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale());
        changed = new Span(getTranslation("student.changed-by", nn(student.updatedBy()),
                dates.format(student.updatedAt().atZone(zone))));
        changed.addClassName("card-caption");
        read(editor);
    }

    private void read(boolean editor) {
        removeAll();
        add(facts());
        if (editor) {
            var edit = new Button(getTranslation("student.edit"), VaadinIcon.EDIT.create(), e -> edit());
            edit.setId("edit-student");
            add(edit);
        }
        add(changed);
    }

    private Component facts() {
        var list = new FieldList();
        list.setId("student-facts-list");
        var date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale());
        list.add(getTranslation("student.full-name"), student.fullName())
                .add(getTranslation("student.preferred-name"), student.preferredName())
                .add(getTranslation("student.chinese-name"), student.chineseName())
                .add(getTranslation("student.birth-date"), student.birthDate() == null ? null
                        : date.format(student.birthDate()))
                .add(getTranslation("student.campus"), campuses.stream().filter(c -> student.campusId() != null
                        && c.id() == student.campusId()).map(Campus::name).findFirst().orElse(null))
                .add(getTranslation("student.status"), StudentBadges.status(student.status()))
                .add(getTranslation("student.school"), student.school())
                .add(getTranslation("student.grade"), student.grade())
                .add(getTranslation("student.phone"), student.phone() == null ? FieldList.text(null)
                        : new Anchor("tel:" + student.phone(), ContactNormaliser.display(student.phone())))
                .add(getTranslation("student.email"), student.email() == null ? FieldList.text(null)
                        : new Anchor("mailto:" + student.email(), student.email()));
        var tags = new Span();
        student.tags().stream().sorted(String.CASE_INSENSITIVE_ORDER).forEach(t -> {
            var tag = new Span(t);
            tag.getElement().getThemeList().add("badge");
            tags.add(tag);
        });
        tags.addClassName("field-tags");
        list.add(getTranslation("student.tags"), student.tags().isEmpty() ? FieldList.text(null) : tags);
        return list;
    }

    private void edit() {
        removeAll();
        var form = new StudentForm(editableCampuses, search, today);
        form.edit(student);
        var save = ServiceErrors.primary(getTranslation("action.save"));
        save.setId("save-student");
        save.addClickListener(e -> {
            var draft = form.draft();
            if (draft == null) {
                return;
            }
            try {
                changes.update(student.id(), student.version(), draft);
                Notifications.success(getTranslation("students.saved", draft.fullName()));
                reload.run();
            } catch (RuntimeException ex) {
                if (!ServiceErrors.show(this, ex, form::field, reload)) {
                    throw ex;
                }
            }
        });
        var cancel = new Button(getTranslation("action.cancel"), e -> read(true));
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        cancel.setId("cancel-student-edit");
        add(form, new HorizontalLayout(save, cancel), changed);
        form.focus();
    }

    private static String nn(@Nullable String s) {
        return s == null ? "—" : s;
    }
}
