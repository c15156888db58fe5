package io.campuscrm.reporting.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;

import io.campuscrm.reporting.ReportChoice;
import io.campuscrm.reporting.ReportJob;
import io.campuscrm.reporting.internal.SampleTimetableReports;
import io.campuscrm.scheduling.ClassFilter;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.TestClock;

/**
 * The reports view prepares reports in the background: the page stays usable and shows progress (the browser
 * polls), then offers the download. Polls are fired by the test, as the browser would.
 */
@CampusIntegrationTest
class ReportsViewIT extends SpringBrowserlessTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    ClassSearch classes;

    @AfterEach
    void releaseHeldReports() {
        SampleTimetableReports.release();
    }

    @Test
    @WithUserDetails("admin")
    void the_users_report_is_prepared_in_the_background_then_offered_for_download() throws Exception {
        var view = navigate(ReportsView.class);

        test($(Button.class).id("generate-users-access-pdf")).click();

        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(ReportsView.POLL_MILLIS);
        ReportJob job = view.job("users-access").orElseThrow();
        assertThat(job.await(WAIT)).isTrue();
        poll();

        var download = $(Anchor.class).id("download-users-access-pdf");
        assertThat(download.getText()).isEqualTo("Download " + job.fileName());
        assertThat(download.getHref()).isNotBlank();
        assertThat(UI.getCurrent().getPollInterval()).as("polling stops when nothing runs").isEqualTo(-1);
        var pdf = new ByteArrayOutputStream();
        job.writeTo(pdf);
        try (var document = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Users and access rights");
        }
    }

    @Test
    @WithUserDetails("admin")
    void an_english_reader_prints_a_report_in_chinese_for_a_chinese_reading_parent() throws Exception {
        var view = navigate(ReportsView.class);
        @SuppressWarnings("unchecked")
        Select<Language> language = $(Select.class).id("language-users-access");
        assertThat(language.getValue()).as("the reader's language first").isEqualTo(Language.ENGLISH);
        language.setValue(Language.SIMPLIFIED_CHINESE);

        test($(Button.class).id("generate-users-access-pdf")).click();
        ReportJob job = view.job("users-access").orElseThrow();
        assertThat(job.await(WAIT)).isTrue();
        assertThat(job.request().locale().getLanguage()).isEqualTo("zh");
        assertThat(job.request().locale().getCountry()).as("the institution's region stays")
                .isEqualTo(UI.getCurrent().getLocale().getCountry());
        var pdf = new ByteArrayOutputStream();
        job.writeTo(pdf);
        try (var document = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains(ResourceBundle.getBundle(
                    "vaadin-i18n/messages", Locale.SIMPLIFIED_CHINESE).getString("report.users.title"))
                    .doesNotContain("Users and access rights");
        }
        assertThat($(Button.class).id("generate-users-access-pdf").getText()).as("the screen stays English")
                .isEqualTo("PDF");
    }

    @Test
    @WithUserDetails("admin")
    void a_missing_parameter_is_shown_on_its_field_and_nothing_starts() {
        var view = navigate(ReportsView.class);

        test($(Button.class).id("generate-timetable-sample-pdf")).click();

        var week = $(DatePicker.class).id("param-timetable-sample-week");
        assertThat(week.isInvalid()).isTrue();
        assertThat(week.getErrorMessage()).isEqualTo("Week is required.");
        assertThat(view.job("timetable-sample")).isEmpty();
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }

    @Test
    @WithUserDetails("admin")
    void while_a_slow_report_is_prepared_the_page_shows_its_progress_and_stays_usable() throws Exception {
        var view = navigate(ReportsView.class);
        SampleTimetableReports.hold();
        test($(DatePicker.class).id("param-timetable-sample-week")).setValue(LocalDate.of(2026, 11, 18));

        test($(Button.class).id("generate-timetable-sample-pdf")).click();
        assertThat(SampleTimetableReports.awaitHeld(WAIT)).isTrue();
        poll();

        var progress = $(ProgressBar.class).all().stream().filter(ProgressBar::isVisible).toList();
        assertThat(progress).singleElement().satisfies(p -> assertThat(p.isIndeterminate()).isTrue());
        assertThat($(Span.class).id("status-timetable-sample").getText()).isEqualTo("Collecting the data…");
        assertThat($(Button.class).id("generate-timetable-sample-pdf").isEnabled()).isFalse();
        assertThat($(Anchor.class).all()).noneMatch(a -> a.getId().orElse("").equals(
                "download-timetable-sample-pdf"));
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(ReportsView.POLL_MILLIS);
        // the rest of the page still answers: another report can be prepared meanwhile
        test($(Button.class).id("generate-users-access-xlsx")).click();
        assertThat(view.job("users-access").orElseThrow().await(WAIT)).isTrue();
        poll();
        assertThat($(Anchor.class).id("download-users-access-xlsx").getText()).endsWith(".xlsx");
        assertThat(UI.getCurrent().getPollInterval()).as("still polling for the slow one")
                .isEqualTo(ReportsView.POLL_MILLIS);

        SampleTimetableReports.release();
        assertThat(view.job("timetable-sample").orElseThrow().await(WAIT)).isTrue();
        poll();

        assertThat($(Anchor.class).id("download-timetable-sample-pdf").getText())
                .startsWith("Download timetable-sample-");
        assertThat($(ProgressBar.class).all()).noneMatch(ProgressBar::isVisible);
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }

    @Test
    @WithUserDetails("teacher")
    void the_class_page_link_opens_the_roster_with_its_class_chosen() {
        var mine = classes.find(ClassFilter.all(), PageRequest.of(0, 1)).getContent().getFirst();

        UI.getCurrent().navigate("reports", QueryParameters.simple(Map.of("report", "class-roster", "classId",
                String.valueOf(mine.id()))));

        @SuppressWarnings("unchecked")
        ComboBox<ReportChoice> schoolClass = $(ComboBox.class).id("param-class-roster-classId");
        assertThat(schoolClass.getValue()).isNotNull();
        assertThat(schoolClass.getValue().value()).isEqualTo(String.valueOf(mine.id()));
        assertThat(schoolClass.getValue().label()).startsWith(mine.code() + " · ");
        assertThat($(Div.class).id("report-class-roster").hasClassName("report-card-selected")).isTrue();
        assertThat($(Div.class).all()).noneMatch(d -> d.getId().orElse("").equals("report-users-access"));
    }

    @Test
    @WithUserDetails("teacher")
    void the_class_pages_attendance_sheet_button_opens_this_months_blank_sheet_of_the_class() {
        var mine = classes.find(ClassFilter.all(), PageRequest.of(0, 1)).getContent().getFirst();
        UI.getCurrent().navigate("classes/" + mine.id());

        test($(Button.class).id("print-attendance-sheet")).click();

        assertThat($(Div.class).id("report-attendance-sheet").hasClassName("report-card-selected")).isTrue();
        @SuppressWarnings("unchecked")
        ComboBox<ReportChoice> schoolClass = $(ComboBox.class).id("param-attendance-sheet-classId");
        assertThat(schoolClass.getValue().value()).isEqualTo(String.valueOf(mine.id()));
        assertThat($(DatePicker.class).id("param-attendance-sheet-month").getValue())
                .isEqualTo(TestClock.today().withDayOfMonth(1));
        @SuppressWarnings("unchecked")
        ComboBox<ReportChoice> kind = $(ComboBox.class).id("param-attendance-sheet-kind");
        assertThat(kind.getValue().value()).isEqualTo("blank");
    }

    private static void poll() {
        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
    }
}
