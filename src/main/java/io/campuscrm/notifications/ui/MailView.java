package io.campuscrm.notifications.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.notifications.MailAdministration;
import io.campuscrm.notifications.MailConfiguration;
import io.campuscrm.notifications.MailKind;
import io.campuscrm.notifications.OutboxEntry;
import io.campuscrm.notifications.OutboxStatus;
import io.campuscrm.shared.ui.Badge;
import io.campuscrm.shared.ui.FieldList;
import io.campuscrm.shared.ui.LocalizedTitle;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ServiceErrors;
import jakarta.annotation.security.RolesAllowed;

/**
 * Mail for administrators: the server settings, read only (they are Spring properties, README "E-mail"), whether
 * mail is on, a test message, and the outbox, newest first, with a retry for what failed.
 */
@Route("admin/mail")
@Menu(title = "nav.mail", order = 93, icon = "vaadin:envelope")
@RolesAllowed("ADMIN")
class MailView extends VerticalLayout implements LocalizedTitle {

    private final MailAdministration mail;
    private final Grid<OutboxEntry> grid = new Grid<>();
    private final ComboBox<OutboxStatus> status = new ComboBox<>();
    private final ZoneId zone;
    private final DateTimeFormatter format;

    MailView(MailAdministration mail, InstitutionService institution) {
        this.mail = mail;
        this.zone = institution.settings().timeZone();
        this.format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale());
        addClassName("list-view");
        setSizeFull();
        var configuration = mail.configuration();
        add(new H3(getTranslation("email.configuration")), state(configuration), settings(configuration),
                testMessage(), new H3(getTranslation("email.outbox")), filters(), outbox());
    }

    private Paragraph state(MailConfiguration configuration) {
        var state = new Paragraph(getTranslation(configuration.on() ? "email.on" : "email.off"));
        state.setId("mail-state");
        return state;
    }

    private FieldList settings(MailConfiguration configuration) {
        var list = new FieldList();
        list.add(getTranslation("email.host"), configuration.host());
        list.add(getTranslation("email.port"), configuration.port() == null ? null : configuration.port().toString());
        list.add(getTranslation("email.username"), configuration.username());
        list.add(getTranslation("email.starttls"), getTranslation(configuration.startTls() ? "email.yes" : "email.no"));
        list.add(getTranslation("email.from"), configuration.from());
        list.setId("mail-settings");
        return list;
    }

    private HorizontalLayout testMessage() {
        var address = new EmailField(getTranslation("email.test.address"));
        address.setId("mail-test-address");
        address.setValue(orEmpty(mail.ownAddress()));
        address.setErrorMessage(getTranslation("email.test.address.invalid"));
        var send = new Button(getTranslation("email.test.send"), e -> {
            if (address.isEmpty() || address.isInvalid()) {
                address.setInvalid(true);
                return;
            }
            try {
                mail.sendTestMessage(address.getValue());
                Notifications.success(getTranslation("email.test.queued", address.getValue()));
                grid.getDataProvider().refreshAll();
            } catch (RuntimeException ex) {
                if (!ServiceErrors.show(this, ex, f -> address, () -> grid.getDataProvider().refreshAll())) {
                    throw ex;
                }
            }
        });
        send.setId("mail-test-send");
        var row = new HorizontalLayout(address, send);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private HorizontalLayout filters() {
        status.setPlaceholder(getTranslation("email.status"));
        status.setItems(OutboxStatus.values());
        status.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        status.setClearButtonVisible(true);
        status.setId("mail-status-filter");
        status.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        var retryAll = new Button(getTranslation("email.retry-all"), e -> {
            int count = mail.retryAllFailed();
            Notifications.success(getTranslation("email.retried-all", count));
            grid.getDataProvider().refreshAll();
        });
        retryAll.setId("mail-retry-all");
        var bar = new HorizontalLayout(status, retryAll);
        bar.addClassName("filter-bar");
        return bar;
    }

    private Grid<OutboxEntry> outbox() {
        grid.addColumn(e -> when(e.createdAt())).setHeader(getTranslation("email.created")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> e.recipientName() == null ? e.recipient() : e.recipientName() + " <" + e.recipient() + ">")
                .setHeader(getTranslation("email.recipient")).setAutoWidth(true);
        grid.addColumn(e -> kindLabel(e.kind())).setHeader(getTranslation("email.kind")).setAutoWidth(true);
        grid.addColumn(OutboxEntry::subject).setHeader(getTranslation("email.subject")).setFlexGrow(2);
        grid.addComponentColumn(this::badge).setHeader(getTranslation("email.status")).setAutoWidth(true);
        grid.addColumn(OutboxEntry::attempts).setHeader(getTranslation("email.attempts")).setAutoWidth(true);
        grid.addColumn(e -> e.sentAt() == null ? "" : when(e.sentAt())).setHeader(getTranslation("email.sent-at"))
                .setAutoWidth(true);
        grid.addColumn(e -> orEmpty(e.lastError())).setHeader(getTranslation("email.last-error"))
                .setTooltipGenerator(e -> orEmpty(e.lastError())).setFlexGrow(2);
        grid.addComponentColumn(this::retryButton).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(query -> mail.search(status.getValue(), PageRequest.of(query.getPage(), query.getPageSize()))
                .stream());
        grid.setId("mail-outbox");
        grid.setSizeFull();
        return grid;
    }

    private Span badge(OutboxEntry entry) {
        return new Badge(getTranslation(entry.status().messageKey()), switch (entry.status()) {
            case SENT -> Badge.Tone.SUCCESS;
            case FAILED -> Badge.Tone.ERROR;
            case WAITING, SENDING -> Badge.Tone.CONTRAST;
        });
    }

    private Span retryButton(OutboxEntry entry) {
        var cell = new Span();
        if (entry.status() == OutboxStatus.FAILED) {
            var retry = new Button(getTranslation("email.retry"), e -> {
                try {
                    mail.retry(entry.id(), entry.version());
                    Notifications.success(getTranslation("email.retried", entry.recipient()));
                } catch (RuntimeException ex) {
                    if (!ServiceErrors.show(this, ex, f -> null, () -> grid.getDataProvider().refreshAll())) {
                        throw ex;
                    }
                }
                grid.getDataProvider().refreshAll();
            });
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
            retry.setId("mail-retry-" + entry.id());
            cell.add(retry);
        }
        return cell;
    }

    private String kindLabel(String kind) {
        for (MailKind k : MailKind.values()) {
            if (k.name().equals(kind)) {
                return getTranslation(k.labelKey());
            }
        }
        return kind;
    }

    private String when(Instant instant) {
        return format.format(instant.atZone(zone));
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

    @Override
    public String titleKey() {
        return "nav.mail";
    }
}
