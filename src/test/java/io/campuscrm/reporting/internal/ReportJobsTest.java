package io.campuscrm.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import io.campuscrm.reporting.ReportFormat;
import io.campuscrm.reporting.ReportJob;
import io.campuscrm.reporting.ReportProgress;
import io.campuscrm.reporting.ReportRequest;
import io.campuscrm.shared.domain.DomainException;

class ReportJobsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final MutableClock clock = new MutableClock();
    private final ReportJobs jobs = new ReportJobs(clock, 1, 1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        jobs.shutdown();
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_report_runs_in_the_background_as_the_user_who_started_it_with_the_application_class_loader()
            throws Exception {
        signIn("grace");
        var user = new AtomicReference<String>();
        var classLoader = new AtomicReference<ClassLoader>();
        var filling = new CountDownLatch(1);

        ReportJob job = jobs.submit(request(), "sample.pdf", (out, progress) -> {
            user.set(SecurityContextHolder.getContext().getAuthentication().getName());
            classLoader.set(Thread.currentThread().getContextClassLoader());
            progress.accept(new ReportProgress(ReportProgress.Stage.FILLING, 3, 0));
            filling.countDown();
            await(release);
            out.write("the report".getBytes(StandardCharsets.UTF_8));
        });

        assertThat(filling.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(job.progress()).isEqualTo(new ReportProgress(ReportProgress.Stage.FILLING, 3, 0));
        assertThat(job.progress().finished()).isFalse();
        assertThatThrownBy(() -> job.writeTo(new ByteArrayOutputStream())).isInstanceOf(IllegalStateException.class);

        release.countDown();
        assertThat(job.await(WAIT)).isTrue();

        assertThat(job.progress().stage()).isEqualTo(ReportProgress.Stage.DONE);
        assertThat(job.failure()).isEmpty();
        assertThat(user).hasValue("grace");
        assertThat(classLoader).hasValue(ReportJobs.class.getClassLoader());
        assertThat(read(job)).isEqualTo("the report");
        assertThat(read(job)).as("downloadable again").isEqualTo("the report");
    }

    @Test
    void a_failed_report_says_why_and_offers_no_file() throws Exception {
        ReportJob job = jobs.submit(request(), "failing.pdf", (out, progress) -> {
            throw new IllegalStateException("template broken");
        });

        assertThat(job.await(WAIT)).isTrue();
        assertThat(job.progress().stage()).isEqualTo(ReportProgress.Stage.FAILED);
        assertThat(job.failure()).get().extracting(Throwable::getMessage).isEqualTo("template broken");
        assertThatThrownBy(() -> read(job)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void when_the_slots_and_the_queue_are_taken_the_next_report_is_refused() {
        jobs.submit(request(), "running.pdf", (out, progress) -> await(release));
        jobs.submit(request(), "queued.pdf", (out, progress) -> { });

        assertThatThrownBy(() -> jobs.submit(request(), "refused.pdf", (out, progress) -> { }))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("report.error.busy"));
    }

    @Test
    void a_finished_report_file_is_deleted_an_hour_later_or_when_discarded() throws Exception {
        String kept = "kept-" + UUID.randomUUID() + ".pdf";
        String discarded = "discarded-" + UUID.randomUUID() + ".pdf";
        ReportJob keptJob = jobs.submit(request(), kept, (out, progress) -> out.write(1));
        assertThat(keptJob.await(WAIT)).isTrue();
        ReportJob discardedJob = jobs.submit(request(), discarded, (out, progress) -> out.write(1));
        assertThat(discardedJob.await(WAIT)).isTrue();
        assertThat(tempFiles(kept)).isEqualTo(1);

        discardedJob.discard();
        assertThat(tempFiles(discarded)).isZero();

        clock.advance(Duration.ofMinutes(59));
        jobs.discardStale();
        assertThat(tempFiles(kept)).isEqualTo(1);
        clock.advance(Duration.ofMinutes(2));
        jobs.discardStale();
        assertThat(tempFiles(kept)).isZero();
        assertThatThrownBy(() -> read(keptJob)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_report_discarded_while_running_leaves_no_file_behind() throws Exception {
        String name = "abandoned-" + UUID.randomUUID() + ".pdf";
        ReportJob job = jobs.submit(request(), name, (out, progress) -> {
            await(release);
            out.write(1);
        });
        job.discard();
        release.countDown();

        assertThat(job.await(WAIT)).isTrue();
        assertThat(tempFiles(name)).isZero();
    }

    private static ReportRequest request() {
        return ReportRequest.of("sample", ReportFormat.PDF, Locale.ENGLISH);
    }

    private static String read(ReportJob job) throws IOException {
        var out = new ByteArrayOutputStream();
        job.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static long tempFiles(String nameEnd) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().endsWith(nameEnd)).count();
        }
    }

    private static void signIn(String username) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(username, null, java.util.List.of()));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A clock the test moves forward. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
