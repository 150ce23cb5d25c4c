package dev.cohort.client;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The packaged service ({@code target/cohort.jar}) started as its own process on a free port, as an operator would
 * start it: on the embedded PostgreSQL (a fresh data directory) or on an external server (a fresh database created
 * on {@code COHORT_TEST_DB_URL}'s server and dropped afterwards). Its log goes to a file, shown when it fails to start.
 */
final class RunningService implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    private final Path log;
    private final String database;
    private final String externalUrl;
    final String baseUrl;
    final String apiKey;

    private RunningService(Process process, Path log, String baseUrl, String apiKey, String database,
                           String externalUrl) {
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.database = database;
        this.externalUrl = externalUrl;
    }

    /** Starts the jar on {@code db} ("embedded", or "external" on {@code externalUrl}), and waits until it is up. */
    static RunningService start(String db, String externalUrl) throws Exception {
        Path work = Path.of(System.getProperty("cohort.work", "target"));
        Path jar = Path.of(System.getProperty("cohort.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No service jar at " + jar + ": run the main build's package phase first");
        }
        int port = freePort();
        String apiKey = "ck_client_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        Path dataDir = Files.createTempDirectory(Files.createDirectories(work), "data-" + db + "-");
        Path log = work.resolve("service-" + db + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("COHORT_DATA_DIR", dataDir.toString());
        builder.environment().put("COHORT_BOOTSTRAP_API_KEY", apiKey);
        builder.environment().put("COHORT_RATE_LIMIT", "off");
        String database = null;
        if (db.equals("external")) {
            database = "cohort_client_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
            String user = env("COHORT_TEST_DB_USER", "postgres");
            execute(externalUrl, "create database " + database);
            builder.environment().put("COHORT_DB_URL", withDatabase(externalUrl, database));
            builder.environment().put("COHORT_DB_USER", user);
            String password = System.getenv("COHORT_TEST_DB_PASSWORD");
            if (password != null) {
                builder.environment().put("COHORT_DB_PASSWORD", password);
            }
        }
        RunningService service = new RunningService(builder.start(), log, "http://127.0.0.1:" + port, apiKey,
                database, externalUrl);
        service.awaitHealthy();
        return service;
    }

    private void awaitHealthy() throws Exception {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service stopped while starting:\n" + tail());
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl + "/actuator/health").toURL()
                        .openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(2000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The service did not start within " + START_TIMEOUT + ":\n" + tail());
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        if (database != null) {
            execute(externalUrl, "drop database if exists " + database + " with (force)");
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, env("COHORT_TEST_DB_USER", "postgres"),
                System.getenv("COHORT_TEST_DB_PASSWORD"))) {
            connection.createStatement().execute(sql);
        }
    }

    /** {@code jdbc:postgresql://host:port/test?x=y} with another database name. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String rest = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + rest;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
