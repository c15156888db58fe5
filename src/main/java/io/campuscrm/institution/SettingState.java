package io.campuscrm.institution;

import java.util.List;

import io.campuscrm.shared.settings.Setting;

/**
 * A setting as the administrator's screen shows it.
 *
 * @param institution the institution's override (or none: the default applies)
 * @param campuses    for a setting a campus may override, each campus's own value, in the order of
 *                    {@link InstitutionService#campuses()}; empty otherwise
 */
public record SettingState(Setting<?> setting, SettingValue institution, List<SettingValue> campuses) {

    /** The institution's value as text: its override, else the default. */
    public String institutionValue() {
        return institution.value() != null ? institution.value() : setting.encodedDefault();
    }
}
