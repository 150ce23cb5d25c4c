package dev.cohort.groups;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many parallel bulk adds and removes with overlapping ids on one group lose and duplicate nothing. */
class ConcurrentMembershipApiTest extends ApiTest {

    @Test
    void parallel_bulk_adds_and_removes_leave_no_duplicate_and_exact_counts() throws Exception {
        Api.SpotClient spot = newSpot();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            emails.add("m" + i + "@example.com");
        }
        List<String> ids = new ArrayList<>();
        spot.post("/v1/spotMembers~bulkInvite", Map.of("emails", emails)).expect(201).body().path("created")
                .forEach(m -> ids.add(m.path("id").asString()));
        String group = spot.group("Contended");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            List<String> shuffled = new ArrayList<>(ids);
            Collections.shuffle(shuffled, random);
            batches.add(shuffled.subList(0, 60));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Response>> calls = new ArrayList<>();
            for (int i = 0; i < batches.size(); i++) {
                String verb = i % 3 == 2 ? "~bulkRemove" : "~bulkAdd";
                List<String> batch = batches.get(i);
                calls.add(pool.submit(() -> spot.post("/v1/groups/" + group + "/spotMembers" + verb,
                        Map.of("spotMemberIds", batch))));
            }
            for (Future<Api.Response> call : calls) {
                call.get().expect(200);
            }
        } finally {
            pool.shutdown();
        }
        long rows = jdbc.sql("select count(*) from group_membership where group_id = :g")
                .param("g", UUID.fromString(group)).query(Long.class).single();
        long distinct = jdbc.sql("select count(distinct member_id) from group_membership where group_id = :g")
                .param("g", UUID.fromString(group)).query(Long.class).single();
        assertThat(distinct).as("seed %d", seed).isEqualTo(rows);
        assertThat(spot.get("/v1/groups/" + group).body().path("membersCount").asLong()).as("seed %d", seed)
                .isEqualTo(rows);
        assertThat(spot.get("/v1/groups/" + group + "/spotMembers").body().path("total").asLong()).isEqualTo(rows);
        assertThat(spot.get("/v1/groups?membersCount[eq]=" + rows).body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void the_same_member_added_by_many_requests_at_once_is_in_the_group_once() throws Exception {
        Api.SpotClient spot = newSpot();
        String member = spot.member("once@example.com");
        String group = spot.group("Once");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(pool.submit(() -> spot.post("/v1/groups/" + group + "/spotMembers",
                        Map.of("spotMemberId", member))));
            }
            for (Future<Api.Response> call : calls) {
                call.get().expect(204);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(spot.get("/v1/groups/" + group).body().path("membersCount").asLong()).isEqualTo(1);
    }
}
