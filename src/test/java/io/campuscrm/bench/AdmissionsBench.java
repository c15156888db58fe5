package io.campuscrm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import io.campuscrm.admissions.IntakeKeyDraft;
import io.campuscrm.admissions.IntakeKeyService;
import io.campuscrm.admissions.LeadDraft;
import io.campuscrm.admissions.LeadService;
import io.campuscrm.admissions.LeadStage;
import io.campuscrm.demo.DemoDataGenerator;
import io.campuscrm.demo.DemoScale;
import io.campuscrm.support.JdbcStatementCounter;

/**
 * Admissions at a chain's scale: 100,000 leads of the last six months (about two years of a chain's inquiries at
 * 4,000 a month, in every stage, with their follow-ups) beside 100,000 students, all from the demo data generator.
 * Then, as the demo admissions user (one campus, the one with most leads): opening the board (the grouped count and
 * the first page of every column, with the statements it sends), the lead list with each kind of filter, the
 * duplicate check a new lead's entry makes, and the intake endpoint's throughput over HTTP on the loopback from as
 * many client threads as the machine has cores (one core's worth when the server shares them). Service time, as the
 * screens' server time is that plus Vaadin's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdmissionsBench {

    static final DemoScale DEFAULT_SCALE = DemoScale.DEMO.withStudents(100_000).withLeads(100_000);
    private static final int BOARD_PAGE = 50;
    private static final int INTAKE_REQUESTS = Integer.getInteger("bench.intakeRequests", 3_000);

    private static BenchSettings settings;
    private static BenchReport report;
    private static BenchApplication app;
    private static long orchard;
    private static List<String> knownPhones;
    private static List<String> names;

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
        var statuses = new ConcurrentLinkedQueue<Integer>();
        Callable<Void> client = () -> {
            for (int i = sent.getAndIncrement(); i < INTAKE_REQUESTS; i = sent.getAndIncrement()) {
                String body = String.format(Locale.ROOT, """
                        {"requestId": "bench-%d-%d", "childName": "Intake Child %d", "guardianName": "Intake Parent",
                         "phone": "+6598%06d", "message": "From the benchmark"}""", System.nanoTime(), i, i,
                        i % 1_000_000);
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
        report.fact("intake endpoint: requests / client threads / answered 201", INTAKE_REQUESTS - warm + " / "
                + threads + " / " + created);
        report.fact("intake endpoint: requests per second", String.format(Locale.ROOT, "%.0f",
                statuses.size() / (took / 1e9)));
        assertThat(created).isEqualTo(statuses.size());
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
}
