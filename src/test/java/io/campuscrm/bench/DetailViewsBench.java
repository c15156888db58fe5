package io.campuscrm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.jdbc.core.JdbcTemplate;

import io.campuscrm.demo.DemoDataGenerator;

/**
 * What the user waits for when opening a record from a list, in headless Chromium: from the click on a row of the
 * Students list until the student's file is shown and settled, and the same from the Classes list to a class's page.
 * Settled means the view's first content is there, Vaadin has no server round trip pending, no grid waits for data,
 * and the browser has drawn the next frame. Each click opens another record (found first with the list's search, not
 * timed); between clicks the browser goes back to the list. The UIDL requests the click caused are read from the
 * browser's Resource Timing: how many round trips, the server's time for the navigation request (time to first byte
 * on the loopback) and the bytes of UI changes sent.
 * <p>
 * Run with {@code -Pbench,production}: Vaadin's development mode is several times slower in the browser and is not
 * what users get. The figures say which mode they were taken in.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DetailViewsBench {

    private static final String PASSWORD = "campus-demo";

    /**
     * Waits for the page to settle after the click, then a little more to catch round trips that come late (a
     * deferred load after the page looked ready), and answers the click's timing and its UIDL requests.
     */
    private static final String SETTLED = """
            const done = arguments[arguments.length - 1];
            const readySelector = arguments[0];
            const path = new RegExp(arguments[1]);
            const bench = window.__bench;
            const deadline = performance.now() + 20000;
            const idle = () => {
              const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
              if (!clients) return false;
              return Object.values(clients).every(c => !c.isActive || !c.isActive());
            };
            const ready = () => bench.click != null && path.test(location.pathname)
                && document.querySelector(readySelector) != null && idle()
                && document.querySelector('vaadin-grid[loading]') == null;
            const answer = settled => setTimeout(() => done({
              click: bench.click,
              settled: settled,
              uidl: performance.getEntriesByType('resource')
                  .filter(e => e.name.includes('v-r=uidl') && e.startTime >= bench.click)
                  .map(e => ({requestStart: e.requestStart, responseStart: e.responseStart,
                              responseEnd: e.responseEnd, duration: e.duration, bytes: e.encodedBodySize}))
            }), 600);
            const poll = () => {
              if (performance.now() > deadline) {
                done({error: 'not settled: ' + location.pathname + ', idle ' + idle()});
              } else if (ready()) {
                // the moment after the next frame: what the user sees, not only what the DOM holds
                requestAnimationFrame(() => setTimeout(() => ready() ? answer(performance.now()) : poll(), 0));
              } else {
                setTimeout(poll, 2);
              }
            };
            poll();
            """;

    /** Before each click: forget earlier timings, and note the click's time when it reaches the page. */
    private static final String ARM = """
            if (!window.__bench) {
              window.__bench = {};
              performance.setResourceTimingBufferSize(10000);
              document.addEventListener('click', () => {
                if (window.__bench.click == null) window.__bench.click = performance.now();
              }, true);
            }
            window.__bench.click = null;
            performance.clearResourceTimings();
            """;

    /**
     * With {@code -Dbench.dump=true}: keeps every UIDL request and answer, to see what a click sends and gets (written
     * to {@code target/bench/}). Off for the timings: wrapping the requests costs time itself.
     */
    private static final String RECORD_UIDL = """
            if (!window.__benchUidl) {
              window.__benchUidl = [];
              const open = XMLHttpRequest.prototype.open;
              const send = XMLHttpRequest.prototype.send;
              XMLHttpRequest.prototype.open = function (method, url) {
                this.__benchUrl = String(url);
                return open.apply(this, arguments);
              };
              XMLHttpRequest.prototype.send = function (body) {
                if (this.__benchUrl.includes('v-r=uidl')) {
                  this.addEventListener('load', () => window.__benchUidl.push(
                      {request: JSON.parse(String(body)), response: this.responseText}));
                }
                return send.apply(this, arguments);
              };
            }
            window.__benchUidl.length = 0;
            """;

    private static final String IDLE = """
            const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
            return !!clients && Object.values(clients).every(c => !c.isActive || !c.isActive())
                && document.querySelector('vaadin-grid[loading]') == null;
            """;

    private static BenchSettings settings;
    private static BenchReport report;
    private static BenchApplication app;
    private static HeadlessChromium browser;
    private static int warmup;
    private static int clicks;

    @BeforeAll
    static void startGenerateAndSignIn() {
        settings = BenchSettings.fromSystemProperties();
        warmup = Integer.getInteger("bench.clickWarmup", 5);
        clicks = Integer.getInteger("bench.clicks", 30);
        report = new BenchReport(settings, "Opening a record from a list, in the browser");
        report.fact("load average before the start", loadAverage());
        long start = System.nanoTime();
        app = BenchApplication.start();
        report.duration("application start on an empty database", System.nanoTime() - start);
        assertThat(app.bean(DemoDataGenerator.class).generateIfEmpty(settings.scale())).as("a fresh database")
                .isTrue();

        browser = new HeadlessChromium();
        var driver = browser.driver();
        driver.get(baseUrl() + "/login");
        browser.await().until(presenceOfElementLocated(By.cssSelector("vaadin-login-form input[name='username']")))
                .sendKeys("admin");
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(PASSWORD, Keys.ENTER);
        browser.await().until(presenceOfElementLocated(By.id("dashboard")));

        boolean production = app.vaadinProductionMode();
        report.fact("Vaadin mode", production ? "production" : "development");
        if (BenchApplication.productionModeRequested()) {
            assertThat(production).as("Vaadin in production mode (-Pbench,production)").isTrue();
        }
        report.fact("clicks timed per view (after warm-up)", clicks + " (" + warmup + " warm-up)");
        report.fact("Chromium", String.valueOf(driver.getCapabilities().getBrowserVersion()));
    }

    @Test
    @Order(1)
    void student_file_from_the_students_list() {
        var numbers = app.bean(JdbcTemplate.class).queryForList("SELECT student_number FROM student"
                + " WHERE status = 'ACTIVE' ORDER BY RAND(31) LIMIT " + (warmup + clicks), String.class);
        assertThat(numbers).as("a different student for every click").hasSize(warmup + clicks);
        var timings = timeClicks("students", "students-search", "students-grid", numbers, "^/students/\\d+$",
                "#student-name");
        record("student file", timings);
    }

    @Test
    @Order(2)
    void class_page_from_the_classes_list() {
        // the demo has only a dozen classes or so: they come round again
        var codes = app.bean(JdbcTemplate.class).queryForList("SELECT code FROM school_class ORDER BY RAND(37)",
                String.class);
        assertThat(codes).isNotEmpty();
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < warmup + clicks; i++) {
            targets.add(codes.get(i % codes.size()));
        }
        var timings = timeClicks("classes", "classes-search", "classes-grid", targets, "^/classes/\\d+$",
                "#class-code-text");
        record("class page", timings);
        report.fact("classes in the demo (opened in turn)", String.valueOf(codes.size()));
    }

    /**
     * For each target: the list, searched for the target (a student number, a class code) so that its row is the
     * one shown, then the timed click on that row.
     */
    private static List<ClickTiming> timeClicks(String listPath, String searchId, String gridId, List<String> targets,
            String detailPath, String readySelector) {
        var driver = browser.driver();
        driver.get(baseUrl() + "/" + listPath);
        List<ClickTiming> timings = new ArrayList<>();
        for (String target : targets) {
            WebElement search = browser.await().until(d -> d.findElement(By.cssSelector("#" + searchId + " input")));
            search.sendKeys(target, Keys.ENTER);
            By cell = By.xpath("//vaadin-grid[@id='" + gridId + "']//vaadin-grid-cell-content[normalize-space(.)='"
                    + target + "']");
            // the search's answer, not the unfiltered first page: a lazy value change still to come would add a round
            // trip to the timed click
            WebElement row = browser.await().until(d -> idle() && filtered(gridId) ? d.findElements(cell).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElse(null) : null);
            driver.executeScript(ARM);
            if (Boolean.getBoolean("bench.dump")) {
                driver.executeScript(RECORD_UIDL);
            }
            row.click();
            timings.add(ClickTiming.fromScript(driver.executeAsyncScript(SETTLED, readySelector, detailPath)));
            if (Boolean.getBoolean("bench.dump")) {
                dump(listPath, driver.executeScript("return JSON.stringify(window.__benchUidl, null, 1)"));
            }
            driver.navigate().back();
            browser.await().until(d -> presenceOfElementLocated(By.id(searchId)).apply(d) != null && idle());
        }
        return timings.subList(warmup, timings.size());
    }

    private static void dump(String view, Object uidl) {
        try {
            Files.createDirectories(BenchReport.FILE.getParent());
            Files.writeString(BenchReport.FILE.resolveSibling(view + "-click-uidl.json"), String.valueOf(uidl));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean filtered(String gridId) {
        Object size = browser.driver().executeScript("return document.getElementById(arguments[0]).size", gridId);
        return size instanceof Number n && n.intValue() <= 5;
    }

    private static boolean idle() {
        return Boolean.TRUE.equals(browser.driver().executeScript(IDLE));
    }

    private static void record(String view, List<ClickTiming> timings) {
        report.add(millis(view + ": click to settled", timings, ClickTiming::clickToSettled));
        report.add(millis(view + ": navigation request, server time (to first byte)", timings,
                t -> t.navigation().serverMillis()));
        report.add(millis(view + ": navigation request, whole round trip", timings,
                t -> t.navigation().totalMillis()));
        report.add(millis(view + ": browser after the last answer (building, drawing)", timings,
                ClickTiming::afterLastResponse));
        report.fact(view + ": UIDL round trips per click (median / max)", median(timings,
                t -> t.roundTrips().size()) + " / " + timings.stream().mapToInt(t -> t.roundTrips().size()).max()
                        .orElse(0));
        report.fact(view + ": of which after the page looked settled (max)", String.valueOf(timings.stream()
                .mapToInt(ClickTiming::lateRoundTrips).max().orElse(0)));
        report.fact(view + ": when, after the click (medians): navigation answer in / last answer in / settled",
                String.format(Locale.ROOT, "%d / %d / %d ms", median(timings, t -> Math.round(t.navigation()
                        .endMillis())), median(timings, t -> Math.round(t.roundTrips().getLast().endMillis())),
                        median(timings, t -> Math.round(t.clickToSettled()))));
        report.fact(view + ": bytes of the navigation answer (median)", String.format(Locale.ROOT, "%,d",
                median(timings, t -> t.navigation().responseBytes())));
        report.fact(view + ": bytes of all answers per click (median)", String.format(Locale.ROOT, "%,d",
                median(timings, ClickTiming::responseBytes)));
    }

    private static Measurement millis(String name, List<ClickTiming> timings, ToDoubleFunction<ClickTiming> value) {
        long[] nanos = timings.stream().mapToLong(t -> Math.round(value.applyAsDouble(t) * 1_000_000)).toArray();
        return Measurement.of(name, nanos, Arrays.stream(nanos).sum());
    }

    private static long median(List<ClickTiming> timings, ToLongFunction<ClickTiming> value) {
        long[] sorted = timings.stream().mapToLong(value).sorted().toArray();
        return sorted[(sorted.length - 1) / 2];
    }

    private static String loadAverage() {
        try {
            return Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String baseUrl() {
        return "http://localhost:" + app.port();
    }

    @AfterAll
    static void writeReport() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (app != null) {
                try {
                    report.fact("load average after the clicks", loadAverage());
                    report.note("Timed in headless Chromium on the same machine as the server (loopback). Server time "
                            + "is the navigation request's time to first byte; Vaadin sends its answer when it is "
                            + "complete, so this is the server's work for the click.");
                    report.write();
                } finally {
                    app.close();
                }
            }
        }
    }
}
