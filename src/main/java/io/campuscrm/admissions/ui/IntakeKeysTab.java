package io.campuscrm.admissions.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import io.campuscrm.admissions.IntakeKey;
import io.campuscrm.admissions.IntakeKeyDraft;
import io.campuscrm.admissions.IntakeKeyService;
import io.campuscrm.admissions.LeadCatalogService;
import io.campuscrm.admissions.LeadList;
import io.campuscrm.admissions.LeadListEntry;
import io.campuscrm.institution.Campus;
import io.campuscrm.shared.ui.Badge;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ServiceErrors;

/**
 * The intake endpoint's keys: one per caller (the website, each ad platform), with the source its leads are filed
 * under, its campus and its limit, when it was last used, and whether it is revoked. A new key is shown once, in a
 * dialog that says so; a leaked one is revoked here.
 */
class IntakeKeysTab extends Composite<VerticalLayout> {

    /** The header a caller sends the key in: protocol, not words, the same in every language. */
    private static final String AUTHORIZATION = "Authorization: Bearer ";

    private final IntakeKeyService keys;
    private final List<LeadListEntry> sources;
    private final List<Campus> campuses;
    private final Map<Long, String> sourceNames;
    private final Map<Long, String> campusNames;
    private final DateTimeFormatter times;
    private final ZoneId zone;
    private final Grid<IntakeKey> grid = new Grid<>();

    IntakeKeysTab(IntakeKeyService keys, LeadCatalogService catalog, List<Campus> campuses, ZoneId zone) {
        this.keys = keys;
        this.zone = zone;
        this.sources = catalog.entries(LeadList.SOURCES);
        this.campuses = campuses.stream().filter(Campus::active).toList();
        this.sourceNames = sources.stream().collect(Collectors.toMap(LeadListEntry::id, e -> LeadTexts.entry(this,
                e)));
        this.campusNames = campuses.stream().collect(Collectors.toMap(Campus::id, Campus::name));
        this.times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale());
        var content = getContent();
        content.setId("settings-intake-keys");
        content.setPadding(false);
        content.setSizeFull();
        var create = ServiceErrors.primary(getTranslation("intake.key.new"));
        create.setId("settings-intake-keys-new");
        create.addClickListener(e -> openNew());
        grid.setId("settings-intake-keys-grid");
        grid.addColumn(IntakeKey::name).setHeader(getTranslation("intake.key.name")).setAutoWidth(true)
                .setFlexGrow(1);
        grid.addColumn(k -> k.prefix() + "…").setHeader(getTranslation("intake.key.key")).setAutoWidth(true);
        grid.addColumn(k -> sourceNames.getOrDefault(k.sourceId(), "#" + k.sourceId()))
                .setHeader(getTranslation("intake.key.source")).setAutoWidth(true);
        grid.addColumn(k -> k.campusId() == null ? getTranslation("intake.key.campus.any")
                : campusNames.getOrDefault(k.campusId(), "#" + k.campusId()))
                .setHeader(getTranslation("intake.key.campus")).setAutoWidth(true);
        grid.addColumn(k -> getTranslation("intake.key.per-minute-value", k.perMinute()))
                .setHeader(getTranslation("intake.key.limit")).setAutoWidth(true);
        grid.addColumn(k -> k.lastUsedAt() == null ? "—" : times.format(k.lastUsedAt().atZone(zone)))
                .setHeader(getTranslation("intake.key.last-used")).setAutoWidth(true);
        grid.addComponentColumn(this::status).setHeader(getTranslation("intake.key.status")).setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setHeader(getTranslation("intake.key.actions"))
                .setAutoWidth(true);
        content.add(new Paragraph(getTranslation("intake.key.intro")), create, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(keys.keys());
    }

    private Badge status(IntakeKey key) {
        return key.revoked() ? new Badge(getTranslation("intake.key.revoked", times.format(key.revokedAt()
                .atZone(zone))), Badge.Tone.ERROR) : new Badge(getTranslation("intake.key.live"), Badge.Tone.SUCCESS);
    }

    private Button revokeButton(IntakeKey key) {
        var revoke = new Button(getTranslation("intake.key.revoke"), e -> confirmRevoke(key));
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        revoke.setId("intake-key-revoke-" + key.id());
        revoke.setVisible(!key.revoked());
        return revoke;
    }

    private void confirmRevoke(IntakeKey key) {
        var dialog = new ConfirmDialog();
        dialog.setId("intake-key-revoke-confirm");
        dialog.setHeader(getTranslation("intake.key.revoke.title", key.name()));
        dialog.setText(getTranslation("intake.key.revoke.text"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("intake.key.revoke"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            try {
                keys.revoke(key.id(), key.version());
                Notifications.success(getTranslation("intake.key.revoked-done"));
            } catch (RuntimeException error) {
                if (!ServiceErrors.show(this, error, f -> null, this::refresh)) {
                    throw error;
                }
            }
            refresh();
        });
        dialog.open();
    }

    private void openNew() {
        var dialog = new Dialog();
        dialog.setId("intake-key-dialog");
        dialog.setHeaderTitle(getTranslation("intake.key.new"));
        var name = new TextField(getTranslation("intake.key.name"));
        name.setId("intake-key-name");
        name.setHelperText(getTranslation("intake.key.name.help"));
        var source = new Select<LeadListEntry>();
        source.setLabel(getTranslation("intake.key.source"));
        source.setItems(sources.stream().filter(LeadListEntry::active).toList());
        source.setItemLabelGenerator(e -> LeadTexts.entry(this, e));
        source.setId("intake-key-source");
        sources.stream().filter(e -> e.active() && "lead.source.website".equals(e.labelKey())).findFirst()
                .ifPresent(source::setValue);
        var campus = new Select<Campus>();
        campus.setLabel(getTranslation("intake.key.campus"));
        campus.setItems(campuses);
        campus.setItemLabelGenerator(c -> c == null ? getTranslation("intake.key.campus.any") : c.name());
        campus.setEmptySelectionAllowed(true);
        campus.setEmptySelectionCaption(getTranslation("intake.key.campus.any"));
        campus.setHelperText(getTranslation("intake.key.campus.help"));
        campus.setId("intake-key-campus");
        var perMinute = new IntegerField(getTranslation("intake.key.per-minute"));
        perMinute.setMin(1);
        perMinute.setMax(6000);
        perMinute.setValue(60);
        perMinute.setStepButtonsVisible(true);
        perMinute.setId("intake-key-per-minute");
        var save = ServiceErrors.primary(getTranslation("intake.key.create"));
        save.setId("intake-key-save");
        Function<String, com.vaadin.flow.component.@Nullable HasValidation> fields = f -> switch (f) {
            case "name" -> name;
            case "sourceId" -> source;
            case "campusId" -> campus;
            default -> null;
        };
        save.addClickListener(e -> {
            if (name.getValue().isBlank()) {
                name.setErrorMessage(getTranslation("intake.key.error.name"));
                name.setInvalid(true);
                return;
            }
            try {
                var made = keys.create(new IntakeKeyDraft(name.getValue(), source.getValue() == null ? -1
                        : source.getValue().id(), campus.getValue() == null ? null : campus.getValue().id(), null,
                        perMinute.getValue() == null ? 60 : perMinute.getValue()));
                dialog.close();
                refresh();
                showOnce(made.key(), made.secret());
            } catch (RuntimeException error) {
                if (!ServiceErrors.show(this, error, fields::apply, this::refresh)) {
                    throw error;
                }
            }
        });
        dialog.add(new FormLayout(name, source, campus, perMinute));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    /** The key itself, this once, with how to use it. */
    private void showOnce(IntakeKey key, String secret) {
        var dialog = new Dialog();
        dialog.setId("intake-key-secret-dialog");
        dialog.setHeaderTitle(getTranslation("intake.key.made", key.name()));
        var secretField = new TextField(getTranslation("intake.key.key"));
        secretField.setValue(secret);
        secretField.setReadOnly(true);
        secretField.setWidthFull();
        secretField.setId("intake-key-secret");
        secretField.addFocusListener(e -> secretField.getElement().executeJs("this.inputElement.select()"));
        var usage = new Pre(AUTHORIZATION + secret);
        usage.getStyle().set("white-space", "pre-wrap").set("word-break", "break-all");
        var close = ServiceErrors.primary(getTranslation("intake.key.copied"));
        close.addClickListener(e -> dialog.close());
        dialog.add(new Paragraph(getTranslation("intake.key.once")), secretField,
                new Paragraph(getTranslation("intake.key.usage")), usage);
        dialog.getFooter().add(close);
        dialog.setCloseOnOutsideClick(false);
        dialog.setWidth("min(40rem, 95vw)");
        dialog.open();
    }
}
