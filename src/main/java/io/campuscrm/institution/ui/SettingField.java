package io.campuscrm.institution.ui;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import io.campuscrm.shared.settings.Setting;

/**
 * The field for one setting's value, of the setting's type (a number field, a check box, a choice, text), reading and
 * writing the value's canonical text ({@link Setting#encode}).
 */
final class SettingField {

    private final AbstractField<?, ?> field;
    private final Function<String, Object> shown;
    private final Function<Object, String> stored;

    private SettingField(AbstractField<?, ?> field, Function<String, Object> shown, Function<Object, String> stored) {
        this.field = field;
        this.shown = shown;
        this.stored = stored;
    }

    static SettingField of(Setting<?> setting, Function<String, String> translation) {
        return switch (setting.type()) {
            case INTEGER -> new SettingField(new IntegerField(), Integer::valueOf, String::valueOf);
            case DURATION -> {
                var minutes = new IntegerField();
                minutes.setSuffixComponent(new Span(translation.apply("setting.minutes")));
                yield new SettingField(minutes, s -> (int) Duration.parse(s).toMinutes(),
                        v -> Duration.ofMinutes((Integer) v).toString());
            }
            case DECIMAL -> new SettingField(new BigDecimalField(), BigDecimal::new,
                    v -> ((BigDecimal) v).toPlainString());
            case BOOLEAN -> new SettingField(new Checkbox(), Boolean::valueOf, String::valueOf);
            case CHOICE -> {
                var select = new Select<Object>();
                select.setItems(setting.choices().toArray());
                select.setItemLabelGenerator(c -> translation.apply(choiceKey(setting, c)));
                yield new SettingField(select, s -> setting.decode(s), v -> ((Enum<?>) v).name());
            }
            case TEXT, CRON -> new SettingField(new TextField(), s -> s, String::valueOf);
        };
    }

    AbstractField<?, ?> component() {
        return field;
    }

    void label(String label, @Nullable String help) {
        if (field instanceof HasLabel labelled) {
            labelled.setLabel(label);
        }
        if (help != null && field instanceof HasHelper helped) {
            helped.setHelperText(help);
        }
    }

    @SuppressWarnings("unchecked")
    void show(String canonical) {
        ((AbstractField<?, Object>) field).setValue(shown.apply(canonical));
        clearError();
    }

    /** The value's canonical text, or null when the field is empty. */
    @Nullable String value() {
        Object value = field.getValue();
        return value == null || "".equals(value) ? null : stored.apply(value);
    }

    void showError(String message) {
        if (field instanceof HasValidation validated) {
            validated.setErrorMessage(message);
            validated.setInvalid(true);
        }
    }

    void clearError() {
        if (field instanceof HasValidation validated) {
            validated.setInvalid(false);
        }
    }

    private static <T> String choiceKey(Setting<T> setting, Object choice) {
        return setting.choiceKey(setting.cast(choice));
    }
}
