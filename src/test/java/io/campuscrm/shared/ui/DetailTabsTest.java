package io.campuscrm.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;

class DetailTabsTest {

    private final List<String> built = new ArrayList<>();
    private final DetailTabs tabs = new DetailTabs("Sections", key -> "details".equals(key) ? "students/7"
            : "students/7/" + key);
    private final List<Anchor> links = new ArrayList<>();
    private final List<Paragraph> contents = new ArrayList<>();

    DetailTabsTest() {
        for (String key : List.of("details", "family", "notes")) {
            links.add(tabs.add(key, key.toUpperCase(), () -> {
                built.add(key);
                var content = new Paragraph(key);
                contents.add(content);
                return content;
            }));
        }
    }

    @Test
    void nothing_is_built_before_a_tab_is_selected_and_then_only_that_tab() {
        assertThat(built).isEmpty();
        tabs.select("notes");
        assertThat(built).containsExactly("notes");
        assertThat(tabs.selectedKey()).hasValue("notes");
        assertThat(tabs.isBuilt("family")).isFalse();
    }

    @Test
    void each_tab_is_a_router_link_to_its_own_address() {
        assertThat(links).extracting(Anchor::getHref).containsExactly("students/7", "students/7/family",
                "students/7/notes");
        assertThat(links).allSatisfy(link -> assertThat(link.getElement().hasAttribute("router-link")).isTrue());
        assertThat(links).extracting(link -> link.getId().orElseThrow()).containsExactly("tab-details",
                "tab-family", "tab-notes");
    }

    @Test
    void another_tab_is_built_the_first_time_it_is_shown_and_kept_hidden_after() {
        tabs.select("details");
        tabs.select("family");
        tabs.select("details");
        tabs.select("family");
        assertThat(built).containsExactly("details", "family");
        assertThat(contents).extracting(Paragraph::isVisible).containsExactly(false, true);
        assertThat(tabs.selectedKey()).hasValue("family");
    }

    @Test
    void only_the_selected_tab_is_marked_as_the_current_page() {
        tabs.select("details");
        tabs.select("notes");
        assertThat(links).extracting(link -> link.getElement().getAttribute("aria-current"))
                .containsExactly(null, null, "page");
        assertThat(links.get(2).hasClassName("selected")).isTrue();
        assertThat(links.get(0).hasClassName("selected")).isFalse();
    }

    @Test
    void an_unknown_key_shows_the_first_tab() {
        tabs.select("no-such-tab");
        assertThat(built).containsExactly("details");
        assertThat(tabs.has("no-such-tab")).isFalse();
    }
}
