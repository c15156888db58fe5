package io.campuscrm.shared.ui;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

import io.campuscrm.shared.imports.ImportPreview;

/**
 * What {@link CsvImportDialog} needs of a module's CSV import: its texts, its columns and example, the preview and
 * the import itself (the module's service, which checks and authorizes). One dialog serves every import, so that
 * students and leads are imported the same way: example, preview, per-row problems, all or nothing, progress.
 */
public interface CsvImport {

    /** A column of the file, with the key of the dialog's one-line explanation of it. */
    record Column(String name, String helpKey) {
    }

    /** A column of the preview grid: the file's column it shows and the key of its header. */
    record PreviewColumn(String column, String headerKey) {
    }

    /** What an import did, for the user: a message key and its arguments. */
    record Done(String messageKey, List<Object> args) {

        public Done {
            args = List.copyOf(args);
        }

        public static Done of(String messageKey, Object... args) {
            return new Done(messageKey, Arrays.asList(args));
        }
    }

    /** The key of the dialog's title. */
    String titleKey();

    /** The key of the paragraph above the columns (which is required, what all or nothing means). */
    String helpKey();

    /** The columns the file may have, in the example's order. */
    List<Column> columns();

    /** The example file's text (without a byte-order mark: the dialog adds one for Excel). */
    String exampleCsv();

    /** The example file's name, e.g. {@code leads-example.csv}. */
    String exampleFileName();

    /** The largest file accepted, in bytes. */
    int maxBytes();

    /** The key of the message shown when a file is refused (not CSV, too large). */
    String rejectedKey();

    /** The file's columns the preview grid shows, besides the line and the problems. */
    List<PreviewColumn> previewColumns();

    /** Parses and checks a file; nothing is saved. */
    ImportPreview preview(InputStream csv);

    /**
     * Imports a clean preview, all or nothing, telling {@code progress} the rows done so far.
     *
     * @throws io.campuscrm.shared.domain.DomainException when the preview, checked again, is not clean
     */
    Done importAll(ImportPreview preview, IntConsumer progress);
}
