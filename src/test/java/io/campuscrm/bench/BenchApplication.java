package io.campuscrm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.vaadin.flow.server.VaadinServlet;

import io.campuscrm.CampusCrmApplication;
import io.campuscrm.shared.database.EmbeddedMariaDb;
import io.campuscrm.support.JdbcStatementCounter;
import io.campuscrm.support.SignedIn;

/**
 * The whole application, as {@code java -jar} runs it in demo mode, on a fresh embedded database in
 * {@code target/bench-data} (apart from the tests' databases; the last run's, with {@link #reusesData()}). Demo data is not generated at start: the benchmark
 * generates it at its own scale and times it.
 */
final class BenchApplication implements AutoCloseable {

    static final Path DATA = Path.of("target", "bench-data").toAbsolutePath();

    private final ConfigurableApplicationContext context;

    private BenchApplication(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static BenchApplication start() {
        if (!reusesData()) {
            deleteRecursively(DATA);
        }
        List<String> arguments = new ArrayList<>(List.of("--campuscrm.data-dir=" + DATA,
                "--campuscrm.demo.generate-on-start=false",
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--vaadin.devmode.devTools.enabled=false",
                "--logging.level.com.vaadin=WARN",
                "--logging.level.org.atmosphere=WARN"));
        if (productionModeRequested()) {
            // -Pbench,production: build-frontend has put the production bundle into target/classes; the jar would
            // say so in its flow-build-info.json, which the Maven build does not leave behind on the classpath
            arguments.add("--vaadin.productionMode=true");
        }
        // as command-line arguments: they win over application.properties (builder properties would not)
        // the data source counts statements for JdbcStatementCounter (threads that do not count pay a proxy call)
        var context = new SpringApplicationBuilder(CampusCrmApplication.class, JdbcStatementCounter.Registration.class)
                .profiles("demo")
                .run(arguments.toArray(String[]::new));
        return new BenchApplication(context);
    }

    /**
     * {@code -Dbench.reuseData=true}: the database of the last run in {@code target/bench-data} is kept, so that a
     * benchmark that supports it measures again without generating (minutes at the larger scales).
     */
    static boolean reusesData() {
        return Boolean.getBoolean("bench.reuseData");
    }

    /** Set by the {@code production} Maven profile, so that browser benchmarks time what users get. */
    static boolean productionModeRequested() {
        return Boolean.getBoolean("bench.productionMode");
    }

    /** Whether Vaadin really runs in production mode (the bundle found, no dev server). */
    boolean vaadinProductionMode() {
        return context.getBeanProvider(ServletRegistrationBean.class).orderedStream()
                .map(ServletRegistrationBean::getServlet)
                .filter(VaadinServlet.class::isInstance)
                .map(servlet -> ((VaadinServlet) servlet).getService().getDeploymentConfiguration()
                        .isProductionMode())
                .findFirst().orElse(false);
    }

    /** The port the embedded web server listens on (a free one). */
    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Runs the work as a demo user, signed in as the login form would sign them in (roles and campuses). */
    <T> T as(String username, Callable<T> work) throws Exception {
        return SignedIn.as(bean(UserDetailsService.class), username, work);
    }

    Path databaseDirectory() {
        return bean(EmbeddedMariaDb.class).dataDirectory();
    }

    /**
     * Runs SQL as the embedded server's root, over its private socket with the server's own client (the
     * application's account may not change global settings, decision 0055): e.g. a larger buffer pool for a load of
     * millions of rows. Answers false, with what the client said logged, when root may not log in (another OS user).
     */
    boolean runAsDatabaseRoot(String sql) throws IOException, InterruptedException {
        var db = bean(EmbeddedMariaDb.class);
        var client = db.dataDirectory().getParent().resolve("server").resolve("bin").resolve("mariadb");
        var process = new ProcessBuilder(client.toString(), "--no-defaults", "--skip-ssl", "--batch",
                "--socket=" + db.socket(), "--user=root", "-e", sql).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        boolean done = process.waitFor() == 0;
        if (!done) {
            org.slf4j.LoggerFactory.getLogger(BenchApplication.class).warn("{} as database root: {}", sql, output);
        }
        return done;
    }

    @Override
    public void close() {
        context.close();
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear " + directory + " (is a benchmark still running?)", e);
        }
    }
}
