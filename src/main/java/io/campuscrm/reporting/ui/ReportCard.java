package io.campuscrm.reporting.ui;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

import io.campuscrm.reporting.ReportChoice;
import io.campuscrm.reporting.ReportFormat;
import io.campuscrm.reporting.ReportInfo;
import io.campuscrm.reporting.ReportJob;
import io.campuscrm.reporting.ReportParameter;
import io.campuscrm.reporting.ReportProgress;
import io.campuscrm.reporting.ReportRequest;
import io.campuscrm.reporting.ReportService;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.ui.DatePickers;
import io.campuscrm.shared.ui.ServiceErrors;

/**
 * One report of the catalog: its parameters, a button per format that starts it in the background, its progress,
 * and the download once it is ready. The view polls {@link #update()} while it runs.
 */
final class ReportCard extends Div {

    private final ReportInfo report;
    private final ReportService reports;
    private final Runnable started;
    private final Map<String, HasValue<?, ?>> fields = new LinkedHashMap<>();
    private final HorizontalLayout buttons = new HorizontalLayout();
    /** The report's language: the reader's by default, another for a reader of another language (a parent). */
    private final Select<Language> language = new Select<>();
    private final ProgressBar progressBar = new ProgressBar();
    private final Span status = new Span();
    private final Div result = new Div();
    private @Nullable ReportJob job;
    private boolean running;

    ReportCard(ReportInfo report, ReportService reports, Runnable started) {
        this.report = report;
        this.reports = reports;
        this.started = started;
        addClassName("dashboard-card");
        addClassName("report-card");
        setId("report-" + report.id());
        add(new H3(getTranslation(report.titleKey())), new Paragraph(getTranslation(report.descriptionKey())));
        for (ReportParameter parameter : report.parameters()) {
            add(field(parameter));
        }
        language.setLabel(getTranslation("reports.language"));
        language.setItems(Language.values());
        language.setItemLabelGenerator(Language::nativeName);
        language.setValue(Language.of(getLocale()).orElse(Language.ENGLISH));
        language.setId("language-" + report.id());
        language.setWidth("9rem");
        language.addThemeName("small");
        // beside the buttons, not a line of its own: the card stays as short as before
        buttons.add(language);
        buttons.setAlignItems(FlexComponent.Alignment.END);
        buttons.addClassName("report-actions");
        for (ReportFormat format : ReportFormat.values()) {
            var button = new Button(format.name(), VaadinIcon.FILE_TEXT_O.create(), e -> start(format));
            button.setId("generate-" + report.id() + "-" + format.extension());
            buttons.add(button);
        }
        progressBar.setVisible(false);
        status.addClassName("report-status");
        status.setId("status-" + report.id());
        status.getElement().setAttribute("aria-live", "polite");
        add(buttons, progressBar, status, result);
    }

    private com.vaadin.flow.component.Component field(ReportParameter parameter) {
        String label = getTranslation(parameter.labelKey());
        var field = switch (parameter.kind()) {
            case DATE -> DatePickers.localized(new DatePicker(label));
            case TEXT -> new TextField(label);
            case CHOICE -> choiceField(parameter, label);
        };
        field.setRequiredIndicatorVisible(parameter.required());
        field.setId("param-" + report.id() + "-" + parameter.name());
        fields.put(parameter.name(), field);
        return field;
    }

    /** Options are fetched page by page as the user scrolls or types: a campus may have hundreds of classes. */
    private ComboBox<ReportChoice> choiceField(ReportParameter parameter, String label) {
        var combo = new ComboBox<ReportChoice>(label);
        combo.setItemLabelGenerator(ReportChoice::label);
        combo.setItems(query -> reports.choices(report.id(), parameter.name(), query.getFilter().orElse(""),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        combo.setClearButtonVisible(!parameter.required());
        combo.setWidthFull();
        return combo;
    }

    /**
     * Fills the parameters from the page's address (e.g. the class page's "Print roster" link); values that are
     * malformed or not the user's are left empty, to be filled in by hand.
     */
    void preset(Map<String, String> values) {
        for (ReportParameter parameter : report.parameters()) {
            String value = values.get(parameter.name());
            var field = fields.get(parameter.name());
            if (value == null || value.isBlank() || field == null) {
                continue;
            }
            try {
                switch (field) {
                    case DatePicker date -> date.setValue(java.time.LocalDate.parse(value));
                    case TextField text -> text.setValue(value);
                    case ComboBox<?> combo -> reports.choice(report.id(), parameter.name(), value)
                            .ifPresent(choice -> ((ComboBox<ReportChoice>) combo).setValue(choice));
                    default -> { }
                }
            } catch (java.time.format.DateTimeParseException | DomainException | AccessDeniedException ignored) {
                // left empty: the user sees the field to fill and the check on preparing explains what is wrong
            }
        }
    }

    private void start(ReportFormat format) {
        fields.values().forEach(f -> ((HasValidation) f).setInvalid(false));
        discard();
        try {
            job = reports.start(new ReportRequest(report.id(), format, reportLocale(), values()));
        } catch (DomainException | AccessDeniedException e) {
            ServiceErrors.show(this, e, name -> (HasValidation) fields.get(name), () -> { });
            return;
        }
        running = true;
        buttons.setEnabled(false);
        result.removeAll();
        showProgress(job.progress());
        started.run();
    }

    /** The screen's locale when the report is in its language, else the chosen language in the screen's region. */
    private Locale reportLocale() {
        var chosen = language.getValue();
        return chosen == null || Language.of(getLocale()).orElse(null) == chosen ? getLocale()
                : chosen.locale(getLocale());
    }

    private Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((name, field) -> {
            Object value = field.getValue();
            String text = value instanceof ReportChoice choice ? choice.value() : value == null ? null : value.toString();
            if (text != null && !text.isBlank()) {
                values.put(name, text.strip()); // LocalDate#toString is ISO-8601
            }
        });
        return values;
    }

    /** @return true while the report is still being prepared */
    boolean update() {
        var current = job;
        if (current == null || !running) {
            return false;
        }
        var progress = current.progress();
        if (!progress.finished()) {
            showProgress(progress);
            return true;
        }
        running = false;
        progressBar.setVisible(false);
        buttons.setEnabled(true);
        if (current.failure().isPresent()) {
            status.setText(getTranslation("reports.failed"));
            status.addClassName("report-failed");
        } else {
            status.setText("");
            result.add(download(current));
        }
        return false;
    }

    private void showProgress(ReportProgress progress) {
        status.removeClassName("report-failed");
        progressBar.setVisible(true);
        progress.fraction().ifPresentOrElse(f -> {
            progressBar.setIndeterminate(false);
            progressBar.setValue(f);
        }, () -> progressBar.setIndeterminate(true));
        status.setText(switch (progress.stage()) {
            case QUEUED -> getTranslation("reports.queued");
            case FILLING -> progress.pages() == 0 ? getTranslation("reports.collecting")
                    : getTranslation("reports.filling", progress.pages());
            case EXPORTING -> getTranslation("reports.exporting", Math.min(progress.pagesExported() + 1,
                    progress.pages()), progress.pages());
            case DONE, FAILED -> "";
        });
    }

    private Anchor download(ReportJob ready) {
        var format = ready.request().format();
        DownloadHandler handler = event -> {
            event.setFileName(ready.fileName());
            event.setContentType(format.contentType());
            ready.writeTo(event.getOutputStream());
        };
        var anchor = new Anchor(handler, AttachmentType.DOWNLOAD, getTranslation("reports.download", ready.fileName()));
        anchor.addComponentAsFirst(VaadinIcon.DOWNLOAD_ALT.create());
        anchor.setId("download-" + report.id() + "-" + format.extension());
        anchor.addClassName("report-download");
        return anchor;
    }

    Optional<ReportJob> job() {
        return Optional.ofNullable(job);
    }

    void discard() {
        if (job != null) {
            job.discard();
            job = null;
            running = false;
        }
    }
}
