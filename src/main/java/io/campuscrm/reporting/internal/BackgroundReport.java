package io.campuscrm.reporting.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.campuscrm.reporting.ReportJob;
import io.campuscrm.reporting.ReportProgress;
import io.campuscrm.reporting.ReportRequest;

/** A report written to a temporary file by a {@link ReportJobs} thread, read by whoever started it. */
final class BackgroundReport implements ReportJob {

    private static final Logger log = LoggerFactory.getLogger(BackgroundReport.class);

    private final ReportRequest request;
    private final String fileName;
    private final Path file;
    private final Clock clock;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile ReportProgress progress = ReportProgress.QUEUED;
    private volatile @Nullable RuntimeException failure;
    private volatile @Nullable Instant finishedAt;
    private volatile boolean discarded;

    BackgroundReport(ReportRequest request, String fileName, Path file, Clock clock) {
        this.request = request;
        this.fileName = fileName;
        this.file = file;
        this.clock = clock;
    }

    void run(ReportJobs.Work work) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            work.render(out, p -> progress = p);
            progress = new ReportProgress(ReportProgress.Stage.DONE, progress.pages(), progress.pages());
        } catch (IOException e) {
            fail(new UncheckedIOException(e));
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            // under the lock, so a discard() racing with the end deletes the file exactly when it is complete, and
            // before anyone waiting is told the job is over
            synchronized (this) {
                finishedAt = clock.instant();
                if (discarded) {
                    delete();
                }
            }
            finished.countDown();
        }
    }

    private void fail(RuntimeException e) {
        failure = e;
        progress = new ReportProgress(ReportProgress.Stage.FAILED, progress.pages(), progress.pagesExported());
        log.error("Report {} failed", request.reportId(), e);
    }

    @Override
    public ReportRequest request() {
        return request;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public ReportProgress progress() {
        return progress;
    }

    @Override
    public Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        if (finished.getCount() > 0 || failure != null || discarded) {
            throw new IllegalStateException("Report " + request.reportId() + " is not ready: " + progress.stage());
        }
        Files.copy(file, out);
    }

    @Override
    public synchronized void discard() {
        discarded = true;
        if (finishedAt != null) {
            delete();
        }
    }

    boolean finishedBefore(Instant instant) {
        Instant at = finishedAt;
        return at != null && at.isBefore(instant);
    }

    private void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the report file {}: {}", file, e.toString());
        }
    }
}
