package io.campuscrm.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements that reach the database while a piece of work runs on the current thread, at the JDBC
 * level: every {@code execute}, {@code executeQuery}, {@code executeUpdate} and {@code executeBatch} (a batch counts
 * once), whoever sends it (Hibernate, {@code JdbcTemplate}, Spring Batch, Modulith's event registry); and, apart,
 * the parameter lookups some of them cost ({@link Counted#parameterLookups()}). Unlike
 * {@link SqlRecorder} it sees plain JDBC too. {@link Registration} wraps the application's {@link DataSource}; it is
 * in place for every {@link CampusIntegrationTest} and the benchmarks' application. Nothing is counted or changed on
 * threads that are not counting.
 * <pre>{@code
 * var counted = JdbcStatementCounter.count(() -> attendance.roster(sessionId));
 * assertThat(counted.count()).isLessThanOrEqualTo(12);
 * // counted.statements(): the SQL in order; counted.sent(): with the time each call took
 * }</pre>
 */
public final class JdbcStatementCounter {

    private static final ThreadLocal<@Nullable List<Sent>> COUNTING = new ThreadLocal<>();

    /**
     * A round trip as it was sent: its SQL ({@code batch: } first for a batch) and how long the call took;
     * {@code parameterLookup} for a {@code getParameterMetaData} call, which MariaDB's driver answers by preparing the
     * statement on the server (JdbcTemplate makes one for every null it binds without a type).
     */
    public record Sent(String sql, Duration took, boolean parameterLookup) {
    }

    private JdbcStatementCounter() {
    }

    /**
     * The work's result and what it sent, in order, with the time each took: its statements (a batch once) and any
     * parameter lookups among them.
     */
    public record Counted<T>(T result, List<Sent> sent) {

        /** Statements: {@code execute}, {@code executeQuery}, {@code executeUpdate}, {@code executeBatch} calls. */
        public int count() {
            return statements().size();
        }

        /** The statements' SQL, in order. */
        public List<String> statements() {
            return sent.stream().filter(s -> !s.parameterLookup()).map(Sent::sql).toList();
        }

        /** Round trips that were no statement: the driver asked the server for a statement's parameter types. */
        public int parameterLookups() {
            return (int) sent.stream().filter(Sent::parameterLookup).count();
        }
    }

    /** Runs the work on this thread and counts its statements; counts nest (an outer count sees the inner's). */
    public static <T> Counted<T> count(Callable<T> work) throws Exception {
        var outer = COUNTING.get();
        var statements = new ArrayList<Sent>();
        COUNTING.set(statements);
        try {
            T result = work.call();
            return new Counted<>(result, List.copyOf(statements));
        } finally {
            COUNTING.set(outer);
            if (outer != null) {
                outer.addAll(statements);
            }
        }
    }

    /** How many statements the work sent. */
    public static int countOf(SqlRecorder.ThrowingRunnable work) throws Exception {
        return count(() -> {
            work.run();
            return Boolean.TRUE;
        }).count();
    }

    private static void counted(String sql, long nanos, boolean parameterLookup) {
        var statements = COUNTING.get();
        if (statements != null) {
            statements.add(new Sent(sql, Duration.ofNanos(nanos), parameterLookup));
        }
    }

    /** Wraps the application's data source (any bean that is one) in the counting one. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Registration {

        @Bean
        static BeanPostProcessor jdbcStatementCounterPostProcessor() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource ds && !(bean instanceof CountingDataSource)
                            ? new CountingDataSource(ds) : bean;
                }
            };
        }
    }

    /** Hands out connections whose statements count; closing it closes the pool it wraps. */
    static final class CountingDataSource extends DelegatingDataSource implements AutoCloseable {

        CountingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return connection(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return connection(super.getConnection(username, password));
        }

        @Override
        public void close() throws Exception {
            if (getTargetDataSource() instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    private static Connection connection(Connection target) {
        return proxy(Connection.class, target, (method, args) -> {
            Object result = invoke(method, target, args);
            String name = method.getName();
            if (result instanceof Statement statement && (name.equals("createStatement")
                    || name.equals("prepareStatement") || name.equals("prepareCall"))) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                Class<? extends Statement> type = name.equals("createStatement") ? Statement.class
                        : name.equals("prepareStatement") ? PreparedStatement.class : CallableStatement.class;
                return statement(type, statement, sql);
            }
            return result;
        });
    }

    private static Statement statement(Class<? extends Statement> type, Statement target, @Nullable String prepared) {
        return proxy(type, target, (method, args) -> {
            String name = method.getName();
            boolean lookup = name.equals("getParameterMetaData");
            if (!(name.startsWith("execute") || lookup) || COUNTING.get() == null) {
                return invoke(method, target, args);
            }
            String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : prepared;
            long start = System.nanoTime();
            try {
                return invoke(method, target, args);
            } finally {
                counted(name.contains("Batch") ? "batch: " + sql : lookup ? "parameter types: " + sql
                        : String.valueOf(sql), System.nanoTime() - start, lookup);
            }
        });
    }

    @FunctionalInterface
    private interface Handler {
        @Nullable Object handle(Method method, @Nullable Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<? extends T> type, T target, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> switch (method.getName()) {
            // a connection is the same connection only as this proxy (Spring compares held connections)
            case "equals" -> args != null && proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "unwrap" -> args != null && args[0] instanceof Class<?> c && c.isInstance(proxy) ? proxy
                    : handler.handle(method, args);
            default -> handler.handle(method, args);
        };
        return (T) Proxy.newProxyInstance(JdbcStatementCounter.class.getClassLoader(), new Class<?>[] {type},
                invocation);
    }

    private static @Nullable Object invoke(Method method, Object target, @Nullable Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
