package io.campuscrm.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.html.Paragraph;

class LazyTabSheetTest {

    private final List<String> built = new ArrayList<>();
    private final List<String> told = new ArrayList<>();
    private final LazyTabSheet sheet = new LazyTabSheet();

    LazyTabSheetTest() {
        for (String key : List.of("details", "family", "notes")) {
            sheet.add(key, key, () -> {
                built.add(key);
                return new Paragraph(key);
            });
        }
        sheet.setTabChangeListener(told::add);
    }

    @Test
    void nothing_is_built_before_a_tab_is_selected_and_then_only_that_tab() {
        assertThat(built).isEmpty();
        sheet.select("notes");
        assertThat(built).containsExactly("notes");
        assertThat(sheet.getSelectedTab().getId()).hasValue("tab-notes");
        assertThat(told).as("the address already names the first tab").isEmpty();
    }

    @Test
    void another_tab_is_built_the_first_time_it_is_selected_and_kept_after() {
        sheet.select("details");
        sheet.setSelectedIndex(1);
        sheet.setSelectedIndex(0);
        sheet.setSelectedIndex(1);
        assertThat(built).containsExactly("details", "family");
        assertThat(told).containsExactly("family", "details", "family");
        assertThat(sheet.selectedKey()).hasValue("family");
    }

    @Test
    void an_unknown_key_shows_the_first_tab() {
        sheet.select("no-such-tab");
        assertThat(built).containsExactly("details");
        assertThat(sheet.has("no-such-tab")).isFalse();
    }
}
