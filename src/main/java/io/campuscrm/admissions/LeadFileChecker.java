package io.campuscrm.admissions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.campuscrm.admissions.internal.LeadCatalogStore;
import io.campuscrm.admissions.internal.LeadCsv;
import io.campuscrm.admissions.internal.LeadStore;
import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.Course;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.security.Assignee;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.imports.CsvFile;
import io.campuscrm.shared.imports.ImportProblem;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;

/**
 * Checks the rows of a lead import with {@link LeadEntry}'s rules, plus what only a file has: campuses, sources,
 * campaigns, courses and owners named rather than chosen, an inquiry date, the same lead twice in the file, and the
 * user's campuses. Every look-up is made once for the whole file, by the names the file uses, and the known
 * contacts (leads, students, guardians) once per {@link #BATCH} rows: a file costs a fixed number of statements,
 * whatever its size up to a batch. Known contacts are warnings, not problems: a guardian or student the school knows
 * links the child to their family (a sibling), a known lead can be merged later on its page.
 */
@Component
class LeadFileChecker {

    /** Rows whose contacts are looked up together: two batches' IN lists stay a few thousand values long. */
    static final int BATCH = 5000;

    private static final Set<Role> OWNERS = Set.of(Role.ADMISSIONS, Role.ADMIN);
    private static final String SOURCE_KEY_PREFIX = "lead.source.";
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of("childName", LeadCsv.CHILD_NAME,
            "guardianName", LeadCsv.GUARDIAN_NAME, "phone", LeadCsv.PHONE, "email", LeadCsv.EMAIL, "campusId",
            LeadCsv.CAMPUS, "sourceId", LeadCsv.SOURCE, "campaignId", LeadCsv.CAMPAIGN, "courseId", LeadCsv.COURSE,
            "preferredTimes", LeadCsv.PREFERRED_TIMES, "message", LeadCsv.MESSAGE);

    private final LeadEntry entry;
    private final LeadCatalogStore catalog;
    private final InstitutionService institution;
    private final CourseService courses;
    private final UserService users;
    private final MessageSource messages;
    private final CurrentUser currentUser;
    private final Clock clock;

    LeadFileChecker(LeadEntry entry, LeadCatalogStore catalog, InstitutionService institution,
            CourseService courses, UserService users, MessageSource messages, CurrentUser currentUser, Clock clock) {
        this.entry = entry;
        this.catalog = catalog;
        this.institution = institution;
        this.courses = courses;
        this.users = users;
        this.messages = messages;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A row ready to import. */
    record Ready(LeadEntry.Imported lead) {
    }

    /** A row's outcome: its problems (none: {@code ready} is set), and its warnings. */
    record Outcome(int line, @Nullable Ready ready, List<ImportProblem> problems, List<ImportProblem> warnings) {
    }

    /** The problems of the header: a required column missing, a column the import does not know. */
    static List<ImportProblem> checkHeader(List<String> header) {
        List<ImportProblem> problems = new ArrayList<>();
        for (String column : LeadCsv.REQUIRED) {
            if (!header.contains(column)) {
                problems.add(ImportProblem.of(column, "import.error.missing-column", column));
            }
        }
        for (String column : header) {
            if (!column.isEmpty() && !LeadCsv.COLUMNS.contains(column)) {
                problems.add(ImportProblem.of(column, "import.error.unknown-column", column));
            }
        }
        return problems;
    }

    /** Every row's outcome, in the file's order. */
    List<Outcome> check(List<CsvFile.Line> lines) {
        var file = new FileLookups(lines);
        List<Row> rows = lines.stream().map(file::row).toList();
        inFile(rows);
        for (int from = 0; from < rows.size(); from += BATCH) {
            known(rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
        return rows.stream().map(Row::outcome).toList();
    }

    /** A row being checked: what it resolved to and what is wrong with it, by column. */
    private final class Row {
        final int line;
        final Map<String, String> values;
        final Map<String, ImportProblem> problems = new LinkedHashMap<>();
        final List<ImportProblem> warnings = new ArrayList<>();
        LeadEntry.@Nullable Checked checked;
        @Nullable Long ownerId;
        Instant createdAt;
        @Nullable Long familyId;

        Row(CsvFile.Line line, Instant createdAt) {
            this.line = line.line();
            this.values = line.values();
            this.createdAt = createdAt;
        }

        String value(String column) {
            return values.getOrDefault(column, "").strip();
        }

        void problem(String column, String key, Object... args) {
            problems.putIfAbsent(column, ImportProblem.of(column, key, args));
        }

        Outcome outcome() {
            var sorted = problems.values().stream()
                    .sorted(Comparator.comparingInt(p -> LeadCsv.COLUMNS.indexOf(p.column()))).toList();
            Ready ready = sorted.isEmpty() && checked != null
                    ? new Ready(new LeadEntry.Imported(checked, ownerId, createdAt, familyId)) : null;
            return new Outcome(line, ready, sorted, warnings);
        }
    }

    /** What the file's rows name, each read once for the whole file. */
    private final class FileLookups {
        final Map<String, Campus> campusesByName = new HashMap<>();
        final List<Campus> mine;
        final Map<Long, LeadStore.Entry> sources;
        final Map<String, Long> sourcesByName = new HashMap<>();
        final Map<String, LeadCampaign> campaignsByName;
        final Map<String, Course> coursesByText = new HashMap<>();
        final Map<String, Assignee> owners;
        final LeadEntry.Lookups lookups;
        final LocalDate today;
        final ZoneId zone;

        FileLookups(List<CsvFile.Line> lines) {
            var scope = currentUser.scope();
            var campuses = institution.campuses();
            campuses.forEach(c -> campusesByName.put(lower(c.name()), c));
            mine = campuses.stream().filter(c -> c.active() && scope.seesCampus(c.id())).toList();
            sources = entry.sources();
            sources.values().forEach(s -> names(s).forEach(n -> sourcesByName.putIfAbsent(n, s.id())));
            campaignsByName = catalog.campaignsByName(distinct(lines, LeadCsv.CAMPAIGN)).stream()
                    .collect(Collectors.toMap(c -> lower(c.name()), Function.identity(), (a, b) -> a));
            var found = courses.byCodeOrName(distinct(lines, LeadCsv.COURSE));
            found.forEach(c -> coursesByText.putIfAbsent(lower(c.name()), c));
            found.forEach(c -> coursesByText.put(lower(c.code()), c)); // a code wins over another course's name
            owners = users.assignees(distinct(lines, LeadCsv.OWNER));
            zone = institution.settings().timeZone();
            today = LocalDate.now(clock.withZone(zone));
            lookups = new LeadEntry.Lookups(campuses.stream().collect(Collectors.toMap(Campus::id,
                    Function.identity())), sources, campaignsByName.values().stream().map(LeadCampaign::id)
                    .collect(Collectors.toSet()), Set.of(), found.stream().collect(Collectors.toMap(Course::id,
                            Function.identity(), (a, b) -> a)), entry.region());
        }

        /** A source's names: a school's own name, or a built-in's short key and its label in every language. */
        private List<String> names(LeadStore.Entry source) {
            List<String> names = new ArrayList<>();
            if (source.name() != null) {
                names.add(lower(source.name()));
            }
            if (source.labelKey() != null) {
                names.add(lower(source.labelKey().startsWith(SOURCE_KEY_PREFIX)
                        ? source.labelKey().substring(SOURCE_KEY_PREFIX.length()) : source.labelKey()));
                for (Language language : Language.values()) {
                    names.add(lower(messages.getMessage(source.labelKey(), null, source.labelKey(),
                            language.bundleLocale())));
                }
            }
            return names;
        }

        Row row(CsvFile.Line line) {
            var row = new Row(line, clock.instant());
            Long campusId = campus(row);
            Long sourceId = null;
            String source = row.value(LeadCsv.SOURCE);
            if (source.isEmpty()) {
                row.problem(LeadCsv.SOURCE, "lead.error.source");
            } else {
                sourceId = sourcesByName.get(lower(source));
                if (sourceId == null) {
                    row.problem(LeadCsv.SOURCE, "lead.import.error.source", source);
                }
            }
            Long campaignId = named(row, LeadCsv.CAMPAIGN, campaignsByName, LeadCampaign::id,
                    "lead.import.error.campaign");
            Long courseId = named(row, LeadCsv.COURSE, coursesByText, Course::id, "lead.import.error.course");
            String owner = row.value(LeadCsv.OWNER);
            if (!owner.isEmpty()) {
                var assignee = owners.get(lower(owner));
                if (assignee == null) {
                    row.problem(LeadCsv.OWNER, "lead.import.error.owner", owner);
                } else if (campusId != null && !assignee.worksAt(campusId, OWNERS)) {
                    row.problem(LeadCsv.OWNER, "lead.import.error.owner-campus", owner,
                            row.value(LeadCsv.CAMPUS));
                } else {
                    row.ownerId = assignee.id();
                }
            }
            inquiryDate(row);
            var draft = new LeadDraft(campusId == null ? -1 : campusId, row.value(LeadCsv.CHILD_NAME),
                    blankToNull(row.value(LeadCsv.GUARDIAN_NAME)), blankToNull(row.value(LeadCsv.PHONE)),
                    blankToNull(row.value(LeadCsv.EMAIL)), courseId, blankToNull(row.value(LeadCsv.PREFERRED_TIMES)),
                    blankToNull(row.value(LeadCsv.MESSAGE)), sourceId == null ? -1 : sourceId, campaignId, null,
                    null);
            var checked = entry.check(draft, lookups);
            checked.errors().forEach((field, key) -> row.problem(COLUMN_OF_FIELD.getOrDefault(field, ""), key));
            row.checked = checked;
            return row;
        }

        /** The row's campus: by name, or the user's only campus when the row names none. */
        private @Nullable Long campus(Row row) {
            String name = row.value(LeadCsv.CAMPUS);
            if (name.isEmpty()) {
                if (mine.size() == 1) {
                    return mine.getFirst().id();
                }
                row.problem(LeadCsv.CAMPUS, "import.error.campus-required");
                return null;
            }
            var campus = campusesByName.get(lower(name));
            if (campus == null) {
                row.problem(LeadCsv.CAMPUS, "import.error.campus-unknown", name);
                return null;
            }
            if (!currentUser.scope().seesCampus(campus.id())) {
                row.problem(LeadCsv.CAMPUS, "import.error.campus-not-yours", name);
                return null;
            }
            return campus.id();
        }

        private <T> @Nullable Long named(Row row, String column, Map<String, T> known, Function<T, Long> id,
                String unknownKey) {
            String text = row.value(column);
            if (text.isEmpty()) {
                return null;
            }
            T found = known.get(lower(text));
            if (found == null) {
                row.problem(column, unknownKey, text);
                return null;
            }
            return id.apply(found);
        }

        /** The inquiry's day, becoming the lead's creation (at the day's start); none: now. */
        private void inquiryDate(Row row) {
            String text = row.value(LeadCsv.INQUIRY_DATE);
            if (text.isEmpty()) {
                return;
            }
            try {
                var day = LocalDate.parse(text);
                if (day.isAfter(today)) {
                    row.problem(LeadCsv.INQUIRY_DATE, "import.error.date-future", text);
                } else {
                    row.createdAt = day.atStartOfDay(zone).toInstant();
                }
            } catch (DateTimeParseException notIso) {
                row.problem(LeadCsv.INQUIRY_DATE, "lead.import.error.date", text);
            }
        }
    }

    /**
     * The rows against each other: the same child with the same phone or e-mail again is refused on the later row;
     * another child with the same phone or e-mail is a sibling, and only noted.
     */
    private static void inFile(List<Row> rows) {
        Map<String, Integer> leads = new HashMap<>();
        Map<String, Integer> contacts = new HashMap<>();
        for (Row row : rows) {
            if (row.checked == null) {
                continue;
            }
            String child = lower(row.value(LeadCsv.CHILD_NAME));
            Integer repeated = null;
            Integer sibling = null;
            for (String contact : contactKeys(row.checked)) {
                Integer earlier = leads.putIfAbsent(child + "\n" + contact, row.line);
                if (earlier != null && repeated == null) {
                    repeated = earlier;
                }
                Integer shared = contacts.putIfAbsent(contact, row.line);
                if (shared != null && sibling == null) {
                    sibling = shared;
                }
            }
            if (repeated != null) {
                row.problem(LeadCsv.CHILD_NAME, "lead.import.error.repeated", repeated);
            } else if (sibling != null) {
                row.warnings.add(ImportProblem.of("", "lead.import.warning.sibling", sibling));
            }
        }
    }

    private static List<String> contactKeys(LeadEntry.Checked checked) {
        List<String> keys = new ArrayList<>(2);
        if (checked.phone() != null) {
            keys.add("p:" + checked.phone());
        }
        if (checked.email() != null) {
            keys.add("e:" + checked.email());
        }
        return keys;
    }

    /**
     * The rows against the leads, students and guardians the school knows, in one look-up for the batch: each match
     * a warning; a child whose contacts lead to one known family is linked to it.
     */
    private void known(List<Row> batch) {
        List<Row> asked = batch.stream().filter(r -> r.checked != null
                && (r.checked.phone() != null || r.checked.email() != null)).toList();
        var found = entry.matches(asked.stream().map(r -> new LeadEntry.Contact(r.checked.phone(),
                r.checked.email())).toList());
        for (int i = 0; i < asked.size(); i++) {
            Row row = asked.get(i);
            Set<Long> families = new LinkedHashSet<>();
            Set<String> named = new LinkedHashSet<>();
            for (LeadMatch m : found.get(i)) {
                if (!named.add(m.kind() + ":" + m.id())) {
                    continue;
                }
                String key = switch (m.kind()) {
                    case LEAD -> "lead.import.warning.known-lead";
                    case GUARDIAN -> "lead.import.warning.known-guardian";
                    case STUDENT -> "lead.import.warning.known-student";
                };
                row.warnings.add(ImportProblem.of(m.reason() == LeadMatch.Reason.PHONE ? LeadCsv.PHONE
                        : LeadCsv.EMAIL, key, m.name()));
                if (m.familyId() != null) {
                    families.add(m.familyId());
                }
            }
            if (families.size() == 1) {
                row.familyId = families.iterator().next();
                row.warnings.add(ImportProblem.of("", "lead.import.warning.linked"));
            }
        }
    }

    private static Set<String> distinct(List<CsvFile.Line> lines, String column) {
        return lines.stream().map(l -> l.values().getOrDefault(column, "").strip()).filter(v -> !v.isEmpty())
                .map(LeadFileChecker::lower).collect(Collectors.toSet());
    }

    private static String lower(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    private static @Nullable String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
