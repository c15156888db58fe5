package io.campuscrm.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.reporting.internal.ReportDefinition;
import io.campuscrm.reporting.internal.ReportExporter;
import io.campuscrm.reporting.internal.ReportTemplates;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.security.CampusPrincipal;
import io.campuscrm.shared.security.CurrentUser;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;

/**
 * Runs the reports of the catalog: who may run one is part of its definition, checked here. Pages beyond a
 * hundred are swapped to disk while filling, so a large report stays within memory.
 */
@Service
public class ReportService {

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);
    private static final int PAGES_IN_MEMORY = 100;

    private final List<ReportDefinition> definitions;
    private final ReportTemplates templates;
    private final ReportExporter exporter;
    private final InstitutionService institution;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportService(List<ReportDefinition> definitions, ReportTemplates templates, ReportExporter exporter,
            InstitutionService institution, CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.definitions = definitions.stream()
                .sorted(Comparator.comparing(d -> d.info().id())).toList();
        this.templates = templates;
        this.exporter = exporter;
        this.institution = institution;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** The reports the current user's roles allow. */
    @PreAuthorize("isAuthenticated()")
    public List<ReportInfo> availableReports() {
        return definitions.stream().filter(this::allowed).map(ReportDefinition::info).toList();
    }

    @PreAuthorize("isAuthenticated()")
    public String fileName(String reportId, ReportFormat format) {
        return reportId + "-" + clock.instant().atZone(institution.settings().timeZone()).toLocalDate() + "."
                + format.extension();
    }

    /**
     * Fills the report and writes it to {@code out}.
     *
     * @throws AccessDeniedException when the user's roles do not include one the report allows
     */
    @PreAuthorize("isAuthenticated()")
    public void render(String reportId, ReportFormat format, Locale locale, OutputStream out) {
        var definition = definitions.stream().filter(d -> d.info().id().equals(reportId)).findFirst()
                .orElseThrow(() -> new DomainException(null, "report.error.unknown", reportId));
        if (!allowed(definition)) {
            throw new AccessDeniedException("Report " + reportId + " is not allowed for " + currentUser.username());
        }
        long start = System.nanoTime();
        Path swapDir = null;
        JRSwapFileVirtualizer virtualizer = null;
        try {
            swapDir = Files.createTempDirectory("campuscrm-report");
            virtualizer = new JRSwapFileVirtualizer(PAGES_IN_MEMORY, new JRSwapFile(swapDir.toString(), 4096, 256),
                    true);
            Map<String, Object> parameters = commonParameters(locale);
            parameters.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
            if (format == ReportFormat.XLSX) {
                parameters.put(JRParameter.IS_IGNORE_PAGINATION, Boolean.TRUE);
            }
            var rows = definition.fill(parameters, locale);
            JasperPrint print = JasperFillManager.fillReport(templates.get(definition.template()), parameters, rows);
            virtualizer.setReadOnly(true);
            exporter.export(print, format, out);
            out.flush();
        } catch (JRException e) {
            throw new IllegalStateException("Report " + reportId + " failed: " + e.getMessage(), e);
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
        log.info("Report {} ({}) for {} in {} ms", reportId, format, currentUser.username(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        events.publishEvent(AuditEvent.of(AuditAction.EXPORT, "Report", reportId,
                "Downloaded report " + reportId + " (" + format + ")"));
    }

    private Map<String, Object> commonParameters(Locale locale) {
        var settings = institution.settings();
        Map<String, Object> parameters = new HashMap<>(); // JasperReports needs a mutable map
        parameters.put("INSTITUTION_NAME", settings.name());
        parameters.put("INSTITUTION_ADDRESS", settings.address());
        parameters.put("GENERATED_AT", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).format(clock.instant().atZone(settings.timeZone())));
        parameters.put("GENERATED_BY", currentUser.principal().map(CampusPrincipal::displayName)
                .orElse(currentUser.username()));
        parameters.put(JRParameter.REPORT_LOCALE, locale);
        parameters.put(JRParameter.REPORT_TIME_ZONE, java.util.TimeZone.getTimeZone(settings.timeZone()));
        parameters.put(JRParameter.REPORT_RESOURCE_BUNDLE, ResourceBundle.getBundle("vaadin-i18n/messages", locale));
        return parameters;
    }

    private boolean allowed(ReportDefinition definition) {
        return definition.allowedRoles().stream().anyMatch(currentUser::hasRole);
    }
}
