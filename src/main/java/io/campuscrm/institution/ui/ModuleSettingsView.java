package io.campuscrm.institution.ui;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;

import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.institution.SettingState;
import io.campuscrm.institution.SettingValue;
import io.campuscrm.institution.SettingsService;
import io.campuscrm.shared.settings.Setting;
import io.campuscrm.shared.ui.Badge;
import io.campuscrm.shared.ui.LocalizedTitle;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ServiceErrors;
import jakarta.annotation.security.RolesAllowed;

/**
 * The modules' settings, a heading per module: each setting's value with a "Default" marker while it is not
 * overridden, a reset to the default, and for a setting a campus may override, each campus's own value.
 * Field ids: {@code setting-<key>}, {@code save-<key>}, {@code reset-<key>}, {@code default-<key>}, and for a campus
 * the same with {@code -campus-<id>} appended.
 */
@Route(ModuleSettingsView.ROUTE)
@RolesAllowed("ADMIN")
class ModuleSettingsView extends VerticalLayout implements LocalizedTitle {

    static final String ROUTE = "admin/settings/modules";

    private final SettingsService settings;
    private final Map<Long, String> campusNames;
    private final Map<String, Div> blocks = new HashMap<>();

    ModuleSettingsView(SettingsService settings, InstitutionService institution) {
        this.settings = settings;
        this.campusNames = institution.campuses().stream().collect(Collectors.toMap(Campus::id, Campus::name));
        setMaxWidth("64rem");
        add(new SettingsTabs(true));
        Map<String, List<SettingState>> byModule = settings.all().stream()
                .collect(Collectors.groupingBy(s -> s.setting().module(), LinkedHashMap::new,
                        Collectors.toList()));
        byModule.forEach((module, states) -> {
            add(new H3(getTranslation("setting.module." + module)));
            states.forEach(state -> {
                var block = new Div();
                block.setWidthFull();
                blocks.put(state.setting().key(), block);
                fill(block, state);
                add(block);
            });
        });
    }

    private void fill(Div block, SettingState state) {
        block.removeAll();
        var setting = state.setting();
        var institutionRow = row(setting, null, state.institution(), state.institutionValue(),
                getTranslation("setting.default"));
        institutionRow.field.label(getTranslation(setting.labelKey()), getTranslation(setting.helpKey()));
        block.add(institutionRow.layout);
        if (!state.campuses().isEmpty()) {
            var campuses = new VerticalLayout();
            campuses.setPadding(false);
            for (SettingValue campus : state.campuses()) {
                var row = row(setting, campus.campusId(), campus,
                        campus.value() != null ? campus.value() : state.institutionValue(),
                        getTranslation("setting.as-institution"));
                row.field.label(campusNames.get(campus.campusId()), null);
                campuses.add(row.layout);
            }
            var details = new Details(getTranslation("setting.campus-values"), campuses);
            details.setId("campuses-" + setting.key());
            details.setOpened(state.campuses().stream().anyMatch(SettingValue::overridden));
            block.add(details);
        }
    }

    private Row row(Setting<?> setting, @Nullable Long campusId, SettingValue stored, String shown,
            String defaultMarker) {
        String suffix = setting.key() + (campusId == null ? "" : "-campus-" + campusId);
        var field = SettingField.of(setting, this::getTranslation);
        field.component().setId("setting-" + suffix);
        field.show(shown);
        var marker = new Badge(defaultMarker, Badge.Tone.CONTRAST);
        marker.setId("default-" + suffix);
        marker.setVisible(!stored.overridden());
        var save = new Button(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-" + suffix);
        var reset = new Button(getTranslation(campusId == null ? "setting.reset" : "setting.reset-campus"));
        reset.setId("reset-" + suffix);
        reset.setEnabled(stored.overridden());
        save.addClickListener(e -> {
            String value = field.value();
            if (value == null) {
                field.showError(getTranslation("setting.error.required"));
                return;
            }
            run(setting, field, () -> settings.change(setting.key(), campusId, stored.version(), value));
        });
        reset.addClickListener(e -> run(setting, field, () -> settings.reset(setting.key(), campusId,
                stored.version())));
        var layout = new HorizontalLayout(field.component(), marker, save, reset);
        layout.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        layout.setWidthFull();
        field.component().getElement().getStyle().set("flex", "1 1 20rem");
        return new Row(layout, field);
    }

    private void run(Setting<?> setting, SettingField field, Runnable change) {
        try {
            change.run();
            Notifications.success(getTranslation("setting.saved", getTranslation(setting.labelKey())));
            reload(setting);
        } catch (RuntimeException ex) {
            Function<String, HasValidation> fields = f -> "value".equals(f)
                    && field.component() instanceof HasValidation v ? v : null;
            if (!ServiceErrors.show(this, ex, fields, () -> reload(setting))) {
                throw ex;
            }
        }
    }

    /** Shows a setting as now stored (the institution's value and every campus's). */
    private void reload(Setting<?> setting) {
        settings.all().stream().filter(s -> s.setting().equals(setting)).findFirst()
                .ifPresent(state -> fill(blocks.get(setting.key()), state));
    }

    @Override
    public String titleKey() {
        return "nav.settings";
    }

    private record Row(HorizontalLayout layout, SettingField field) {
    }
}
