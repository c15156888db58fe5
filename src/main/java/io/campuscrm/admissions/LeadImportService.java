package io.campuscrm.admissions;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.campuscrm.admissions.internal.ImportSettings;
import io.campuscrm.admissions.internal.LeadCsv;
import io.campuscrm.admissions.internal.LeadStore;
import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.institution.Settings;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.imports.CsvFile;
import io.campuscrm.shared.imports.ImportPreview;
import io.campuscrm.shared.imports.ImportProblem;
import io.campuscrm.shared.imports.ImportRow;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;

/**
 * CSV import of leads (a school moving in from spreadsheets or another system, a fair's sign-up sheet): a preview
 * that checks every row with the rules of every other way in (and the rows against each other, the user's campuses
 * and the people the school knows), then an import of a clean preview, all or nothing, checked again as it runs.
 * Known contacts are warnings: a sibling of a known family is linked to it, a known lead can be merged later. The
 * leads come in New through the import channel, in the pool or with the owner a row names, with the inquiry's date;
 * a file costs a fixed number of look-ups and a few hundred leads a statement, so 20,000 rows import in one go.
 */
@Service
@Transactional(readOnly = true)
public class LeadImportService {

    private final LeadFileChecker checker;
    private final LeadEntry entry;
    private final InstitutionService institution;
    private final Settings settings;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    LeadImportService(LeadFileChecker checker, LeadEntry entry, InstitutionService institution, Settings settings,
            CurrentUser currentUser, ApplicationEventPublisher events) {
        this.checker = checker;
        this.entry = entry;
        this.institution = institution;
        this.settings = settings;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** The columns the import understands, in the example's order. */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public List<String> columns() {
        return LeadCsv.COLUMNS;
    }

    /** An example file for the user's first campus, with siblings, Chinese names and historic inquiry dates. */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public String exampleCsv() {
        var scope = currentUser.scope();
        String campus = institution.campuses().stream().filter(c -> c.active() && scope.seesCampus(c.id()))
                .map(Campus::name).findFirst().orElse("");
        var today = LocalDate.ofInstant(entry.now(), institution.settings().timeZone());
        return LeadCsv.example(campus, today, currentUser.hasRole(Role.ADMISSIONS) ? currentUser.username() : "");
    }

    /** Parses and checks a CSV file; nothing is saved. */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public ImportPreview preview(InputStream csv) {
        int maxRows = settings.get(ImportSettings.MAX_ROWS);
        CsvFile.Parsed parsed;
        try {
            parsed = CsvFile.parse(csv, maxRows);
        } catch (IllegalArgumentException e) {
            return new ImportPreview(List.of(), List.of(ImportProblem.of("", "import.error.unreadable")));
        }
        List<ImportProblem> fileProblems = new ArrayList<>(LeadFileChecker.checkHeader(parsed.header()));
        if (parsed.lines().size() > maxRows) {
            fileProblems.add(ImportProblem.of("", "lead.import.error.too-many-rows", maxRows));
        }
        if (parsed.lines().isEmpty()) {
            fileProblems.add(ImportProblem.of("", "lead.import.error.no-rows"));
        }
        if (!fileProblems.isEmpty()) {
            return new ImportPreview(rows(parsed.lines(), List.of()), fileProblems);
        }
        return new ImportPreview(rows(parsed.lines(), checker.check(parsed.lines())), List.of());
    }

    /**
     * Imports a clean preview in one transaction: every row, or (on any problem) none. The rows are checked again
     * first (a campus, source or owner may have changed since the preview).
     *
     * @param progress told the number of rows imported so far (after each few hundred), or null
     * @throws DomainException when the preview, checked again, is not clean
     */
    @PreAuthorize(AdmissionsRoles.LEADS)
    @Transactional
    public LeadImportResult importLeads(ImportPreview preview, @Nullable IntConsumer progress) {
        if (!preview.fileProblems().isEmpty() || preview.rows().isEmpty()) {
            throw new DomainException(null, "import.error.not-clean", preview.rowsWithProblems());
        }
        if (preview.rows().size() > settings.get(ImportSettings.MAX_ROWS)) {
            throw new DomainException(null, "lead.import.error.too-many-rows", settings.get(ImportSettings.MAX_ROWS));
        }
        var outcomes = checker.check(preview.rows().stream().map(r -> new CsvFile.Line(r.line(), r.values()))
                .toList());
        long failing = outcomes.stream().filter(o -> o.ready() == null).count();
        if (failing > 0) {
            throw new DomainException(null, "import.error.not-clean", failing);
        }
        List<LeadEntry.Imported> leads = outcomes.stream().map(o -> Objects.requireNonNull(o.ready()).lead())
                .toList();
        String actor = currentUser.username();
        int done = 0;
        int inPool = 0;
        for (int from = 0; from < leads.size(); from += LeadStore.ROWS_PER_STATEMENT) {
            var chunk = leads.subList(from, Math.min(leads.size(), from + LeadStore.ROWS_PER_STATEMENT));
            inPool += entry.insertAll(chunk, LeadChannel.IMPORT, actor).inPool();
            done += chunk.size();
            if (progress != null) {
                progress.accept(done);
            }
        }
        int linked = (int) leads.stream().filter(l -> l.familyId() != null).count();
        events.publishEvent(AuditEvent.of(AuditAction.CREATE, "LeadImport", null,
                AuditSummary.of("audit.leads.imported", leads.size(), inPool, linked)));
        return new LeadImportResult(leads.size(), inPool, linked);
    }

    private static List<ImportRow> rows(List<CsvFile.Line> lines, List<LeadFileChecker.Outcome> outcomes) {
        Map<Integer, LeadFileChecker.Outcome> byLine = new HashMap<>();
        outcomes.forEach(o -> byLine.put(o.line(), o));
        return lines.stream().map(l -> {
            var o = byLine.get(l.line());
            return o == null ? new ImportRow(l.line(), l.values(), List.of())
                    : new ImportRow(l.line(), l.values(), o.problems(), o.warnings());
        }).toList();
    }
}
