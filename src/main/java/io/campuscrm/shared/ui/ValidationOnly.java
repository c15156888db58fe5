package io.campuscrm.shared.ui;

import com.vaadin.flow.data.binder.Setter;

/**
 * For binders that only validate fields whose values the form reads itself: {@code bind(getter, null)} would make
 * the field read-only in the browser (server-side tests don't notice), so they bind this setter instead.
 */
public final class ValidationOnly {

    private ValidationOnly() {
    }

    public static <B, V> Setter<B, V> setter() {
        return (bean, value) -> {
        };
    }
}
