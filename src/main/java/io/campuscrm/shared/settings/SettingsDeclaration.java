package io.campuscrm.shared.settings;

import java.util.List;

/**
 * A module's settings: each module that has tunables an administrator may change at run time declares them in one
 * bean implementing this; the settings store collects every declaration and the settings screen shows them grouped
 * by {@link Setting#module()}.
 */
public interface SettingsDeclaration {

    List<Setting<?>> settings();
}
