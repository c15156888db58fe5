package io.campuscrm.students.ui;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import io.campuscrm.institution.Campus;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ServiceErrors;
import io.campuscrm.students.StudentChanges;
import io.campuscrm.students.StudentDetails;
import io.campuscrm.students.StudentSearch;

/** The student's own fields; editors save them (a stale edit names who changed the student meanwhile). */
class DetailsTab extends VerticalLayout {

    DetailsTab(StudentChanges changes, StudentSearch search, StudentDetails student, List<Campus> campuses,
            List<Campus> editableCampuses, boolean editor, ZoneId zone, LocalDate today, Runnable reload) {
        setPadding(false);
        var form = new StudentForm(editor ? editableCampuses : campuses, search, today);
        form.edit(student);
        form.setReadOnly(!editor);
        add(form);
        var dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale());
        var changed = new Span(getTranslation("student.changed-by", nn(student.updatedBy()),
                dates.format(student.updatedAt().atZone(zone))));
        changed.addClassName("card-caption");
        if (editor) {
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
            add(save);
        }
        add(changed);
    }

    private static String nn(String s) {
        return s == null ? "—" : s;
    }
}
