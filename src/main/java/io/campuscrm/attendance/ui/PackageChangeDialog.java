package io.campuscrm.attendance.ui;

import java.time.LocalDate;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;

import io.campuscrm.attendance.LessonPackage;
import io.campuscrm.attendance.LessonPackageService;
import io.campuscrm.shared.ui.DatePickers;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ServiceErrors;

/** Freezes a package for a long absence (its expiry moves as long) or extends its expiry; both go on its history. */
class PackageChangeDialog extends Dialog {

    PackageChangeDialog(LessonPackageService packages, LessonPackage pkg, boolean freeze, LocalDate today,
            Runnable changed) {
        setHeaderTitle(getTranslation(freeze ? "package.freeze" : "package.extend") + " · " + pkg.courseName());
        var from = DatePickers.localized(new DatePicker(getTranslation("package.freeze.from")));
        from.setValue(today);
        var until = DatePickers.localized(new DatePicker(getTranslation(freeze ? "package.freeze.until"
                : "package.expires-on")));
        until.setValue(freeze ? today.plusWeeks(2) : pkg.expiresOn().plusMonths(1));
        var reason = new TextField(getTranslation("package.note"));
        reason.setMaxLength(500);
        var form = freeze ? new FormLayout(from, until, reason) : new FormLayout(until, reason);
        add(form);
        var save = ServiceErrors.primary(getTranslation(freeze ? "package.freeze" : "package.extend"));
        save.addClickListener(e -> {
            if (until.getValue() == null || (freeze && from.getValue() == null)) {
                Notifications.error(getTranslation("package.error.incomplete"));
                return;
            }
            try {
                if (freeze) {
                    packages.freeze(pkg.id(), pkg.version(), from.getValue(), until.getValue(), reason.getValue());
                } else {
                    packages.extend(pkg.id(), pkg.version(), until.getValue(), reason.getValue());
                }
                Notifications.success(getTranslation("package.changed"));
                changed.run();
                close();
            } catch (RuntimeException error) {
                if (!ServiceErrors.show(this, error, field -> "until".equals(field) || "expiresOn".equals(field)
                        ? until : null, changed)) {
                    throw error;
                }
            }
        });
        getFooter().add(new Button(getTranslation("package.grant.cancel"), e -> close()), save);
    }
}
