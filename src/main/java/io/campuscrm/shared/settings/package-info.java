/**
 * Typed settings: a module declares each of its tunables as a {@link io.campuscrm.shared.settings.Setting} (key,
 * type, default, allowed range, whether a campus may differ) in a {@link io.campuscrm.shared.settings.SettingsDeclaration}
 * bean; the institution module stores overrides and serves the values.
 */
@NullMarked
package io.campuscrm.shared.settings;

import org.jspecify.annotations.NullMarked;
