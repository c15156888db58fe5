package io.campuscrm.shared.ui;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ReadOnlyHasValue;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.converter.Converter;

/**
 * The steps record forms share (docs/forms.md): writing the record when every field is valid, finding the field a
 * service's refusal names ({@code DomainException.field()} is the record component's name), carrying a component
 * that no field shows, and the two conversions of typed text that record components need.
 */
public final class RecordForms {

    private RecordForms() {
    }

    /** The record from the fields, or null when a field is invalid (its message is then shown on it). */
    public static <R> @Nullable R write(Binder<R> binder) {
        try {
            return binder.writeRecord();
        } catch (ValidationException invalid) {
            return null;
        }
    }

    /**
     * A field for a record component the form carries without showing it, such as the version that guards against a
     * stale edit: {@code readRecord} puts the value in, {@code writeRecord} takes it out unchanged.
     */
    public static <V> HasValue<?, V> carried() {
        return new ReadOnlyHasValue<>(value -> {
            // nothing to show
        });
    }

    /** The field bound to the record component of that name, to show a service's message on. */
    public static @Nullable HasValidation field(Binder<?> binder, String component) {
        return binder.getBinding(component).map(b -> b.getField()).filter(HasValidation.class::isInstance)
                .map(HasValidation.class::cast).orElse(null);
    }

    /**
     * Text as the entity stores it, without surrounding spaces, for a component that is never null (a school, a
     * username): {@code binder.forField(school).withConverter(RecordForms.stripped()).bind("school")}. A null in the
     * record shows as an empty field.
     */
    public static Converter<String, String> stripped() {
        return Converter.from(text -> Result.ok(text == null ? "" : text.strip()), text -> text == null ? "" : text);
    }

    /**
     * Text for an optional component ({@code @Nullable String}: a preferred name, a phone): stripped, and null when
     * nothing was typed. A null in the record shows as an empty field.
     */
    public static Converter<String, @Nullable String> optional() {
        return Converter.from(text -> Result.ok(text == null || text.isBlank() ? null : text.strip()),
                text -> text == null ? "" : text);
    }
}
