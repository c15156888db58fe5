package io.campuscrm.security.ui;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.springframework.data.domain.PageRequest;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.security.AuditEntry;
import io.campuscrm.security.AuditFilter;
import io.campuscrm.security.AuditLogService;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.ui.DatePickers;
import io.campuscrm.shared.ui.LocalizedTitle;
import jakarta.annotation.security.RolesAllowed;

/**
 * The audit log: who changed what and when, newest first, filtered by user, kind of record, action and dates. Each
 * summary is shown in the viewer's language; a line written before summaries had keys shows its English text.
 */
@Route("admin/audit")
@Menu(title = "nav.audit", order = 92, icon = "vaadin:list-select")
@RolesAllowed("ADMIN")
class AuditLogView extends VerticalLayout implements LocalizedTitle {

    private final Grid<AuditEntry> grid = new Grid<>();
    private final TextField actor = new TextField();
    private final ComboBox<String> entityType = new ComboBox<>();
    private final TextField entityId = new TextField();
    private final ComboBox<AuditAction> action = new ComboBox<>();
    private final DatePicker from = DatePickers.localized(new DatePicker());
    private final DatePicker to = DatePickers.localized(new DatePicker());
    private final ZoneId zone;

    AuditLogView(AuditLogService auditLog, InstitutionService institution) {
        this.zone = institution.settings().timeZone();
        addClassName("list-view");
        setSizeFull();
        actor.setPlaceholder(getTranslation("audit.actor"));
        entityType.setPlaceholder(getTranslation("audit.entity-type"));
        entityType.setItems(auditLog.entityTypes());
        entityType.setItemLabelGenerator(this::typeLabel);
        entityType.setClearButtonVisible(true);
        entityType.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        entityId.setPlaceholder(getTranslation("audit.entity-id"));
        action.setPlaceholder(getTranslation("audit.action"));
        action.setItems(AuditAction.values());
        action.setItemLabelGenerator(a -> getTranslation("audit.action." + a.name().toLowerCase()));
        actor.setId("audit-actor");
        entityType.setId("audit-entity-type");
        entityId.setId("audit-entity-id");
        from.setPlaceholder(getTranslation("audit.from"));
        to.setPlaceholder(getTranslation("audit.to"));
        for (var field : new TextField[] {actor, entityId}) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setClearButtonVisible(true);
            field.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        }
        action.setClearButtonVisible(true);
        action.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        from.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        to.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        var filters = new HorizontalLayout(actor, entityType, entityId, action, from, to);
        filters.addClassName("filter-bar");
        filters.setWidthFull();

        var format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale());
        grid.addColumn(e -> format.format(e.occurredAt().atZone(zone))).setHeader(getTranslation("audit.when"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("audit.action." + e.action().name().toLowerCase()))
                .setHeader(getTranslation("audit.action")).setAutoWidth(true);
        grid.addColumn(e -> typeLabel(e.entityType()) + (e.entityId() == null ? "" : " #" + e.entityId()))
                .setHeader(getTranslation("audit.entity-type")).setAutoWidth(true);
        grid.addColumn(e -> e.summaryIn(this::getTranslation, getLocale())).setHeader(getTranslation("audit.summary"))
                .setTooltipGenerator(e -> e.summaryIn(this::getTranslation, getLocale())).setFlexGrow(3);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(e -> {
            var details = new Pre(e.details() == null ? "" : e.details());
            details.addClassName("audit-details");
            return details;
        }));
        grid.setItems(query -> auditLog.search(filter(),
                PageRequest.of(query.getPage(), query.getPageSize())).stream());
        grid.setId("audit-grid");
        grid.setSizeFull();
        add(filters, grid);
    }

    /** A kind of record in the reader's language ({@code audit.type.<Type>}); one without a label as it is stored. */
    private String typeLabel(String type) {
        String key = "audit.type." + type;
        String label = getTranslation(key);
        return label.equals("!" + key) ? type : label;
    }

    private AuditFilter filter() {
        LocalDate fromDate = from.getValue();
        LocalDate toDate = to.getValue();
        return new AuditFilter(actor.getValue(), entityType.getValue(), entityId.getValue(), action.getValue(),
                fromDate == null ? null : fromDate.atStartOfDay(zone).toInstant(),
                toDate == null ? null : toDate.plusDays(1).atStartOfDay(zone).toInstant());
    }

    @Override
    public String titleKey() {
        return "nav.audit";
    }
}
