package dev.cohort.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Which PostgreSQL the API tests run on. System property {@code cohort.test.database}: {@code embedded} (default:
 * the service starts its own, with a fresh data directory) or {@code external}: a fresh database created on the
 * server given by env {@code COHORT_TEST_DB_URL} and dropped when the JVM exits. Without that URL the external
 * run is skipped, unless {@code COHORT_TEST_REQUIRE_EXTERNAL=true} (as in CI), which makes it fail.
 */
public final class TestDatabase {
    private static String externalUrl;

    private TestDatabase() {
    }

    public static boolean external() {
        return "external".equals(System.getProperty("cohort.test.database", "embedded"));
    }

    /** Skips (or, when required, fails) the calling test class when the external server is not configured. */
    public static void requireConfigured() {
        if (!external() || serverUrl() != null) {
            return;
        }
        if (Boolean.parseBoolean(System.getenv().getOrDefault("COHORT_TEST_REQUIRE_EXTERNAL", "false"))) {
            throw new IllegalStateException("COHORT_TEST_REQUIRE_EXTERNAL is set but COHORT_TEST_DB_URL is not");
        }
        Assumptions.abort("COHORT_TEST_DB_URL is not set: the external PostgreSQL run is skipped");
    }

    static String serverUrl() {
        String url = System.getenv("COHORT_TEST_DB_URL");
        return url == null || url.isBlank() ? null : url.trim();
    }

    /** The JDBC URL of this run's own database on the external server, created on first use. */
    public static synchronized String externalDatabaseUrl() {
        if (externalUrl == null) {
            String server = serverUrl();
            String name = "cohort_test_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
            execute(server, "create database " + name);
            externalUrl = withDatabase(server, name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(server, "drop database if exists " + name
                    + " with (force)")));
        }
        return externalUrl;
    }

    /** A fresh data directory for an embedded server. */
    public static Path newEmbeddedDataDir() {
        try {
            return Files.createTempDirectory("cohort-test-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Replaces the database name in a {@code jdbc:postgresql://host:port/db?params} URL. */
    static String withDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?');
        String params = query < 0 ? "" : url.substring(query);
        return url.substring(0, slash + 1) + database + params;
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user(), password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + url, e);
        }
    }

    static String user() {
        return System.getenv().getOrDefault("COHORT_TEST_DB_USER", "postgres");
    }

    static String password() {
        return System.getenv().getOrDefault("COHORT_TEST_DB_PASSWORD", "");
    }
}
