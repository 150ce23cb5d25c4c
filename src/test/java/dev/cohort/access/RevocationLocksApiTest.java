package dev.cohort.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.resources.ResourceType;
import dev.cohort.support.ApiTest;
import dev.cohort.support.Sessions;
import java.sql.Connection;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A revocation locks its participants and deletes them by row address in one statement; a participant another
 * transaction changed meanwhile is locked in its newest version, which that statement cannot see: it must still
 * go, and one that keeps another source must still stay.
 */
class RevocationLocksApiTest extends ApiTest {
    @Autowired
    DataSource dataSource;

    /** Runs {@code change} on the participant in an open transaction, then {@code revoke} through the API. */
    private void revokeWhileChanged(AccessFixture f, String resource, String member, Runnable revoke)
            throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection other = Sessions.transaction(dataSource)) {
            Sessions.execute(other, "update participant set last_activity_at = now() where resource_id = ? "
                    + "and member_id = ?", UUID.fromString(resource), UUID.fromString(member));
            Future<?> call = pool.submit(revoke);
            awaitRevocationWaiting(call);
            other.commit();
            call.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdown();
        }
    }

    /** Waits until a revocation's statement waits for a lock (the other transaction holds the participant). */
    private void awaitRevocationWaiting(Future<?> call) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                + "and query like '%locked as materialized%'").query(Long.class).single() == 0) {
            assertThat(call.isDone()).as("the revocation waits for the other transaction").isFalse();
            assertThat(System.nanoTime()).as("the revocation waits within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void a_participant_changed_by_another_transaction_during_its_revocation_is_still_removed() throws Exception {
        AccessFixture f = new AccessFixture(newSpot(), jdbc);
        String ada = f.spot.member("ada@example.com");
        String grace = f.spot.member("grace@example.com");
        String group = f.spot.group("Course club");
        String course = f.resource(ResourceType.COURSE, "Secret course", true);
        f.link(ResourceType.COURSE, course, group, false);
        f.addToGroup(group, ada, grace);
        assertThat(f.participates(course, ada)).isTrue();

        revokeWhileChanged(f, course, ada, () -> f.removeFromGroup(group, ada, grace));

        assertThat(f.participates(course, ada)).isFalse();
        assertThat(f.participates(course, grace)).isFalse();
        assertThat(f.count("select count(*) from participant where resource_id = cast(:r as uuid) "
                + "and member_id = cast(:m as uuid)", course, ada)).isZero();
    }

    @Test
    void a_participant_changed_during_its_revocation_that_keeps_another_source_stays_with_it() throws Exception {
        AccessFixture f = new AccessFixture(newSpot(), jdbc);
        String ada = f.spot.member("ada@example.com");
        String first = f.spot.group("First");
        String second = f.spot.group("Second");
        String course = f.resource(ResourceType.COURSE, "Secret course", true);
        f.link(ResourceType.COURSE, course, first, false);
        f.link(ResourceType.COURSE, course, second, false);
        f.addToGroup(first, ada);
        f.addToGroup(second, ada);

        revokeWhileChanged(f, course, ada, () -> f.removeFromGroup(first, ada));

        assertThat(f.participates(course, ada)).isTrue();
        assertThat(f.count("select group_sources from participant where resource_id = cast(:r as uuid) "
                + "and member_id = cast(:m as uuid)", course, ada)).isEqualTo(1);
        f.removeFromGroup(second, ada);
        assertThat(f.participates(course, ada)).isFalse();
    }
}
