package io.campuscrm.institution.ui;

import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

import io.campuscrm.institution.InstitutionService;

/**
 * Every UI formats dates, numbers and money in the institution's locale (a setting), e.g. en-SG or zh-CN;
 * texts come from that language's bundle where one exists, English otherwise.
 */
@Component
class InstitutionLocale implements VaadinServiceInitListener {

    private final InstitutionService institution;

    InstitutionLocale(InstitutionService institution) {
        this.institution = institution;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            var profile = institution.publicProfile();
            init.getUI().setLocale(profile.locale());
            // for shared UI code that formats times but may not depend on this module (e.g. stale-edit messages)
            init.getUI().getSession().setAttribute(java.time.ZoneId.class, profile.timeZone());
        });
    }
}
