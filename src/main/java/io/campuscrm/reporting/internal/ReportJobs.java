package io.campuscrm.reporting.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import io.campuscrm.reporting.ReportJob;
import io.campuscrm.reporting.ReportProgress;
import io.campuscrm.reporting.ReportRequest;
import io.campuscrm.shared.domain.DomainException;
import jakarta.annotation.PreDestroy;

/**
 * Runs reports in the background, a few at a time: filling is CPU-bound, and a queue that is full refuses more
 * rather than letting requests pile up. Each report runs as the user who started it (their security context is
 * handed over) with the application class loader (pool threads in the packaged jar would not see the templates'
 * classes otherwise, see {@link ReportTemplates}). Files of finished reports are deleted after an hour.
 */
@Component
public class ReportJobs {

    static final Duration KEEP_FINISHED = Duration.ofHours(1);
    private static final ClassLoader CLASS_LOADER = ReportJobs.class.getClassLoader();

    /** Writes one report to {@code out}, telling its progress. */
    @FunctionalInterface
    public interface Work {
        void render(OutputStream out, Consumer<ReportProgress> progress) throws IOException;
    }

    private final ThreadPoolExecutor executor;
    private final Set<BackgroundReport> jobs = ConcurrentHashMap.newKeySet();
    private final Clock clock;

    @Autowired
    ReportJobs(Clock clock) {
        this(clock, 2, 20);
    }

    ReportJobs(Clock clock, int threads, int queued) {
        this.clock = clock;
        this.executor = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(queued), new CustomizableThreadFactory("report-"));
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Starts {@code work} for {@code request} as the current user.
     *
     * @throws DomainException {@code report.error.busy} when too many reports are waiting already
     */
    public ReportJob submit(ReportRequest request, String fileName, Work work) {
        Path file;
        try {
            file = Files.createTempFile("campuscrm-report-", "-" + fileName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var job = new BackgroundReport(request, fileName, file, clock);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        Runnable task = () -> {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(CLASS_LOADER);
            try {
                job.run(work);
            } finally {
                thread.setContextClassLoader(previous);
            }
        };
        jobs.add(job);
        try {
            executor.execute(DelegatingSecurityContextRunnable.create(task, context));
        } catch (RejectedExecutionException e) {
            jobs.remove(job);
            job.discard();
            throw new DomainException(null, "report.error.busy");
        }
        return job;
    }

    @Scheduled(fixedDelay = 10, timeUnit = TimeUnit.MINUTES)
    void discardStale() {
        var before = clock.instant().minus(KEEP_FINISHED);
        jobs.removeIf(job -> {
            if (job.finishedBefore(before)) {
                job.discard();
                return true;
            }
            return false;
        });
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
        jobs.forEach(BackgroundReport::discard);
        jobs.clear();
    }
}
