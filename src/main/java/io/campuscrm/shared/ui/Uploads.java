package io.campuscrm.shared.ui;

import java.util.Locale;
import java.util.function.Function;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;

/**
 * Vaadin's upload in the screen's language. Left alone, its button, drop zone, file list and errors say "Upload
 * Files...", "Drop files here", "Queued", "File is Too Big." in every language; here they come from the bundles
 * ({@code upload.*}). Every Upload the code makes goes through {@link #localized(Upload)} (UserVisibleLiteralsTest
 * checks).
 */
public final class Uploads {

    private Uploads() {
    }

    /** The upload, in the language of the screen it is made for. */
    public static Upload localized(Upload upload) {
        UI ui = UI.getCurrent();
        Locale locale = ui == null ? Locale.getDefault() : ui.getLocale();
        upload.setI18n(i18n(key -> upload.getTranslation(locale, key)));
        return upload;
    }

    /** An upload's texts, each the message of a bundle key that {@code messages} gives. */
    public static UploadI18N i18n(Function<String, String> messages) {
        var i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(messages.apply("upload.add-file"))
                .setMany(messages.apply("upload.add-files")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(messages.apply("upload.drop-file"))
                .setMany(messages.apply("upload.drop-files")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(messages.apply("upload.error.too-many-files"))
                .setFileIsTooBig(messages.apply("upload.error.too-big"))
                .setIncorrectFileType(messages.apply("upload.error.file-type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(messages.apply("upload.status.connecting"))
                        .setStalled(messages.apply("upload.status.stalled"))
                        .setProcessing(messages.apply("upload.status.processing"))
                        .setHeld(messages.apply("upload.status.queued")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(messages.apply("upload.remaining-time"))
                        .setUnknown(messages.apply("upload.remaining-time.unknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(messages.apply("upload.error.server-unavailable"))
                        .setUnexpectedServerError(messages.apply("upload.error.server"))
                        .setForbidden(messages.apply("upload.error.forbidden"))
                        .setFileTooLarge(messages.apply("upload.error.too-big"))));
        i18n.setFile(new UploadI18N.File().setRetry(messages.apply("upload.retry"))
                .setStart(messages.apply("upload.start")).setRemove(messages.apply("upload.remove")));
        return i18n;
    }
}
