package io.campuscrm.shared.ui;

import java.text.NumberFormat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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

    /** A card's figure: a count as the screen's locale writes it (126, 100,000). */
    public static String count(long count) {
        return NumberFormat.getIntegerInstance(UI.getCurrent().getLocale()).format(count);
    }

    /** The link below a card to the list behind its figure. */
    public static Button link(String text, String route) {
        var link = new Button(text, e -> UI.getCurrent().navigate(route));
        link.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return link;
    }
}
