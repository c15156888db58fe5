package io.campuscrm.security.ui;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.security.internal.SecurityLimits;

/** Sign-in. Says why a sign-in failed when it is safe to: wrong credentials, a locked or a disabled account. */
@Route(value = "login", autoLayout = false)
@PageTitle("Campus CRM")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();
    private final AuthenticationContext authentication;
    private final SecurityLimits settings;

    LoginView(InstitutionService institution, AuthenticationContext authentication, SecurityLimits settings) {
        this.authentication = authentication;
        this.settings = settings;
        addClassName("login-view");
        setSizeFull();
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(i18n(getTranslation("login.error.credentials")));
        var title = new H1(getTranslation("app.name"));
        var school = new Span(institution.publicProfile().name());
        school.addClassName("login-institution");
        add(title, school, login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        var params = event.getLocation().getQueryParameters().getParameters();
        if (params.containsKey("error")) {
            Object cause = VaadinSession.getCurrent().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            String message;
            if (cause instanceof LockedException) {
                message = getTranslation("login.error.locked", settings.lockoutDuration().toMinutes());
            } else if (cause instanceof DisabledException) {
                message = getTranslation("login.error.disabled");
            } else {
                message = getTranslation("login.error.credentials");
            }
            login.setI18n(i18n(message));
            login.setError(true);
        }
    }

    private LoginI18n i18n(String errorMessage) {
        var i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(errorMessage);
        // shown when the form is sent with a field empty; LoginI18n's defaults are in English
        i18n.getErrorMessage().setUsername(getTranslation("login.username.required"));
        i18n.getErrorMessage().setPassword(getTranslation("login.password.required"));
        return i18n;
    }
}
