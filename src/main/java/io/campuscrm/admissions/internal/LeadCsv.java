package io.campuscrm.admissions.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The columns of the lead import and its example file. The file is read as every import reads one
 * ({@link io.campuscrm.shared.imports.CsvFile}); the import dialog explains the columns.
 */
public final class LeadCsv {

    public static final String CAMPUS = "campus";
    public static final String CHILD_NAME = "child_name";
    public static final String GUARDIAN_NAME = "guardian_name";
    public static final String PHONE = "phone";
    public static final String EMAIL = "email";
    public static final String SOURCE = "source";
    public static final String CAMPAIGN = "campaign";
    public static final String COURSE = "course";
    public static final String PREFERRED_TIMES = "preferred_times";
    public static final String MESSAGE = "message";
    public static final String OWNER = "owner";
    public static final String INQUIRY_DATE = "inquiry_date";

    /** Every column, in the example's order. */
    public static final List<String> COLUMNS = List.of(CAMPUS, CHILD_NAME, GUARDIAN_NAME, PHONE, EMAIL, SOURCE,
            CAMPAIGN, COURSE, PREFERRED_TIMES, MESSAGE, OWNER, INQUIRY_DATE);

    /** The columns a file must have: the child and where they came from (a phone or an e-mail is checked by row). */
    public static final List<String> REQUIRED = List.of(CHILD_NAME, SOURCE);

    private LeadCsv() {
    }

    /**
     * The example offered in the import dialog: two siblings with the same mother's phone, a walk-in with an e-mail
     * only, a referral given to an owner (the user's own username, or none: the pool); inquiries of the last weeks.
     */
    public static String example(String campus, LocalDate today, String owner) {
        var out = new StringWriter();
        try (var printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new))
                .get())) {
            printer.printRecord(row(Map.of(CAMPUS, campus, CHILD_NAME, "Tan Wei Ming", GUARDIAN_NAME, "Lim Mei Ling",
                    PHONE, "9123 4567", SOURCE, "website", PREFERRED_TIMES, "Saturday mornings", MESSAGE,
                    "Looking for a maths class for P4", INQUIRY_DATE, today.minusDays(21).toString())));
            printer.printRecord(row(Map.of(CAMPUS, campus, CHILD_NAME, "Tan Jia Hui", GUARDIAN_NAME, "Lim Mei Ling",
                    PHONE, "9123 4567", SOURCE, "website", INQUIRY_DATE, today.minusDays(21).toString())));
            printer.printRecord(row(Map.of(CAMPUS, campus, CHILD_NAME, "陈小明", GUARDIAN_NAME, "陈太太", EMAIL,
                    "chen.family@example.com", SOURCE, "walk-in", MESSAGE, "想了解周末的英语课",
                    INQUIRY_DATE, today.minusDays(7).toString())));
            printer.printRecord(row(Map.of(CAMPUS, campus, CHILD_NAME, "Nur Aisyah", GUARDIAN_NAME,
                    "Rahman bin Yusof", PHONE, "+65 9876 5432", SOURCE, "referral", OWNER, owner)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<String> row(Map<String, String> values) {
        return COLUMNS.stream().map(c -> values.getOrDefault(c, "")).toList();
    }
}
