package io.campuscrm.shared.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV format every import reads: a header row naming the columns (any order, case-insensitive), UTF-8 (an Excel
 * byte-order mark is fine), comma-separated, values trimmed, empty rows skipped.
 */
public final class CsvFile {

    private CsvFile() {
    }

    /** A parsed file: its (lower-cased) header and each data row with its line number. */
    public record Parsed(List<String> header, List<Line> lines) {
    }

    /** A data row: its line in the file and its values by (lower-cased) column. */
    public record Line(int line, Map<String, String> values) {
    }

    /**
     * Reads at most {@code maxRows + 1} data rows (one more tells the caller the file is too long).
     *
     * @throws IllegalArgumentException when the file is not CSV at all
     */
    public static Parsed parse(InputStream in, int maxRows) {
        try (Reader reader = withoutBom(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).get()
                        .parse(reader)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                    .toList();
            List<Line> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (lines.size() > maxRows) {
                    break;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    if (!header.get(i).isEmpty()) {
                        values.put(header.get(i), record.get(i).strip());
                    }
                }
                if (values.values().stream().anyMatch(v -> !v.isEmpty())) {
                    lines.add(new Line((int) parser.getCurrentLineNumber(), values));
                }
            }
            return new Parsed(header, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a readable CSV file: " + e.getMessage(), e);
        }
    }

    private static Reader withoutBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
