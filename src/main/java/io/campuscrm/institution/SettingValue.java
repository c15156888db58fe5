package io.campuscrm.institution;

import org.jspecify.annotations.Nullable;

/**
 * What is stored for a setting at one level, the institution ({@code campusId} null) or a campus.
 *
 * @param value   the override's canonical text, or null when the level uses the default (the institution's) value
 * @param version the stored row's version, which a change or reset must name; {@link #NEW} when nothing was stored
 */
public record SettingValue(@Nullable Long campusId, @Nullable String value, long version) {

    /** The version of a level that has never been overridden. */
    public static final long NEW = -1;

    public boolean overridden() {
        return value != null;
    }
}
