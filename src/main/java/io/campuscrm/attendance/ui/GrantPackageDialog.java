package io.campuscrm.attendance.ui;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

import io.campuscrm.attendance.LessonPackageService;
import io.campuscrm.attendance.PackageDraft;
import io.campuscrm.attendance.PackageUnit;
import io.campuscrm.institution.InstitutionSettings;
import io.campuscrm.scheduling.Course;
import io.campuscrm.scheduling.CourseFilter;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.shared.ui.DatePickers;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ServiceErrors;

/** An administrator grants a package: course, lessons or hours, value (the course's price by default), dates. */
class GrantPackageDialog extends Dialog {

    GrantPackageDialog(LessonPackageService packages, CourseService courses, long studentId, Clock clock,
            InstitutionSettings settings, Runnable saved) {
        setHeaderTitle(getTranslation("package.grant"));
        var course = new ComboBox<Course>(getTranslation("package.course"));
        course.setItems(query -> courses.find(new CourseFilter(query.getFilter().orElse(""), true),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        course.setItemLabelGenerator(c -> c.code() + " — " + c.name());
        course.setRequiredIndicatorVisible(true);
        var unit = new Select<PackageUnit>();
        unit.setLabel(getTranslation("package.unit"));
        unit.setItems(PackageUnit.values());
        unit.setItemLabelGenerator(u -> getTranslation(u.messageKey()));
        unit.setValue(PackageUnit.LESSONS);
        var quantity = new BigDecimalField(getTranslation("package.quantity"));
        quantity.setValue(BigDecimal.valueOf(20));
        var value = new BigDecimalField(getTranslation("package.purchase-value"));
        value.setSuffixComponent(new com.vaadin.flow.component.html.Span(settings.currency().getCurrencyCode()));
        var today = LocalDate.now(clock.withZone(settings.timeZone()));
        var starts = DatePickers.localized(new DatePicker(getTranslation("package.starts-on")));
        starts.setValue(today);
        var expires = DatePickers.localized(new DatePicker(getTranslation("package.expires-on")));
        expires.setValue(today.plusMonths(6));
        var note = new TextField(getTranslation("package.note"));
        note.setMaxLength(500);
        Runnable price = () -> {
            if (course.getValue() != null && quantity.getValue() != null && unit.getValue() == PackageUnit.LESSONS) {
                value.setValue(course.getValue().lessonPrice().multiply(quantity.getValue()));
            }
        };
        course.addValueChangeListener(e -> price.run());
        quantity.addValueChangeListener(e -> price.run());
        var form = new FormLayout(course, unit, quantity, value, starts, expires, note);
        add(form);
        var save = ServiceErrors.primary(getTranslation("package.grant.save"));
        save.setId("grant-package-save");
        save.addClickListener(e -> {
            if (course.getValue() == null || quantity.getValue() == null || value.getValue() == null
                    || starts.getValue() == null || expires.getValue() == null) {
                Notifications.error(getTranslation("package.error.incomplete"));
                return;
            }
            try {
                packages.grant(new PackageDraft(studentId, course.getValue().id(), unit.getValue(),
                        quantity.getValue(), value.getValue(), starts.getValue(), expires.getValue(), null,
                        note.getValue().isBlank() ? null : note.getValue()));
                Notifications.success(getTranslation("package.granted"));
                saved.run();
                close();
            } catch (RuntimeException error) {
                if (!ServiceErrors.show(this, error, field -> "expiresOn".equals(field) ? expires : null, () -> {
                })) {
                    throw error;
                }
            }
        });
        getFooter().add(new Button(getTranslation("package.grant.cancel"), e -> close()), save);
    }
}
