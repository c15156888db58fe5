package io.campuscrm.shared.ui;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ReadOnlyHasValue;
import com.vaadin.flow.data.binder.ValidationException;

/**
 * The steps record forms share (docs/forms.md): writing the record when every field is valid, finding the field a
 * service's refusal names ({@code DomainException.field()} is the record component's name), and carrying a component
 * that no field shows.
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
}
