package io.campuscrm.admissions.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;

import io.campuscrm.admissions.CampaignDraft;
import io.campuscrm.admissions.LeadCampaign;
import io.campuscrm.admissions.LeadCatalogService;
import io.campuscrm.admissions.LeadListEntry;
import io.campuscrm.institution.InstitutionSettings;
import io.campuscrm.shared.ui.DatePickers;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.RecordForms;
import io.campuscrm.shared.ui.ServiceErrors;

/**
 * A campaign's form (docs/forms.md): name, source (the active ones, and the campaign's own if deactivated since),
 * period, and cost in the institution's currency. The service's refusals land on their fields.
 */
class CampaignDialog extends Dialog {

    CampaignDialog(LeadCatalogService catalog, List<LeadListEntry> allSources, InstitutionSettings settings,
            LocalDate today, @Nullable LeadCampaign campaign, Runnable saved) {
        setHeaderTitle(campaign == null ? getTranslation("lead.campaign.new")
                : getTranslation("lead.campaign.edit", campaign.name()));
        setId("campaign-dialog");
        var offered = allSources.stream().filter(s -> s.active() || campaign != null && s.id() == campaign.sourceId())
                .toList();
        Map<Long, LeadListEntry> byId = offered.stream()
                .collect(Collectors.toMap(LeadListEntry::id, Function.identity()));
        var name = new TextField(getTranslation("lead.campaign.name"));
        name.setId("campaign-name");
        name.setMaxLength(120);
        var source = new Select<LeadListEntry>();
        source.setLabel(getTranslation("lead.campaign.source"));
        source.setItems(offered);
        source.setItemLabelGenerator(s -> s == null ? "" : LeadTexts.entry(this, s));
        source.setId("campaign-source");
        var startsOn = DatePickers.localized(new DatePicker(getTranslation("lead.campaign.starts-on")));
        startsOn.setId("campaign-starts-on");
        var endsOn = DatePickers.localized(new DatePicker(getTranslation("lead.campaign.ends-on")));
        endsOn.setId("campaign-ends-on");
        var cost = new BigDecimalField(getTranslation("lead.campaign.cost"));
        cost.setId("campaign-cost");
        cost.setSuffixComponent(new Span(settings.currency().getSymbol(getLocale())));
        cost.setHelperText(getTranslation("lead.campaign.cost.help", settings.currency().getDisplayName(getLocale())));

        var binder = new BeanValidationBinder<>(CampaignDraft.class);
        binder.forField(name).asRequired(getTranslation("lead.campaign.error.name-required"))
                .withConverter(RecordForms.stripped()).bind("name");
        binder.forField(source).asRequired(getTranslation("lead.campaign.error.source"))
                .withConverter(LeadListEntry::id, byId::get).bind("sourceId");
        binder.forField(startsOn).asRequired(getTranslation("lead.campaign.error.starts-required")).bind("startsOn");
        binder.forField(endsOn).asRequired(getTranslation("lead.campaign.error.ends-required")).bind("endsOn");
        binder.forField(cost).asRequired(getTranslation("lead.campaign.error.cost"))
                .withValidator(c -> c.signum() >= 0, getTranslation("lead.campaign.error.cost")).bind("cost");
        binder.readRecord(campaign == null ? CampaignDraft.startingOn(today) : campaign.toDraft());

        var save = ServiceErrors.primary(getTranslation("action.save"));
        save.setId("campaign-save");
        save.addClickListener(e -> {
            var draft = RecordForms.write(binder);
            if (draft == null) {
                return;
            }
            try {
                var stored = campaign == null ? catalog.createCampaign(draft)
                        : catalog.updateCampaign(campaign.id(), campaign.version(), draft);
                Notifications.success(getTranslation("lead.campaign.saved", stored.name()));
                close();
                saved.run();
            } catch (RuntimeException error) {
                if (!ServiceErrors.show(this, error, f -> RecordForms.field(binder, f), () -> {
                    close();
                    saved.run();
                })) {
                    throw error;
                }
            }
        });
        var form = new FormLayout(name, source, startsOn, endsOn, cost);
        form.setColspan(name, 2);
        add(form);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        setWidth("min(40rem, 95vw)");
    }
}
