package io.campuscrm.shared.imports;

import java.util.List;
import java.util.Map;

/**
 * One data row of a CSV import as the preview shows it: its line in the file, the values by column, what is wrong
 * with it (nothing, when it can be imported) and what the user should know before importing it (a contact the
 * school already knows): warnings never stop an import.
 */
public record ImportRow(int line, Map<String, String> values, List<ImportProblem> problems,
        List<ImportProblem> warnings) {

    public ImportRow {
        values = Map.copyOf(values);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** A row without warnings. */
    public ImportRow(int line, Map<String, String> values, List<ImportProblem> problems) {
        this(line, values, problems, List.of());
    }

    public String value(String column) {
        return values.getOrDefault(column, "");
    }

    /** Whether the row can be imported: no problems (warnings or not). */
    public boolean clean() {
        return problems.isEmpty();
    }
}
