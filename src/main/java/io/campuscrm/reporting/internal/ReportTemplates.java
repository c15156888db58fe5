package io.campuscrm.reporting.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;

/**
 * Compiles every template in {@code reports/} once, in the background after start-up, and keeps the compiled
 * reports; a request that comes first waits for its own template only.
 */
@Component
public class ReportTemplates {

    private static final Logger log = LoggerFactory.getLogger(ReportTemplates.class);
    static final String LOCATION = "classpath*:reports/*.jrxml";
    private static final ClassLoader CLASS_LOADER = ReportTemplates.class.getClassLoader();

    private final Map<String, CompletableFuture<JasperReport>> compiled = new ConcurrentHashMap<>();

    @EventListener(ApplicationReadyEvent.class)
    void compileAllInBackground() {
        CompletableFuture.runAsync(() -> withApplicationClassLoader(() -> {
            long start = System.nanoTime();
            try {
                Resource[] templates = new PathMatchingResourcePatternResolver(CLASS_LOADER).getResources(LOCATION);
                for (Resource template : templates) {
                    String name = template.getFilename().replace(".jrxml", "");
                    get(name);
                }
                log.info("Compiled {} report templates in {} ms", templates.length,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            } catch (IOException | RuntimeException e) {
                log.error("Report templates could not be compiled", e);
            }
            return null;
        }));
    }

    public JasperReport get(String name) {
        return compiled.computeIfAbsent(name,
                n -> CompletableFuture.supplyAsync(() -> withApplicationClassLoader(() -> compile(n)))).join();
    }

    /**
     * Pool threads carry the JVM's class loader, which in the packaged jar sees neither the templates nor the
     * classes JasperReports compiles expressions against.
     */
    private static <T> T withApplicationClassLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(CLASS_LOADER);
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static JasperReport compile(String name) {
        String path = "/reports/" + name + ".jrxml";
        try (InputStream in = ReportTemplates.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No report template " + path);
            }
            return JasperCompileManager.compileReport(in);
        } catch (IOException | JRException e) {
            throw new IllegalStateException("Report template " + path + " does not compile: " + e.getMessage(), e);
        }
    }
}
