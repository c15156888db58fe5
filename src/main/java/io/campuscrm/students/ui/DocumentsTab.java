package io.campuscrm.students.ui;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;

import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.Uploads;
import io.campuscrm.students.StudentDocument;
import io.campuscrm.students.StudentDocumentService;

/**
 * The student's documents: upload (PDF, JPEG, PNG, DOCX, XLSX within the size limit, streamed straight into the
 * document store), download through an authorised, audited handler, and removal.
 */
class DocumentsTab extends VerticalLayout {

    private final StudentDocumentService documents;
    private final long studentId;
    private final Grid<StudentDocument> grid = new Grid<>();

    DocumentsTab(StudentDocumentService documents, long studentId, boolean editor, ZoneId zone) {
        this.documents = documents;
        this.studentId = studentId;
        setPadding(false);
        long maxMb = documents.maxSize(studentId) / (1024 * 1024);
        if (editor) {
            var upload = Uploads.localized(new Upload(uploadHandler()));
            upload.setAcceptedFileTypes(documents.acceptedExtensions().toArray(String[]::new));
            upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, documents.maxSize(studentId)));
            upload.setMaxFiles(10);
            upload.setId("document-upload");
            upload.addFileRejectedListener(e -> Notifications.error(getTranslation("document.rejected",
                    e.getFileName(), maxMb)));
            var hint = new Span(getTranslation("document.hint", maxMb));
            hint.addClassName("card-caption");
            add(upload, hint);
        }
        var dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale());
        grid.addComponentColumn(this::downloadLink).setHeader(getTranslation("document.name")).setFlexGrow(2);
        grid.addColumn(d -> size(d.size())).setHeader(getTranslation("document.size")).setAutoWidth(true);
        grid.addColumn(StudentDocument::uploadedBy).setHeader(getTranslation("document.uploaded-by"))
                .setAutoWidth(true);
        grid.addColumn(d -> dates.format(d.uploadedAt().atZone(zone))).setHeader(getTranslation("document.uploaded-at"))
                .setAutoWidth(true);
        if (editor) {
            grid.addComponentColumn(this::removeButton)
                    .setHeader(getTranslation("action.column")).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("document.none"));
        grid.setId("documents-grid");
        add(grid);
        refresh();
    }

    /** Streams the upload into the service, which checks type and size as the bytes arrive. */
    private UploadHandler uploadHandler() {
        return event -> {
            UI ui = event.getUI();
            try (InputStream in = event.getInputStream()) {
                var stored = documents.upload(studentId, event.getFileName(), in);
                ui.access(() -> {
                    Notifications.success(getTranslation("document.uploaded", stored.fileName()));
                    refresh();
                });
            } catch (DomainException refused) {
                ui.access(() -> Notifications.error(getTranslation(refused.messageKey(), refused.arguments())));
            } catch (IOException broken) {
                ui.access(() -> Notifications.error(getTranslation("document.upload-failed", event.getFileName())));
            }
        };
    }

    private Anchor downloadLink(StudentDocument document) {
        DownloadHandler handler = event -> {
            var download = documents.download(document.id());
            event.setFileName(download.fileName());
            event.setContentType(download.contentType());
            event.setContentLength(download.size());
            try (InputStream in = download.content()) {
                in.transferTo(event.getOutputStream());
            }
        };
        var anchor = new Anchor(handler, AttachmentType.DOWNLOAD, document.fileName());
        anchor.addComponentAsFirst(VaadinIcon.FILE_TEXT_O.create());
        anchor.setId("download-" + document.id());
        return anchor;
    }

    private Button removeButton(StudentDocument document) {
        var remove = new Button(VaadinIcon.TRASH.create(), e -> {
            var confirm = new ConfirmDialog(getTranslation("document.remove"),
                    getTranslation("document.remove.text", document.fileName()), getTranslation("document.remove"),
                    ok -> {
                        documents.remove(document.id());
                        Notifications.success(getTranslation("document.removed", document.fileName()));
                        refresh();
                    });
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel(getTranslation("document.remove"));
        remove.setId("remove-document-" + document.id());
        return remove;
    }

    void refresh() {
        grid.setItems(documents.documents(studentId));
    }

    private String size(long bytes) {
        if (bytes < 1024) {
            return getTranslation("document.bytes", bytes);
        }
        if (bytes < 1024 * 1024) {
            return getTranslation("document.kb", Math.round(bytes / 1024.0));
        }
        return getTranslation("document.mb", String.format(getLocale(), "%.1f", bytes / (1024.0 * 1024)));
    }
}
