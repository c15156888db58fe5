package io.campuscrm.students.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.RecordForms;
import io.campuscrm.shared.ui.ServiceErrors;
import io.campuscrm.students.ContactNormaliser;
import io.campuscrm.students.FamilyDraft;
import io.campuscrm.students.FamilyService;
import io.campuscrm.students.FamilySummary;
import io.campuscrm.students.GuardianDraft;
import io.campuscrm.students.GuardianView;
import io.campuscrm.students.PossibleDuplicatesException;
import io.campuscrm.students.FamilyChildrenColumn;
import io.campuscrm.students.StudentChanges;
import io.campuscrm.students.StudentFile;
import io.campuscrm.students.StudentRef;

/**
 * The family: its name and billing address, its guardians (primary contact first), the student's siblings, and,
 * for editors, adding or changing guardians and moving the student to another family.
 */
class FamilyTab extends VerticalLayout {

    private final StudentChanges changes;
    private final FamilyService families;
    private final StudentFile file;
    private final Runnable reload;

    FamilyTab(StudentChanges changes, FamilyService families, StudentFile file, List<FamilyChildrenColumn> columns,
            boolean editor, Runnable reload) {
        this.changes = changes;
        this.families = families;
        this.file = file;
        this.reload = reload;
        setPadding(false);
        var family = file.family();

        var name = new TextField(getTranslation("family.name"));
        name.setId("family-name");
        var address = new TextArea(getTranslation("family.address"));
        var number = new TextField(getTranslation("family.number"));
        number.setValue(family.familyNumber());
        number.setReadOnly(true);
        var language = new Select<Language>();
        language.setLabel(getTranslation("family.language"));
        language.setHelperText(getTranslation("family.language.help"));
        language.setId("family-language");
        language.setItems(Language.values());
        language.setEmptySelectionAllowed(true);
        language.setEmptySelectionCaption(getTranslation("family.language.institution"));
        language.setItemLabelGenerator(l -> l == null ? getTranslation("family.language.institution")
                : l.nativeName());
        // the family's own fields, bound to its draft record by component name (docs/forms.md)
        var binder = new BeanValidationBinder<>(FamilyDraft.class);
        binder.forField(name).asRequired(getTranslation("family.error.name-required"))
                .withConverter(RecordForms.optional()).bind("displayName");
        binder.forField(address).withConverter(RecordForms.optional()).bind("address");
        binder.forField(language).bind("preferredLanguage");
        binder.readRecord(family.toDraft());
        var form = new FormLayout(number, name, language, address);
        form.setColspan(address, 2);
        name.setReadOnly(!editor);
        address.setReadOnly(!editor);
        language.setReadOnly(!editor);
        add(form);
        if (editor) {
            var save = new Button(getTranslation("family.save"), e -> {
                var draft = RecordForms.write(binder);
                if (draft != null) {
                    act(() -> families.updateFamily(family.id(), family.version(), draft), "family.saved",
                            f -> RecordForms.field(binder, f));
                }
            });
            save.setId("save-family");
            add(save);
        }

        var guardians = new Grid<GuardianView>();
        guardians.addColumn(GuardianView::fullName).setHeader(getTranslation("guardian.name")).setFlexGrow(2);
        guardians.addColumn(g -> getTranslation(g.relationship().messageKey()))
                .setHeader(getTranslation("guardian.relationship")).setAutoWidth(true);
        guardians.addComponentColumn(g -> g.phone() == null ? new Div()
                : new Anchor("tel:" + g.phone(), ContactNormaliser.display(g.phone())))
                .setHeader(getTranslation("guardian.phone")).setAutoWidth(true);
        guardians.addColumn(g -> g.email() == null ? "" : g.email()).setHeader(getTranslation("guardian.email"))
                .setFlexGrow(2);
        guardians.addColumn(g -> g.preferredLanguage() == null ? getTranslation("guardian.language.family")
                : g.preferredLanguage().nativeName()).setHeader(getTranslation("guardian.language")).setAutoWidth(true);
        guardians.addColumn(g -> g.primaryContact() ? getTranslation("guardian.primary.yes") : "")
                .setHeader(getTranslation("guardian.primary")).setAutoWidth(true);
        if (editor) {
            guardians.addComponentColumn(this::guardianActions)
                    .setHeader(getTranslation("action.column")).setAutoWidth(true).setFlexGrow(0);
        }
        guardians.setItems(family.guardians());
        guardians.setAllRowsVisible(true);
        guardians.setId("guardians-grid");
        var guardiansTitle = new HorizontalLayout(new H4(getTranslation("family.guardians")));
        guardiansTitle.setAlignItems(Alignment.BASELINE);
        if (editor) {
            var addGuardian = new Button(getTranslation("guardian.add"), VaadinIcon.PLUS.create(),
                    e -> openGuardian(null));
            addGuardian.setId("add-guardian");
            guardiansTitle.add(addGuardian);
        }
        add(guardiansTitle, guardians);

        add(new H4(getTranslation("family.siblings")));
        if (file.siblings().isEmpty()) {
            add(new Paragraph(getTranslation("family.no-siblings")));
        }
        var siblings = new Div();
        siblings.setId("siblings");
        for (StudentRef sibling : file.siblings()) {
            var link = new RouterLink(sibling.displayName() + " · " + sibling.studentNumber(),
                    StudentFileView.class, new RouteParameters("studentId", String.valueOf(sibling.id())));
            link.addClassName("sibling-link");
            siblings.add(new Div(link));
        }
        add(siblings);
        if (!columns.isEmpty()) {
            add(new H4(getTranslation("family.children")), children(columns));
        }
        if (editor) {
            var move = new Button(getTranslation("family.move"), e -> openMove());
            move.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            move.setId("move-family");
            add(move);
        }
    }

    /** The family's children the user may read, this student first, with what other modules tell about each. */
    private Grid<StudentRef> children(List<FamilyChildrenColumn> columns) {
        List<StudentRef> children = new ArrayList<>();
        children.add(file.student().toRef());
        children.addAll(file.siblings());
        var ids = children.stream().map(StudentRef::id).toList();
        var grid = new Grid<StudentRef>();
        grid.setId("family-children");
        grid.addColumn(StudentRef::displayName).setHeader(getTranslation("family.children.name")).setFlexGrow(1);
        grid.addColumn(StudentRef::studentNumber).setHeader(getTranslation("student.number")).setAutoWidth(true)
                .setFlexGrow(0);
        for (var column : columns) {
            var values = column.values(ids, getLocale());
            grid.addColumn(child -> values.getOrDefault(child.id(), "")).setHeader(getTranslation(column.headerKey()))
                    .setFlexGrow(3);
        }
        grid.setItems(children);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private HorizontalLayout guardianActions(GuardianView guardian) {
        var edit = new Button(VaadinIcon.EDIT.create(), e -> openGuardian(guardian));
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        edit.setAriaLabel(getTranslation("guardian.edit"));
        var remove = new Button(VaadinIcon.TRASH.create(), e -> {
            var confirm = new ConfirmDialog(getTranslation("guardian.remove"),
                    getTranslation("guardian.remove.text", guardian.fullName()), getTranslation("guardian.remove"),
                    ok -> act(() -> families.removeGuardian(guardian.id(), guardian.version()), "guardian.removed",
                            f -> null));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel(getTranslation("guardian.remove"));
        return new HorizontalLayout(edit, remove);
    }

    private void openGuardian(@Nullable GuardianView guardian) {
        var dialog = new Dialog(getTranslation(guardian == null ? "guardian.add" : "guardian.edit"));
        var form = new GuardianForm("guardian", true);
        if (guardian != null) {
            form.edit(guardian);
        }
        var save = ServiceErrors.primary(getTranslation("action.save"));
        save.setId("save-guardian");
        save.addClickListener(e -> {
            GuardianDraft draft = form.draft();
            if (draft != null) {
                saveGuardian(dialog, form, guardian, draft, false);
            }
        });
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.setWidth("min(40rem, 95vw)");
        dialog.open();
    }

    private void saveGuardian(Dialog dialog, GuardianForm form, @Nullable GuardianView guardian, GuardianDraft draft,
            boolean anyway) {
        try {
            if (guardian == null) {
                families.addGuardian(file.family().id(), draft, anyway);
            } else {
                families.updateGuardian(guardian.id(), guardian.version(), draft);
            }
            Notifications.success(getTranslation("guardian.saved", draft.fullName()));
            dialog.close();
            reload.run();
        } catch (PossibleDuplicatesException duplicates) {
            new DuplicatesDialog(duplicates.matches(), getTranslation("duplicates.add-anyway"),
                    familyId -> moveTo(familyId), () -> saveGuardian(dialog, form, guardian, draft, true)).open();
        } catch (RuntimeException ex) {
            if (!ServiceErrors.show(this, ex, form::field, reload)) {
                throw ex;
            }
        }
    }

    private void openMove() {
        var dialog = new Dialog(getTranslation("family.move"));
        var picker = new ComboBox<FamilySummary>(getTranslation("student.family.find"));
        picker.setHelperText(getTranslation("student.family.find.help"));
        picker.setItems(query -> families.findFamilies(query.getFilter().orElse(""),
                query.getOffset() + query.getLimit()).stream().skip(query.getOffset()).limit(query.getLimit()));
        picker.setItemLabelGenerator(NewStudentDialog::familyLabel);
        picker.setWidthFull();
        picker.setId("move-family-picker");
        var move = ServiceErrors.primary(getTranslation("family.move"));
        move.addClickListener(e -> {
            if (picker.getValue() != null) {
                dialog.close();
                moveTo(picker.getValue().id());
            }
        });
        dialog.add(new Paragraph(getTranslation("family.move.text")), picker);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), move);
        dialog.setWidth("min(40rem, 95vw)");
        dialog.open();
    }

    private void moveTo(long familyId) {
        act(() -> changes.moveToFamily(file.student().id(), file.student().version(), familyId), "family.moved",
                f -> null);
    }

    private void act(Runnable action, String successKey,
            Function<String, HasValidation> fields) {
        try {
            action.run();
            Notifications.success(getTranslation(successKey));
            reload.run();
        } catch (RuntimeException ex) {
            if (!ServiceErrors.show(this, ex, fields, reload)) {
                throw ex;
            }
        }
    }
}
