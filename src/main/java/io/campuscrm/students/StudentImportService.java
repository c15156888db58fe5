package io.campuscrm.students;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.imports.ImportPreview;
import io.campuscrm.shared.imports.ImportProblem;
import io.campuscrm.shared.imports.ImportRow;
import io.campuscrm.shared.security.CampusPrincipal;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.students.internal.DuplicateFinder;
import io.campuscrm.students.internal.FamilyEntity;
import io.campuscrm.students.internal.FamilyRepository;
import io.campuscrm.students.internal.ImportChecker;
import io.campuscrm.students.internal.StudentAccess;
import io.campuscrm.students.internal.StudentCsv;
import io.campuscrm.students.internal.StudentEventEntity.Kind;
import io.campuscrm.students.internal.StudentHistory;
import io.campuscrm.students.internal.StudentNoteEntity;
import io.campuscrm.students.internal.StudentNoteRepository;
import io.campuscrm.students.internal.StudentWriter;
import io.campuscrm.students.internal.StudentsLimits;
import jakarta.persistence.EntityManager;

/**
 * CSV import of students with their guardians: a preview that checks every row (and the rows against each other
 * and the database), then an import of a clean preview, all or nothing, checked again as it runs. Siblings share
 * a family through {@code family_key} or their first guardian's phone or e-mail; {@code family_number} adds a
 * student to an existing family.
 */
@Service
@Transactional(readOnly = true)
public class StudentImportService {

    private static final int FLUSH_EVERY = 100;

    private final StudentAccess access;
    private final DuplicateFinder duplicates;
    private final FamilyRepository families;
    private final StudentWriter writer;
    private final StudentNoteRepository notes;
    private final StudentHistory history;
    private final ContactNormaliser contacts;
    private final InstitutionService institution;
    private final StudentsLimits settings;
    private final CurrentUser currentUser;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StudentImportService(StudentAccess access, DuplicateFinder duplicates, FamilyRepository families,
            StudentWriter writer, StudentNoteRepository notes, StudentHistory history, ContactNormaliser contacts,
            InstitutionService institution, StudentsLimits settings, CurrentUser currentUser,
            EntityManager entityManager, ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.duplicates = duplicates;
        this.families = families;
        this.writer = writer;
        this.notes = notes;
        this.history = history;
        this.contacts = contacts;
        this.institution = institution;
        this.settings = settings;
        this.currentUser = currentUser;
        this.entityManager = entityManager;
        this.events = events;
        this.clock = clock;
    }

    /** The columns the import understands, in the example's order. */
    @PreAuthorize(StudentRoles.WRITE)
    public List<String> columns() {
        return StudentCsv.COLUMNS;
    }

    /** An example file with siblings, a single parent and Chinese names, for the user's first campus. */
    @PreAuthorize(StudentRoles.WRITE)
    public String exampleCsv() {
        var scope = access.scope();
        String campus = institution.campuses().stream().filter(c -> scope.allowsCampus(c.id()))
                .map(io.campuscrm.institution.Campus::name).findFirst().orElse("");
        return StudentCsv.example(campus);
    }

    /** Parses and checks a CSV file; nothing is saved. */
    @PreAuthorize(StudentRoles.WRITE)
    public ImportPreview preview(InputStream csv) {
        StudentCsv.Parsed parsed;
        try {
            parsed = StudentCsv.parse(csv, settings.importMaxRows());
        } catch (IllegalArgumentException e) {
            return new ImportPreview(List.of(), List.of(ImportProblem.of("", "import.error.unreadable")));
        }
        List<ImportProblem> fileProblems = new ArrayList<>(ImportChecker.checkHeader(parsed.header()));
        if (parsed.lines().size() > settings.importMaxRows()) {
            fileProblems.add(ImportProblem.of("", "import.error.too-many-rows", settings.importMaxRows()));
        }
        if (parsed.lines().isEmpty()) {
            fileProblems.add(ImportProblem.of("", "import.error.no-rows"));
        }
        if (!fileProblems.isEmpty()) {
            return new ImportPreview(rows(parsed.lines(), List.of()), fileProblems);
        }
        return new ImportPreview(rows(parsed.lines(), checker().check(parsed.lines())), List.of());
    }

    /**
     * Imports a clean preview in one transaction: every row, or (on any problem) none.
     *
     * @param progress told the number of rows imported so far, or null
     * @throws DomainException when the preview, checked again, is not clean
     */
    @PreAuthorize(StudentRoles.WRITE)
    @Transactional
    public ImportResult importStudents(ImportPreview preview, @Nullable IntConsumer progress) {
        if (!preview.fileProblems().isEmpty() || preview.rows().isEmpty()) {
            throw new DomainException(null, "import.error.not-clean", preview.rowsWithProblems());
        }
        List<StudentCsv.Line> lines = preview.rows().stream()
                .map(r -> new StudentCsv.Line(r.line(), r.values())).toList();
        var outcomes = checker().check(lines);
        long failing = outcomes.stream().filter(o -> o.checked() == null).count();
        if (failing > 0) {
            throw new DomainException(null, "import.error.not-clean", failing);
        }
        Map<String, List<ImportChecker.Checked>> groups = new LinkedHashMap<>();
        outcomes.forEach(o -> groups.computeIfAbsent(o.checked().familyGroup(), k -> new ArrayList<>())
                .add(o.checked()));
        int students = 0;
        int newFamilies = 0;
        int guardians = 0;
        String authorName = currentUser.principal().map(CampusPrincipal::displayName).orElse(currentUser.username());
        for (List<ImportChecker.Checked> members : groups.values()) {
            FamilyEntity family;
            Long existing = members.getFirst().familyId();
            if (existing != null) {
                family = families.findById(existing).orElseThrow();
            } else {
                family = writer.createFamily(familyName(members), "");
                newFamilies++;
            }
            guardians += addGuardians(family, members, existing == null);
            for (ImportChecker.Checked row : members) {
                var student = writer.createStudent(family, row.student(), Kind.IMPORTED);
                if (row.note() != null) {
                    notes.save(new StudentNoteEntity(student.getId(), row.note(), currentUser.username(), authorName,
                            clock.instant()));
                    history.record(student.getId(), Kind.NOTE_ADDED, authorName, row.note());
                }
                students++;
                if (students % FLUSH_EVERY == 0) {
                    entityManager.flush();
                    entityManager.clear();
                }
                if (progress != null) {
                    progress.accept(students);
                }
            }
        }
        events.publishEvent(AuditEvent.of(AuditAction.CREATE, "StudentImport", null,
                AuditSummary.of("audit.students.imported", students, newFamilies, guardians)));
        return new ImportResult(students, newFamilies, guardians);
    }

    /** The family's guardians from all its rows, each once (by phone, e-mail or name); the first is primary. */
    private int addGuardians(FamilyEntity family, List<ImportChecker.Checked> members, boolean newFamily) {
        Set<String> seen = new HashSet<>();
        int added = 0;
        for (ImportChecker.Checked row : members) {
            for (int i = 0; i < row.guardians().size(); i++) {
                GuardianDraft g = row.guardians().get(i);
                boolean fresh = seen.add(g.phone() != null ? g.phone()
                        : g.email() != null ? g.email() : g.fullName().toLowerCase(Locale.ROOT));
                if (!fresh || row.knownGuardians().contains(i)) {
                    continue;
                }
                writer.addGuardian(family, g.withPrimaryContact(newFamily && added == 0));
                added++;
            }
        }
        return added;
    }

    private static String familyName(List<ImportChecker.Checked> members) {
        return members.stream().flatMap(m -> m.guardians().stream()).map(GuardianDraft::fullName).findFirst()
                .orElse(members.getFirst().student().fullName());
    }

    private ImportChecker checker() {
        return new ImportChecker(institution.campuses(), access.scope(), contacts.region(),
                raw -> contacts.email(raw, "email"), duplicates, families, clock, institution.settings().timeZone());
    }

    private static List<ImportRow> rows(List<StudentCsv.Line> lines, List<ImportChecker.Outcome> outcomes) {
        Map<Integer, List<ImportProblem>> problems = new HashMap<>();
        outcomes.forEach(o -> problems.put(o.line(), o.problems()));
        return lines.stream().map(l -> new ImportRow(l.line(), l.values(), problems.getOrDefault(l.line(), List.of())))
                .toList();
    }
}
