package io.campuscrm.shared.settings;

/** How a setting's value is written, stored and checked; the settings screen picks its field by it. */
public enum SettingType {
    /** A whole number ({@link Integer}) within a range. */
    INTEGER,
    /** A number with decimals ({@link java.math.BigDecimal}) within a range. */
    DECIMAL,
    /** On or off. */
    BOOLEAN,
    /** A {@link java.time.Duration}, entered in whole minutes, within a range. */
    DURATION,
    /** Free text of a maximum length. */
    TEXT,
    /** One constant of an enum. */
    CHOICE,
    /** A Spring cron expression of six fields (second minute hour day month weekday). */
    CRON
}
