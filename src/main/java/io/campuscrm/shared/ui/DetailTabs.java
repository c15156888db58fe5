package io.campuscrm.shared.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.function.SerializableSupplier;

/**
 * The tabs of a detail view (a student's file, a class): a bar of links, one per tab, and the selected tab's content,
 * built the first time the tab is shown. Each tab has a key, the last part of the view's address
 * ({@code students/42/documents}); the link's id is {@code tab-<key>}. A tab is a real link: selecting one is a
 * navigation to its address, which the view answers by {@link #select(String) selecting} it, so the address, the
 * browser's back button and "open in new tab" all follow the tabs.
 * <p>
 * Unlike Vaadin's TabSheet this adds no round trip after the view is shown: a TabSheet's tabs tell the server
 * their selection once they are drawn, which cost the student file a second and a third request on every open
 * (decision 0051). Tabs already built keep their content (hidden) when another is shown.
 */
public class DetailTabs extends Composite<Div> {

    private final Nav bar = new Nav();
    private final Div panels = new Div();
    private final Function<String, String> address;
    private final Map<String, Anchor> links = new LinkedHashMap<>();
    private final Map<String, SerializableSupplier<Component>> contents = new LinkedHashMap<>();
    private final Map<String, Component> built = new LinkedHashMap<>();
    private @Nullable String selected;

    /**
     * @param label what the bar of tabs is, for screen readers ("Sections of the student's file")
     * @param address the address of the tab with a key (the view's own address for the first tab)
     */
    public DetailTabs(String label, Function<String, String> address) {
        this.address = address;
        bar.addClassName("detail-tabs");
        bar.getElement().setAttribute("aria-label", label);
        panels.addClassName("detail-tab-panel");
        panels.setWidthFull();
        getContent().addClassName("detail-tabs-sheet");
        getContent().setWidthFull();
        getContent().add(bar, panels);
    }

    /** Adds a tab whose content is made by {@code content} when the tab is first shown. */
    public Anchor add(String key, String title, SerializableSupplier<Component> content) {
        var link = new Anchor(address.apply(key), title);
        // Vaadin's router follows the link without reloading the page
        link.getElement().setAttribute("router-link", true);
        link.setId("tab-" + key);
        link.addClassName("detail-tab");
        bar.add(link);
        links.put(key, link);
        contents.put(key, content);
        return link;
    }

    /** Shows the tab with this key (the first tab for an unknown one), building it the first time. */
    public void select(String key) {
        String shown = links.containsKey(key) ? key : links.keySet().iterator().next();
        if (selected != null) {
            links.get(selected).getElement().removeAttribute("aria-current");
            links.get(selected).removeClassName("selected");
            built.get(selected).setVisible(false);
        }
        selected = shown;
        links.get(shown).getElement().setAttribute("aria-current", "page");
        links.get(shown).addClassName("selected");
        var content = built.get(shown);
        if (content == null) {
            content = contents.get(shown).get();
            built.put(shown, content);
            panels.add(content);
        }
        content.setVisible(true);
    }

    /** Whether a tab with this key exists (e.g. a contributed section the user may see). */
    public boolean has(String key) {
        return links.containsKey(key);
    }

    public Optional<String> selectedKey() {
        return Optional.ofNullable(selected);
    }

    /** Whether the tab with this key has been shown (and so built) yet. */
    public boolean isBuilt(String key) {
        return built.containsKey(key);
    }
}
