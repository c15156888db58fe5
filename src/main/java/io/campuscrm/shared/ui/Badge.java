package io.campuscrm.shared.ui;

import com.vaadin.flow.component.html.Span;

/**
 * A short status word in Lumo's badge style ("Active", "Failed", "Default"), in one of its tones. Every status badge
 * of the product is one of these, so they look and read alike.
 */
public class Badge extends Span {

    /** Lumo's badge colours: neutral (blue), success (green), error (red), contrast (grey). */
    public enum Tone {
        NEUTRAL(""), SUCCESS("success"), ERROR("error"), CONTRAST("contrast");

        private final String theme;

        Tone(String theme) {
            this.theme = theme;
        }
    }

    public Badge(String text, Tone tone) {
        super(text);
        getElement().getThemeList().add(("badge " + tone.theme).strip());
    }
}
