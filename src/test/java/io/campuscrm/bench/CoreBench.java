package io.campuscrm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import io.campuscrm.demo.DemoDataGenerator;
import io.campuscrm.reporting.ReportFormat;
import io.campuscrm.reporting.ReportRequest;
import io.campuscrm.reporting.ReportService;
import io.campuscrm.security.AuditFilter;
import io.campuscrm.security.AuditLogService;
import io.campuscrm.security.UserFilter;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.security.SystemAuthentication;

/**
 * The foundation's figures: start on an empty database, demo data generation, the first page of the users list
 * and of the audit log (what the two admin views load first), and the users-and-access-rights PDF.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoreBench {

    /** A grid's first page: Vaadin asks for 50 rows. */
    private static final PageRequest FIRST_PAGE = PageRequest.of(0, 50);

    private static BenchSettings settings;
    private static BenchReport report;
    private static BenchApplication app;

    @BeforeAll
    static void startAndGenerate() {
        settings = BenchSettings.fromSystemProperties();
        report = new BenchReport(settings);
        long start = System.nanoTime();
        app = BenchApplication.start();
        assertThat(app.databaseDirectory()).as("the benchmark's own database").startsWith(BenchApplication.DATA);
        report.duration("application start on an empty database (schema migrated)", System.nanoTime() - start);

        start = System.nanoTime();
        boolean generated = app.bean(DemoDataGenerator.class).generateIfEmpty(settings.scale());
        report.duration("demo data generation", System.nanoTime() - start);
        assertThat(generated).as("a fresh database").isTrue();
        report.fact("users", String.valueOf(asSystem(() -> app.bean(UserService.class).stats().total())));
        report.memory("after generation", ProcessMemory.measure(app.databaseDirectory()));
    }

    @Test
    @Order(1)
    void users_list_first_page() {
        var users = app.bean(UserService.class);
        var page = FIRST_PAGE.withSort(Sort.by("username"));
        assertThat(asSystem(() -> users.findUsers(UserFilter.all(), page)).getContent()).isNotEmpty();
        report.add(asSystem(() -> Bench.measure("users list, first page (50, by username)", settings.warmup(),
                settings.iterations(), () -> users.findUsers(UserFilter.all(), page))));
    }

    @Test
    @Order(2)
    void audit_log_first_page() {
        var auditLog = app.bean(AuditLogService.class);
        assertThat(asSystem(() -> auditLog.search(AuditFilter.all(), FIRST_PAGE)).getContent()).isNotEmpty();
        report.add(asSystem(() -> Bench.measure("audit log, first page (50, newest first)", settings.warmup(),
                settings.iterations(), () -> auditLog.search(AuditFilter.all(), FIRST_PAGE))));
    }

    @Test
    @Order(3)
    void users_report_pdf() {
        var reports = app.bean(ReportService.class);
        var request = ReportRequest.of("users-access", ReportFormat.PDF, Locale.ENGLISH);
        report.add(asSystem(() -> Bench.measure("users and access rights report, PDF", Math.max(1,
                settings.warmup() / 4), Math.max(1, settings.iterations() / 10),
                () -> reports.render(request, OutputStream.nullOutputStream()))));
    }

    @AfterAll
    static void writeReport() {
        if (app == null) {
            return;
        }
        try {
            report.memory("after the benchmarks", ProcessMemory.measure(app.databaseDirectory()));
            report.write();
        } finally {
            app.close();
        }
    }

    private static <T> T asSystem(Callable<T> work) {
        return SystemAuthentication.call(() -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
