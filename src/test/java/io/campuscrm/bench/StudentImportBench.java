package io.campuscrm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

import io.campuscrm.demo.DemoDataGenerator;
import io.campuscrm.demo.DemoScale;
import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.imports.ImportPreview;
import io.campuscrm.students.StudentImportService;

/**
 * A student CSV import of 20,000 rows (the most one file may have), as the import dialog runs it as {@code admin}:
 * the preview (parse and check every row against the file and the database), then the import (checked again, then
 * written in one transaction). The database holds {@code -Dbench.students} students first (default 20,000), so the
 * duplicate look-ups search real tables. Every file has new people (names, phones and e-mails no one has yet), so
 * each preview is clean and each import adds 20,000 students; some rows join an existing family by its number.
 * Heavy: warm-up 1 and 3 timed calls unless {@code -Dbench.import.warmup} / {@code -Dbench.import.iterations} say
 * otherwise.
 */
class StudentImportBench {

    static final DemoScale DEFAULT_SCALE = DemoScale.DEMO.withStudents(20_000);
    private static final int ROWS = Integer.getInteger("bench.import.rows", 20_000);
    private static final int WARMUP = Integer.getInteger("bench.import.warmup", 1);
    private static final int ITERATIONS = Integer.getInteger("bench.import.iterations", 3);
    private static final List<String> HEADER = List.of("full_name", "chinese_name", "birth_date", "campus", "school",
            "grade", "phone", "email", "tags", "family_number", "family_key", "guardian1_name",
            "guardian1_relationship", "guardian1_phone", "guardian1_email", "guardian2_name", "guardian2_relationship",
            "guardian2_phone", "guardian2_email", "note");
    private static final List<String> SYLLABLES = List.of("ka", "lo", "ri", "ta", "me", "su", "no", "vi", "ha", "ze",
            "mu", "pa", "el", "do", "fi", "an", "go", "be", "sa", "yu");
    private static final List<String> BOYS = List.of("Wei Ming", "Jun Jie", "Ethan", "Muhammad Irfan", "Arjun",
            "Lucas", "Haziq", "Rohan", "Zhi Hao", "Noah");
    private static final List<String> GIRLS = List.of("Jia Hui", "Xin Yi", "Chloe", "Nur Aisyah", "Priya", "Emily",
            "Alya", "Kavya", "Shu Ting", "Isla");
    private static final List<String> SCHOOLS = List.of("Raffles Primary", "Nanyang Primary", "Tao Nan School",
            "Victoria School", "Dunman High", "Anglo-Chinese School (Junior)");

    private static BenchSettings settings;
    private static BenchReport report;
    private static BenchApplication app;
    private static List<String> campusNames;
    private static List<String> familyNumbers;
    /** Across files, so that no file repeats a family name, phone or e-mail of an earlier (imported) one. */
    private static int families;
    private static int contacts;

    @BeforeAll
    static void startAndGenerate() throws Exception {
        // the report's header names this benchmark's own warm-up and iterations, not the other benchmarks'
        settings = new BenchSettings(BenchSettings.fromSystemProperties(DEFAULT_SCALE).scale(), WARMUP, ITERATIONS);
        report = new BenchReport(settings, "Student CSV import");
        long start = System.nanoTime();
        app = BenchApplication.start();
        assertThat(app.databaseDirectory()).as("the benchmark's own database").startsWith(BenchApplication.DATA);
        report.duration("application start on an empty database (schema migrated)", System.nanoTime() - start);
        start = System.nanoTime();
        assertThat(app.bean(DemoDataGenerator.class).generateIfEmpty(settings.scale())).as("a fresh database")
                .isTrue();
        report.duration("demo data generation", System.nanoTime() - start);
        var jdbc = app.bean(JdbcTemplate.class);
        jdbc.execute("ANALYZE TABLE student, guardian, family, student_search_token");
        for (String table : List.of("student", "guardian", "family")) {
            report.fact("rows in " + table + " before the imports", String.format(Locale.ROOT, "%,d",
                    jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class)));
        }
        campusNames = app.as("admin", () -> app.bean(InstitutionService.class).campuses().stream()
                .map(Campus::name).toList());
        familyNumbers = jdbc.queryForList("SELECT family_number FROM family ORDER BY RAND(3) LIMIT 2000",
                String.class);
        report.fact("load average before the imports", ProcessMemory.loadAverage());
    }

    @Test
    void import_of_20000_rows_preview_then_import() throws Exception {
        var imports = app.bean(StudentImportService.class);
        int files = WARMUP + ITERATIONS;
        var random = new Random(41);
        List<byte[]> csvs = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            csvs.add(csv(random, ROWS).getBytes(StandardCharsets.UTF_8));
        }
        List<ImportPreview> previews = new ArrayList<>();
        var nextFile = new AtomicInteger();
        var preview = app.as("admin", () -> Bench.measure("import preview, " + ROWS + " rows (parse, check)", WARMUP,
                ITERATIONS, () -> {
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
        var imported = app.as("admin", () -> Bench.measure("import, " + ROWS + " rows (check again, write)", WARMUP,
                ITERATIONS, () -> {
                    var result = imports.importStudents(previews.get(nextPreview.getAndIncrement()), null);
                    assertThat(result.students()).isEqualTo(ROWS);
                }));
        report.add(imported);
        report.fact("preview: rows per second (p50)", rowsPerSecond(preview));
        report.fact("import: rows per second (p50)", rowsPerSecond(imported));
        report.fact("rows in student after the imports", String.format(Locale.ROOT, "%,d", app.bean(
                JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM student", Long.class)));
    }

    @AfterAll
    static void writeReport() {
        if (app == null) {
            return;
        }
        try {
            report.fact("load average after the imports", ProcessMemory.loadAverage());
            report.memory("after the imports", ProcessMemory.measure(app.databaseDirectory()));
            report.note("Student import: " + ROWS + " rows a file, warm-up " + WARMUP + ", " + ITERATIONS
                    + " timed files (bench.import.*), each file new people; as admin.");
            report.write();
        } finally {
            app.close();
        }
    }

    private static String rowsPerSecond(Measurement m) {
        return String.format(Locale.ROOT, "%,.0f", ROWS / (m.percentileMillis(50) / 1000.0));
    }

    /**
     * Families of one to three children (siblings share a family key and their guardians), their parents' mobiles
     * and e-mails, a second guardian in most families, teenagers' own contacts now and then, one family in twenty
     * joining an existing family by its number instead.
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
                int children = Math.min(rows - written, 1 + (random.nextInt(10) < 6 ? 0 : random.nextInt(2) + 1));
                String existingFamily = random.nextInt(20) == 0 && !familyNumbers.isEmpty()
                        ? familyNumbers.get(random.nextInt(familyNumbers.size())) : "";
                String mother = GIRLS.get(random.nextInt(GIRLS.size())) + " " + surname;
                String father = BOYS.get(random.nextInt(BOYS.size())) + " " + surname;
                String motherPhone = phone();
                String motherEmail = email(mother);
                String fatherPhone = random.nextInt(10) < 9 ? phone() : "";
                int eldest = 5 + random.nextInt(12);
                for (int c = 0; c < children; c++) {
                    int age = Math.max(4, eldest - 2 * c);
                    boolean girl = random.nextBoolean();
                    String name = (girl ? GIRLS : BOYS).get((family + c) % 10) + " " + surname;
                    LocalDate birth = LocalDate.of(2026, 6, 1).minusYears(age).minusDays(random.nextInt(300));
                    boolean teen = age >= 12;
                    Map<String, String> row = new LinkedHashMap<>();
                    row.put("full_name", name);
                    row.put("birth_date", random.nextBoolean() ? birth.toString()
                            : birth.getDayOfMonth() + "/" + birth.getMonthValue() + "/" + birth.getYear());
                    row.put("campus", campus);
                    row.put("school", SCHOOLS.get(random.nextInt(SCHOOLS.size())));
                    row.put("grade", age <= 12 ? "P" + Math.max(1, age - 6) : "S" + (age - 12));
                    row.put("phone", teen && random.nextInt(10) < 3 ? phone() : "");
                    row.put("email", teen && random.nextInt(10) < 3 ? email(name) : "");
                    row.put("tags", random.nextInt(10) < 3 ? "math;robotics" : "");
                    if (!existingFamily.isEmpty()) {
                        row.put("family_number", existingFamily);
                    } else {
                        row.put("family_key", "F" + family);
                        row.put("guardian1_name", mother);
                        row.put("guardian1_relationship", "mother");
                        row.put("guardian1_phone", motherPhone);
                        row.put("guardian1_email", motherEmail);
                        if (!fatherPhone.isEmpty()) {
                            row.put("guardian2_name", father);
                            row.put("guardian2_relationship", "father");
                            row.put("guardian2_phone", fatherPhone);
                        }
                    }
                    row.put("note", random.nextInt(10) == 0 ? "Prefers afternoon classes" : "");
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

    /** 98 and six digits: the demo data's mobiles start with 81-88 or 90-97, so these are new. */
    private static String phone() {
        String digits = String.format(Locale.ROOT, "%06d", ++contacts);
        return "98" + digits.substring(0, 2) + " " + digits.substring(2);
    }

    private static String email(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".") + "." + (++contacts) + "@import.example";
    }
}
