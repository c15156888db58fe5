package io.campuscrm.shared.settings;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.support.CronExpression;

/**
 * One tunable of a module: its key, the module and a name ({@code security} and {@code max-failed-logins} make
 * {@code security.max-failed-logins}), its type, its default, the range it accepts and whether a campus may have its own value. The screen's label
 * and help text are the bundle keys {@code setting.<key>.label} and {@code setting.<key>.help}.
 *
 * <p>Values are stored as text: {@link #encode} writes the canonical text of a value, {@link #decode} reads one and
 * checks it, so a stored value and a typed one pass the same rules.
 *
 * @param <T> the value's Java type
 */
public final class Setting<T> {

    private static final Pattern KEY = Pattern.compile("[a-z]+(\\.[a-z0-9]+(-[a-z0-9]+)*)+");

    private final String key;
    private final SettingType type;
    private final Class<T> javaType;
    private final T defaultValue;
    private final @Nullable T min;
    private final @Nullable T max;
    private final int maxLength;
    private final boolean perCampus;

    private Setting(String key, SettingType type, Class<T> javaType, T defaultValue, @Nullable T min,
            @Nullable T max, int maxLength, boolean perCampus) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("A setting key is module.name in lower case with dashes: " + key);
        }
        this.key = key;
        this.type = type;
        this.javaType = javaType;
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.maxLength = maxLength;
        this.perCampus = perCampus;
        try {
            check(defaultValue);
        } catch (InvalidSettingValueException e) {
            throw new IllegalArgumentException("The default of " + key + " is outside what it accepts", e);
        }
    }

    /** A whole number from {@code min} to {@code max}. */
    public static Setting<Integer> integer(String module, String name, int defaultValue, int min, int max) {
        return new Setting<>(module + "." + name, SettingType.INTEGER, Integer.class, defaultValue, min, max, 0, false);
    }

    /** A number with decimals from {@code min} to {@code max}. */
    public static Setting<BigDecimal> decimal(String module, String name, BigDecimal defaultValue, BigDecimal min,
            BigDecimal max) {
        return new Setting<>(module + "." + name, SettingType.DECIMAL, BigDecimal.class, defaultValue, min, max, 0, false);
    }

    public static Setting<Boolean> bool(String module, String name, boolean defaultValue) {
        return new Setting<>(module + "." + name, SettingType.BOOLEAN, Boolean.class, defaultValue, null, null, 0, false);
    }

    /** A duration in whole minutes from {@code min} to {@code max}. */
    public static Setting<Duration> duration(String module, String name, Duration defaultValue, Duration min,
            Duration max) {
        return new Setting<>(module + "." + name, SettingType.DURATION, Duration.class, defaultValue, min, max, 0, false);
    }

    /** Text of at most {@code maxLength} characters. */
    public static Setting<String> text(String module, String name, String defaultValue, int maxLength) {
        return new Setting<>(module + "." + name, SettingType.TEXT, String.class, defaultValue, null, null, maxLength, false);
    }

    /** One of an enum's constants; each has the label {@code setting.<key>.<constant in lower case>}. */
    public static <E extends Enum<E>> Setting<E> choice(String module, String name, Class<E> type,
            E defaultValue) {
        return new Setting<>(module + "." + name, SettingType.CHOICE, type, defaultValue, null, null, 0, false);
    }

    /** A Spring cron expression ({@code 0 0 2 * * *}: at two every night). */
    public static Setting<String> cron(String module, String name, String defaultValue) {
        return new Setting<>(module + "." + name, SettingType.CRON, String.class, defaultValue, null, null, 0, false);
    }

    /** The same setting, which a campus may override. */
    public Setting<T> perCampus() {
        return new Setting<>(key, type, javaType, defaultValue, min, max, maxLength, true);
    }

    public String key() {
        return key;
    }

    /** The module that reads it: the key's first part. */
    public String module() {
        return key.substring(0, key.indexOf('.'));
    }

    public SettingType type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public @Nullable T min() {
        return min;
    }

    public @Nullable T max() {
        return max;
    }

    /** For text: the most characters it takes. */
    public int maxLength() {
        return maxLength;
    }

    public boolean isPerCampus() {
        return perCampus;
    }

    public String labelKey() {
        return "setting." + key + ".label";
    }

    public String helpKey() {
        return "setting." + key + ".help";
    }

    /** For a choice: its constants, in declaration order; otherwise none. */
    public List<T> choices() {
        T[] constants = javaType.getEnumConstants();
        return constants == null ? List.of() : List.of(constants);
    }

    /** The bundle key of a choice's label. */
    public String choiceKey(T choice) {
        return "setting." + key + "." + ((Enum<?>) choice).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Narrows a value of unknown type to this setting's, e.g. a field's value. */
    public T cast(Object value) {
        return javaType.cast(value);
    }

    /** The canonical text of a value, as the store keeps it. */
    public String encode(T value) {
        return switch (value) {
            case BigDecimal d -> d.toPlainString();
            case Enum<?> e -> e.name();
            default -> value.toString();
        };
    }

    /** The canonical text of the default. */
    public String encodedDefault() {
        return encode(defaultValue);
    }

    /**
     * Reads the canonical text of a value and checks it.
     *
     * @throws InvalidSettingValueException saying what to enter, when the text is not a value this setting accepts
     */
    public T decode(String text) {
        String s = text.strip();
        T value;
        try {
            value = javaType.cast(switch (type) {
                case INTEGER -> Integer.valueOf(s);
                case DECIMAL -> new BigDecimal(s);
                case BOOLEAN -> parseBoolean(s);
                case DURATION -> Duration.parse(s);
                case TEXT, CRON -> s;
                case CHOICE -> choices().stream().filter(c -> ((Enum<?>) c).name().equals(s)).findFirst()
                        .orElseThrow(() -> new InvalidSettingValueException("setting.error.choice"));
            });
        } catch (NumberFormatException | DateTimeParseException e) {
            throw rangeError();
        }
        check(value);
        return value;
    }

    /**
     * Checks a value against the setting's range.
     *
     * @throws InvalidSettingValueException saying what to enter
     */
    @SuppressWarnings("unchecked")
    public void check(T value) {
        switch (type) {
            case INTEGER, DECIMAL -> {
                var comparable = (Comparable<T>) value;
                if (comparable.compareTo(min) < 0 || comparable.compareTo(max) > 0) {
                    throw rangeError();
                }
            }
            case DURATION -> {
                var d = (Duration) value;
                if (d.toSecondsPart() != 0 || d.toMillisPart() != 0 || d.compareTo((Duration) min) < 0
                        || d.compareTo((Duration) max) > 0) {
                    throw rangeError();
                }
            }
            case TEXT -> {
                if (((String) value).length() > maxLength) {
                    throw new InvalidSettingValueException("setting.error.text", maxLength);
                }
            }
            case CRON -> {
                if (!CronExpression.isValidExpression((String) value)) {
                    throw new InvalidSettingValueException("setting.error.cron");
                }
            }
            case BOOLEAN, CHOICE -> {
                // every value of the type is allowed
            }
        }
    }

    private InvalidSettingValueException rangeError() {
        return switch (type) {
            case INTEGER -> new InvalidSettingValueException("setting.error.integer", min, max);
            case DECIMAL -> new InvalidSettingValueException("setting.error.decimal", min, max);
            case DURATION -> new InvalidSettingValueException("setting.error.minutes", ((Duration) min).toMinutes(),
                    ((Duration) max).toMinutes());
            default -> new InvalidSettingValueException("setting.error.invalid");
        };
    }

    private static Boolean parseBoolean(String s) {
        return switch (s) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidSettingValueException("setting.error.invalid");
        };
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Setting<?> s && s.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key;
    }
}
