package io.campuscrm.students.ui;

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
import com.vaadin.flow.server.streams.UploadHandler;

import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ServiceErrors;
import io.campuscrm.shared.ui.Uploads;
import io.campuscrm.students.ImportPreview;
import io.campuscrm.students.ImportProblem;
import io.campuscrm.students.ImportResult;
import io.campuscrm.students.ImportRow;
import io.campuscrm.students.StudentImportService;

/**
 * CSV import: the columns explained and an example to download, upload, a preview with each row's problems, and
 * an Import button that works only when every row is clean. The import runs in the background with progress.
 */
class ImportDialog extends Dialog {

    static final int MAX_BYTES = 5 * 1024 * 1024;

    private final StudentImportService imports;
    private final Runnable imported;
    private final Grid<ImportRow> grid = new Grid<>();
    private final Span summary = new Span();
    private final Checkbox onlyProblems = new Checkbox();
    private final Button confirm;
    private final ProgressBar progress = new ProgressBar();
    private @Nullable ImportPreview preview;

    ImportDialog(StudentImportService imports, Runnable imported) {
        this.imports = imports;
        this.imported = imported;
        setHeaderTitle(getTranslation("import.title"));
        setId("import-dialog");

        var columns = new UnorderedList();
        for (String column : imports.columns()) {
            columns.add(new ListItem(new Span(column + " — "), new Span(getTranslation("import.column."
                    + column.replaceAll("\\d", "").replace('_', '-')))));
        }
        var help = new Details(getTranslation("import.columns"), new Paragraph(getTranslation("import.help")),
                columns);
        String example = imports.exampleCsv();
        var exampleLink = new Anchor(DownloadHandler.fromInputStream(event -> new com.vaadin.flow.server.streams
                .DownloadResponse(new ByteArrayInputStream(("\uFEFF" + example).getBytes(StandardCharsets.UTF_8)),
                "students-example.csv", "text/csv; charset=UTF-8", -1)), AttachmentType.DOWNLOAD,
                getTranslation("import.example"));
        exampleLink.addComponentAsFirst(VaadinIcon.DOWNLOAD_ALT.create());
        exampleLink.setId("import-example");

        var upload = Uploads.localized(new Upload(uploadHandler()));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setId("import-upload");
        upload.addFileRejectedListener(e -> Notifications.error(getTranslation("import.rejected")));

        grid.addColumn(ImportRow::line).setHeader(getTranslation("import.line")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.value("full_name")).setHeader(getTranslation("student.full-name")).setFlexGrow(2);
        grid.addColumn(r -> r.value("birth_date")).setHeader(getTranslation("student.birth-date")).setAutoWidth(true);
        grid.addColumn(r -> r.value("campus")).setHeader(getTranslation("student.campus")).setAutoWidth(true);
        grid.addColumn(r -> r.value("guardian1_name")).setHeader(getTranslation("import.guardian")).setFlexGrow(1);
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

    /** Reads at most {@link #MAX_BYTES}, checks the file, and shows the preview. */
    private UploadHandler uploadHandler() {
        return event -> {
            UI ui = event.getUI();
            byte[] bytes;
            try (InputStream in = event.getInputStream()) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            } catch (IOException e) {
                ui.access(() -> Notifications.error(getTranslation("import.rejected")));
                return;
            }
            if (bytes.length > MAX_BYTES) {
                ui.access(() -> Notifications.error(getTranslation("import.rejected")));
                return;
            }
            var checked = imports.preview(new ByteArrayInputStream(bytes));
            ui.access(() -> show(checked));
        };
    }

    void show(ImportPreview checked) {
        preview = checked;
        grid.setVisible(true);
        onlyProblems.setVisible(true);
        if (!checked.fileProblems().isEmpty()) {
            summary.setText(checked.fileProblems().stream().map(this::text).collect(Collectors.joining(" ")));
        } else if (checked.clean()) {
            summary.setText(getTranslation("import.summary.clean", checked.rows().size()));
        } else {
            summary.setText(getTranslation("import.summary.problems", checked.rows().size(),
                    checked.rowsWithProblems()));
        }
        summary.getElement().getThemeList().set("badge", true);
        summary.getElement().getThemeList().set("error", !checked.clean());
        summary.getElement().getThemeList().set("success", checked.clean());
        confirm.setEnabled(checked.clean());
        showRows();
    }

    private void showRows() {
        if (preview != null) {
            grid.setItems(preview.rows().stream().filter(r -> !onlyProblems.getValue() || !r.clean()).toList());
        }
    }

    private Div problems(ImportRow row) {
        var cell = new Div();
        if (row.clean()) {
            cell.add(VaadinIcon.CHECK.create());
        }
        for (ImportProblem p : row.problems()) {
            var line = new Div(new Span(p.column().isEmpty() ? text(p)
                    : getTranslation("format.label-value", p.column(), text(p))));
            line.addClassName("import-problem");
            cell.add(line);
        }
        return cell;
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
                ImportResult result = imports.importStudents(checked,
                        done -> ui.access(() -> progress.setValue(done)));
                ui.access(() -> {
                    ui.setPollInterval(-1);
                    Notifications.success(getTranslation("import.done", result.students(), result.families(),
                            result.guardians()));
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
