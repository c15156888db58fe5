package io.campuscrm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import io.campuscrm.attendance.AttendanceService;
import io.campuscrm.attendance.AttendanceStatus;
import io.campuscrm.attendance.Roster;
import io.campuscrm.attendance.RosterLine;
import io.campuscrm.attendance.SeatMark;
import io.campuscrm.demo.DemoDataGenerator;
import io.campuscrm.demo.DemoScale;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.reporting.ReportFormat;
import io.campuscrm.reporting.ReportInfo;
import io.campuscrm.reporting.ReportParameter;
import io.campuscrm.reporting.ReportRequest;
import io.campuscrm.reporting.ReportService;
import io.campuscrm.support.JdbcStatementCounter;
import io.campuscrm.support.SqlRecorder;

/**
 * Attendance with about five million marks: 100,000 students, this term's 1,050 classes and three past terms of
 * 4,400 classes each, every past roster taken (one in a hundred of the past terms' never was) with its packages and
 * ledger, all made by the demo data generator (the attendance in bulk, {@code AttendanceBulkLoader}). Then, as an
 * administrator, each call on other data drawn from what was generated: opening a taken roster of 30, saving it with
 * three marks changed (a correction: lessons given back and booked), taking an untaken roster of 30 (all present but
 * three), a student's attendance summary over a year, and the teacher hours report for a year (if this build has
 * it), with the SQL statements each call sends (JDBC level). Service time, as the peer's figures are server time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttendanceBench {

    /** About five million marks; {@code -Dbench.pastTermClasses} and the other components change it. */
    static final DemoScale DEFAULT_SCALE = DemoScale.DEMO.withStudents(100_000).withClasses(1_050)
            .withPastTerms(3, 4_400);
    /**
     * The teaching hours (payroll) report of the reports work (decision 0066): reported as not available when a build
     * has no report of that id.
     */
    static final String TEACHER_HOURS_REPORT = "teaching-hours";
    /** A class's roster, the size the targets are for. */
    private static final int ROSTER = 30;
    /** What InnoDB gets for the load and the benchmark (the embedded server's defaults are for a laptop's demo). */
    /**
     * 4 GB: the five million marks, their history and ledger take about 3 GB with their indexes, and a database server
     * for a chain of this size holds its working set in memory. Smaller pools measure the disk, not the code.
     */
    private static final String BUFFER_POOL = System.getProperty("bench.innodbBufferPool", "4294967296");
    private static final String REDO_LOG = System.getProperty("bench.innodbLogFile", "536870912");

    /** Where the SQL of one roster open, save and take is written. */
    private static final String STATEMENTS = "target/bench/attendance-statements.md";

    private static BenchSettings settings;
    private static boolean statementsWritten;
    private static BenchReport report;
    private static BenchApplication app;
    private static LocalDate today;
    private static List<Long> takenRosters;
    private static List<Long> untakenRosters;
    private static List<Long> students;

    @BeforeAll
    static void startAndGenerate() throws Exception {
        settings = BenchSettings.fromSystemProperties(DEFAULT_SCALE);
        report = new BenchReport(settings, "Attendance at scale");
        long start = System.nanoTime();
        app = BenchApplication.start();
        assertThat(app.databaseDirectory()).as("the benchmark's own database").startsWith(BenchApplication.DATA);
        report.duration("application start on an empty database (schema migrated)", System.nanoTime() - start);
        var jdbc = app.bean(JdbcTemplate.class);
        app.runAsDatabaseRoot("SET GLOBAL innodb_buffer_pool_size = " + Long.parseLong(BUFFER_POOL)
                + "; SET GLOBAL innodb_log_file_size = " + Long.parseLong(REDO_LOG));
        report.fact("InnoDB buffer pool / redo log", jdbc.queryForObject("SELECT CONCAT(@@innodb_buffer_pool_size"
                + " DIV 1048576, ' MB / ', @@innodb_log_file_size DIV 1048576, ' MB')", String.class));
        report.fact("load average before generation", ProcessMemory.loadAverage());

        var generator = app.bean(DemoDataGenerator.class);
        start = System.nanoTime();
        boolean generated = generator.generateIfEmpty(settings.scale());
        if (generated) {
            report.duration("demo data generation (one transaction)", System.nanoTime() - start);
            generator.lastStepDurations().forEach((step, took) -> report.duration("… of which " + step,
                    took.toNanos()));
        } else {
            assertThat(BenchApplication.reusesData()).as("a fresh database").isTrue();
            report.fact("demo data generation", "none: the last run's database (-Dbench.reuseData), whatever its"
                    + " scale; rosters it saved stay saved");
        }

        if (!generated) {
            // a database that has been running holds its indexes in memory; a restarted one reads them first
            start = System.nanoTime();
            for (String read : List.of("attendance_mark FORCE INDEX (PRIMARY)",
                    "attendance_mark FORCE INDEX (ix_attendance_mark_student)",
                    "attendance_mark FORCE INDEX (ix_attendance_mark_class)",
                    "attendance_change FORCE INDEX (PRIMARY)",
                    "attendance_change FORCE INDEX (ix_attendance_change_session)",
                    "attendance_change FORCE INDEX (ix_attendance_change_student)",
                    "lesson_consumption FORCE INDEX (PRIMARY)",
                    "lesson_consumption FORCE INDEX (ix_lesson_consumption_student)",
                    "lesson_consumption FORCE INDEX (ix_lesson_consumption_session)",
                    "lesson_consumption FORCE INDEX (ix_lesson_consumption_package)",
                    "lesson_package FORCE INDEX (PRIMARY)", "lesson_package FORCE INDEX (ix_lesson_package_student)",
                    "attendance_sheet FORCE INDEX (PRIMARY)")) {
                jdbc.queryForObject("SELECT COUNT(*) FROM " + read, Long.class);
            }
            report.duration("buffer pool warmed (the attendance tables' indexes read once)", System.nanoTime() - start);
        }
        start = System.nanoTime();
        jdbc.execute("ANALYZE TABLE attendance_sheet, attendance_mark, attendance_change, lesson_package,"
                + " lesson_package_event, lesson_consumption, class_session, session_teacher, class_enrollment");
        report.duration("ANALYZE TABLE after the load", System.nanoTime() - start);
        for (String table : List.of("attendance_mark", "attendance_sheet", "attendance_change", "lesson_package",
                "lesson_consumption", "school_class", "class_session", "class_enrollment", "student")) {
            report.fact("rows in " + table, String.format(Locale.ROOT, "%,d",
                    jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class)));
        }
        jdbc.query("SELECT kind, COUNT(*) FROM lesson_consumption GROUP BY kind ORDER BY kind", rs -> {
            report.fact("ledger rows " + rs.getString(1), String.format(Locale.ROOT, "%,d", rs.getLong(2)));
        });
        report.memory("after generation", ProcessMemory.measure(app.databaseDirectory()));

        today = LocalDate.now(app.bean(java.time.Clock.class).withZone(asAdmin(() -> app.bean(
                InstitutionService.class).settings().timeZone())));
        int needed = settings.warmup() + settings.iterations();
        // opened (2 × needed, reads) and saved once each (needed + 20): distinct sessions, drawn at random
        takenRosters = jdbc.queryForList("SELECT session_id FROM attendance_sheet WHERE seats = ? ORDER BY RAND(7)"
                + " LIMIT ?", Long.class, ROSTER, 3 * needed + 20);
        untakenRosters = jdbc.queryForList("""
                SELECT s.id FROM class_session s
                JOIN (SELECT class_id FROM class_enrollment WHERE status = 'ENROLLED' GROUP BY class_id
                      HAVING COUNT(*) = ?) full_class ON full_class.class_id = s.class_id
                WHERE s.held = FALSE AND s.status = 'SCHEDULED' AND s.session_date < ?
                ORDER BY RAND(11) LIMIT ?""", Long.class, ROSTER, today, needed + 20);
        students = jdbc.queryForList("SELECT DISTINCT student_id FROM attendance_mark WHERE student_id IN"
                + " (SELECT id FROM (SELECT id FROM student ORDER BY RAND(13) LIMIT ?) sample)", Long.class,
                2 * needed);
        report.fact("taken rosters of 30 sampled / untaken ones / students sampled", takenRosters.size() + " / "
                + untakenRosters.size() + " / " + students.size());
        assertThat(takenRosters).hasSizeGreaterThan(2 * needed + 10);
    }

    @Test
    @Order(1)
    void open_a_taken_roster_of_30() throws Exception {
        var attendance = app.bean(AttendanceService.class);
        var roster = asAdmin(() -> attendance.roster(takenRosters.getFirst()));
        assertThat(roster.lines()).hasSize(ROSTER);
        assertThat(roster.taken()).isTrue();
        report.fact("statements per roster open (30 seats, taken): min / max of 20", statements(20,
                i -> attendance.roster(takenRosters.get(i))));
        writeStatements("roster open (30 seats, taken)", () -> attendance.roster(takenRosters.get(20)));
        var next = new AtomicInteger();
        report.add(asAdmin(() -> Bench.measure("open a roster of 30 (taken: marks, balances, leave)",
                settings.warmup(), settings.iterations(),
                () -> attendance.roster(takenRosters.get(next.getAndIncrement() % takenRosters.size())))));
        if (untakenRosters.size() >= 30) {
            // what a teacher opens first: nobody marked yet (read only; the take below saves these)
            var untaken = new AtomicInteger();
            report.add(asAdmin(() -> Bench.measure("open a roster of 30 (not taken yet)", Math.min(settings.warmup(),
                    10), settings.iterations(), () -> attendance.roster(untakenRosters.get(
                            untaken.getAndIncrement() % untakenRosters.size())))));
        }
    }

    @Test
    @Order(2)
    void save_a_roster_of_30_with_three_marks_changed() throws Exception {
        var attendance = app.bean(AttendanceService.class);
        int needed = settings.warmup() + settings.iterations();
        // other sessions than the ones opened, each saved once; the rosters are read before the clock starts
        var sessions = takenRosters.subList(takenRosters.size() - needed - 20, takenRosters.size());
        List<Save> saves = new ArrayList<>();
        for (long id : sessions) {
            var roster = asAdmin(() -> attendance.roster(id));
            saves.add(new Save(id, roster.version(), corrected(roster)));
        }
        var counted = saves.subList(needed, saves.size());
        writeStatements("save (correction of 3 of 30 marks)", () -> counted.getFirst().run(attendance));
        report.fact("statements per save (correction of 3 of 30 marks): min / max of 19", statements(counted.size()
                - 1, i -> counted.get(i + 1).run(attendance)));
        var next = new AtomicInteger();
        report.add(asAdmin(() -> Bench.measure("save a roster of 30, 3 marks changed (correction)",
                settings.warmup(), settings.iterations(), () -> saves.get(next.getAndIncrement()).run(attendance))));
    }

    @Test
    @Order(3)
    void take_an_untaken_roster_of_30() throws Exception {
        var attendance = app.bean(AttendanceService.class);
        int available = untakenRosters.size();
        if (available < 30) {
            report.fact("take an untaken roster of 30", "not measured: " + available + " untaken rosters of 30");
            return;
        }
        List<Save> saves = new ArrayList<>();
        for (long id : untakenRosters) {
            var roster = asAdmin(() -> attendance.roster(id));
            assertThat(roster.taken()).isFalse();
            saves.add(new Save(id, roster.version(), firstTake(roster)));
        }
        int counting = 10;
        var counted = saves.subList(saves.size() - counting, saves.size());
        writeStatements("first take (30 marks: all present but 3)", () -> counted.getFirst().run(attendance));
        report.fact("statements per first take (30 marks: all present but 3): min / max of " + (counting - 1),
                statements(counting - 1, i -> counted.get(i + 1).run(attendance)));
        int runs = saves.size() - counting;
        int warmup = Math.min(settings.warmup(), runs / 10);
        var next = new AtomicInteger();
        report.add(asAdmin(() -> Bench.measure("take a roster of 30 (all present but 3; lessons booked)", warmup,
                Math.min(settings.iterations(), runs - warmup), () -> saves.get(next.getAndIncrement())
                        .run(attendance))));
    }

    @Test
    @Order(4)
    void a_students_attendance_summary_over_a_year() throws Exception {
        var attendance = app.bean(AttendanceService.class);
        var from = today.minusYears(1);
        var summary = asAdmin(() -> attendance.summary(students.getFirst(), from, today));
        assertThat(summary.classes()).isNotEmpty();
        report.fact("statements per attendance summary: min / max of 20", statements(20,
                i -> attendance.summary(students.get(i), from, today)));
        var next = new AtomicInteger();
        report.add(asAdmin(() -> Bench.measure("a student's attendance summary over a year (per class, rates)",
                settings.warmup(), settings.iterations(),
                () -> attendance.summary(students.get(next.getAndIncrement() % students.size()), from, today))));
    }

    @Test
    @Order(5)
    void the_teacher_hours_report_for_a_year() throws Exception {
        var reports = app.bean(ReportService.class);
        var info = asAdmin(reports::availableReports).stream().filter(r -> r.id().equals(TEACHER_HOURS_REPORT))
                .findFirst();
        if (info.isEmpty()) {
            report.fact("teacher hours report (" + TEACHER_HOURS_REPORT + ")", "not available in this build");
            return;
        }
        for (var format : List.of(ReportFormat.PDF, ReportFormat.XLSX)) {
            var request = asAdmin(() -> request(reports, info.get(), format));
            var heap = new PeakHeap();
            var measured = asAdmin(() -> Bench.measure("teacher hours report for a year, " + format, 1, 3,
                    () -> reports.render(request, OutputStream.nullOutputStream())));
            report.add(measured);
            report.fact("teacher hours report " + format + ": peak heap during the runs", heap.peakMegabytes());
        }
    }

    @AfterAll
    static void writeReport() {
        if (app == null) {
            return;
        }
        try {
            report.fact("load average after the benchmarks", ProcessMemory.loadAverage());
            report.memory("after the benchmarks", ProcessMemory.measure(app.databaseDirectory()));
            report.note("Targets: open a roster of 30 p95 ≤ 28 ms, save it p95 ≤ 12 ms. The peer (Gibbon, as quoted in"
                    + " the issue): open 77 ms p50 / 111 ms p95 with about 870 statements; save 11 / 12 ms.");
            report.write();
        } finally {
            app.close();
        }
    }

    /** A save prepared before the clock starts. */
    private record Save(long sessionId, long version, List<SeatMark> marks) {

        void run(AttendanceService attendance) {
            attendance.save(sessionId, version, marks);
        }
    }

    /** Every seat's mark as the roster sends it, with three changed: absent, late, on leave (or back to present). */
    private static List<SeatMark> corrected(Roster roster) {
        List<SeatMark> marks = new ArrayList<>();
        var lines = roster.lines();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            var mark = line.mark();
            var status = mark == null ? AttendanceStatus.PRESENT : mark.status();
            Integer late = mark == null ? null : mark.lateMinutes();
            String note = mark == null ? null : mark.note();
            if (i < 3) {
                var changed = List.of(AttendanceStatus.ABSENT, AttendanceStatus.LATE, AttendanceStatus.EXCUSED).get(i);
                status = status == changed ? AttendanceStatus.PRESENT : changed;
                late = status == AttendanceStatus.LATE ? 10 : null;
                note = status == AttendanceStatus.EXCUSED ? "Leave: reported after the lesson" : null;
            }
            marks.add(new SeatMark(line.seat().key(), status, late, note));
        }
        return marks;
    }

    /** What a teacher sends: everyone present, then three exceptions. */
    private static List<SeatMark> firstTake(Roster roster) {
        List<SeatMark> marks = new ArrayList<>();
        for (RosterLine line : roster.lines()) {
            int i = marks.size();
            marks.add(switch (i) {
                case 0 -> new SeatMark(line.seat().key(), AttendanceStatus.LATE, 5, null);
                case 1 -> new SeatMark(line.seat().key(), AttendanceStatus.ABSENT, null, null);
                case 2 -> new SeatMark(line.seat().key(), AttendanceStatus.EXCUSED, null, "Leave: unwell");
                default -> SeatMark.of(line.seat().key(), AttendanceStatus.PRESENT);
            });
        }
        return marks;
    }

    @FunctionalInterface
    private interface Call {
        void run(int i) throws Exception;
    }

    /**
     * The statements of {@code n} calls, counted at the JDBC level: "min / max", and the parameter lookups (server
     * round trips for a null bound without its type) if there were any.
     */
    private static String statements(int n, Call call) throws Exception {
        var stats = new IntSummaryStatistics();
        var lookups = new IntSummaryStatistics();
        for (int i = 0; i < n; i++) {
            int index = i;
            var counted = asAdmin(() -> JdbcStatementCounter.count(() -> {
                call.run(index);
                return Boolean.TRUE;
            }));
            stats.accept(counted.count());
            lookups.accept(counted.parameterLookups());
        }
        return stats.getMin() + " / " + stats.getMax() + (lookups.getMax() == 0 ? ""
                : " (and " + lookups.getMin() + " / " + lookups.getMax() + " parameter lookups)");
    }

    /** The SQL of one call, as the counter saw it, into {@value #STATEMENTS}: what to look at to make it fewer. */
    private static void writeStatements(String call, SqlRecorder.ThrowingRunnable work) throws Exception {
        var counted = asAdmin(() -> JdbcStatementCounter.count(() -> {
            work.run();
            return Boolean.TRUE;
        }));
        var text = new StringBuilder("## ").append(call).append(": ").append(counted.count())
                .append(" statements, ").append(counted.parameterLookups()).append(" parameter lookups\n\n");
        counted.sent().forEach(sent -> text.append(String.format(Locale.ROOT, "- %.2f ms `%s`%n",
                sent.took().toNanos() / 1e6, sent.sql().replaceAll("\\s+", " ").strip())));
        var file = Path.of(STATEMENTS);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text.append('\n').toString(), StandardOpenOption.CREATE, statementsWritten
                ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        statementsWritten = true;
    }

    /** The report's parameters filled for a year to today: dates by their names, required choices with the first. */
    private static ReportRequest request(ReportService reports, ReportInfo info, ReportFormat format) {
        var request = ReportRequest.of(info.id(), format, Locale.ENGLISH);
        Map<String, String> chosen = new HashMap<>();
        for (ReportParameter p : info.parameters()) {
            String name = p.name().toLowerCase(Locale.ROOT);
            String value = switch (p.kind()) {
                case DATE -> name.contains("to") || name.contains("end") || name.contains("until") ? today.toString()
                        : today.minusYears(1).toString();
                case CHOICE -> p.required() ? reports.choices(info.id(), p.name(), "", PageRequest.of(0, 1))
                        .stream().findFirst().map(c -> c.value()).orElse(null) : null;
                case TEXT -> null;
            };
            if (value != null) {
                chosen.put(p.name(), value);
            }
        }
        for (var e : chosen.entrySet()) {
            request = request.with(e.getKey(), e.getValue());
        }
        return request;
    }

    private static <T> T asAdmin(Callable<T> work) throws Exception {
        return app.as("admin", work);
    }
}
