package io.campuscrm.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;

/**
 * A report being prepared in the background (see {@link ReportService#start(ReportRequest)}). Only whoever holds
 * the job can read its file; the file is deleted by {@link #discard()}, or an hour after the job finished.
 */
public interface ReportJob {

    ReportRequest request();

    /** The name the download gets, e.g. {@code users-access-2026-11-22.pdf}. */
    String fileName();

    ReportProgress progress();

    /** The reason the report failed, once it has. */
    Optional<RuntimeException> failure();

    /**
     * Waits until the report is finished, successfully or not.
     *
     * @return false when it is still running after the timeout
     */
    boolean await(Duration timeout) throws InterruptedException;

    /**
     * Copies the finished file to {@code out}, as often as asked.
     *
     * @throws IllegalStateException when the report is not (or no longer) ready
     */
    void writeTo(OutputStream out) throws IOException;

    /** Deletes the file; a report still running is deleted when it finishes. */
    void discard();
}
