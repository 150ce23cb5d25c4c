package dev.cohort.joining;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.ApiTest;
import dev.cohort.support.MutableClock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16: approving 10,000 join requests is one call (the issue asks for under 3 s; the time is printed, not
 * asserted, as the machine running the tests varies).
 */
@Import(SelfJoinClock.class)
class JoinRequestScaleApiTest extends ApiTest {
    private static final int REQUESTS = 10_000;

    @Autowired
    MutableClock clock;

    @Test
    void ten_thousand_join_requests_are_approved_in_one_call() {
        clock.reset();
        CommunityFixture f = new CommunityFixture(newSpot(), jdbc, clock);
        String group = f.aCommunity("Big club").create();
        UUID spot = UUID.fromString(f.spot.spotId);
        jdbc.sql("insert into member (spot_id, id, email, status) select :spot, gen_random_uuid(), "
                        + "'m' || n || '@example.com', 'Accepted' from generate_series(1, :n) n")
                .param("spot", spot).param("n", REQUESTS).update();
        List<String> ids = jdbc.sql("insert into join_request (spot_id, id, group_id, member_id) "
                        + "select :spot, gen_random_uuid(), :group, m.id from member m where m.spot_id = :spot "
                        + "and m.email like 'm%@example.com' returning id::text")
                .param("spot", spot).param("group", UUID.fromString(group)).query(String.class).list();
        jdbc.sql("analyze join_request").update();
        assertThat(ids).hasSize(REQUESTS);

        long start = System.nanoTime();
        JsonNode result = f.spot.post("/v1/groups/" + group + "/joinRequests~bulkApprove",
                Map.of("joinRequestIds", ids)).expect(200).body();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("JOIN_REQUESTS_APPROVE_10000_MS=" + millis);

        assertThat(result.path("approvedJoinRequestIds").size()).isEqualTo(REQUESTS);
        assertThat(result.path("failedJoinRequestIds").size()).isZero();
        assertThat(f.membersCount(group)).isEqualTo(REQUESTS + 1);
        assertThat(jdbc.sql("select count(*) from outbox where spot_id = :spot and template = 'joinRequestApproved'")
                .param("spot", spot).query(Long.class).single()).isEqualTo(REQUESTS);
        assertThat(jdbc.sql("select count(*) from notification where spot_id = :spot")
                .param("spot", spot).query(Long.class).single()).isEqualTo(REQUESTS);
    }
}
