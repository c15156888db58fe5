package io.campuscrm.institution.ui;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.i18n.ChosenLanguage;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.i18n.ReaderLocale;
import io.campuscrm.shared.security.CampusPrincipal;
import io.campuscrm.shared.security.CurrentUser;

/**
 * The locale of every screen: the signed-in user's language (switched in this session, or on their account), else
 * the browser's on the sign-in page, else the institution's locale (a setting, e.g. en-SG or zh-CN). The
 * institution's region stays where the language allows it ({@link Language#locale(Locale)}): texts come from the
 * language's bundle, dates and numbers follow the resulting locale. It is also the {@link ReaderLocale} of services
 * that write dates into messages: the current screen's locale, else the institution's.
 */
@Component
class InstitutionLocale implements VaadinServiceInitListener, ReaderLocale {

    private final InstitutionService institution;
    private final CurrentUser currentUser;

    InstitutionLocale(InstitutionService institution, CurrentUser currentUser) {
        this.institution = institution;
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            var profile = institution.publicProfile();
            var session = init.getUI().getSession();
            init.getUI().setLocale(locale(profile.locale(), session, VaadinRequest.getCurrent()));
            // for shared UI code that formats times but may not depend on this module (e.g. stale-edit messages)
            session.setAttribute(java.time.ZoneId.class, profile.timeZone());
        });
    }

    @Override
    public Locale get() {
        UI ui = UI.getCurrent();
        return ui != null ? ui.getLocale() : institution.publicProfile().locale();
    }

    Locale locale(Locale institutionLocale, @Nullable VaadinSession session, @Nullable VaadinRequest request) {
        var principal = currentUser.principal();
        Language language = null;
        if (principal.isPresent()) {
            var chosen = session == null ? null : session.getAttribute(ChosenLanguage.class);
            language = chosen != null ? chosen.language() : principal.map(CampusPrincipal::language).orElse(null);
        } else if (request != null && request.getHeader("Accept-Language") != null) {
            language = Language.of(request.getLocale()).orElse(null);
        }
        return language == null ? institutionLocale : language.locale(institutionLocale);
    }
}
