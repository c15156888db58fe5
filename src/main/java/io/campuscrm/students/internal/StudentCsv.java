package io.campuscrm.students.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.campuscrm.shared.imports.CsvFile;

/**
 * The CSV format of the student import: {@link CsvFile}'s (a header row naming the columns in any order,
 * case-insensitive; UTF-8, an Excel byte-order mark is fine; comma-separated). README and the import dialog
 * document the columns.
 */
public final class StudentCsv {

    public static final String FULL_NAME = "full_name";
    public static final String PREFERRED_NAME = "preferred_name";
    public static final String CHINESE_NAME = "chinese_name";
    public static final String BIRTH_DATE = "birth_date";
    public static final String STATUS = "status";
    public static final String CAMPUS = "campus";
    public static final String SCHOOL = "school";
    public static final String GRADE = "grade";
    public static final String PHONE = "phone";
    public static final String EMAIL = "email";
    public static final String TAGS = "tags";
    public static final String FAMILY_NUMBER = "family_number";
    public static final String FAMILY_KEY = "family_key";
    public static final String NOTE = "note";
    public static final int GUARDIANS = 2;

    /** Every column, in the order the example file has them. */
    public static final List<String> COLUMNS;

    static {
        List<String> columns = new ArrayList<>(List.of(FULL_NAME, PREFERRED_NAME, CHINESE_NAME, BIRTH_DATE, STATUS,
                CAMPUS, SCHOOL, GRADE, PHONE, EMAIL, TAGS, FAMILY_NUMBER, FAMILY_KEY));
        for (int i = 1; i <= GUARDIANS; i++) {
            columns.addAll(List.of(guardian(i, "name"), guardian(i, "relationship"), guardian(i, "phone"),
                    guardian(i, "email")));
        }
        columns.add(NOTE);
        COLUMNS = List.copyOf(columns);
    }

    private StudentCsv() {
    }

    /** {@code guardian1_phone} and the like. */
    public static String guardian(int number, String field) {
        return "guardian" + number + "_" + field;
    }

    /** A parsed file: its (lower-cased) header and each data row with its line number. */
    public record Parsed(List<String> header, List<Line> lines) {
    }

    public record Line(int line, Map<String, String> values) {
    }

    /**
     * Reads at most {@code maxRows + 1} data rows (one more tells the caller the file is too long), as every import
     * does ({@link CsvFile}).
     *
     * @throws IllegalArgumentException when the file is not CSV at all
     */
    public static Parsed parse(InputStream in, int maxRows) {
        var parsed = CsvFile.parse(in, maxRows);
        return new Parsed(parsed.header(), parsed.lines().stream().map(l -> new Line(l.line(), l.values()))
                .toList());
    }

    /** The example offered in the import dialog: siblings, a student with one guardian, a student in Chinese. */
    public static String example(String campus) {
        var out = new StringWriter();
        try (var printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new))
                .get())) {
            printer.printRecord(row(Map.ofEntries(Map.entry(FULL_NAME, "Tan Wei Ming"),
                    Map.entry(PREFERRED_NAME, "Ethan"), Map.entry(CHINESE_NAME, "陈伟明"),
                    Map.entry(BIRTH_DATE, "2015-03-14"), Map.entry(CAMPUS, campus),
                    Map.entry(SCHOOL, "Raffles Primary"), Map.entry(GRADE, "P4"), Map.entry(TAGS, "robotics;math"),
                    Map.entry(FAMILY_KEY, "TAN-1"), Map.entry(guardian(1, "name"), "Tan Ah Kow"),
                    Map.entry(guardian(1, "relationship"), "father"), Map.entry(guardian(1, "phone"), "9123 4567"),
                    Map.entry(guardian(1, "email"), "ahkow.tan@example.com"),
                    Map.entry(guardian(2, "name"), "Lim Mei Ling"), Map.entry(guardian(2, "relationship"), "mother"),
                    Map.entry(guardian(2, "phone"), "+65 8123 4567"))));
            printer.printRecord(row(Map.of(FULL_NAME, "Tan Jia Hui", CHINESE_NAME, "陈佳慧", BIRTH_DATE,
                    "2017-09-02", CAMPUS, campus, GRADE, "P2", FAMILY_KEY, "TAN-1")));
            printer.printRecord(row(Map.of(FULL_NAME, "Nur Aisyah binte Rahman", BIRTH_DATE, "14/07/2014", CAMPUS,
                    campus, STATUS, "active", guardian(1, "name"), "Rahman bin Yusof", guardian(1, "relationship"),
                    "father", guardian(1, "phone"), "9876 5432", NOTE, "Prefers afternoon classes")));
            printer.printRecord(row(Map.of(FULL_NAME, "Emily Clarke", BIRTH_DATE, "2012-11-30", CAMPUS, campus,
                    EMAIL, "emily.clarke@example.com", guardian(1, "name"), "Sarah Clarke",
                    guardian(1, "relationship"), "mother", guardian(1, "email"), "sarah.clarke@example.com")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<String> row(Map<String, String> values) {
        return COLUMNS.stream().map(c -> values.getOrDefault(c, "")).toList();
    }
}
