package io.campuscrm.institution.ui;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.Currency;
import java.util.Locale;
import java.util.stream.Stream;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.validator.EmailValidator;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import io.campuscrm.institution.Campus;
import io.campuscrm.institution.CampusDraft;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.institution.InstitutionSettings;
import io.campuscrm.shared.ui.LocalizedTitle;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.RecordForms;
import io.campuscrm.shared.ui.ServiceErrors;
import jakarta.annotation.security.RolesAllowed;

/** Institution settings (name, currency, time zone, locale, printed address) and its campuses. */
@Route("admin/settings")
@Menu(title = "nav.settings", order = 95, icon = "vaadin:cog")
@RolesAllowed("ADMIN")
class SettingsView extends VerticalLayout implements LocalizedTitle {

    private final InstitutionService institution;
    private final BeanValidationBinder<InstitutionSettings> binder =
            new BeanValidationBinder<>(InstitutionSettings.class);
    private final Grid<Campus> campuses = new Grid<>();
    private final TextField name = new TextField();
    private final ComboBox<Currency> currency = new ComboBox<>();
    private final ComboBox<ZoneId> timeZone = new ComboBox<>();
    private final ComboBox<Locale> locale = new ComboBox<>();
    private final TextArea address = new TextArea();
    private final TextField phone = new TextField();
    private final EmailField email = new EmailField();

    SettingsView(InstitutionService institution) {
        this.institution = institution;
        setMaxWidth("64rem");
        name.setLabel(getTranslation("settings.name"));
        name.setId("settings-name");
        currency.setLabel(getTranslation("settings.currency"));
        currency.setItems(Currency.getAvailableCurrencies().stream()
                .sorted(Comparator.comparing(Currency::getCurrencyCode)).toList());
        currency.setItemLabelGenerator(c -> c.getCurrencyCode() + " — " + c.getDisplayName(getLocale()));
        timeZone.setLabel(getTranslation("settings.time-zone"));
        timeZone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of).toList());
        timeZone.setItemLabelGenerator(ZoneId::getId);
        locale.setLabel(getTranslation("settings.locale"));
        locale.setHelperText(getTranslation("settings.locale.help"));
        locale.setItems(Stream.of(Locale.getAvailableLocales())
                .filter(l -> !l.getLanguage().isEmpty() && !l.getCountry().isEmpty() && l.getVariant().isEmpty()
                        && l.getScript().isEmpty())
                .sorted(Comparator.comparing(Locale::toLanguageTag)).toList());
        locale.setItemLabelGenerator(l -> l.toLanguageTag() + " — " + l.getDisplayName(getLocale()));
        address.setLabel(getTranslation("settings.address"));
        address.setHelperText(getTranslation("settings.address.help"));
        phone.setLabel(getTranslation("settings.phone"));
        phone.setId("settings-phone");
        email.setLabel(getTranslation("settings.email"));
        email.setId("settings-email");
        // the field's own check of the address runs first: without this it would refuse with an empty message
        email.setI18n(new EmailField.EmailFieldI18n().setPatternErrorMessage(getTranslation("user.email.invalid")));

        binder.forField(name).asRequired(getTranslation("settings.name.required")).bind("name");
        binder.forField(currency).asRequired(getTranslation("settings.currency.required")).bind("currency");
        binder.forField(timeZone).asRequired(getTranslation("settings.time-zone.required")).bind("timeZone");
        binder.forField(locale).asRequired(getTranslation("settings.locale.required")).bind("locale");
        binder.forField(address).bind("address");
        binder.forField(phone).bind("phone");
        binder.forField(email).withValidator(new EmailValidator(getTranslation("user.email.invalid"), true))
                .bind("email");
        binder.forField(RecordForms.<Long>carried()).bind("version");

        var form = new FormLayout(name, currency, timeZone, locale, phone, email, address);
        form.setColspan(address, 2);
        var save = ServiceErrors.primary(getTranslation("action.save"));
        save.setId("save-settings");
        save.addClickListener(e -> save());

        campuses.addColumn(Campus::name).setHeader(getTranslation("campus.name")).setAutoWidth(true);
        campuses.addColumn(Campus::address).setHeader(getTranslation("campus.address")).setFlexGrow(1);
        campuses.addColumn(Campus::phone).setHeader(getTranslation("campus.phone")).setAutoWidth(true);
        campuses.addColumn(c -> getTranslation(c.active() ? "campus.active" : "campus.inactive"))
                .setHeader(getTranslation("campus.status")).setAutoWidth(true);
        campuses.addItemClickListener(e -> openCampus(e.getItem()));
        campuses.setAllRowsVisible(true);
        campuses.setId("campus-grid");
        var addCampus = new Button(getTranslation("campus.new"), e -> openCampus(null));
        addCampus.setId("new-campus");

        add(new SettingsTabs(false), new H3(getTranslation("settings.institution")), form, save,
                new HorizontalLayout(new H3(getTranslation("settings.campuses")), addCampus), campuses);
        load();
    }

    private void load() {
        binder.readRecord(institution.settings());
        campuses.setItems(institution.campuses());
    }

    private void save() {
        var changed = RecordForms.write(binder);
        if (changed == null) {
            return;
        }
        try {
            binder.readRecord(institution.updateSettings(changed));
            Notifications.success(getTranslation("settings.saved"));
        } catch (RuntimeException ex) {
            if (!ServiceErrors.show(this, ex, f -> RecordForms.field(binder, f), this::load)) {
                throw ex;
            }
        }
    }

    private void openCampus(Campus campus) {
        var dialog = new Dialog(getTranslation(campus == null ? "campus.new" : "campus.edit"));
        var campusName = new TextField(getTranslation("campus.name"));
        campusName.setId("campus-name");
        var campusAddress = new TextArea(getTranslation("campus.address"));
        var campusPhone = new TextField(getTranslation("campus.phone"));
        campusPhone.setId("campus-phone");
        var active = new Checkbox(getTranslation("campus.active"));
        var campusBinder = new BeanValidationBinder<>(CampusDraft.class);
        campusBinder.forField(campusName).asRequired(getTranslation("campus.name.required")).bind("name");
        campusBinder.forField(campusAddress).bind("address");
        campusBinder.forField(campusPhone).bind("phone");
        campusBinder.forField(active).bind("active");
        campusBinder.readRecord(campus == null ? new CampusDraft("", "", "", true) : campus.toDraft());
        var save = ServiceErrors.primary(getTranslation("action.save"));
        save.setId("save-campus");
        save.addClickListener(e -> {
            var draft = RecordForms.write(campusBinder);
            if (draft == null) {
                return;
            }
            try {
                if (campus == null) {
                    institution.createCampus(draft);
                } else {
                    institution.updateCampus(campus.id(), campus.version(), draft);
                }
                Notifications.success(getTranslation("campus.saved", draft.name()));
                dialog.close();
                load();
            } catch (RuntimeException ex) {
                if (!ServiceErrors.show(this, ex, f -> RecordForms.field(campusBinder, f), () -> {
                    dialog.close();
                    load();
                })) {
                    throw ex;
                }
            }
        });
        var form = new FormLayout(campusName, campusPhone, campusAddress, active);
        form.setColspan(campusAddress, 2);
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.setWidth("min(36rem, 95vw)");
        dialog.open();
    }

    @Override
    public String titleKey() {
        return "nav.settings";
    }
}
