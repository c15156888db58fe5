package io.campuscrm.reporting.internal;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.campuscrm.reporting.ReportInfo;
import io.campuscrm.reporting.ReportParameter;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.timetable.SampleTimetable;

/**
 * Test-only (src/test): a timetable report of the catalog fed by fixed sample data (a busy week, Chinese names), which
 * proves the template's layout independently of the demo schedule that feeds the real one ({@code timetable}). Its data can be held back ({@link #hold()}, {@link #release()}) to see a report while it
 * is still being prepared.
 */
@Configuration(proxyBeanMethods = false)
public class SampleTimetableReports {

    public static final String ID = "timetable-sample";
    private static final Duration LONGEST_HOLD = Duration.ofSeconds(60);
    private static volatile CountDownLatch gate = new CountDownLatch(0);
    private static volatile CountDownLatch held = new CountDownLatch(1);

    @Bean
    TimetableReport sampleTimetableReport(MessageSource messages) {
        return new TimetableReport(new ReportInfo(ID, "report.timetable.title", "report.timetable.title",
                List.of(new ReportParameter("subject", "report.timetable.title", ReportParameter.Kind.TEXT, false))),
                Set.of(Role.ADMIN), (request, monday) -> {
                    awaitRelease();
                    // the centre opened in 2020: earlier weeks are empty
                    return new TimetableReport.Timetable(request.parameters().getOrDefault("subject", ""),
                            monday.getYear() < 2020 ? List.of() : SampleTimetable.busyWeek(monday));
                }, messages);
    }

    /** The next runs wait for their data until {@link #release()}. */
    public static void hold() {
        held = new CountDownLatch(1);
        gate = new CountDownLatch(1);
    }

    /** Waits until a run is held back for its data; true if one is. */
    public static boolean awaitHeld(Duration timeout) throws InterruptedException {
        return held.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static void release() {
        gate.countDown();
    }

    private static void awaitRelease() {
        held.countDown();
        try {
            gate.await(LONGEST_HOLD.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
