package dev.cohort.messaging;

import dev.cohort.support.Smtp;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import dev.cohort.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Cohort as a separate process on the test's database, killed with SIGKILL in the middle of delivering the outbox
 * and started again: no email is lost, and only the one being sent at the kill can arrive twice.
 */
class OutboxCrashApiTest extends ApiTest {
    private static final Logger log = LoggerFactory.getLogger(OutboxCrashApiTest.class);
    @RegisterExtension
    static final Smtp SMTP = Smtp.server();
    private static final int EMAILS = 200;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        SMTP.register(registry);
    }

    @Autowired
    DataSource dataSource;

    @Test
    void a_worker_killed_mid_batch_loses_no_email_and_sends_again_at_most_the_one_in_flight() throws Exception {
        Api.SpotClient spot = newSpot();
        Fixtures fixtures = new Fixtures(jdbc);
        String ada = spot.member("ada-" + UUID.randomUUID() + "@example.com", "Ada", "Lovelace");
        List<UUID> ids = fixtures.emails(spot.spotId, ada, fixtures.resource(spot.spotId, "live", "Kick-off"), EMAILS);
        UUID[] idArray = ids.toArray(UUID[]::new);
        // The workers started below deliver every due row of the database, and earlier test classes (which
        // deliver their own Spot's rows by hand, if at all) leave thousands pending on a shared database: put
        // those off, so that the workers' time goes to this test's emails.
        jdbc.sql("update outbox set next_attempt_at = now() + interval '1 day' where status = 'pending' "
                + "and spot_id <> :spot").param("spot", UUID.fromString(spot.spotId)).update();
        Path logs = Files.createTempDirectory("cohort-crash-");

        Process first = start(logs.resolve("first.log"));
        Process second = null;
        try {
            await(first, logs.resolve("first.log"), 40, () -> count(idArray, "sent") >= 40);
            first.destroyForcibly().waitFor();
            long sentAtKill = count(idArray, "sent");
            int receivedAtKill = SMTP.received(ids).values().stream().mapToInt(Integer::intValue).sum();
            assertThat(sentAtKill).as("killed before the outbox was delivered").isLessThan(EMAILS);

            second = start(logs.resolve("second.log"));
            await(second, logs.resolve("second.log"), 45, () -> count(idArray, "pending") == 0);

            Map<UUID, Integer> received = SMTP.received(ids);
            int duplicates = received.values().stream().mapToInt(n -> n - 1).sum();
            log.info("Crash test: {} emails, {} marked sent and {} received at the kill, {} duplicates after the "
                    + "restart", EMAILS, sentAtKill, receivedAtKill, duplicates);
            assertThat(new HashSet<>(received.keySet())).as("every email arrived").containsExactlyInAnyOrderElementsOf(ids);
            assertThat(count(idArray, "sent")).isEqualTo(EMAILS);
            // One worker thread sends one email at a time: only the one between SMTP's reply and its 'sent' mark
            // can go out twice; the recipient side recognises it by its Message-ID.
            assertThat(duplicates).isLessThanOrEqualTo(1);
        } finally {
            first.destroyForcibly();
            if (second != null) {
                second.destroyForcibly().waitFor();
            }
        }
    }

    private long count(UUID[] ids, String status) {
        return jdbc.sql("select count(*) from outbox where message_id = any(:ids) and status = :status")
                .param("ids", ids).param("status", status).query(Long.class).single();
    }

    private Process start(Path logFile) throws IOException {
        HikariDataSource db = (HikariDataSource) dataSource;
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", classpath, "dev.cohort.CohortApplication");
        Map<String, String> env = builder.environment();
        env.put("COHORT_DB_URL", db.getJdbcUrl());
        env.put("COHORT_DB_USER", db.getUsername());
        if (db.getPassword() != null) {
            env.put("COHORT_DB_PASSWORD", db.getPassword());
        }
        env.put("COHORT_DB_POOL_SIZE", "4");
        env.put("COHORT_DATA_DIR", TestDatabase.newEmbeddedDataDir().toString());
        env.put("PORT", "0");
        env.put("COHORT_SMTP_HOST", "127.0.0.1");
        env.put("COHORT_SMTP_PORT", Integer.toString(SMTP.port()));
        env.put("COHORT_OUTBOX_ENABLED", "true");
        env.put("COHORT_OUTBOX_POLL_MILLIS", "20");
        env.put("COHORT_OUTBOX_BATCH_SIZE", "10");
        env.put("COHORT_OUTBOX_LEASE_SECONDS", "2");
        return builder.redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
    }

    private static void await(Process process, Path logFile, int seconds, BooleanSupplier condition)
            throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                List<String> lines = Files.readAllLines(logFile);
                throw new AssertionError((process.isAlive() ? "Timed out" : "The process exited") + "; its log ends:\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            }
            Thread.sleep(5);
        }
    }
}
