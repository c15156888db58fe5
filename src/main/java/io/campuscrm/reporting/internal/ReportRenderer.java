package io.campuscrm.reporting.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.reporting.ReportFormat;
import io.campuscrm.reporting.ReportProgress;
import io.campuscrm.reporting.ReportRequest;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.security.CampusPrincipal;
import io.campuscrm.shared.security.CurrentUser;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.fill.FillListener;
import net.sf.jasperreports.engine.fill.JRFiller;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;

/**
 * Fills a report definition's template and writes it out, telling its progress page by page. Pages beyond a
 * hundred are swapped to disk while filling, so a large report stays within memory. Checks nothing: callers
 * ({@code ReportService}) authorize and validate first.
 */
@Component
public class ReportRenderer {

    private static final int PAGES_IN_MEMORY = 100;

    private final ReportTemplates templates;
    private final ReportExporter exporter;
    private final InstitutionService institution;
    private final CurrentUser currentUser;
    private final Clock clock;

    ReportRenderer(ReportTemplates templates, ReportExporter exporter, InstitutionService institution,
            CurrentUser currentUser, Clock clock) {
        this.templates = templates;
        this.exporter = exporter;
        this.institution = institution;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public void render(ReportDefinition definition, ReportRequest request, OutputStream out,
            Consumer<ReportProgress> progress) {
        Path swapDir = null;
        JRSwapFileVirtualizer virtualizer = null;
        try {
            swapDir = Files.createTempDirectory("campuscrm-report");
            virtualizer = new JRSwapFileVirtualizer(PAGES_IN_MEMORY, new JRSwapFile(swapDir.toString(), 4096, 256),
                    true);
            Map<String, Object> parameters = commonParameters(request);
            parameters.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
            if (request.format() == ReportFormat.XLSX) {
                parameters.put(JRParameter.IS_IGNORE_PAGINATION, Boolean.TRUE);
            }
            progress.accept(new ReportProgress(ReportProgress.Stage.FILLING, 0, 0));
            var rows = definition.fill(request, parameters);
            var filler = JRFiller.createReportFiller(DefaultJasperReportsContext.getInstance(),
                    templates.get(definition.template()));
            filler.addFillListener(new FillListener() {
                @Override
                public void pageGenerated(JasperPrint print, int pageIndex) {
                    progress.accept(new ReportProgress(ReportProgress.Stage.FILLING, pageIndex + 1, 0));
                }

                @Override
                public void pageUpdated(JasperPrint print, int pageIndex) {
                    // a page changed after it was generated (page totals): the count stays the same
                }
            });
            JasperPrint print = filler.fill(parameters, rows);
            virtualizer.setReadOnly(true);
            int pages = print.getPages().size();
            var exported = new AtomicInteger();
            progress.accept(new ReportProgress(ReportProgress.Stage.EXPORTING, pages, 0));
            exporter.export(print, request.format(), out, () -> progress.accept(
                    new ReportProgress(ReportProgress.Stage.EXPORTING, pages, exported.incrementAndGet())));
            out.flush();
            progress.accept(new ReportProgress(ReportProgress.Stage.DONE, pages, pages));
        } catch (JRException e) {
            throw new IllegalStateException("Report " + request.reportId() + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (virtualizer != null) {
                virtualizer.cleanup();
            }
            if (swapDir != null) {
                swapDir.toFile().delete();
            }
        }
    }

    private Map<String, Object> commonParameters(ReportRequest request) {
        var settings = institution.settings();
        var locale = request.locale();
        Map<String, Object> parameters = new HashMap<>(); // JasperReports needs a mutable map
        parameters.put("INSTITUTION_NAME", settings.name());
        parameters.put("INSTITUTION_ADDRESS", settings.address());
        parameters.put("GENERATED_AT", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).format(clock.instant().atZone(settings.timeZone())));
        parameters.put("GENERATED_BY", currentUser.principal().map(CampusPrincipal::displayName)
                .orElse(currentUser.username()));
        parameters.put(JRParameter.REPORT_LOCALE, locale);
        parameters.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone(settings.timeZone()));
        // the language's bundle, never the JVM's default locale's: an English report stays English on a Chinese server
        parameters.put(JRParameter.REPORT_RESOURCE_BUNDLE, ResourceBundle.getBundle("vaadin-i18n/messages",
                Language.bundleLocale(locale), ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES)));
        return parameters;
    }
}
