package io.campuscrm.students.internal;

import java.text.CollationKey;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.campuscrm.institution.Campus;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.students.ContactNormaliser;
import io.campuscrm.students.DuplicateMatch;
import io.campuscrm.students.GuardianDraft;
import io.campuscrm.students.GuardianRelationship;
import io.campuscrm.shared.imports.ImportProblem;
import io.campuscrm.students.StudentDraft;
import io.campuscrm.students.StudentStatus;

/**
 * Checks the rows of a student import, each on its own (required name, valid date, phone, e-mail, status, known
 * campus the user works at, existing family number), against each other (the same student twice, the same phone
 * or e-mail on two students) and against the database (likely duplicates, guardians who already exist in another
 * family). What passes becomes a {@link Checked} row ready to import. The database is asked a batch of rows at a
 * time ({@link #BATCH}); the checks against each other cover the whole file.
 */
public final class ImportChecker {

    /**
     * Rows whose database look-ups go together: one statement per kind of look-up per batch instead of five to
     * eight per row; the IN lists stay a few hundred values long.
     */
    static final int BATCH = 500;

    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private final Map<String, Campus> campusesByName = new HashMap<>();
    private final StudentScope scope;
    private final String region;
    private final Function<String, @Nullable String> email;
    private final DuplicateFinder duplicates;
    private final FamilyRepository families;
    private final LocalDate today;
    private final CollatedText collated = new CollatedText();

    /** A row ready to import: the student and guardians with normalised contacts, and the family it goes to. */
    public record Checked(int line, StudentDraft student, @Nullable Long familyId, String familyGroup,
            List<GuardianDraft> guardians, Set<Integer> knownGuardians, @Nullable String note) {
    }

    /** A row's outcome: either checked or its problems. */
    public record Outcome(int line, @Nullable Checked checked, List<ImportProblem> problems) {
    }

    public ImportChecker(List<Campus> campuses, StudentScope scope, String region,
            Function<String, @Nullable String> email, DuplicateFinder duplicates, FamilyRepository families,
            Clock clock, ZoneId zone) {
        campuses.forEach(c -> campusesByName.put(c.name().strip().toLowerCase(Locale.ROOT), c));
        this.scope = scope;
        this.region = region;
        this.email = email;
        this.duplicates = duplicates;
        this.families = families;
        this.today = LocalDate.now(clock.withZone(zone));
    }

    /** Problems of the header: a missing name column, or columns this format does not know. */
    public static List<ImportProblem> checkHeader(List<String> header) {
        List<ImportProblem> problems = new ArrayList<>();
        if (!header.contains(StudentCsv.FULL_NAME)) {
            problems.add(ImportProblem.of(StudentCsv.FULL_NAME, "import.error.missing-column", StudentCsv.FULL_NAME));
        }
        header.stream().filter(h -> !h.isEmpty() && !StudentCsv.COLUMNS.contains(h))
                .forEach(h -> problems.add(ImportProblem.of(h, "import.error.unknown-column", h)));
        return problems;
    }

    public List<Outcome> check(List<StudentCsv.Line> lines) {
        List<Outcome> outcomes = new ArrayList<>(lines.size());
        for (int from = 0; from < lines.size(); from += BATCH) {
            outcomes.addAll(checkBatch(lines.subList(from, Math.min(lines.size(), from + BATCH))));
        }
        return crossCheck(outcomes);
    }

    /**
     * The rows of a batch, each on its own, with the database's answers read for the whole batch: the family
     * numbers first (a row's own checks name an unknown one), then the duplicates of the rows that passed.
     */
    private List<Outcome> checkBatch(List<StudentCsv.Line> batch) {
        var familyIds = familyIds(batch);
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        List<DuplicateFinder.Entry> entries = new ArrayList<>();
        for (StudentCsv.Line line : batch) {
            var outcome = checkRow(line, familyIds);
            outcomes.add(outcome);
            if (outcome.checked() != null) {
                var student = outcome.checked().student();
                entries.add(new DuplicateFinder.Entry(DuplicateMatch.STUDENT_ENTRY, student.phone(), student.email(),
                        SearchText.nameKey(student.fullName()), student.birthDate()));
                var guardians = outcome.checked().guardians();
                for (int i = 0; i < guardians.size(); i++) {
                    entries.add(new DuplicateFinder.Entry(DuplicateMatch.guardianEntry(i), guardians.get(i).phone(),
                            guardians.get(i).email(), null, null));
                }
            }
        }
        var found = duplicates.findAll(entries).iterator();
        List<Matches> matches = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome.checked() != null) {
                var student = found.next();
                List<List<DuplicateMatch>> guardians = new ArrayList<>();
                outcome.checked().guardians().forEach(g -> guardians.add(found.next()));
                matches.add(new Matches(student, guardians));
            }
        }
        var familyNumbers = familyNumbers(matches);
        var rowMatches = matches.iterator();
        List<Outcome> result = new ArrayList<>(batch.size());
        for (Outcome outcome : outcomes) {
            if (outcome.checked() == null) {
                result.add(outcome);
                continue;
            }
            List<ImportProblem> problems = new ArrayList<>();
            databaseDuplicates(outcome.checked(), rowMatches.next(), familyNumbers, problems);
            result.add(problems.isEmpty() ? outcome : new Outcome(outcome.line(), null, problems));
        }
        return result;
    }

    /** What the database holds like a checked row: matches of its student, and of each of its guardians. */
    private record Matches(List<DuplicateMatch> student, List<List<DuplicateMatch>> guardians) {
    }

    /** The families the batch's rows name, by number (upper case, as entered numbers are looked up). */
    private Map<CollationKey, Long> familyIds(List<StudentCsv.Line> batch) {
        Set<String> numbers = new HashSet<>();
        batch.forEach(line -> {
            String raw = line.values().getOrDefault(StudentCsv.FAMILY_NUMBER, "");
            if (!raw.isEmpty()) {
                numbers.add(raw.toUpperCase(Locale.ROOT));
            }
        });
        Map<CollationKey, Long> ids = new HashMap<>();
        if (!numbers.isEmpty()) {
            families.findByFamilyNumberIn(numbers).forEach(f -> ids.put(collated.key(f.getFamilyNumber()), f.getId()));
        }
        return ids;
    }

    /** The numbers of the families whose guardians the rows name, for the message. */
    private Map<Long, String> familyNumbers(List<Matches> matches) {
        var ids = matches.stream().flatMap(m -> m.guardians().stream()).flatMap(List::stream)
                .filter(m -> m.kind() == DuplicateMatch.Kind.GUARDIAN).map(DuplicateMatch::familyId).distinct()
                .toList();
        Map<Long, String> numbers = new HashMap<>();
        if (!ids.isEmpty()) {
            families.findAllById(ids).forEach(f -> numbers.put(f.getId(), f.getFamilyNumber()));
        }
        return numbers;
    }

    /** A row's own checks; a row that passes them is {@link Checked} but not yet checked against the database. */
    private Outcome checkRow(StudentCsv.Line line, Map<CollationKey, Long> familyIds) {
        Map<String, String> v = line.values();
        List<ImportProblem> problems = new ArrayList<>();
        String fullName = v.getOrDefault(StudentCsv.FULL_NAME, "");
        if (fullName.isEmpty()) {
            problems.add(ImportProblem.of(StudentCsv.FULL_NAME, "import.error.name-required"));
        } else if (fullName.length() > 200) {
            problems.add(ImportProblem.of(StudentCsv.FULL_NAME, "import.error.too-long", 200));
        }
        for (var limit : Map.of(StudentCsv.PREFERRED_NAME, 100, StudentCsv.CHINESE_NAME, 100, StudentCsv.SCHOOL, 200,
                StudentCsv.GRADE, 40, StudentCsv.NOTE, 4000).entrySet()) {
            if (v.getOrDefault(limit.getKey(), "").length() > limit.getValue()) {
                problems.add(ImportProblem.of(limit.getKey(), "import.error.too-long", limit.getValue()));
            }
        }
        LocalDate birthDate = date(v.getOrDefault(StudentCsv.BIRTH_DATE, ""), problems);
        StudentStatus status = status(v.getOrDefault(StudentCsv.STATUS, ""), problems);
        Long campusId = campus(v.getOrDefault(StudentCsv.CAMPUS, ""), problems);
        String phone = contact(StudentCsv.PHONE, v, problems, true);
        String mail = contact(StudentCsv.EMAIL, v, problems, false);
        Long familyId = family(v.getOrDefault(StudentCsv.FAMILY_NUMBER, ""), familyIds, problems);
        List<GuardianDraft> guardians = new ArrayList<>();
        for (int i = 1; i <= StudentCsv.GUARDIANS; i++) {
            GuardianDraft guardian = guardian(i, v, problems);
            if (guardian != null) {
                guardians.add(guardian);
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome(line.line(), null, problems);
        }
        Set<String> tags = new HashSet<>(Arrays.stream(v.getOrDefault(StudentCsv.TAGS, "").split("[;,]"))
                .map(String::strip).filter(t -> !t.isEmpty()).map(t -> t.length() > 40 ? t.substring(0, 40) : t)
                .toList());
        var student = new StudentDraft(fullName, blankToNull(v.get(StudentCsv.PREFERRED_NAME)),
                blankToNull(v.get(StudentCsv.CHINESE_NAME)), birthDate, phone, mail,
                v.getOrDefault(StudentCsv.SCHOOL, ""), v.getOrDefault(StudentCsv.GRADE, ""), status, campusId, tags);
        String group = group(line.line(), v, familyId, guardians);
        var checked = new Checked(line.line(), student, familyId, group, guardians, new HashSet<>(),
                blankToNull(v.get(StudentCsv.NOTE)));
        return new Outcome(line.line(), checked, List.of());
    }

    /** Siblings in the file share a family: by family number, family key, or their first guardian's contact. */
    private static String group(int line, Map<String, String> v, @Nullable Long familyId,
            List<GuardianDraft> guardians) {
        if (familyId != null) {
            return "family:" + familyId;
        }
        String key = v.getOrDefault(StudentCsv.FAMILY_KEY, "");
        if (!key.isEmpty()) {
            return "key:" + key.toLowerCase(Locale.ROOT);
        }
        if (!guardians.isEmpty() && guardians.getFirst().phone() != null) {
            return "phone:" + guardians.getFirst().phone();
        }
        if (!guardians.isEmpty() && guardians.getFirst().email() != null) {
            return "email:" + guardians.getFirst().email();
        }
        return "line:" + line;
    }

    /** The row's student and guardians against the database, from the batch's matches. */
    private static void databaseDuplicates(Checked row, Matches matches, Map<Long, String> familyNumbers,
            List<ImportProblem> problems) {
        for (DuplicateMatch m : matches.student()) {
            boolean ownFamily = row.familyId() != null && m.familyId() == row.familyId()
                    && m.reason() != DuplicateMatch.Reason.NAME_AND_BIRTH_DATE;
            if (!ownFamily) {
                problems.add(duplicateProblem(columnOf(m.reason(), ""), m));
            }
        }
        for (int i = 0; i < row.guardians().size(); i++) {
            String prefix = "guardian" + (i + 1) + "_";
            for (DuplicateMatch m : matches.guardians().get(i)) {
                if (row.familyId() != null && m.familyId() == row.familyId()) {
                    if (m.kind() == DuplicateMatch.Kind.GUARDIAN) {
                        row.knownGuardians().add(i); // already in that family: not added again
                    }
                } else if (m.kind() == DuplicateMatch.Kind.GUARDIAN) {
                    problems.add(ImportProblem.of(columnOf(m.reason(), prefix), "import.error.existing-guardian",
                            m.name(), m.familyName(), familyNumbers.getOrDefault(m.familyId(), "")));
                } else {
                    problems.add(duplicateProblem(columnOf(m.reason(), prefix), m));
                }
            }
        }
    }

    private static ImportProblem duplicateProblem(String column, DuplicateMatch m) {
        return ImportProblem.of(column, "import.error.existing-student", m.name(),
                m.studentNumber() == null ? "" : m.studentNumber());
    }

    private static String columnOf(DuplicateMatch.Reason reason, String prefix) {
        return switch (reason) {
            case PHONE -> prefix + "phone";
            case EMAIL -> prefix + "email";
            case NAME_AND_BIRTH_DATE -> StudentCsv.FULL_NAME;
        };
    }

    /** The same student twice, or one phone or e-mail on two students of the file. */
    private static List<Outcome> crossCheck(List<Outcome> outcomes) {
        Map<String, Integer> seen = new HashMap<>();
        Map<String, String> guardianGroups = new HashMap<>();
        List<Outcome> result = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome.checked() == null) {
                result.add(outcome);
                continue;
            }
            var s = outcome.checked().student();
            Map<String, String> keys = new LinkedHashMap<>();
            if (s.birthDate() != null) {
                keys.put("name:" + SearchText.nameKey(s.fullName()) + "|" + s.birthDate(), StudentCsv.FULL_NAME);
            }
            if (s.phone() != null) {
                keys.put("phone:" + s.phone(), StudentCsv.PHONE);
            }
            if (s.email() != null) {
                keys.put("email:" + s.email(), StudentCsv.EMAIL);
            }
            List<ImportProblem> problems = new ArrayList<>();
            keys.forEach((key, column) -> {
                Integer earlier = seen.putIfAbsent(key, outcome.line());
                if (earlier != null) {
                    problems.add(ImportProblem.of(column, "import.error.duplicate-in-file", earlier));
                }
            });
            var guardians = outcome.checked().guardians();
            for (int i = 0; i < guardians.size(); i++) {
                for (String contact : new String[] {guardians.get(i).phone(), guardians.get(i).email()}) {
                    if (contact == null) {
                        continue;
                    }
                    String group = outcome.checked().familyGroup();
                    String earlierGroup = guardianGroups.putIfAbsent(contact, group);
                    if (earlierGroup != null && !earlierGroup.equals(group)) {
                        problems.add(ImportProblem.of(StudentCsv.guardian(i + 1, contact.startsWith("+") ? "phone"
                                : "email"), "import.error.guardian-in-two-families", contact));
                    }
                }
            }
            result.add(problems.isEmpty() ? outcome : new Outcome(outcome.line(), null, problems));
        }
        return result;
    }

    private @Nullable LocalDate date(String raw, List<ImportProblem> problems) {
        if (raw.isEmpty()) {
            return null;
        }
        LocalDate date;
        try {
            date = raw.contains("/") ? LocalDate.parse(raw, DAY_MONTH_YEAR) : LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            problems.add(ImportProblem.of(StudentCsv.BIRTH_DATE, "import.error.date", raw));
            return null;
        }
        if (date.isAfter(today)) {
            problems.add(ImportProblem.of(StudentCsv.BIRTH_DATE, "import.error.date-future", raw));
        }
        return date;
    }

    private static StudentStatus status(String raw, List<ImportProblem> problems) {
        if (raw.isEmpty()) {
            return StudentStatus.ACTIVE;
        }
        try {
            return StudentStatus.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(ImportProblem.of(StudentCsv.STATUS, "import.error.status", raw));
            return StudentStatus.ACTIVE;
        }
    }

    private @Nullable Long campus(String raw, List<ImportProblem> problems) {
        if (raw.isEmpty()) {
            if (!campusesByName.isEmpty()) {
                problems.add(ImportProblem.of(StudentCsv.CAMPUS, "import.error.campus-required"));
            }
            return null;
        }
        Campus campus = campusesByName.get(raw.toLowerCase(Locale.ROOT));
        if (campus == null) {
            problems.add(ImportProblem.of(StudentCsv.CAMPUS, "import.error.campus-unknown", raw));
            return null;
        }
        if (!scope.allowsCampus(campus.id())) {
            problems.add(ImportProblem.of(StudentCsv.CAMPUS, "import.error.campus-not-yours", raw));
            return null;
        }
        return campus.id();
    }

    private @Nullable Long family(String raw, Map<CollationKey, Long> familyIds, List<ImportProblem> problems) {
        if (raw.isEmpty()) {
            return null;
        }
        Long family = familyIds.get(collated.key(raw.toUpperCase(Locale.ROOT)));
        if (family == null) {
            problems.add(ImportProblem.of(StudentCsv.FAMILY_NUMBER, "import.error.family-unknown", raw));
            return null;
        }
        return family;
    }

    private @Nullable GuardianDraft guardian(int number, Map<String, String> v, List<ImportProblem> problems) {
        String name = v.getOrDefault(StudentCsv.guardian(number, "name"), "");
        String relationship = v.getOrDefault(StudentCsv.guardian(number, "relationship"), "");
        String phoneColumn = StudentCsv.guardian(number, "phone");
        String emailColumn = StudentCsv.guardian(number, "email");
        if (name.isEmpty() && relationship.isEmpty() && v.getOrDefault(phoneColumn, "").isEmpty()
                && v.getOrDefault(emailColumn, "").isEmpty()) {
            return null;
        }
        int before = problems.size();
        if (name.isEmpty()) {
            problems.add(ImportProblem.of(StudentCsv.guardian(number, "name"), "import.error.guardian-name-required"));
        }
        GuardianRelationship rel = GuardianRelationship.GUARDIAN;
        if (!relationship.isEmpty()) {
            try {
                rel = GuardianRelationship.valueOf(relationship.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(ImportProblem.of(StudentCsv.guardian(number, "relationship"),
                        "import.error.relationship", relationship));
            }
        }
        String phone = contact(phoneColumn, v, problems, true);
        String mail = contact(emailColumn, v, problems, false);
        return problems.size() > before ? null : new GuardianDraft(name, rel, phone, mail, null, number == 1);
    }

    private @Nullable String contact(String column, Map<String, String> v, List<ImportProblem> problems,
            boolean isPhone) {
        String raw = v.getOrDefault(column, "");
        try {
            return isPhone ? ContactNormaliser.phone(raw, column, region) : email.apply(raw);
        } catch (DomainException e) {
            problems.add(ImportProblem.of(column, isPhone ? "import.error.phone" : "import.error.email", raw));
            return null;
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
