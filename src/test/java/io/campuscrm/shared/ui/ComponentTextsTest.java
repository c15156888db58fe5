package io.campuscrm.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.timepicker.TimePicker;

/** Vaadin's time picker and multi-select combo box speak the screen's language, to eyes and to screen readers. */
@ViewPackages(packages = "io.campuscrm.shared.ui.no.views")
class ComponentTextsTest extends BrowserlessTest {

    @BeforeAll
    static void useTheMessageBundle() {
        System.setProperty("vaadin.i18n.provider", BundleI18NProvider.class.getName());
    }

    @AfterAll
    static void forgetTheMessageBundle() {
        System.clearProperty("vaadin.i18n.provider");
    }

    @Test
    void a_time_picker_on_a_chinese_screen_says_in_chinese_what_to_type() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("zh-SG"));

        var i18n = TimePickers.localized(new TimePicker()).getI18n();

        assertThat(i18n.getBadInputErrorMessage()).isEqualTo("请输入时间，例如 16:00");
        assertThat(i18n.getRequiredErrorMessage()).isEqualTo("请输入时间");
    }

    @Test
    void a_multi_select_tells_a_screen_reader_its_count_with_the_components_own_placeholder() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("zh-SG"));
        var chinese = MultiSelects.localized(new MultiSelectComboBox<String>()).getI18n();
        UI.getCurrent().setLocale(Locale.forLanguageTag("en-SG"));
        var english = MultiSelects.localized(new MultiSelectComboBox<String>()).getI18n();

        assertThat(chinese.getTotal()).isEqualTo("已选择 {count} 项");
        assertThat(chinese.getSelected()).isEqualTo("已加入所选项");
        assertThat(english.getTotal()).isEqualTo("{count} items selected");
    }
}
