package io.campuscrm.shared.database;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two accounts of the embedded database and the file that keeps their passwords,
 * {@code <data-dir>/mariadb/credentials.properties}, readable by its owner only.
 *
 * @param owner   migrates the schema (Flyway): every privilege on the schema, with GRANT OPTION
 * @param runtime the application's pool: data only, no DDL
 */
record EmbeddedDatabaseAccounts(DatabaseAccount owner, DatabaseAccount runtime) {

    static final String OWNER_USER = "campuscrm_owner";
    static final String RUNTIME_USER = "campuscrm_app";
    static final String RUNTIME_PRIVILEGES =
            "SELECT, INSERT, UPDATE, DELETE, EXECUTE, CREATE TEMPORARY TABLES, LOCK TABLES";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseAccounts.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    static EmbeddedDatabaseAccounts generate() {
        return new EmbeddedDatabaseAccounts(new DatabaseAccount(OWNER_USER, password()),
                new DatabaseAccount(RUNTIME_USER, password()));
    }

    /** 32 characters from 57: about 187 bits, and nothing that needs quoting in SQL or a properties file. */
    private static String password() {
        var password = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /** The stored accounts, or empty when the file is missing or incomplete (a data directory of an older version). */
    static Optional<EmbeddedDatabaseAccounts> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        var properties = new Properties();
        try {
            properties.load(new StringReader(Files.readString(file)));
            restrictToOwner(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        String ownerUser = properties.getProperty("owner.user");
        String ownerPassword = properties.getProperty("owner.password");
        String runtimeUser = properties.getProperty("runtime.user");
        String runtimePassword = properties.getProperty("runtime.password");
        if (blank(ownerUser) || blank(ownerPassword) || blank(runtimeUser) || blank(runtimePassword)) {
            log.warn("{} is incomplete; the embedded database's accounts get new passwords", file);
            return Optional.empty();
        }
        return Optional.of(new EmbeddedDatabaseAccounts(new DatabaseAccount(ownerUser, ownerPassword),
                new DatabaseAccount(runtimeUser, runtimePassword)));
    }

    /** Written to a new file that is private from its creation, then moved over the old one in one step. */
    void write(Path file) {
        var properties = new Properties();
        properties.setProperty("owner.user", owner.user());
        properties.setProperty("owner.password", owner.password());
        properties.setProperty("runtime.user", runtime.user());
        properties.setProperty("runtime.password", runtime.password());
        var text = new StringWriter();
        try {
            properties.store(text, " The embedded MariaDB's accounts on 127.0.0.1 (owner: Flyway, runtime: the application)."
                    + "\n Keep this file private. Deleting it gives both accounts new passwords at the next start.");
            Path next = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(next);
            if (posix(file.getParent())) {
                Files.createFile(next, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(next);
                restrictToOwner(next);
            }
            Files.writeString(next, text.toString());
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /**
     * The SQL that a session with every privilege runs to give an installed server these accounts: it creates the
     * schema and the accounts, sets their passwords, and removes every root or anonymous login that a TCP client could
     * use (and the proxy grant that mariadb-install-db gives root at this host name, which --skip-name-resolve warns
     * about at every start). The runtime account gets its privileges only when it is created, so that a later start never gives back a
     * privilege that a migration revoked.
     */
    String setUpSql(String schema) {
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("Not a schema name: " + schema);
        }
        String ownerAccount = account(owner);
        String runtimeAccount = account(runtime);
        return """
                DELETE FROM mysql.proxies_priv WHERE host <> 'localhost';
                FLUSH PRIVILEGES;
                CREATE DATABASE IF NOT EXISTS `%1$s`;
                DELIMITER //
                BEGIN NOT ATOMIC
                  FOR stale IN (SELECT user, host FROM mysql.global_priv
                                WHERE user = '' OR (user = 'root' AND host <> 'localhost')) DO
                    EXECUTE IMMEDIATE CONCAT('DROP USER ', QUOTE(stale.user), '@', QUOTE(stale.host));
                  END FOR;
                  IF NOT EXISTS (SELECT 1 FROM mysql.global_priv WHERE user = '%5$s' AND host = '127.0.0.1') THEN
                    CREATE USER %4$s IDENTIFIED BY '%6$s';
                    GRANT %7$s ON `%1$s`.* TO %4$s;
                  END IF;
                END//
                DELIMITER ;
                ALTER USER IF EXISTS 'root'@'localhost' IDENTIFIED VIA unix_socket;
                CREATE USER IF NOT EXISTS %2$s IDENTIFIED BY '%3$s';
                ALTER USER %2$s IDENTIFIED BY '%3$s';
                GRANT ALL PRIVILEGES ON `%1$s`.* TO %2$s WITH GRANT OPTION;
                ALTER USER %4$s IDENTIFIED BY '%6$s';
                """.formatted(schema, ownerAccount, owner.password(), runtimeAccount, runtime.user(),
                runtime.password(), RUNTIME_PRIVILEGES);
    }

    private static String account(DatabaseAccount account) {
        return "'" + account.user() + "'@'127.0.0.1'";
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (posix(file)) {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                log.warn("{} was readable by others; it is now readable by its owner only", file);
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } else {
            var f = file.toFile();
            boolean restricted = f.setReadable(false, false) & f.setReadable(true, true)
                    & f.setWritable(false, false) & f.setWritable(true, true);
            if (!restricted) {
                log.warn("Could not make {} private to its owner on this file system", file);
            }
        }
    }

    private static boolean posix(Path path) throws IOException {
        return Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class);
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
