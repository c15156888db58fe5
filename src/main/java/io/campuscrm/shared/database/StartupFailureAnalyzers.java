package io.campuscrm.shared.database;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Turns the start-up failures an operator can fix (database unreachable or refusing the login, data directory
 * not writable, a port in use) into one message that names the setting to change, instead of a stack trace.
 */
final class StartupFailureAnalyzers {

    private StartupFailureAnalyzers() {
    }

    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The embedded database could not start. */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class EmbeddedDatabase implements FailureAnalyzer {

        @Override
        public FailureAnalysis analyze(Throwable failure) {
            var e = find(failure, DatabaseStartupException.class);
            return e == null ? null : new FailureAnalysis(e.getMessage(), "Change the setting " + e.setting() + ".", e);
        }
    }

    /** An external database refused the connection or the login. */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class ExternalDatabase implements FailureAnalyzer {

        private final Environment environment;

        ExternalDatabase(Environment environment) {
            this.environment = environment;
        }

        @Override
        public FailureAnalysis analyze(Throwable failure) {
            var e = find(failure, SQLException.class);
            if (e == null || find(failure, DatabaseStartupException.class) != null) {
                return null;
            }
            String url = environment.getProperty("spring.datasource.url", "(the embedded database)");
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            boolean login = state.startsWith("28") || String.valueOf(e.getMessage()).contains("Access denied");
            String description = (login ? "The database at " + url + " refused the login: "
                    : "Campus CRM cannot reach its database at " + url + ": ") + e.getMessage();
            String action = login
                    ? "Check spring.datasource.username and spring.datasource.password "
                            + "(SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD)"
                            + (environment.containsProperty("spring.flyway.user")
                                    ? ", and Flyway's spring.flyway.user and spring.flyway.password "
                                            + "(SPRING_FLYWAY_USER, SPRING_FLYWAY_PASSWORD)."
                                    : ".")
                    : "Check spring.datasource.url (SPRING_DATASOURCE_URL) and that the MariaDB server is running,"
                            + " or remove the setting to use the embedded database.";
            return new FailureAnalysis(description, action, e);
        }
    }

    /** The web port is taken by another process. */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class WebPort implements FailureAnalyzer {

        @Override
        public FailureAnalysis analyze(Throwable failure) {
            var e = find(failure, PortInUseException.class);
            return e == null ? null
                    : new FailureAnalysis("Port " + e.getPort() + ", where Campus CRM serves its web pages, is already in use.",
                            "Stop the other process, or set server.port (environment variable PORT) to a free port.", e);
        }
    }
}
