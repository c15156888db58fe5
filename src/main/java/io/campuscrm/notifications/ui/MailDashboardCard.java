package io.campuscrm.notifications.ui;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;

import io.campuscrm.notifications.MailAdministration;
import io.campuscrm.notifications.OutboxCounts;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.ui.Card;
import io.campuscrm.shared.ui.DashboardCard;

/** The administrator's card: failed and waiting mail, and whether mail is sent at all; it opens the Mail page. */
@Component
class MailDashboardCard implements DashboardCard {

    private final MailAdministration mail;
    private final CurrentUser currentUser;

    MailDashboardCard(MailAdministration mail, CurrentUser currentUser) {
        this.mail = mail;
        this.currentUser = currentUser;
    }

    @Override
    public int order() {
        return 850;
    }

    @Override
    public boolean visibleToCurrentUser() {
        return currentUser.hasRole(Role.ADMIN);
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        var ui = UI.getCurrent();
        OutboxCounts counts = mail.counts();
        boolean on = mail.configuration().on();
        var open = Card.link(ui.getTranslation("dashboard.mail.open"), "admin/mail");
        open.setId("mail-card-open");
        var card = new Card(ui.getTranslation("dashboard.mail.title"),
                Card.count(counts.failed()),
                ui.getTranslation(on ? "dashboard.mail.caption-on" : "dashboard.mail.caption-off", counts.waiting()),
                open);
        card.setId("mail-card");
        return card;
    }
}
