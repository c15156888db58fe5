package io.campuscrm.shared.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

import io.campuscrm.shared.domain.DomainException;

/**
 * The last line: an error no view handled becomes a notification the user can read, never a stack trace;
 * unexpected ones are logged with an id the user can quote.
 */
@Component
class UiErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UiErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            Throwable t = error.getThrowable();
            UI ui = UI.getCurrent();
            if (ui == null) {
                log.error("Error outside a UI", t);
                return;
            }
            Throwable cause = t;
            while (cause.getCause() != null && !(cause instanceof DomainException)) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException runtime
                    && ServiceErrors.show(ui, runtime, field -> null, () -> ui.getPage().reload())) {
                return;
            }
            String incident = Long.toString(System.nanoTime(), 36);
            log.error("Unexpected error [{}]", incident, t);
            ui.access(() -> Notifications.error(ui.getTranslation("error.unexpected", incident)));
        }));
    }
}
