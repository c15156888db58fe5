package io.campuscrm.scheduling.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

import io.campuscrm.scheduling.ClassDetails;
import io.campuscrm.scheduling.ClassFilter;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.scheduling.ClassSummary;
import io.campuscrm.scheduling.Enrollment;
import io.campuscrm.scheduling.EnrollmentService;
import io.campuscrm.scheduling.EnrollmentStatus;
import io.campuscrm.shared.ui.DatePickers;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ServiceErrors;
import io.campuscrm.students.StudentSearch;
import io.campuscrm.students.StudentSummary;

/**
 * The students of a class: how full it is, who is enrolled and who waits (in order), and, for admissions and
 * administrators, enrolling a student found by name, phone or number, withdrawing one with a date and transferring
 * one to another class (转班). Refusals (full, a clash naming the other class) show on the field.
 */
class EnrollmentsPanel extends Composite<VerticalLayout> {

    private final EnrollmentService enrollments;
    private final ClassSearch classes;
    private final ClassDetails schoolClass;
    private final Grid<Enrollment> grid = new Grid<>();
    private final Span occupancy = new Span();
    private final Checkbox showPast = new Checkbox();
    private final DateTimeFormatter dates;
    private final LocalDate today;
    private final Runnable changed;

    EnrollmentsPanel(EnrollmentService enrollments, ClassSearch classes, StudentSearch students,
            ClassDetails schoolClass, boolean editable, LocalDate today, Runnable changed) {
        this.enrollments = enrollments;
        this.classes = classes;
        this.schoolClass = schoolClass;
        this.today = today;
        this.changed = changed;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        occupancy.setId("class-occupancy");
        showPast.setLabel(getTranslation("enrollment.show-past"));
        showPast.addValueChangeListener(e -> refresh());

        var student = new ComboBox<StudentSummary>(getTranslation("enrollment.student"));
        student.setId("enroll-student");
        student.setPlaceholder(getTranslation("enrollment.student.search"));
        student.setItems(query -> students.quickSearch(query.getFilter().orElse(""),
                query.getOffset() + query.getLimit()).stream().skip(query.getOffset()).limit(query.getLimit()));
        student.setItemLabelGenerator(s -> s.displayName() + " · " + s.studentNumber());
        student.setWidth("22rem");
        var from = DatePickers.localized(new DatePicker(getTranslation("enrollment.date")));
        from.setId("enroll-date");
        from.setValue(today);
        var enroll = ServiceErrors.primary(getTranslation("enrollment.enroll"));
        enroll.setId("enroll");
        enroll.addClickListener(e -> {
            if (student.isEmpty()) {
                student.setErrorMessage(getTranslation("enrollment.student.required"));
                student.setInvalid(true);
                return;
            }
            var chosen = student.getValue();
            act(() -> enrollments.enroll(schoolClass.id(), chosen.id(), from.getValue() == null ? today
                    : from.getValue()), result -> result.status() == EnrollmentStatus.WAITING
                            ? getTranslation("enrollment.waiting-ok", result.studentName(), result.waitingPosition())
                            : getTranslation("enrollment.enrolled-ok", result.studentName(), result.classCode()),
                    null, f -> student);
            student.clear();
        });
        var enrollBar = new HorizontalLayout(student, from, enroll);
        enrollBar.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        enrollBar.addClassName("filter-bar");
        enrollBar.setVisible(editable && schoolClass.status().schedulable());

        grid.addColumn(Enrollment::studentNumber).setHeader(getTranslation("student.number")).setAutoWidth(true);
        grid.addColumn(Enrollment::studentName).setHeader(getTranslation("enrollment.student")).setFlexGrow(1);
        grid.addComponentColumn(e -> EnrollmentTexts.status(this, e)).setHeader(getTranslation("enrollment.status"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.enrolledOn() == null ? "" : dates.format(e.enrolledOn()))
                .setHeader(getTranslation("enrollment.enrolled-on")).setAutoWidth(true);
        grid.addColumn(e -> e.withdrawnOn() == null ? "" : dates.format(e.withdrawnOn()))
                .setHeader(getTranslation("enrollment.left-on")).setAutoWidth(true);
        grid.addColumn(e -> e.otherClassCode() == null ? "" : e.otherClassCode())
                .setHeader(getTranslation("enrollment.other-class")).setAutoWidth(true);
        if (editable) {
            grid.addComponentColumn(this::actions)
                    .setHeader(getTranslation("action.column")).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(query -> enrollments.enrollments(schoolClass.id(), !showPast.getValue(),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.setEmptyStateText(getTranslation("enrollment.none"));
        grid.setId("enrollments-grid");
        grid.setHeight("22rem");
        var header = new HorizontalLayout(new H3(getTranslation("enrollment.students")), occupancy, showPast);
        header.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        getContent().setPadding(false);
        getContent().add(header, enrollBar, grid);
        showOccupancy();
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
        showOccupancy();
    }

    private void showOccupancy() {
        var o = enrollments.occupancy(schoolClass.id());
        occupancy.setText(getTranslation("enrollment.occupancy", o.enrolled(), o.places(), o.waiting()));
    }

    private HorizontalLayout actions(Enrollment e) {
        var buttons = new HorizontalLayout();
        if (!e.status().current()) {
            return buttons;
        }
        var withdraw = new Button(getTranslation("enrollment.withdraw"), c -> openWithdraw(e));
        withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        buttons.add(withdraw);
        if (e.status() == EnrollmentStatus.ENROLLED) {
            var transfer = new Button(getTranslation("enrollment.transfer"), c -> openTransfer(e));
            transfer.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            buttons.add(transfer);
        }
        return buttons;
    }

    private void openWithdraw(Enrollment e) {
        var dialog = new Dialog(getTranslation("enrollment.withdraw.title", e.studentName(), e.classCode()));
        var date = DatePickers.localized(new DatePicker(getTranslation("enrollment.left-on")));
        date.setValue(today);
        date.setId("withdraw-date");
        var reason = new TextField(getTranslation("enrollment.reason"));
        reason.setWidthFull();
        var save = ServiceErrors.primary(getTranslation("enrollment.withdraw"));
        save.setId("save-withdraw");
        save.addClickListener(c -> act(() -> enrollments.withdraw(e.id(), e.version(),
                date.getValue() == null ? today : date.getValue(), reason.getValue()),
                r -> getTranslation("enrollment.withdrawn", r.studentName()), dialog, f -> date));
        dialog.add(new FormLayout(date, reason));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), c -> dialog.close()), save);
        dialog.open();
    }

    private void openTransfer(Enrollment e) {
        var dialog = new Dialog(getTranslation("enrollment.transfer.title", e.studentName()));
        var target = new ComboBox<ClassSummary>(getTranslation("enrollment.transfer.to"));
        target.setId("transfer-class");
        target.setItems(query -> classes.find(new ClassFilter(query.getFilter().orElse(null), null, null,
                schoolClass.courseId(), null, null), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream()
                .filter(c -> c.id() != schoolClass.id()));
        target.setItemLabelGenerator(c -> c.code() + " — " + c.name());
        target.setWidthFull();
        var date = DatePickers.localized(new DatePicker(getTranslation("enrollment.date")));
        date.setValue(today);
        var reason = new TextField(getTranslation("enrollment.reason"));
        var save = ServiceErrors.primary(getTranslation("enrollment.transfer"));
        save.setId("save-transfer");
        save.addClickListener(c -> {
            if (target.isEmpty()) {
                target.setErrorMessage(getTranslation("enrollment.transfer.to.required"));
                target.setInvalid(true);
                return;
            }
            act(() -> enrollments.transfer(e.id(), e.version(), target.getValue().id(),
                    date.getValue() == null ? today : date.getValue(), reason.getValue()),
                    r -> getTranslation("enrollment.transferred", r.studentName(), r.classCode()), dialog,
                    f -> target);
        });
        var form = new FormLayout(target, date, reason);
        form.setColspan(target, 2);
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), c -> dialog.close()), save);
        dialog.setWidth("min(36rem, 95vw)");
        dialog.open();
    }

    private void act(Supplier<Enrollment> action, Function<Enrollment, String> success, @Nullable Dialog dialog,
            Function<String, @Nullable HasValidation> fields) {
        try {
            var result = action.get();
            Notifications.success(success.apply(result));
            if (dialog != null) {
                dialog.close();
            }
            refresh();
            changed.run();
        } catch (RuntimeException ex) {
            if (!ServiceErrors.show(this, ex, fields::apply, this::refresh)) {
                throw ex;
            }
        }
    }
}
