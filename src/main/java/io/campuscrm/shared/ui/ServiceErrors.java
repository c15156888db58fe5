package io.campuscrm.shared.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.StaleEditException;
import jakarta.validation.ConstraintViolationException;

/**
 * Shows what a service refused, where the user can act on it: a domain rule on its form field (or as a
 * notification), a stale edit as a dialog naming who changed the record and offering to reload.
 */
public final class ServiceErrors {

    private ServiceErrors() {
    }

    /**
     * @param fields finds the form field a {@link DomainException} names; may return null
     * @param reload what "reload" does after a stale edit
     * @return true if the error was shown, false if it is not one a user can act on
     */
    public static boolean show(Component view, RuntimeException error,
            java.util.function.Function<String, HasValidation> fields, Runnable reload) {
        if (error instanceof DomainException domain) {
            String message = view.getTranslation(domain.messageKey(), domain.arguments());
            HasValidation field = domain.field() == null ? null : fields.apply(domain.field());
            if (field != null) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            } else {
                Notifications.error(message);
            }
            return true;
        }
        if (error instanceof StaleEditException stale) {
            var when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                    .withLocale(com.vaadin.flow.component.UI.getCurrent().getLocale()).format(stale.changedAt().atZone(zone()));
            var dialog = new ConfirmDialog();
            dialog.setHeader(view.getTranslation("stale-edit.title"));
            dialog.setText(view.getTranslation("stale-edit.text", stale.changedBy(), when));
            dialog.setConfirmText(view.getTranslation("stale-edit.reload"));
            dialog.addConfirmListener(e -> reload.run());
            dialog.open();
            return true;
        }
        if (error instanceof ConstraintViolationException invalid) {
            Notifications.error(view.getTranslation("error.invalid", invalid.getConstraintViolations().stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).findFirst().orElse("")));
            return true;
        }
        if (error instanceof AccessDeniedException) {
            Notifications.error(view.getTranslation("error.access-denied"));
            return true;
        }
        return false;
    }

    /** A primary button, the one a form's Enter key triggers. */
    public static Button primary(String text) {
        var button = new Button(text);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return button;
    }

    /** The institution's time zone, which the institution module keeps in the Vaadin session; UTC before it does. */
    private static ZoneId zone() {
        var session = com.vaadin.flow.server.VaadinSession.getCurrent();
        ZoneId zone = session == null ? null : session.getAttribute(ZoneId.class);
        return zone == null ? ZoneId.of("UTC") : zone;
    }
}
