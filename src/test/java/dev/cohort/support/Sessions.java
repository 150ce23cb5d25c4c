package dev.cohort.support;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plain JDBC sessions on the service's database for the tests of its key checks: statements in their own or in
 * explicit transactions, and the means to see that one of two racing transactions waits for the other.
 */
public final class Sessions {
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private Sessions() {
    }

    /** Runs one statement in its own transaction (auto-commit); the rows it changed. */
    public static int update(DataSource dataSource, String sql, Object... params) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return execute(connection, sql, params);
        }
    }

    /** A connection with auto-commit off; closing it uncommitted rolls back (the pool does). */
    public static Connection transaction(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        // A lost wake-up fails the test instead of hanging it.
        execute(connection, "set local lock_timeout = '30s'");
        return connection;
    }

    public static int execute(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        }
    }

    public static int backendPid(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_backend_pid()");
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getInt(1);
        }
    }

    /** Asserts that {@code thrown} is a key check's foreign key violation with this message. */
    public static void assertKeyViolation(Throwable thrown, String message) {
        assertThat(thrown).as("the statement fails with \"%s\"", message).isInstanceOf(SQLException.class);
        assertThat(((SQLException) thrown).getSQLState()).isEqualTo(FOREIGN_KEY_VIOLATION);
        // The message tells the trigger's check from any other foreign key of the tables.
        assertThat(thrown.getMessage()).contains(message);
    }

    /** What the statement running in {@code call} failed with (null when it succeeded); waits up to 30 s. */
    public static Throwable failure(Future<?> call) throws Exception {
        try {
            call.get(30, SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    /**
     * Waits until the backend {@code pid} waits for a lock: its statement blocks on the other transaction, rather
     * than being slow. Fails when the statement ends first or nothing happens within 10 s.
     */
    public static void awaitLockWait(JdbcClient jdbc, int pid, Future<?> statement) throws Exception {
        long deadline = System.nanoTime() + SECONDS.toNanos(10);
        while (!jdbc.sql("select coalesce(wait_event_type, '') from pg_stat_activity where pid = :pid")
                .param("pid", pid).query(String.class).single().equals("Lock")) {
            if (statement.isDone()) {
                Throwable thrown = failure(statement);
                throw new AssertionError("The statement did not wait for the concurrent transaction; it ended "
                        + (thrown == null ? "without an error" : "with " + thrown));
            }
            assertThat(System.nanoTime()).as("the statement waits for a lock within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
        assertThat(statement.isDone()).isFalse();
    }
}
