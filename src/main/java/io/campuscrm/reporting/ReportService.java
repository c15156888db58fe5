package io.campuscrm.reporting;

import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.reporting.internal.ReportDefinition;
import io.campuscrm.reporting.internal.ReportJobs;
import io.campuscrm.reporting.internal.ReportRenderer;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.security.CurrentUser;

/**
 * Runs the reports of the catalog, straight into a stream or in the background with progress. Who may run a
 * report is part of its definition, and so are the parameters it needs: both are checked here, before any work.
 */
@Service
public class ReportService {

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);
    /** The audit log's summary column. */
    private static final int MAX_SUMMARY = 500;

    private final List<ReportDefinition> definitions;
    private final ReportRenderer renderer;
    private final ReportJobs jobs;
    private final InstitutionService institution;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportService(List<ReportDefinition> definitions, ReportRenderer renderer, ReportJobs jobs,
            InstitutionService institution, CurrentUser currentUser, MessageSource messages,
            ApplicationEventPublisher events, Clock clock) {
        this.definitions = definitions.stream()
                .sorted(Comparator.comparing(d -> d.info().id())).toList();
        this.renderer = renderer;
        this.jobs = jobs;
        this.institution = institution;
        this.currentUser = currentUser;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** The reports the current user's roles allow. */
    @PreAuthorize("isAuthenticated()")
    public List<ReportInfo> availableReports() {
        return definitions.stream().filter(this::allowed).map(ReportDefinition::info).toList();
    }

    /**
     * A page of the options of a report's {@link ReportParameter.Kind#CHOICE} parameter that the user may choose,
     * matching {@code text} (blank: all).
     *
     * @throws AccessDeniedException when the user may not run the report
     */
    @PreAuthorize("isAuthenticated()")
    public List<ReportChoice> choices(String reportId, String parameter, String text, Pageable page) {
        return allowedDefinition(reportId).choices(parameter, text, page);
    }

    /**
     * The option of a {@link ReportParameter.Kind#CHOICE} parameter with this value (e.g. to preselect it), when it
     * is one the user may choose.
     */
    @PreAuthorize("isAuthenticated()")
    public Optional<ReportChoice> choice(String reportId, String parameter, String value) {
        return allowedDefinition(reportId).choice(parameter, value);
    }

    @PreAuthorize("isAuthenticated()")
    public String fileName(String reportId, ReportFormat format) {
        return reportId + "-" + clock.instant().atZone(institution.settings().timeZone()).toLocalDate() + "."
                + format.extension();
    }

    /**
     * Fills the report and writes it to {@code out}, in the caller's thread.
     *
     * @throws AccessDeniedException when the user's roles do not include one the report allows
     * @throws DomainException       when the report is unknown or a parameter is missing or malformed
     */
    @PreAuthorize("isAuthenticated()")
    public void render(ReportRequest request, OutputStream out) {
        var definition = checked(request);
        long start = System.nanoTime();
        renderer.render(definition, request, out, progress -> { });
        finished(request, start);
    }

    /** A parameterless report; see {@link #render(ReportRequest, OutputStream)}. */
    @PreAuthorize("isAuthenticated()")
    public void render(String reportId, ReportFormat format, Locale locale, OutputStream out) {
        render(ReportRequest.of(reportId, format, locale), out);
    }

    /**
     * Starts the report in the background, as the current user, and returns at once; the job tells its progress
     * and hands out the file when it is done. Access and parameters are checked before it starts.
     *
     * @throws AccessDeniedException when the user's roles do not include one the report allows
     * @throws DomainException       when the report is unknown, a parameter is missing or malformed, or too many
     *                               reports are waiting ({@code report.error.busy})
     */
    @PreAuthorize("isAuthenticated()")
    public ReportJob start(ReportRequest request) {
        var definition = checked(request);
        return jobs.submit(request, fileName(request.reportId(), request.format()), (out, progress) -> {
            long start = System.nanoTime();
            renderer.render(definition, request, out, progress);
            finished(request, start);
        });
    }

    private ReportDefinition allowedDefinition(String reportId) {
        var definition = definitions.stream().filter(d -> d.info().id().equals(reportId)).findFirst()
                .orElseThrow(() -> new DomainException(null, "report.error.unknown", reportId));
        if (!allowed(definition)) {
            throw new AccessDeniedException("Report " + reportId + " is not allowed for " + currentUser.username());
        }
        return definition;
    }

    private ReportDefinition checked(ReportRequest request) {
        var definition = allowedDefinition(request.reportId());
        var declared = definition.parameters();
        for (String name : request.parameters().keySet()) {
            if (declared.stream().noneMatch(p -> p.name().equals(name))) {
                throw new DomainException(null, "report.error.parameter-unknown", request.reportId(), name);
            }
        }
        for (ReportParameter parameter : declared) {
            String value = request.parameters().get(parameter.name());
            String label = messages.getMessage(parameter.labelKey(), null, parameter.labelKey(), request.locale());
            if (value == null || value.isBlank()) {
                if (parameter.required()) {
                    throw new DomainException(parameter.name(), "report.error.parameter-required", label);
                }
            } else if (parameter.kind() == ReportParameter.Kind.DATE && !isDate(value)) {
                throw new DomainException(parameter.name(), "report.error.parameter-not-a-date", label, value);
            } else if (parameter.kind() == ReportParameter.Kind.CHOICE
                    && definition.choice(parameter.name(), value).isEmpty()) {
                throw new DomainException(parameter.name(), "report.error.parameter-not-a-choice", label, value);
            }
        }
        return definition;
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private void finished(ReportRequest request, long startNanos) {
        log.info("Report {} ({}) for {} in {} ms", request.reportId(), request.format(), currentUser.username(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        String parameters = new TreeMap<>(request.parameters()).toString();
        var summary = request.parameters().isEmpty()
                ? AuditSummary.of("audit.report.downloaded", request.reportId(), request.format())
                : AuditSummary.of("audit.report.downloaded-with-parameters", request.reportId(), request.format(),
                        parameters.length() <= MAX_SUMMARY ? parameters
                                : parameters.substring(0, MAX_SUMMARY - 1) + "…");
        events.publishEvent(AuditEvent.of(AuditAction.EXPORT, "Report", request.reportId(), summary));
    }

    private boolean allowed(ReportDefinition definition) {
        return definition.allowedRoles().stream().anyMatch(currentUser::hasRole);
    }
}
