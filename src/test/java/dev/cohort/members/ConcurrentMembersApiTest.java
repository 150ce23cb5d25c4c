package dev.cohort.members;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrentMembersApiTest extends ApiTest {

    @Test
    void the_same_email_created_by_many_requests_at_once_makes_one_member_and_409s() throws Exception {
        Api.SpotClient spot = newSpot();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Api.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String email = i % 2 == 0 ? "race@example.com" : "RACE@example.com";
                calls.add(pool.submit(() -> spot.post("/v1/spotMembers", Map.of("email", email))));
            }
            for (Future<Api.Response> call : calls) {
                statuses.add(call.get().status());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(spot.get("/v1/spotMembers").body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void concurrent_updates_of_one_member_each_keep_their_own_fields() throws Exception {
        Api.SpotClient spot = newSpot();
        String id = spot.member("ada@example.com");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Api.Response> names = pool.submit(() -> spot.put("/v1/spotMembers/" + id,
                    Map.of("firstname", "Ada", "lastname", "Lovelace")));
            Future<Api.Response> title = pool.submit(() -> spot.put("/v1/spotMembers/" + id,
                    Map.of("title", "Countess", "status", "Accepted")));
            names.get().expect(200);
            title.get().expect(200);
        } finally {
            pool.shutdown();
        }
        Api.Response member = spot.get("/v1/spotMembers/" + id).expect(200);
        assertThat(member.text("firstname")).isEqualTo("Ada");
        assertThat(member.text("lastname")).isEqualTo("Lovelace");
        assertThat(member.text("title")).isEqualTo("Countess");
        assertThat(member.text("status")).isEqualTo("Accepted");
    }
}
