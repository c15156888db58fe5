package io.campuscrm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import io.campuscrm.admissions.ConversionDraft;
import io.campuscrm.admissions.IntakeKeyDraft;
import io.campuscrm.admissions.IntakeKeyService;
import io.campuscrm.admissions.Lead;
import io.campuscrm.admissions.LeadConversionService;
import io.campuscrm.admissions.LeadDraft;
import io.campuscrm.admissions.LeadPoolService;
import io.campuscrm.admissions.LeadService;
import io.campuscrm.admissions.LeadStage;
import io.campuscrm.admissions.internal.PoolSettings;
import io.campuscrm.admissions.internal.PoolStore;
import io.campuscrm.demo.DemoDataGenerator;
import io.campuscrm.demo.DemoScale;
import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.institution.SettingValue;
import io.campuscrm.institution.Settings;
import io.campuscrm.institution.SettingsService;
import io.campuscrm.platform.JobOutcome;
import io.campuscrm.platform.JobService;
import io.campuscrm.reporting.ReportFormat;
import io.campuscrm.reporting.ReportRequest;
import io.campuscrm.reporting.ReportService;
import io.campuscrm.scheduling.EnrollmentStatus;
import io.campuscrm.security.Assignee;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.database.UtcDateTime;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.shared.settings.Setting;
import io.campuscrm.students.FamilyDraft;
import io.campuscrm.students.GuardianDraft;
import io.campuscrm.students.GuardianRelationship;
import io.campuscrm.students.NewStudent;
import io.campuscrm.students.StudentChanges;
import io.campuscrm.students.StudentDraft;
import io.campuscrm.students.StudentStatus;
import io.campuscrm.support.JdbcStatementCounter;

/**
 * Admissions at a chain's scale: 100,000 leads of the last six months (about two years of a chain's inquiries at
 * 4,000 a month, in every stage, with their follow-ups) beside 100,000 students, all from the demo data generator.
 * Then, as the demo admissions user (one campus, the one with most leads): opening the board (the grouped count and
 * the first page of every column, with the statements it sends), the lead list with each kind of filter, the
 * duplicate check a new lead's entry makes, and the intake endpoint's throughput over HTTP on the loopback from as
 * many client threads as the machine has cores (one core's worth when the server shares them). Then the pools and
 * the reports (issue 11): the lead funnel report over all the leads as PDF and XLSX (time, peak heap, its
 * statements); the pool return job for every lead (the closed ones reopened, all owned and quiet for a day more than
 * their campus's days: time, statements per batch); claims from the pool one by one ({@code -Dbench.iterations}) and
 * conversions of the claimed leads into classes with room ({@code -Dbench.conversions}, default 100), with their
 * statements. Service time, as the screens' server time is that plus Vaadin's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdmissionsBench {

    static final DemoScale DEFAULT_SCALE = DemoScale.DEMO.withStudents(100_000).withLeads(100_000);
    private static final int BOARD_PAGE = 50;
    private static final int INTAKE_REQUESTS = Integer.getInteger("bench.intakeRequests", 3_000);
    private static final String FUNNEL_REPORT = "lead-funnel";
    private static final int REPORT_RUNS = Integer.getInteger("bench.reportRuns", 3);
    private static final String POOL_RETURN_JOB = "admissions.pool-return";
    /** {@code PoolReturn.BATCH}: the leads one batch of the return job locks, records and moves. */
    private static final int POOL_BATCH = 1000;
    private static final int CONVERSION_WARMUP = 10;
    private static final int CONVERSIONS = Integer.getInteger("bench.conversions", 100);
    /** Calls whose statements are counted, apart from the timed ones. */
    private static final int COUNTED = 10;

    private static BenchSettings settings;
    private static BenchReport report;
    private static BenchApplication app;
    private static long orchard;
    private static List<String> knownPhones;
    private static List<String> names;
    /** The pool's leads Grace claims, then converts. */
    private static List<Long> claimable = List.of();

    @BeforeAll
    static void startAndGenerate() throws Exception {
        settings = BenchSettings.fromSystemProperties(DEFAULT_SCALE);
        report = new BenchReport(settings, "Admissions at scale");
        long start = System.nanoTime();
        app = BenchApplication.start();
        report.duration("application start on an empty database (schema migrated)", System.nanoTime() - start);
        var generator = app.bean(DemoDataGenerator.class);
        start = System.nanoTime();
        if (generator.generateIfEmpty(settings.scale())) {
            report.duration("demo data generation (one transaction)", System.nanoTime() - start);
            generator.lastStepDurations().forEach((step, took) -> report.duration("… of which " + step,
                    took.toNanos()));
        }
        var jdbc = app.bean(JdbcTemplate.class);
        jdbc.execute("ANALYZE TABLE admission_lead, lead_event, lead_follow_up, student, guardian");
        for (String table : List.of("admission_lead", "lead_follow_up", "lead_event", "student", "guardian")) {
            report.fact("rows in " + table, String.format(Locale.ROOT, "%,d",
                    jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class)));
        }
        orchard = jdbc.queryForObject("SELECT campus_id FROM admission_lead GROUP BY campus_id ORDER BY COUNT(*)"
                + " DESC LIMIT 1", Long.class);
        report.fact("leads at the measured campus", String.format(Locale.ROOT, "%,d", jdbc.queryForObject(
                "SELECT COUNT(*) FROM admission_lead WHERE campus_id = ?", Long.class, orchard)));
        knownPhones = jdbc.queryForList("SELECT phone FROM admission_lead WHERE phone IS NOT NULL ORDER BY RAND(3)"
                + " LIMIT 500", String.class);
        names = jdbc.queryForList("SELECT SUBSTRING_INDEX(child_name, ' ', -1) FROM admission_lead ORDER BY RAND(5)"
                + " LIMIT 200", String.class);
        report.memory("after generation", ProcessMemory.measure(app.databaseDirectory()));
    }

    @Test
    @Order(1)
    void open_the_board() throws Exception {
        var leads = app.bean(LeadService.class);
        var filter = new LeadService.LeadFilter(orchard, null, null, false, false, false);
        Callable<Integer> open = () -> {
            var counts = leads.stageCounts(filter);
            int cards = 0;
            for (LeadStage stage : LeadStage.values()) {
                cards += leads.cards(filter, stage, 0, BOARD_PAGE).size();
            }
            return counts.size() + cards;
        };
        assertThat(asAdmissions(open)).isGreaterThan(LeadStage.values().length);
        var stats = new IntSummaryStatistics();
        for (int i = 0; i < 10; i++) {
            stats.accept(asAdmissions(() -> JdbcStatementCounter.count(open)).count());
        }
        report.fact("statements per board open (counts + first page of 6 columns): min / max of 10",
                stats.getMin() + " / " + stats.getMax());
        report.add(asAdmissions(() -> Bench.measure("board open: counts and the first 50 cards of every column",
                settings.warmup(), settings.iterations(), open::call)));
        var overdue = new LeadService.LeadFilter(orchard, null, null, false, false, true);
        report.add(asAdmissions(() -> Bench.measure("board open, overdue only", settings.warmup(),
                settings.iterations(), () -> {
                    leads.stageCounts(overdue);
                    for (LeadStage stage : LeadStage.values()) {
                        leads.cards(overdue, stage, 0, BOARD_PAGE);
                    }
                })));
        var deep = new AtomicInteger();
        report.add(asAdmissions(() -> Bench.measure("board: a column scrolled to its 20th page", settings.warmup(),
                settings.iterations(), () -> leads.cards(filter, LeadStage.values()[deep.getAndIncrement() % 4],
                        20L * BOARD_PAGE, BOARD_PAGE))));
    }

    @Test
    @Order(2)
    void filter_the_lead_list() throws Exception {
        var leads = app.bean(LeadService.class);
        var page = PageRequest.of(0, 50);
        var next = new AtomicInteger();
        report.add(asAdmissions(() -> Bench.measure("lead list: a stage, newest first", settings.warmup(),
                settings.iterations(), () -> leads.find(new LeadService.LeadFilter(orchard, LeadStage.values()[
                        next.getAndIncrement() % 6], null, false, false, false), page))));
        report.add(asAdmissions(() -> Bench.measure("lead list: overdue", settings.warmup(), settings.iterations(),
                () -> leads.find(new LeadService.LeadFilter(orchard, null, null, false, false, true), page))));
        report.add(asAdmissions(() -> Bench.measure("lead list: without a next step", settings.warmup(),
                settings.iterations(), () -> leads.find(new LeadService.LeadFilter(orchard, null, null, false, true,
                        false), page))));
        report.add(asAdmissions(() -> Bench.measure("lead list: the pool", settings.warmup(), settings.iterations(),
                () -> leads.find(new LeadService.LeadFilter(orchard, null, null, true, false, false), page))));
        var phone = new AtomicInteger();
        report.add(asAdmissions(() -> Bench.measure("lead list: search by phone", settings.warmup(),
                settings.iterations(), () -> leads.find(new LeadService.LeadFilter(null, null, null, false, false,
                        false, null, knownPhones.get(phone.getAndIncrement() % knownPhones.size())), page))));
        var name = new AtomicInteger();
        report.add(asAdmissions(() -> Bench.measure("lead list: search by part of a name", settings.warmup(),
                settings.iterations(), () -> leads.find(new LeadService.LeadFilter(orchard, null, null, false, false,
                        false, null, names.get(name.getAndIncrement() % names.size())), page))));
    }

    @Test
    @Order(3)
    void check_a_new_lead_for_duplicates() throws Exception {
        var leads = app.bean(LeadService.class);
        long source = asAdmissions(() -> leads.sources().getFirst().id());
        var next = new AtomicInteger();
        report.add(asAdmissions(() -> Bench.measure("duplicate check on entry (leads, students, guardians)",
                settings.warmup(), settings.iterations(), () -> leads.matches(LeadDraft.of(orchard, "Bench Child",
                        null, knownPhones.get(next.getAndIncrement() % knownPhones.size()), null, source)))));
        var stats = new IntSummaryStatistics();
        for (int i = 0; i < 10; i++) {
            String phone = knownPhones.get(i);
            stats.accept(asAdmissions(() -> JdbcStatementCounter.count(() -> leads.matches(LeadDraft.of(orchard,
                    "Bench Child", null, phone, null, source)))).count());
        }
        report.fact("statements per duplicate check: min / max of 10", stats.getMin() + " / " + stats.getMax());
    }

    @Test
    @Order(4)
    void intake_endpoint_throughput() throws Exception {
        var keys = app.bean(IntakeKeyService.class);
        var jdbc = app.bean(JdbcTemplate.class);
        long website = jdbc.queryForObject("SELECT id FROM lead_source WHERE label_key = 'lead.source.website'",
                Long.class);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        // keys enough that no key's limit (at most 6,000 a minute) is what is measured
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            secrets.add(app.as("admin", () -> keys.create(new IntakeKeyDraft("Bench site " + n + " "
                    + System.nanoTime(), website, orchard, null, 6000))).secret());
        }
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String url = "http://localhost:" + app.port() + "/api/intake/leads";
        var sent = new AtomicInteger();
        // every request a new inquiry (another child, another phone), warm-up ones too
        var inquiry = new AtomicInteger((int) (System.nanoTime() % 100_000));
        var statuses = new ConcurrentLinkedQueue<Integer>();
        Callable<Void> client = () -> {
            for (int i = sent.getAndIncrement(); i < INTAKE_REQUESTS; i = sent.getAndIncrement()) {
                int n = inquiry.getAndIncrement();
                String body = String.format(Locale.ROOT, """
                        {"requestId": "bench-%d-%d", "childName": "Intake Child %d", "guardianName": "Intake Parent",
                         "phone": "+6598%06d", "message": "From the benchmark"}""", System.nanoTime(), n, n,
                        n % 1_000_000);
                var response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + secrets.get(i % secrets.size()))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                statuses.add(response.statusCode());
            }
            return null;
        };
        // warm-up: a tenth of the requests, not counted
        int warm = INTAKE_REQUESTS / 10;
        sent.set(INTAKE_REQUESTS - warm);
        client.call();
        statuses.clear();
        sent.set(0);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<Void>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(client));
        }
        for (var f : running) {
            f.get();
        }
        long took = System.nanoTime() - start;
        pool.shutdown();
        long created = statuses.stream().filter(s -> s == 201).count();
        report.fact("intake endpoint: requests / client threads / answered 201", statuses.size() + " / "
                + threads + " / " + created);
        report.fact("intake endpoint: requests per second", String.format(Locale.ROOT, "%.0f",
                statuses.size() / (took / 1e9)));
        assertThat(created).isEqualTo(statuses.size());
    }

    @Test
    @Order(5)
    void the_lead_funnel_report_over_all_the_leads() throws Exception {
        // before the pool return below reopens the closed leads: the funnel of the leads as generated
        var reports = app.bean(ReportService.class);
        var today = LocalDate.now(app.bean(Clock.class).withZone(app.as("admin",
                () -> app.bean(InstitutionService.class).settings().timeZone())));
        var from = app.bean(JdbcTemplate.class).queryForObject("SELECT DATE(MIN(created_at)) FROM admission_lead",
                LocalDate.class);
        report.fact("lead funnel report: period, all campuses, by source", from + " to " + today);
        for (var format : List.of(ReportFormat.PDF, ReportFormat.XLSX)) {
            var request = ReportRequest.of(FUNNEL_REPORT, format, Locale.ENGLISH).with("from", from.toString())
                    .with("to", today.toString());
            var size = new AtomicLong();
            var heap = new PeakHeap();
            report.add(app.as("admin", () -> Bench.measure("lead funnel report, " + format + " (all leads, all"
                    + " campuses)", 1, REPORT_RUNS, () -> {
                        var out = new ByteArrayOutputStream();
                        reports.render(request, out);
                        size.set(out.size());
                    })));
            report.fact("lead funnel report " + format + ": peak heap during the runs / file size",
                    heap.peakMegabytes() + " / " + String.format(Locale.ROOT, "%,d bytes", size.get()));
            var counted = app.as("admin", () -> JdbcStatementCounter.count(() -> {
                reports.render(request, OutputStream.nullOutputStream());
                return null;
            }));
            report.fact("lead funnel report " + format + ": statements / the slowest", counted.count() + " / "
                    + slowest(counted, 1));
        }
    }

    @Test
    @Order(6)
    void the_pool_return_job_for_all_the_leads() throws Exception {
        var jdbc = app.bean(JdbcTemplate.class);
        var campusSettings = app.bean(Settings.class);
        var users = app.bean(UserService.class);
        var now = app.bean(Clock.class).instant();
        long grace = graceId();
        // every lead open (the closed ones, enrolled or lost, reopened as contacted: a closed lead never returns),
        // owned by someone of its campus's team and quiet for a day more than the campus's return days
        int reopened = jdbc.update("UPDATE admission_lead SET stage = 'CONTACTED', lost_reason_id = NULL"
                + " WHERE merged_into_id IS NULL AND stage IN ('ENROLLED', 'LOST') AND student_id IS NULL");
        int quiet = 0;
        for (Campus campus : SystemAuthentication.call(() -> app.bean(InstitutionService.class).campuses())) {
            int days = campusSettings.get(PoolSettings.RETURN_DAYS, campus.id());
            if (days == 0) {
                set(PoolSettings.RETURN_DAYS, campus.id(), "14");
                days = 14;
            }
            long owner = SystemAuthentication.call(() -> users.workingAt(Role.ADMISSIONS, campus.id())).stream()
                    .map(Assignee::id).findFirst().orElse(grace);
            quiet += jdbc.update("UPDATE admission_lead SET owner_id = COALESCE(owner_id, ?), return_warned_at = NULL,"
                    + " quiet_since = DATE_SUB(?, INTERVAL (id MOD 1440) MINUTE) WHERE campus_id = ? AND "
                    + PoolStore.OPEN, owner, UtcDateTime.of(now.minus(Duration.ofDays(days + 1))), campus.id());
        }
        long leads = jdbc.queryForObject("SELECT COUNT(*) FROM admission_lead", Long.class);
        report.fact("pool return: leads made owned and quiet (closed ones reopened for it) / all leads",
                String.format(Locale.ROOT, "%,d (%,d) / %,d", quiet, reopened, leads));
        jdbc.execute("ANALYZE TABLE admission_lead");
        var jobs = app.bean(JobService.class);
        long start = System.nanoTime();
        var counted = JdbcStatementCounter.count(() -> SystemAuthentication.call(() -> jobs.runAndWait(
                POOL_RETURN_JOB)));
        long took = System.nanoTime() - start;
        assertThat(counted.result().orElseThrow().outcome()).isEqualTo(JobOutcome.SUCCEEDED);
        long returned = jdbc.queryForObject("SELECT COUNT(*) FROM lead_event WHERE kind = 'RETURNED'"
                + " AND occurred_at >= ?", Long.class, UtcDateTime.of(now.minusSeconds(1)));
        int batches = 0;
        for (var perCampus : jdbc.queryForList("SELECT COUNT(*) FROM lead_event e JOIN admission_lead l"
                + " ON l.id = e.lead_id WHERE e.kind = 'RETURNED' AND e.occurred_at >= ? GROUP BY l.campus_id",
                Long.class, UtcDateTime.of(now.minusSeconds(1)))) {
            batches += (int) (perCampus / POOL_BATCH) + 1; // the last, shorter (or empty) batch ends the campus's loop
        }
        report.duration("pool return job (admissions.pool-return), wall time", took);
        report.fact("pool return: leads returned / left owned and quiet", String.format(Locale.ROOT, "%,d / %,d",
                returned, jdbc.queryForObject("SELECT COUNT(*) FROM admission_lead WHERE owner_id IS NOT NULL"
                        + " AND quiet_since <= ? AND " + PoolStore.OPEN, Long.class,
                        UtcDateTime.of(now.minus(Duration.ofDays(1))))));
        report.fact("pool return: statements / batches of " + POOL_BATCH + " / leads per second", String.format(
                Locale.ROOT, "%,d / %d / %,.0f", counted.count(), batches, returned / (took / 1e9)));
        report.fact("pool return: the slowest statements", slowest(counted, 3));
        assertThat(returned).isEqualTo(quiet);
        // a batch is a locking select, an insert of the history and an update: statements grow per batch, not per lead
        assertThat(counted.count()).isLessThanOrEqualTo(60 + 3 * batches);
    }

    @Test
    @Order(7)
    void claims_from_the_pool() throws Exception {
        var jdbc = app.bean(JdbcTemplate.class);
        var pool = app.bean(LeadPoolService.class);
        long grace = graceId();
        set(PoolSettings.CAP, orchard, "10000");
        int needed = settings.warmup() + settings.iterations() + COUNTED;
        // leads that were not returned from Grace herself (those she waits the cool-down for)
        claimable = jdbc.queryForList("""
                SELECT l.id FROM admission_lead l WHERE l.campus_id = ? AND l.owner_id IS NULL
                    AND l.merged_into_id IS NULL AND l.stage NOT IN ('ENROLLED', 'LOST')
                    AND NOT EXISTS (SELECT 1 FROM lead_event e WHERE e.lead_id = l.id AND e.kind = 'RETURNED'
                        AND e.before_value = ?)
                ORDER BY RAND(11) LIMIT ?""", Long.class, orchard, String.valueOf(grace), needed);
        report.fact("claims: leads of the measured campus's pool (Grace's cap raised to 10,000)", String.format(
                Locale.ROOT, "%,d", jdbc.queryForObject("SELECT COUNT(*) FROM admission_lead WHERE campus_id = ?"
                        + " AND owner_id IS NULL AND " + PoolStore.OPEN, Long.class, orchard)));
        assertThat(claimable).hasSize(needed);
        var next = new AtomicInteger();
        report.add(asAdmissions(() -> Bench.measure("claim a lead from the pool (cap, cool-down, history)",
                settings.warmup(), settings.iterations(), () -> pool.claim(claimable.get(next.getAndIncrement())))));
        var stats = new IntSummaryStatistics();
        for (int i = 0; i < COUNTED; i++) {
            long id = claimable.get(next.getAndIncrement());
            stats.accept(asAdmissions(() -> JdbcStatementCounter.count(() -> pool.claim(id))).count());
        }
        report.fact("statements per claim: min / max of " + COUNTED, stats.getMin() + " / " + stats.getMax());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM admission_lead WHERE owner_id = ? AND campus_id = ?"
                + " AND " + PoolStore.OPEN, Long.class, grace, orchard)).isGreaterThanOrEqualTo(needed);
    }

    @Test
    @Order(8)
    void conversions_into_a_class() throws Exception {
        var jdbc = app.bean(JdbcTemplate.class);
        var leads = app.bean(LeadService.class);
        var students = app.bean(StudentChanges.class);
        var conversions = app.bean(LeadConversionService.class);
        var today = LocalDate.now(app.bean(Clock.class).withZone(app.as("admin",
                () -> app.bean(InstitutionService.class).settings().timeZone())));
        int needed = CONVERSION_WARMUP + CONVERSIONS + COUNTED;
        // the leads Grace claimed, without a student or guardian the school knows (the duplicate check refuses
        // those until the user chooses; the measured call makes the check and finds nothing)
        List<Lead> convertible = new ArrayList<>();
        for (long id : claimable) {
            var lead = asAdmissions(() -> leads.get(id));
            var entry = new NewStudent(new StudentDraft(lead.childName(), null, null, null, null, null, null, null,
                    StudentStatus.ACTIVE, lead.campusId(), Set.of()), null, FamilyDraft.unnamed(), List.of(
                            new GuardianDraft(lead.guardianName(), GuardianRelationship.MOTHER, lead.phone(),
                                    lead.email(), null, true)), false);
            if (lead.guardianName() != null && asAdmissions(() -> students.findDuplicates(entry)).isEmpty()) {
                convertible.add(lead);
            }
            if (convertible.size() == needed) {
                break;
            }
        }
        report.fact("conversions: claimed leads checked / without a known student or guardian",
                claimable.size() + " / " + convertible.size());
        assertThat(convertible).hasSize(needed);
        // classes of the campus open for enrolment, with room for one conversion each round
        var classes = jdbc.queryForList("SELECT id FROM school_class WHERE campus_id = ?"
                + " AND status IN ('PLANNED', 'OPEN', 'RUNNING') ORDER BY id", Long.class, orchard);
        assertThat(classes).isNotEmpty();
        int perClass = needed / classes.size() + 1;
        int raised = jdbc.update("""
                UPDATE school_class c SET capacity = LEAST(1000, (SELECT COUNT(*) FROM class_enrollment e
                    WHERE e.class_id = c.id AND e.status = 'ENROLLED') + ?)
                WHERE c.campus_id = ? AND c.status IN ('PLANNED', 'OPEN', 'RUNNING')
                    AND c.capacity < (SELECT COUNT(*) FROM class_enrollment e WHERE e.class_id = c.id
                        AND e.status = 'ENROLLED') + ?""", perClass, orchard, perClass);
        // a class holds no more than its room seats: the rooms too
        int rooms = jdbc.update("""
                UPDATE room r SET capacity = (SELECT MAX(c.capacity) FROM school_class c WHERE c.room_id = r.id
                    AND c.status IN ('PLANNED', 'OPEN', 'RUNNING'))
                WHERE r.campus_id = ? AND r.capacity < (SELECT MAX(c.capacity) FROM school_class c
                    WHERE c.room_id = r.id AND c.status IN ('PLANNED', 'OPEN', 'RUNNING'))""", orchard);
        report.fact("conversions: classes of the campus enrolled into (classes / rooms whose capacity was raised to"
                + " make room)", classes.size() + " (" + raised + " / " + rooms + ")");
        var next = new AtomicInteger();
        Bench.Operation convert = () -> {
            int n = next.getAndIncrement();
            var lead = convertible.get(n);
            var done = conversions.convert(lead.id(), lead.version(), ConversionDraft.enrolling(lead.childName(),
                    null, classes.get(n % classes.size()), today));
            if (done.enrollment() == null || done.enrollment().status() != EnrollmentStatus.ENROLLED) {
                throw new IllegalStateException("Not enrolled: " + done);
            }
        };
        report.add(asAdmissions(() -> Bench.measure("convert a lead: new student and family, enrolled in a class",
                CONVERSION_WARMUP, CONVERSIONS, convert)));
        var stats = new IntSummaryStatistics();
        for (int i = 0; i < COUNTED; i++) {
            stats.accept(asAdmissions(() -> JdbcStatementCounter.count(() -> {
                convert.run();
                return null;
            })).count());
        }
        report.fact("statements per conversion: min / max of " + COUNTED, stats.getMin() + " / " + stats.getMax());
    }

    @AfterAll
    static void writeReport() {
        if (app == null) {
            return;
        }
        try {
            report.fact("load average after the benchmarks", ProcessMemory.loadAverage());
            report.memory("after the benchmarks", ProcessMemory.measure(app.databaseDirectory()));
            report.note("Targets (issue 10): every screen's server time p95 ≤ 150 ms; the board opens with a fixed,"
                    + " small number of statements and at most one page of cards per column.");
            report.write();
        } finally {
            app.close();
        }
    }

    private static <T> T asAdmissions(Callable<T> work) throws Exception {
        return app.as("admissions", work);
    }

    /** The slowest of the statements sent, with their time and the start of their SQL. */
    private static String slowest(JdbcStatementCounter.Counted<?> counted, int limit) {
        return counted.sent().stream().sorted(Comparator.comparing(JdbcStatementCounter.Sent::took).reversed())
                .limit(limit).map(sent -> {
                    String sql = sent.sql().replaceAll("\\s+", " ").strip();
                    return String.format(Locale.ROOT, "%d ms: %s", sent.took().toMillis(),
                            sql.substring(0, Math.min(60, sql.length())));
                }).collect(Collectors.joining("; "));
    }

    private static long graceId() {
        return app.bean(JdbcTemplate.class).queryForObject("SELECT id FROM app_user WHERE username = 'admissions'",
                Long.class);
    }

    /** Sets a campus's value of a setting, as an administrator would on the settings screen. */
    private static void set(Setting<?> setting, long campusId, String value) {
        var service = app.bean(SettingsService.class);
        var state = SystemAuthentication.call(service::all).stream()
                .filter(s -> s.setting().key().equals(setting.key())).findFirst().orElseThrow();
        long version = state.campuses().stream().filter(v -> Objects.equals(v.campusId(), campusId)
                && v.overridden()).findFirst().map(SettingValue::version).orElse(SettingValue.NEW);
        SystemAuthentication.call(() -> service.change(setting.key(), campusId, version, value));
    }
}
