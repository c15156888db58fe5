package io.campuscrm.students.ui;

import java.io.InputStream;
import java.util.List;
import java.util.function.IntConsumer;

import io.campuscrm.shared.imports.ImportPreview;
import io.campuscrm.shared.ui.CsvImport;
import io.campuscrm.students.StudentImportService;

/** The student import as the shared import dialog shows it: files of up to 5 MB, students with their guardians. */
class StudentCsvImport implements CsvImport {

    static final int MAX_BYTES = 5 * 1024 * 1024;

    private final StudentImportService imports;

    StudentCsvImport(StudentImportService imports) {
        this.imports = imports;
    }

    @Override
    public String titleKey() {
        return "import.title";
    }

    @Override
    public String helpKey() {
        return "import.help";
    }

    /** Each column's explanation: {@code guardian1_phone} and {@code guardian2_phone} share one. */
    @Override
    public List<Column> columns() {
        return imports.columns().stream().map(c -> new Column(c, "import.column."
                + c.replaceAll("\\d", "").replace('_', '-'))).toList();
    }

    @Override
    public String exampleCsv() {
        return imports.exampleCsv();
    }

    @Override
    public String exampleFileName() {
        return "students-example.csv";
    }

    @Override
    public int maxBytes() {
        return MAX_BYTES;
    }

    @Override
    public String rejectedKey() {
        return "import.rejected";
    }

    @Override
    public List<PreviewColumn> previewColumns() {
        return List.of(new PreviewColumn("full_name", "student.full-name"),
                new PreviewColumn("birth_date", "student.birth-date"), new PreviewColumn("campus", "student.campus"),
                new PreviewColumn("guardian1_name", "import.guardian"));
    }

    @Override
    public ImportPreview preview(InputStream csv) {
        return imports.preview(csv);
    }

    @Override
    public Done importAll(ImportPreview preview, IntConsumer progress) {
        var result = imports.importStudents(preview, progress);
        return Done.of("import.done", result.students(), result.families(), result.guardians());
    }
}
