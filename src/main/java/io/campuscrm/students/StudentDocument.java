package io.campuscrm.students;

import java.time.Instant;

/** An uploaded document's metadata; the file itself is downloaded through {@code StudentDocumentService}. */
public record StudentDocument(long id, long studentId, String fileName, String contentType, long size,
        String sha256, String uploadedBy, Instant uploadedAt) {
}
