package io.campuscrm.security.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Route;

import io.campuscrm.security.UserService;
import io.campuscrm.security.internal.PasswordPolicy;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ServiceErrors;
import io.campuscrm.shared.ui.LocalizedTitle;
import jakarta.annotation.security.PermitAll;

/** Any signed-in user changes their own password here (from the user menu). */
@Route("account/password")
@PermitAll
class ChangePasswordView extends VerticalLayout implements LocalizedTitle {

    ChangePasswordView(UserService users, PasswordPolicy policy) {
        var current = new PasswordField(getTranslation("account.current-password"));
        current.setId("current-password");
        var next = new PasswordField(getTranslation("user.new-password"));
        next.setId("new-password");
        next.setHelperText(getTranslation("user.password.help", policy.minLength()));
        var repeat = new PasswordField(getTranslation("account.repeat-password"));
        repeat.setId("repeat-password");
        var save = ServiceErrors.primary(getTranslation("account.change-password"));
        save.setId("change-password");
        save.addClickListener(e -> {
            current.setInvalid(false);
            next.setInvalid(false);
            repeat.setInvalid(false);
            if (!next.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage(getTranslation("account.passwords-differ"));
                repeat.setInvalid(true);
                return;
            }
            try {
                users.changeOwnPassword(current.getValue(), next.getValue());
                Notifications.success(getTranslation("account.password-changed"));
                current.clear();
                next.clear();
                repeat.clear();
            } catch (RuntimeException ex) {
                if (!ServiceErrors.show(this, ex, f -> "currentPassword".equals(f) ? current : next, () -> { })) {
                    throw ex;
                }
            }
        });
        var form = new FormLayout(current, next, repeat);
        form.setMaxWidth("28rem");
        add(form, save);
    }

    @Override
    public String titleKey() {
        return "user-menu.change-password";
    }
}
