package io.campuscrm.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The embedded database checks logins: root only over the socket, the owner account for the schema, the runtime
 * account for data only, and their passwords in a file only its owner can read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedDatabaseAccountsIT {

    private static final EmbeddedDatabaseProperties PROPERTIES = new EmbeddedDatabaseProperties(0, "campuscrm",
            Duration.ofSeconds(60));

    private final Path dataDir = Path.of("target/embedded-db-accounts-it", UUID.randomUUID().toString());
    private EmbeddedMariaDb db;

    @BeforeAll
    void start() {
        db = new EmbeddedMariaDb(dataDir, PROPERTIES);
        db.start();
    }

    @AfterAll
    void stop() {
        db.close();
    }

    @Test
    void root_cannot_log_in_over_tcp_with_an_empty_password() throws SQLException {
        assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "root", "").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("Access denied for user 'root'@'127.0.0.1'");
        try (var c = connect(db, db.ownerAccount())) {
            assertThat(c.isValid(2)).as("the same port answers a real account").isTrue();
        }
    }

    @Test
    void the_operating_system_user_running_the_app_administers_the_server_over_its_private_socket() throws Exception {
        String user = System.getProperty("user.name");
        assertThat(adminQuery(db, "SELECT CURRENT_USER()")).isEqualTo(user + "@localhost");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db.socket().getParent())))
                .isEqualTo("rwx------");
        assertThat(db.socket().toString()).doesNotStartWith(System.getProperty("java.io.tmpdir"));
    }

    @Test
    void the_runtime_account_reads_and_writes_data_but_cannot_create_or_drop_a_table() throws SQLException {
        execute(db.ownerAccount(), "CREATE TABLE runtime_probe (id INT PRIMARY KEY, text VARCHAR(20))");
        try (var c = connect(db, db.runtimeAccount()); var s = c.createStatement()) {
            s.execute("INSERT INTO runtime_probe VALUES (1, 'new')");
            s.execute("UPDATE runtime_probe SET text = 'changed' WHERE id = 1");
            s.execute("CREATE TEMPORARY TABLE scratch (id INT)");
            s.execute("LOCK TABLES runtime_probe READ");
            s.execute("UNLOCK TABLES");
            s.execute("DELETE FROM runtime_probe WHERE id = 1");
            for (String ddl : List.of("CREATE TABLE sneaky (id INT)", "DROP TABLE runtime_probe",
                    "ALTER TABLE runtime_probe ADD COLUMN extra INT", "TRUNCATE TABLE runtime_probe",
                    "GRANT SELECT ON campuscrm.* TO 'campuscrm_app'@'127.0.0.1'")) {
                assertThatThrownBy(() -> s.execute(ddl)).as(ddl).isInstanceOf(SQLException.class)
                        .hasMessageContaining("denied");
            }
        }
    }

    @Test
    void the_owner_account_creates_alters_and_drops_tables() throws SQLException {
        try (var c = connect(db, db.ownerAccount()); var s = c.createStatement()) {
            s.execute("CREATE TABLE owner_probe (id INT)");
            s.execute("ALTER TABLE owner_probe ADD COLUMN text VARCHAR(20)");
            s.execute("CREATE INDEX ix_owner_probe_text ON owner_probe (text)");
            s.execute("DROP TABLE owner_probe");
        }
    }

    /**
     * MariaDB has no partial revokes: a table-level REVOKE cannot take away what a schema-level GRANT gives. A
     * migration (run by the owner, who has GRANT OPTION) therefore takes UPDATE and DELETE off the schema and gives
     * them back table by table, except to the append-only table.
     */
    @Test
    void a_migration_run_by_the_owner_can_make_one_table_insert_only_for_the_runtime_account() throws SQLException {
        var owner = db.ownerAccount();
        String runtime = db.runtimeAccount().toString();
        execute(owner, "CREATE TABLE ledger_probe (id INT)", "CREATE TABLE other_probe (id INT)",
                "INSERT INTO ledger_probe VALUES (1)", "INSERT INTO other_probe VALUES (1)");
        assertThatThrownBy(() -> execute(owner, "REVOKE UPDATE, DELETE ON campuscrm.ledger_probe FROM " + runtime))
                .as("no partial revokes").hasMessageContaining("no such grant");
        try {
            execute(owner, "REVOKE UPDATE, DELETE ON campuscrm.* FROM " + runtime,
                    "GRANT UPDATE, DELETE ON campuscrm.other_probe TO " + runtime);
            try (var c = connect(db, db.runtimeAccount()); var s = c.createStatement()) {
                s.execute("INSERT INTO ledger_probe VALUES (2)");
                s.execute("UPDATE other_probe SET id = 2");
                assertThatThrownBy(() -> s.execute("UPDATE ledger_probe SET id = 3"))
                        .hasMessageContaining("UPDATE command denied");
                assertThatThrownBy(() -> s.execute("DELETE FROM ledger_probe"))
                        .hasMessageContaining("DELETE command denied");
            }
        } finally {
            execute(owner, "GRANT UPDATE, DELETE ON campuscrm.* TO " + runtime,
                    "REVOKE UPDATE, DELETE ON campuscrm.other_probe FROM " + runtime);
        }
    }

    @Test
    void the_credentials_file_and_the_database_files_are_for_their_owner_only() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db.credentialsFile())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db.credentialsFile().getParent())))
                .isEqualTo("rwx------");
        assertThat(Files.readString(db.credentialsFile())).contains("owner.password=" + db.ownerAccount().password())
                .contains("runtime.password=" + db.runtimeAccount().password());
    }

    @Test
    void a_data_directory_without_accounts_like_an_older_version_made_gets_them_at_the_next_start() throws Exception {
        Path olderDir = Path.of("target/embedded-db-accounts-it", UUID.randomUUID().toString());
        DatabaseAccount oldOwner;
        try (var older = new EmbeddedMariaDb(olderDir, PROPERTIES)) {
            older.start();
            oldOwner = older.ownerAccount();
            execute(older, oldOwner, "CREATE TABLE note (text VARCHAR(20))", "INSERT INTO note VALUES ('kept')");
            // what installs without grant tables could leave: root over TCP without a password
            adminQuery(older, "CREATE USER 'root'@'127.0.0.1'; GRANT ALL ON *.* TO 'root'@'127.0.0.1'; SELECT 1");
            DriverManager.getConnection(older.jdbcUrl(), "root", "").close();
            Files.delete(older.credentialsFile());
        }
        try (var upgraded = new EmbeddedMariaDb(olderDir, PROPERTIES)) {
            upgraded.start();
            assertThat(upgraded.credentialsFile()).exists();
            assertThat(upgraded.ownerAccount().password()).isNotEqualTo(oldOwner.password());
            assertThatThrownBy(() -> DriverManager.getConnection(upgraded.jdbcUrl(), "root", "").close())
                    .hasMessageContaining("Access denied");
            assertThatThrownBy(() -> connect(upgraded, oldOwner).close()).hasMessageContaining("Access denied");
            try (var c = connect(upgraded, upgraded.runtimeAccount());
                    var rs = c.createStatement().executeQuery("SELECT text FROM note")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("kept");
            }
        }
    }

    @Test
    void passwords_the_server_refuses_are_replaced_at_start() throws Exception {
        Path otherDir = Path.of("target/embedded-db-accounts-it", UUID.randomUUID().toString());
        try (var first = new EmbeddedMariaDb(otherDir, PROPERTIES)) {
            first.start();
            Files.writeString(first.credentialsFile(), Files.readString(first.credentialsFile())
                    .replace(first.runtimeAccount().password(), "restored-from-an-old-backup"));
        }
        try (var again = new EmbeddedMariaDb(otherDir, PROPERTIES)) {
            again.start();
            assertThat(again.runtimeAccount().password()).isNotEqualTo("restored-from-an-old-backup");
            try (var c = connect(again, again.runtimeAccount())) {
                assertThat(c.isValid(2)).isTrue();
            }
        }
    }

    private void execute(DatabaseAccount account, String... statements) throws SQLException {
        execute(db, account, statements);
    }

    private static void execute(EmbeddedMariaDb server, DatabaseAccount account, String... statements)
            throws SQLException {
        try (var c = connect(server, account); var s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static Connection connect(EmbeddedMariaDb server, DatabaseAccount account) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), account.user(), account.password());
    }

    /** The mariadb client over the socket, as this operating-system user: how an administrator gets in. */
    private static String adminQuery(EmbeddedMariaDb server, String sql) throws Exception {
        Path base = server.dataDirectory().resolveSibling("server");
        var process = new ProcessBuilder(base.resolve("bin/mariadb").toString(), "--no-defaults", "--skip-ssl",
                "--socket=" + server.socket(), "-u", System.getProperty("user.name"), "-N", "-B", "-e", sql)
                .redirectErrorStream(true);
        process.environment().put("LD_LIBRARY_PATH", base.resolve("libs").toString());
        var running = process.start();
        String output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(running.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(running.exitValue()).as(output).isZero();
        return output;
    }
}
