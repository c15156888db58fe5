package io.campuscrm.admissions.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import io.campuscrm.admissions.Lead;
import io.campuscrm.admissions.LeadCampaign;
import io.campuscrm.admissions.LeadCatalogService;
import io.campuscrm.admissions.LeadChoice;
import io.campuscrm.admissions.LeadDraft;
import io.campuscrm.admissions.LeadMatch;
import io.campuscrm.admissions.LeadService;
import io.campuscrm.admissions.PossibleDuplicateLeadException;
import io.campuscrm.institution.Campus;
import io.campuscrm.shared.ui.ServiceErrors;
import io.campuscrm.students.FamilyService;
import io.campuscrm.students.FamilySummary;

/**
 * Entering a lead from a call or a visit: campus, child, guardian, phone or e-mail, where they came from (and the
 * campaign of that source running today, if any; the referring family for a referral), what they asked. A phone or e-mail the school knows is shown with who has it, and the lead is saved only when told to.
 */
class NewLeadDialog extends Dialog {

    private final LeadService leads;
    private final Consumer<Lead> saved;
    private final Select<Campus> campus = new Select<>();
    private final TextField child = new TextField();
    private final TextField guardian = new TextField();
    private final TextField phone = new TextField();
    private final EmailField email = new EmailField();
    private final Select<LeadChoice> source = new Select<>();
    private final TextArea message = new TextArea();
    private final Select<LeadCampaign> campaign = new Select<>();
    private final ComboBox<FamilySummary> referrer = new ComboBox<>();
    private final LeadCatalogService catalog;
    private final LocalDate today;

    /**
     * The dialog as the lead list makes it: the pickers' services (campaigns, families, the institution's day) come
     * from Spring through Vaadin's instantiator, so that the list need not carry them.
     */
    NewLeadDialog(LeadService leads, LeadCatalogService catalog, FamilyService families, LocalDate today,
            List<Campus> campuses, Consumer<Lead> saved) {
        this.leads = leads;
        this.catalog = catalog;
        this.today = today;
        this.saved = saved;
        setHeaderTitle(getTranslation("lead.new"));
        setId("new-lead");
        campus.setLabel(getTranslation("lead.campus"));
        campus.setItems(campuses);
        campus.setItemLabelGenerator(Campus::name);
        campus.setId("lead-campus");
        if (!campuses.isEmpty()) {
            campus.setValue(campuses.getFirst());
        }
        child.setLabel(getTranslation("lead.child"));
        child.setId("lead-child");
        child.setRequiredIndicatorVisible(true);
        guardian.setLabel(getTranslation("lead.guardian"));
        guardian.setId("lead-guardian");
        phone.setLabel(getTranslation("lead.phone"));
        phone.setId("lead-phone");
        email.setLabel(getTranslation("lead.email"));
        email.setId("lead-email");
        var sources = leads.sources();
        source.setLabel(getTranslation("lead.source"));
        source.setItems(sources);
        source.setItemLabelGenerator(c -> LeadTexts.choice(this, c));
        source.setId("lead-source");
        campaign.setLabel(getTranslation("lead.campaign.label"));
        campaign.setItemLabelGenerator(c -> c == null ? getTranslation("lead.campaign.none") : c.name());
        campaign.setEmptySelectionAllowed(true);
        campaign.setEmptySelectionCaption(getTranslation("lead.campaign.none"));
        campaign.setId("lead-campaign");
        referrer.setLabel(getTranslation("lead.campaign.referrer"));
        referrer.setHelperText(getTranslation("lead.campaign.referrer.help"));
        referrer.setItems(query -> families.findFamilies(query.getFilter().orElse(""),
                query.getOffset() + query.getLimit()).stream().skip(query.getOffset()).limit(query.getLimit()));
        referrer.setItemLabelGenerator(LeadTexts::family);
        referrer.setClearButtonVisible(true);
        referrer.setId("lead-referrer");
        source.addValueChangeListener(e -> sourceChosen(e.getValue()));
        if (!sources.isEmpty()) {
            source.setValue(sources.getFirst());
        } else {
            sourceChosen(null);
        }
        message.setLabel(getTranslation("lead.message"));
        message.setId("lead-message");
        var form = new FormLayout(campus, source, child, guardian, phone, email, campaign, referrer, message);
        form.setColspan(message, 2);
        add(form);
        var save = ServiceErrors.primary(getTranslation("lead.save"));
        save.setId("lead-save");
        save.addClickListener(e -> save(false));
        getFooter().add(new Button(getTranslation("lead.cancel"), e -> close()), save);
    }

    /** The campaigns of the chosen source running today, and the referring family for a referral only. */
    private void sourceChosen(@Nullable LeadChoice chosen) {
        var running = chosen == null ? List.<LeadCampaign>of() : catalog.campaignChoices(today, chosen.id());
        campaign.setItems(running);
        campaign.setVisible(!running.isEmpty());
        boolean referral = chosen != null && chosen.referral();
        referrer.setVisible(referral);
        if (!referral) {
            referrer.clear();
        }
    }

    private void save(boolean anyway) {
        List.of(child, guardian, phone, email).forEach(f -> f.setInvalid(false));
        campaign.setInvalid(false);
        referrer.setInvalid(false);
        if (campus.getValue() == null || source.getValue() == null) {
            return;
        }
        Long campaignId = campaign.getValue() == null ? null : campaign.getValue().id();
        Long referrerId = referrer.isVisible() && referrer.getValue() != null ? referrer.getValue().id() : null;
        var draft = new LeadDraft(campus.getValue().id(), child.getValue(), guardian.getValue(), phone.getValue(),
                email.getValue(), null, null, message.getValue(), source.getValue().id(), campaignId, referrerId,
                null);
        try {
            var lead = leads.create(draft, anyway);
            close();
            saved.accept(lead);
        } catch (PossibleDuplicateLeadException duplicates) {
            confirm(duplicates.matches());
        } catch (RuntimeException error) {
            if (!ServiceErrors.show(this, error, this::field, () -> { })) {
                throw error;
            }
        }
    }

    private void confirm(List<LeadMatch> matches) {
        var dialog = new ConfirmDialog();
        dialog.setId("lead-duplicates");
        dialog.setHeader(getTranslation("lead.duplicates.title"));
        var list = new UnorderedList();
        for (var match : matches) {
            list.add(new ListItem(getTranslation("lead.duplicates.match", getTranslation("lead.match."
                    + match.kind().name().toLowerCase(java.util.Locale.ROOT)), match.name(), match.value())));
        }
        dialog.setText(new Div(new Paragraph(getTranslation("lead.duplicates.text")), list));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("lead.cancel"));
        dialog.setConfirmText(getTranslation("lead.duplicates.save-anyway"));
        dialog.addConfirmListener(e -> save(true));
        dialog.open();
    }

    private @Nullable HasValidation field(String name) {
        return switch (name) {
            case "childName" -> child;
            case "guardianName" -> guardian;
            case "phone" -> phone;
            case "email" -> email;
            case "campaignId" -> campaign;
            case "referringFamilyId" -> referrer;
            default -> null;
        };
    }

}
