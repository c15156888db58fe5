package io.campuscrm.shared.ui;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * A record's fields read as label and value, what a detail view opens on before "Edit" (decision 0051): a
 * {@code <dl>} laid out as a grid of pairs (CSS class {@code field-list}); an empty value reads "—".
 */
public class FieldList extends Composite<DescriptionList> {

    public FieldList() {
        getContent().addClassName("field-list");
    }

    /** A field whose value is a component (a badge, a link). */
    public FieldList add(String label, Component value) {
        // a label and its value together, so that the grid lays out pairs (a div may group them in a dl)
        getContent().add(new Div(new DescriptionList.Term(label), new DescriptionList.Description(value)));
        return this;
    }

    /** A field whose value is text; blank or missing reads "—". */
    public FieldList add(String label, @Nullable String value) {
        return add(label, text(value));
    }

    /** The text of a value as a field list shows it ("—" when blank or missing). */
    public static Span text(@Nullable String value) {
        return new Span(value == null || value.isBlank() ? "—" : value);
    }
}
