package io.campuscrm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.campuscrm.admissions.LeadImportService;
import io.campuscrm.demo.DemoDataGenerator;
import io.campuscrm.demo.DemoScale;
import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.imports.ImportPreview;

/**
 * A lead CSV import of 20,000 rows (the most one file may have by default), as the import dialog runs it as
 * {@code admin}: the preview (parse and check every row against the file and the database: look-ups once per file,
 * known contacts once per 5,000 rows), then the import (checked again, then written with multi-row inserts in one
 * transaction). The database holds {@code -Dbench.students} students first (default 20,000) and the demo's leads, so
 * the duplicate look-ups search real tables. Every file has new inquiries (phones and e-mails no one has yet), so each
 * preview is clean and each import adds 20,000 leads; some rows are siblings (the same parent's phone), some have an
 * owner, most an inquiry date of the last two years. Heavy: warm-up 1 and 3 timed calls unless
 * {@code -Dbench.import.warmup} / {@code -Dbench.import.iterations} say otherwise; {@code -Dbench.import.rows} sets
 * the rows of a file.
 */
class LeadImportBench {

    static final DemoScale DEFAULT_SCALE = DemoScale.DEMO.withStudents(20_000);
    private static final int ROWS = Integer.getInteger("bench.import.rows", 20_000);
    private static final int WARMUP = Integer.getInteger("bench.import.warmup", 1);
    private static final int ITERATIONS = Integer.getInteger("bench.import.iterations", 3);
    private static final List<String> HEADER = List.of("campus", "child_name", "guardian_name", "phone", "email",
            "source", "campaign", "course", "preferred_times", "message", "owner", "inquiry_date");
    private static final List<String> SOURCES = List.of("walk-in", "phone", "website", "referral", "ad", "fair",
            "Website", "官网");
    private static final List<String> SYLLABLES = List.of("ka", "lo", "ri", "ta", "me", "su", "no", "vi", "ha", "ze",
            "mu", "pa", "el", "do", "fi", "an", "go", "be", "sa", "yu");
    private static final List<String> CHILDREN = List.of("Wei Ming", "Jia Hui", "Ethan", "Nur Aisyah", "Arjun",
            "Chloe", "Haziq", "Priya", "Zhi Hao", "Isla");
    private static final List<String> PARENTS = List.of("Mei Ling", "Ah Kow", "Sarah", "Rahman", "Kavya", "David");

    private static BenchSettings settings;
    private static BenchReport report;
    private static BenchApplication app;
    private static List<String> campusNames;
    private static LocalDate today;
    /** Across files, so that no file repeats a family name, phone or e-mail of an earlier (imported) one. */
    private static int families;
    private static int contacts;

    @BeforeAll
    static void startAndGenerate() throws Exception {
        // the report's header names this benchmark's own warm-up and iterations, not the other benchmarks'
        settings = new BenchSettings(BenchSettings.fromSystemProperties(DEFAULT_SCALE).scale(), WARMUP, ITERATIONS);
        report = new BenchReport(settings, "Lead CSV import");
        long start = System.nanoTime();
        app = BenchApplication.start();
        assertThat(app.databaseDirectory()).as("the benchmark's own database").startsWith(BenchApplication.DATA);
        report.duration("application start on an empty database (schema migrated)", System.nanoTime() - start);
        start = System.nanoTime();
        assertThat(app.bean(DemoDataGenerator.class).generateIfEmpty(settings.scale())).as("a fresh database")
                .isTrue();
        report.duration("demo data generation", System.nanoTime() - start);
        var jdbc = app.bean(JdbcTemplate.class);
        jdbc.execute("ANALYZE TABLE student, guardian, family, admission_lead, lead_event");
        for (String table : List.of("admission_lead", "student", "guardian")) {
            report.fact("rows in " + table + " before the imports", String.format(Locale.ROOT, "%,d",
                    jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class)));
        }
        campusNames = app.as("admin", () -> app.bean(InstitutionService.class).campuses().stream()
                .filter(Campus::active).map(Campus::name).toList());
        today = LocalDate.now(app.bean(Clock.class).withZone(app.as("admin",
                () -> app.bean(InstitutionService.class).settings().timeZone())));
        report.fact("load average before the imports", ProcessMemory.loadAverage());
    }

    @Test
    void import_of_20000_leads_preview_then_import() throws Exception {
        var imports = app.bean(LeadImportService.class);
        int files = WARMUP + ITERATIONS;
        var random = new Random(43);
        List<byte[]> csvs = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            csvs.add(csv(random, ROWS).getBytes(StandardCharsets.UTF_8));
        }
        List<ImportPreview> previews = new ArrayList<>();
        var nextFile = new AtomicInteger();
        var preview = app.as("admin", () -> Bench.measure("lead import preview, " + ROWS + " rows (parse, check)",
                WARMUP, ITERATIONS, () -> {
                    var checked = imports.preview(new ByteArrayInputStream(csvs.get(nextFile.getAndIncrement())));
                    if (!checked.clean()) {
                        throw new IllegalStateException("The generated file is not clean: " + checked.fileProblems()
                                + " " + checked.rows().stream().filter(r -> !r.problems().isEmpty()).limit(5)
                                        .map(r -> r.line() + " " + r.problems()).toList());
                    }
                    previews.add(checked);
                }));
        report.add(preview);
        var nextPreview = new AtomicInteger();
        var imported = app.as("admin", () -> Bench.measure("lead import, " + ROWS + " rows (check again, write)",
                WARMUP, ITERATIONS, () -> {
                    var result = imports.importLeads(previews.get(nextPreview.getAndIncrement()), null);
                    assertThat(result.leads()).isEqualTo(ROWS);
                }));
        report.add(imported);
        report.fact("preview: rows per second (p50)", rowsPerSecond(preview));
        report.fact("import: rows per second (p50)", rowsPerSecond(imported));
        report.fact("rows in admission_lead after the imports", String.format(Locale.ROOT, "%,d", app.bean(
                JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM admission_lead", Long.class)));
    }

    @AfterAll
    static void writeReport() {
        if (app == null) {
            return;
        }
        try {
            report.fact("load average after the imports", ProcessMemory.loadAverage());
            report.memory("after the imports", ProcessMemory.measure(app.databaseDirectory()));
            report.note("Lead import: " + ROWS + " rows a file, warm-up " + WARMUP + ", " + ITERATIONS
                    + " timed files (bench.import.*), each file new inquiries; as admin.");
            report.write();
        } finally {
            app.close();
        }
    }

    private static String rowsPerSecond(Measurement m) {
        return String.format(Locale.ROOT, "%,.0f", ROWS / (m.percentileMillis(50) / 1000.0));
    }

    /**
     * Families of one or two children (siblings share their parent's phone), a parent's mobile or (one in five) only
     * an e-mail, sources by short key and by name in both languages, one lead in four given to {@code admissions},
     * inquiry dates of the last two years on most rows.
     */
    private static String csv(Random random, int rows) {
        var out = new StringWriter();
        try (var printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER.toArray(String[]::new))
                .get())) {
            int written = 0;
            while (written < rows) {
                int family = ++families;
                String surname = surname(family);
                String campus = campusNames.get(random.nextInt(campusNames.size()));
                int children = Math.min(rows - written, random.nextInt(10) < 7 ? 1 : 2);
                String parent = PARENTS.get(random.nextInt(PARENTS.size())) + " " + surname;
                boolean emailOnly = random.nextInt(5) == 0;
                String phone = emailOnly ? "" : phone();
                String email = emailOnly || random.nextBoolean() ? email(parent) : "";
                String source = SOURCES.get(random.nextInt(SOURCES.size()));
                String owner = random.nextInt(4) == 0 && campus.equals("Orchard") ? "admissions" : "";
                String date = random.nextInt(10) < 8 ? today.minusDays(random.nextInt(730)).toString() : "";
                for (int c = 0; c < children; c++) {
                    Map<String, String> row = new LinkedHashMap<>();
                    row.put("campus", campus);
                    row.put("child_name", CHILDREN.get((family + c) % CHILDREN.size()) + " " + surname);
                    row.put("guardian_name", parent);
                    row.put("phone", phone);
                    row.put("email", email);
                    row.put("source", source);
                    row.put("preferred_times", random.nextInt(3) == 0 ? "Saturday mornings" : "");
                    row.put("message", random.nextInt(4) == 0 ? "Looking for a maths class" : "");
                    row.put("owner", owner);
                    row.put("inquiry_date", date);
                    printer.printRecord(HEADER.stream().map(h -> row.getOrDefault(h, "")).toList());
                    written++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A family name no one has: syllables spelling the family's number. */
    private static String surname(int family) {
        var name = new StringBuilder();
        int n = family;
        do {
            name.append(SYLLABLES.get(n % SYLLABLES.size()));
            n /= SYLLABLES.size();
        } while (n > 0);
        name.append("nd");
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** 89 and six digits: the demo data's mobiles start with 81-88 or 90-97, and the student import's with 98. */
    private static String phone() {
        String digits = String.format(Locale.ROOT, "%06d", ++contacts);
        return "89" + digits.substring(0, 2) + " " + digits.substring(2);
    }

    private static String email(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".") + "." + (++contacts) + "@leads.example";
    }
}
