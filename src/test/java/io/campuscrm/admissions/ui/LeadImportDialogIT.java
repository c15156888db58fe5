package io.campuscrm.admissions.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;

import io.campuscrm.shared.ui.CsvImportDialog;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/**
 * The lead import from the lead list, without a browser: a file with a bad row shows its problem and cannot be
 * imported; a clean file (two siblings) is previewed as clean, imported in the background, and the dialog closes.
 */
@CampusIntegrationTest
class LeadImportDialogIT extends SpringBrowserlessTest {

    private static final Random RANDOM = new Random();
    private static final String HEADER = "campus,child_name,guardian_name,phone,source,inquiry_date\n";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails("admissions")
    @SuppressWarnings("unchecked")
    void a_file_uploaded_from_the_lead_list_is_previewed_and_imported_only_when_clean() throws Exception {
        String m = "Dlg" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String phone = phone();
        navigate(LeadsView.ROUTE, LeadsView.class);
        test($(Button.class).id("leads-import")).click();
        assertThat($(CsvImportDialog.class).id("import-dialog").isOpened()).isTrue();

        test($(Upload.class).id("import-upload")).upload("leads.csv", "text/csv", (HEADER
                + "Orchard,Ang Wei " + m + ",Ang Li," + phone + ",website," + TestClock.today().plusDays(3) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        roundTrip();

        assertThat($(Span.class).id("import-summary").getText()).isEqualTo(
                "1 rows, 1 with problems: correct the file and upload it again.");
        assertThat($(Button.class).id("import-confirm").isEnabled()).isFalse();

        $(CsvImportDialog.class).id("import-dialog").preview(new java.io.ByteArrayInputStream((HEADER
                + "Orchard,Ang Wei " + m + ",Ang Li," + phone + ",website," + TestClock.today().minusDays(3) + "\n"
                + "Orchard,Ang Hui " + m + ",Ang Li," + phone + ",Walk-in,\n").getBytes(StandardCharsets.UTF_8)));
        assertThat($(Span.class).id("import-summary").getText())
                .isEqualTo("2 rows, all clean: ready to import. 1 of them have notes to read first.");
        Grid<?> preview = $(Grid.class).id("import-preview");
        assertThat(test(preview).size()).isEqualTo(2);
        test($(Button.class).id("import-confirm")).click();

        await().pollInSameThread().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> count(m) == 2);
        // the dialog closes on the UI's next round trip after the import
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            roundTrip();
            return !$(CsvImportDialog.class).exists();
        });
        assertThat(jdbc.queryForList("SELECT DISTINCT channel FROM admission_lead WHERE child_name LIKE ?",
                String.class, "%" + m + "%")).containsExactly("IMPORT");
    }

    private long count(String marker) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM admission_lead WHERE child_name LIKE ?", Long.class,
                "%" + marker + "%");
    }

    private static String phone() {
        return String.valueOf(90_000_000 + 1_000_000 * (1 + RANDOM.nextInt(7)) + RANDOM.nextInt(1_000_000));
    }
}
