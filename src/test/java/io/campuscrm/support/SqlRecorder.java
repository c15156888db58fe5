package io.campuscrm.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Records the SQL that Hibernate sends while a piece of work runs on the current thread, so a test can count the
 * statements or EXPLAIN them. Registered for the tests' Spring context in {@code application-test.properties}
 * ({@code hibernate.session_factory.statement_inspector}); it changes no statement. Plain JDBC (JdbcTemplate) is not
 * seen.
 */
public final class SqlRecorder implements StatementInspector {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    /** The statements and the work's result. */
    public record Recorded<T>(T result, List<String> statements) {
    }

    @Override
    public String inspect(String sql) {
        var statements = RECORDING.get();
        if (statements != null) {
            statements.add(sql);
        }
        return sql;
    }

    public static <T> Recorded<T> record(Callable<T> work) throws Exception {
        var previous = RECORDING.get();
        var statements = new ArrayList<String>();
        RECORDING.set(statements);
        try {
            T result = work.call();
            return new Recorded<>(result, List.copyOf(statements));
        } finally {
            if (previous == null) {
                RECORDING.remove();
            } else {
                RECORDING.set(previous);
            }
        }
    }

    public static List<String> statementsOf(ThrowingRunnable work) throws Exception {
        return record(() -> {
            work.run();
            return Boolean.TRUE;
        }).statements();
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
