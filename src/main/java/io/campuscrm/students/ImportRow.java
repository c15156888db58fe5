package io.campuscrm.students;

import java.util.List;
import java.util.Map;

/**
 * One data row of a CSV import as the preview shows it: its line in the file, the values by column and what is
 * wrong with it (nothing, when it can be imported).
 */
public record ImportRow(int line, Map<String, String> values, List<ImportProblem> problems) {

    public ImportRow {
        values = Map.copyOf(values);
        problems = List.copyOf(problems);
    }

    public String value(String column) {
        return values.getOrDefault(column, "");
    }

    public boolean clean() {
        return problems.isEmpty();
    }
}
