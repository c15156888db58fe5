package io.campuscrm.students;

import java.io.InputStream;

/** A document's content, ready to stream to the browser; the caller closes {@code content}. */
public record DocumentDownload(String fileName, String contentType, long size, InputStream content) {
}
