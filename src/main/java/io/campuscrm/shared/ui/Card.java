package io.campuscrm.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;

/** A dashboard card: a title, a big figure and what it means, and optional actions below. */
public class Card extends Div {

    public Card(String title, String figure, String caption, Component... actions) {
        addClassName("dashboard-card");
        var value = new Span(figure);
        value.addClassName("card-figure");
        var text = new Span(caption);
        text.addClassName("card-caption");
        add(new H3(title), value, text);
        add(actions);
    }
}
