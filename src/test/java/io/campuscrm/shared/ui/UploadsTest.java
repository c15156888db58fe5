package io.campuscrm.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;

/** Vaadin's upload in the screen's language instead of its built-in English. */
@ViewPackages(packages = "io.campuscrm.shared.ui.no.views")
class UploadsTest extends BrowserlessTest {

    private static final Locale SINGAPORE = Locale.forLanguageTag("en-SG");

    @BeforeAll
    static void useTheMessageBundle() {
        System.setProperty("vaadin.i18n.provider", BundleI18NProvider.class.getName());
    }

    @AfterAll
    static void forgetTheMessageBundle() {
        System.clearProperty("vaadin.i18n.provider");
    }

    @Test
    void an_upload_made_for_a_chinese_screen_has_its_button_drop_zone_and_errors_in_chinese() {
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);

        var i18n = Uploads.localized(new Upload()).getI18n();

        assertThat(i18n.getAddFiles().getMany()).isEqualTo("上传文件…");
        assertThat(i18n.getDropFiles().getMany()).isEqualTo("将文件拖到此处");
        assertThat(i18n.getError().getFileIsTooBig()).isEqualTo("文件过大。");
        assertThat(i18n.getUploading().getStatus().getHeld()).isEqualTo("排队中");
        assertThat(i18n.getUploading().getRemainingTime().getPrefix()).isEqualTo("剩余时间：");
        assertThat(i18n.getFile().getRemove()).isEqualTo("移除");
    }

    @Test
    void an_upload_made_for_an_english_screen_keeps_the_space_after_its_remaining_time() {
        UI.getCurrent().setLocale(SINGAPORE);

        var i18n = Uploads.localized(new Upload()).getI18n();

        assertThat(i18n.getAddFiles().getOne()).isEqualTo("Upload file…");
        assertThat(i18n.getUploading().getRemainingTime().getPrefix()).isEqualTo("remaining time: ");
    }
}
