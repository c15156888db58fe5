package io.campuscrm.shared.imports;

import java.util.List;

/**
 * A parsed and checked CSV import. Only a clean preview (no problem in the file or any row) can be imported, and
 * the service checks it again when it does.
 *
 * @param fileProblems problems of the file as a whole (missing or unknown columns, too many rows)
 */
public record ImportPreview(List<ImportRow> rows, List<ImportProblem> fileProblems) {

    public ImportPreview {
        rows = List.copyOf(rows);
        fileProblems = List.copyOf(fileProblems);
    }

    public boolean clean() {
        return fileProblems.isEmpty() && !rows.isEmpty() && rows.stream().allMatch(ImportRow::clean);
    }

    public long rowsWithProblems() {
        return rows.stream().filter(r -> !r.clean()).count();
    }
}
