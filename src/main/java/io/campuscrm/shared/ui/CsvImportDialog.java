package io.campuscrm.shared.ui;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;

import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.imports.ImportPreview;
import io.campuscrm.shared.imports.ImportProblem;
import io.campuscrm.shared.imports.ImportRow;

/**
 * A CSV import, whatever its module ({@link CsvImport}): the columns explained and an example to download, upload, a
 * preview with each row's problems (and, in a quieter style, its warnings), and an Import button that works only
 * when every row is clean. The import runs in the background, as the signed-in user, with progress. Its elements
 * have the same ids in every module ({@code import-dialog}, {@code import-upload}, {@code import-example},
 * {@code import-preview}, {@code import-summary}, {@code import-confirm}, {@code import-progress}).
 */
public class CsvImportDialog extends Dialog {

    private final CsvImport imports;
    private final Runnable imported;
    private final Grid<ImportRow> grid = new Grid<>();
    private final Span summary = new Span();
    private final Checkbox onlyProblems = new Checkbox();
    private final Button confirm;
    private final ProgressBar progress = new ProgressBar();
    private @Nullable ImportPreview preview;

    /** @param imported run (in the UI) after a successful import, e.g. to refresh the list */
    public CsvImportDialog(CsvImport imports, Runnable imported) {
        this.imports = imports;
        this.imported = imported;
        setHeaderTitle(getTranslation(imports.titleKey()));
        setId("import-dialog");

        var columns = new UnorderedList();
        for (CsvImport.Column column : imports.columns()) {
            columns.add(new ListItem(new Span(column.name() + " — "), new Span(getTranslation(column.helpKey()))));
        }
        var help = new Details(getTranslation("import.columns"), new Paragraph(getTranslation(imports.helpKey())),
                columns);
        String example = imports.exampleCsv();
        String exampleName = imports.exampleFileName();
        var exampleLink = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(("\uFEFF" + example).getBytes(StandardCharsets.UTF_8)), exampleName,
                "text/csv; charset=UTF-8", -1)), AttachmentType.DOWNLOAD, getTranslation("import.example"));
        exampleLink.addComponentAsFirst(VaadinIcon.DOWNLOAD_ALT.create());
        exampleLink.setId("import-example");

        var upload = Uploads.localized(new Upload(uploadHandler()));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(imports.maxBytes());
        upload.setId("import-upload");
        upload.addFileRejectedListener(e -> Notifications.error(getTranslation(imports.rejectedKey())));

        grid.addColumn(ImportRow::line).setHeader(getTranslation("import.line")).setAutoWidth(true).setFlexGrow(0);
        for (CsvImport.PreviewColumn column : imports.previewColumns()) {
            grid.addColumn(r -> r.value(column.column())).setHeader(getTranslation(column.headerKey()))
                    .setAutoWidth(true).setFlexGrow(1);
        }
        grid.addComponentColumn(this::problems).setHeader(getTranslation("import.problems")).setFlexGrow(3);
        grid.setPartNameGenerator(r -> r.clean() ? null : "import-problem");
        grid.setId("import-preview");
        grid.setHeight("20rem");
        grid.setVisible(false);
        onlyProblems.setLabel(getTranslation("import.only-problems"));
        onlyProblems.setVisible(false);
        onlyProblems.addValueChangeListener(e -> showRows());
        summary.setId("import-summary");
        progress.setVisible(false);
        progress.setId("import-progress");

        confirm = ServiceErrors.primary(getTranslation("import.confirm"));
        confirm.setEnabled(false);
        confirm.setId("import-confirm");
        confirm.addClickListener(e -> runImport());
        add(help, new Div(exampleLink), upload, summary, onlyProblems, grid, progress);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), confirm);
        setWidth("min(72rem, 95vw)");
    }

    /** Reads at most the import's largest file, checks it, and shows the preview. */
    private UploadHandler uploadHandler() {
        return event -> {
            UI ui = event.getUI();
            int max = imports.maxBytes();
            byte[] bytes;
            try (InputStream in = event.getInputStream()) {
                bytes = in.readNBytes(max + 1);
            } catch (IOException e) {
                ui.access(() -> Notifications.error(getTranslation(imports.rejectedKey())));
                return;
            }
            if (bytes.length > max) {
                ui.access(() -> Notifications.error(getTranslation(imports.rejectedKey())));
                return;
            }
            var checked = imports.preview(new ByteArrayInputStream(bytes));
            ui.access(() -> show(checked));
        };
    }

    /** Checks a file, as an upload does, and shows its preview (for tests without a browser, too). */
    public void preview(InputStream csv) {
        show(imports.preview(csv));
    }

    /** Shows a checked file: its summary, its rows, and the Import button when it is clean. */
    public void show(ImportPreview checked) {
        preview = checked;
        grid.setVisible(true);
        onlyProblems.setVisible(true);
        long warned = checked.rows().stream().filter(r -> !r.warnings().isEmpty()).count();
        if (!checked.fileProblems().isEmpty()) {
            summary.setText(checked.fileProblems().stream().map(this::text).collect(Collectors.joining(" ")));
        } else if (checked.clean() && warned > 0) {
            summary.setText(getTranslation("import.summary.clean-with-warnings", checked.rows().size(), warned));
        } else if (checked.clean()) {
            summary.setText(getTranslation("import.summary.clean", checked.rows().size()));
        } else {
            summary.setText(getTranslation("import.summary.problems", checked.rows().size(),
                    checked.rowsWithProblems()));
        }
        summary.getElement().getThemeList().set("badge", true);
        summary.getElement().getThemeList().set("error", !checked.clean());
        summary.getElement().getThemeList().set("success", checked.clean());
        onlyProblems.setLabel(getTranslation(warned > 0 ? "import.only-problems-or-warnings"
                : "import.only-problems"));
        confirm.setEnabled(checked.clean());
        showRows();
    }

    private void showRows() {
        if (preview != null) {
            grid.setItems(preview.rows().stream()
                    .filter(r -> !onlyProblems.getValue() || !r.clean() || !r.warnings().isEmpty()).toList());
        }
    }

    private Div problems(ImportRow row) {
        var cell = new Div();
        if (row.clean()) {
            cell.add(VaadinIcon.CHECK.create());
        }
        for (ImportProblem p : row.problems()) {
            cell.add(line(p, "import-problem"));
        }
        for (ImportProblem w : row.warnings()) {
            cell.add(line(w, "import-warning"));
        }
        return cell;
    }

    private Div line(ImportProblem problem, String className) {
        var line = new Div(new Span(problem.column().isEmpty() ? text(problem)
                : getTranslation("format.label-value", problem.column(), text(problem))));
        line.addClassName(className);
        return line;
    }

    private String text(ImportProblem problem) {
        return getTranslation(problem.messageKey(), problem.args().toArray());
    }

    private void runImport() {
        var checked = preview;
        if (checked == null || !checked.clean()) {
            return;
        }
        UI ui = UI.getCurrent();
        confirm.setEnabled(false);
        progress.setVisible(true);
        progress.setMin(0);
        progress.setMax(checked.rows().size());
        progress.setValue(0);
        ui.setPollInterval(500);
        Runnable work = () -> {
            try {
                CsvImport.Done done = imports.importAll(checked, rows -> ui.access(() -> progress.setValue(rows)));
                ui.access(() -> {
                    ui.setPollInterval(-1);
                    Notifications.success(getTranslation(done.messageKey(), done.args().toArray()));
                    close();
                    imported.run();
                });
            } catch (DomainException refused) {
                ui.access(() -> {
                    ui.setPollInterval(-1);
                    progress.setVisible(false);
                    Notifications.error(getTranslation(refused.messageKey(), refused.arguments()));
                });
            } catch (RuntimeException failed) {
                ui.access(() -> {
                    ui.setPollInterval(-1);
                    progress.setVisible(false);
                    Notifications.error(getTranslation("import.failed"));
                });
                throw failed;
            }
        };
        CompletableFuture.runAsync(new DelegatingSecurityContextRunnable(work));
    }
}
