package io.campuscrm.shared.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.function.SerializableSupplier;

/**
 * The tabs of a detail view (a student's file, a class), each built the first time it is selected: opening the view
 * builds, loads and sends only the visible tab. Vaadin's TabSheet keeps every tab's content attached (hidden), so
 * without this a view would build and send all of them on every open. Each tab has a key, which is the last part of
 * the view's URL ({@code students/42/documents}) and the tab's id ({@code tab-documents}).
 * <p>
 * Add the tabs, then {@link #select(String)} the one the URL names; only then is anything built.
 */
public class LazyTabSheet extends TabSheet {

    private final Map<String, Tab> tabs = new LinkedHashMap<>();
    private final Map<Tab, String> keys = new LinkedHashMap<>();
    private final Map<String, Div> holders = new LinkedHashMap<>();
    private final Map<String, SerializableSupplier<Component>> contents = new LinkedHashMap<>();
    private @Nullable Consumer<String> tabChangeListener;
    private boolean started;
    private boolean quiet;

    public LazyTabSheet() {
        setWidthFull();
        // TabSheet selects the first tab it is given; nothing is built until select() names the one to show
        addSelectedChangeListener(e -> {
            if (started) {
                String key = keys.get(e.getSelectedTab());
                build(key);
                if (key != null && !quiet && tabChangeListener != null) {
                    tabChangeListener.accept(key);
                }
            }
        });
    }

    /** Adds a tab whose content is made by {@code content} when the tab is first selected. */
    public Tab add(String key, String title, SerializableSupplier<Component> content) {
        var holder = new Div();
        holder.setWidthFull();
        var tab = add(title, holder);
        tab.setId("tab-" + key);
        tabs.put(key, tab);
        keys.put(tab, key);
        holders.put(key, holder);
        contents.put(key, content);
        return tab;
    }

    /** Shows the tab with this key (the first tab for an unknown one) and builds it if it is not yet built. */
    public void select(String key) {
        String shown = tabs.containsKey(key) ? key : tabs.keySet().iterator().next();
        // the first selection is the URL's, not a change: the listener (which updates the URL) is not told
        quiet = !started;
        started = true;
        try {
            setSelectedTab(tabs.get(shown));
        } finally {
            quiet = false;
        }
        build(shown);
    }

    /** Whether a tab with this key exists (e.g. a contributed section the user may see). */
    public boolean has(String key) {
        return tabs.containsKey(key);
    }

    public Optional<String> selectedKey() {
        return Optional.ofNullable(keys.get(getSelectedTab()));
    }

    /** Called with the key of the tab the user (or the code) selected after the first {@link #select}. */
    public void setTabChangeListener(Consumer<String> listener) {
        this.tabChangeListener = listener;
    }

    private void build(@Nullable String key) {
        if (key == null) {
            return;
        }
        var holder = holders.get(key);
        var content = contents.remove(key);
        if (holder != null && content != null) {
            holder.add(content.get());
        }
    }
}
