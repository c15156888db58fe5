package io.campuscrm.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import org.openqa.selenium.JavascriptExecutor;

/**
 * Runs axe-core (from the {@code org.webjars.npm:axe-core} WebJar on the test classpath, so nothing is fetched at
 * test time) in the page the browser shows, against WCAG 2.0 and 2.1 levels A and AA, and reports the violations
 * whose impact is serious or critical.
 * <p>
 * axe keeps some WCAG rules behind the tag {@code experimental}, which a scan by tags leaves out, among them
 * {@code label-content-name-mismatch} (WCAG 2.5.3, label in name): those WCAG rules are switched on explicitly, or the
 * scan could not see that kind of failure at all.
 */
final class AxeScan {

    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final List<String> REPORTED_IMPACTS = List.of("serious", "critical");
    private static final String WEBJAR = "META-INF/resources/webjars/axe-core/";
    /** Vaadin's development tools are no part of the product (and are switched off in tests anyway). */
    private static final List<String> NOT_SCANNED = List.of("vaadin-dev-tools", "copilot-main");

    /**
     * Runs axe and flattens what it found, one entry per element. {@code component} is the element (or, inside a
     * shadow root, its host) as a tag name, {@code inside} the selector within the shadow root, and {@code internal}
     * whether everything the finding points at lies in that component's own shadow DOM.
     */
    private static final String RUN = """
            const [tags, impacts, notScanned, done] = arguments;
            const rules = {};
            axe.getRules(['experimental']).filter(r => r.tags.some(t => tags.includes(t)))
                .forEach(r => rules[r.ruleId] = {enabled: true});
            const selector = target => target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(' ');
            const host = target => document.querySelector(Array.isArray(target[0]) ? target[0][0] : target[0]);
            const internal = node => {
                const related = [...node.any, ...node.all, ...node.none].flatMap(c => c.relatedNodes || []);
                return related.length > 0 && related.every(r => Array.isArray(r.target[0])
                    && host(r.target) === host(node.target));
            };
            const element = node => {
                const outer = host(node.target);
                return {component: outer ? outer.localName : '',
                    inside: Array.isArray(node.target[0]) ? node.target[0].slice(1).join(' >>> ') : ''};
            };
            axe.run({exclude: notScanned.map(s => [s])},
                    {runOnly: {type: 'tag', values: tags}, rules, resultTypes: ['violations']})
                .then(result => done({
                    rulesRun: result.passes.length + result.violations.length + result.incomplete.length
                        + result.inapplicable.length,
                    violations: result.violations.filter(v => impacts.includes(v.impact)).flatMap(v =>
                        v.nodes.map(n => ({rule: v.id, impact: v.impact, help: v.help, target: selector(n.target),
                            ...element(n), internal: internal(n), summary: n.failureSummary || ''})))}))
                .catch(error => done({error: String(error)}));
            """;

    private final Browser browser;
    private final String axeSource;

    AxeScan(Browser browser) {
        this.browser = browser;
        this.axeSource = load(WEBJAR + version() + "/axe.min.js");
    }

    /** One problem axe found on one element. */
    record Violation(String rule, String impact, String target, String component, String inside, boolean internal,
            String help, String summary) {

        @Override
        public String toString() {
            return rule + " (" + impact + ") at " + target + ": " + help
                    + (summary.isBlank() ? "" : "\n      " + summary.replace("\n", "\n      "));
        }
    }

    /** What one scan found; {@code rulesRun} tells the scan really looked (axe ran in the page). */
    record Result(int rulesRun, List<Violation> violations) {
    }

    /** Scans the page shown now: injects axe (again, as every navigation may have replaced the page) and runs it. */
    @SuppressWarnings("unchecked")
    Result scan() {
        var js = (JavascriptExecutor) browser.driver();
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        js.executeScript(axeSource);
        var result = (Map<String, Object>) js.executeAsyncScript(RUN, WCAG_TAGS, REPORTED_IMPACTS, NOT_SCANNED);
        if (result.containsKey("error")) {
            throw new IllegalStateException("axe failed: " + result.get("error"));
        }
        var violations = ((List<Map<String, Object>>) result.get("violations")).stream()
                .map(v -> new Violation(text(v, "rule"), text(v, "impact"), text(v, "target"), text(v, "component"),
                        text(v, "inside"), Boolean.TRUE.equals(v.get("internal")), text(v, "help"), text(v, "summary")))
                .toList();
        return new Result(((Number) result.get("rulesRun")).intValue(), violations);
    }

    private static String text(Map<String, Object> map, String key) {
        return Objects.toString(map.get(key), "");
    }

    /** The WebJar's version, so a version bump in the pom needs no change here. */
    private static String version() {
        var properties = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static String load(String path) {
        try (InputStream in = resource(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = AxeScan.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is not on the test classpath: is org.webjars.npm:axe-core a"
                    + " test dependency?");
        }
        return in;
    }
}
