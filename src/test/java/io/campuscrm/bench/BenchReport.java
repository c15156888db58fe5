package io.campuscrm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The figures of one run, as Markdown: logged, and written to {@code target/bench/results.md}. */
final class BenchReport {

    static final Path FILE = Path.of("target", "bench", "results.md");
    private static final Logger log = LoggerFactory.getLogger(BenchReport.class);

    private final BenchSettings settings;
    private final String title;
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String> facts = new LinkedHashMap<>();
    private final List<Measurement> measurements = new ArrayList<>();

    BenchReport(BenchSettings settings) {
        this(settings, "Campus CRM benchmark");
    }

    BenchReport(BenchSettings settings, String title) {
        this.settings = settings;
        this.title = title;
    }

    /** A line under the table, e.g. figures to compare with. */
    void note(String text) {
        notes.add(text);
    }

    void fact(String name, String value) {
        facts.put(name, value);
    }

    void duration(String name, long nanos) {
        fact(name, String.format(Locale.ROOT, "%.1f s", nanos / 1e9));
    }

    void memory(String when, ProcessMemory memory) {
        fact("heap used after GC, " + when, megabytes(memory.heapUsedAfterGc()) + " (max " + megabytes(memory.heapMax())
                + ")");
        fact("RSS of the application JVM, " + when, megabytes(memory.appRss()));
        fact("RSS of mariadbd, " + when, megabytes(memory.databaseRss()));
    }

    void add(Measurement measurement) {
        measurements.add(measurement);
    }

    String markdown() {
        var md = new StringBuilder();
        md.append("# ").append(title).append(", ")
                .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC)
                        .toLocalDateTime().withNano(0)))
                .append(" UTC\n\n");
        md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(Runtime.version()).append(" (").append(System.getProperty("java.vm.vendor")).append(")\n\n");
        md.append("Scale: ").append(settings.scaleComponents().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")))
                .append("; warm-up ").append(settings.warmup()).append(", iterations ").append(settings.iterations())
                .append(" (reports: fewer, see the table)\n\n");
        md.append("| | |\n|---|---:|\n");
        facts.forEach((name, value) -> md.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        md.append("\n| operation | iterations | p50 ms | p95 ms | max ms | ops/s |\n|---|---:|---:|---:|---:|---:|\n");
        for (Measurement m : measurements) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.1f |%n", m.operation(), m.count(),
                    m.percentileMillis(50), m.percentileMillis(95), m.maxMillis(), m.perSecond()));
        }
        notes.forEach(note -> md.append('\n').append(note).append('\n'));
        return md.toString();
    }

    void write() {
        String md = markdown();
        log.info("Benchmark results ({}):\n{}", FILE, md);
        try {
            Files.createDirectories(FILE.getParent());
            // several benchmark classes in one run (one JVM) each add their section; an earlier run's file is replaced
            boolean thisRun = Files.exists(FILE) && Files.getLastModifiedTime(FILE).toMillis()
                    >= ManagementFactory.getRuntimeMXBean().getStartTime();
            Files.writeString(FILE, md + "\n", StandardOpenOption.CREATE, thisRun ? StandardOpenOption.APPEND
                    : StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1024.0 / 1024.0);
    }

    private static String megabytes(OptionalLong bytes) {
        return bytes.isPresent() ? megabytes(bytes.getAsLong()) : "unknown";
    }
}
