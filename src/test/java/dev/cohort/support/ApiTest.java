package dev.cohort.support;

import dev.cohort.CohortApplication;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the HTTP tests: the real application on a random port, on the embedded PostgreSQL or the external
 * server (see {@link TestDatabase}). Every test creates its own Spot, so tests never see each other's data.
 */
@SpringBootTest(classes = CohortApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The email outbox worker is off: on the external server every test context shares one database, and a test
// delivers its rows itself (OutboxWorker.deliverPending) so that no other context takes them.
// A pool of 8 per context: the contexts Spring keeps cached (one per distinct test configuration) each hold their
// pool open, and on the external server they must stay under its max_connections (100) together.
@TestPropertySource(properties = {"COHORT_ADMIN_TOKEN=" + ApiTest.ADMIN_TOKEN, "COHORT_RATE_LIMIT=off",
        "COHORT_OUTBOX_ENABLED=false", "COHORT_DB_POOL_SIZE=8"})
public abstract class ApiTest {
    public static final String ADMIN_TOKEN = "test-admin-token";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @BeforeAll
    static void requireDatabase() {
        TestDatabase.requireConfigured();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if (TestDatabase.external()) {
            registry.add("COHORT_DB_URL", TestDatabase::externalDatabaseUrl);
            registry.add("COHORT_DB_USER", TestDatabase::user);
            registry.add("COHORT_DB_PASSWORD", TestDatabase::password);
        }
        // Called once per application context: each context gets its own data directory (and embedded server).
        String dir = TestDatabase.newEmbeddedDataDir().toString();
        registry.add("COHORT_DATA_DIR", () -> dir);
    }

    protected Api api() {
        return new Api("http://localhost:" + port);
    }

    /** A new Spot with its own key. */
    protected Api.SpotClient newSpot() {
        return api().newSpot(ADMIN_TOKEN);
    }
}
