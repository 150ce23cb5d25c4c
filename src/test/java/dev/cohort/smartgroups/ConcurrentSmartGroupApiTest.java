package dev.cohort.smartgroups;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Smart group membership under concurrent changes: two requests changing one member, and member changes racing a
 * rule change, must leave exactly the members the rule selects, each once, with an exact count.
 */
class ConcurrentSmartGroupApiTest extends ApiTest {

    private static Map<String, Object> hasAll(String... tags) {
        return Map.of("field", "tags", "op", "hasAll", "value", List.of(tags));
    }

    private Set<String> stored(Api.SpotClient spot, String group) {
        Set<String> ids = new HashSet<>();
        for (int page = 1; ; page++) {
            JsonNode items = spot.get("/v1/groups/" + group + "/spotMembers?limit=100&page=" + page).expect(200)
                    .body().get("items");
            items.forEach(item -> ids.add(item.get("id").asString()));
            if (items.size() < 100) {
                return ids;
            }
        }
    }

    private void assertExact(Api.SpotClient spot, String group, Map<String, Object> rule) {
        long count = spot.post("/v1/groups~previewRule", Map.of("rule", rule)).expect(200).body().get("count")
                .asLong();
        long rows = jdbc.sql("select count(*) from group_membership where group_id = :g")
                .param("g", UUID.fromString(group)).query(Long.class).single();
        assertThat(rows).isEqualTo(count);
        assertThat(stored(spot, group)).hasSize((int) count);
        assertThat(spot.get("/v1/groups/" + group).expect(200).body().get("membersCount").asLong()).isEqualTo(count);
    }

    @Test
    void two_tags_assigned_to_the_same_members_at_the_same_moment_put_every_one_in_a_has_all_group() throws Exception {
        Api.SpotClient spot = newSpot();
        String a = spot.post("/v1/tags", Map.of("name", "a")).expect(201).text("id");
        String b = spot.post("/v1/tags", Map.of("name", "b")).expect(201).text("id");
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            emails.add("m" + i + "@example.com");
        }
        List<String> members = new ArrayList<>();
        spot.post("/v1/spotMembers~bulkInvite", Map.of("emails", emails)).expect(201).body().path("created")
                .forEach(m -> members.add(m.path("id").asString()));
        String group = spot.post("/v1/groups", Map.of("name", "both", "kind", "smart", "rule", hasAll("a", "b")))
                .expect(201).text("id");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            // Batches of 150 members: each batch gets both tags from two requests running side by side, each
            // evaluated in memory; one of them must see the other's tag.
            List<Future<Api.Response>> calls = new ArrayList<>();
            for (int from = 0; from < members.size(); from += 150) {
                List<String> batch = members.subList(from, from + 150);
                for (String tag : List.of(a, b)) {
                    calls.add(pool.submit(() -> spot.post("/v1/tags/" + tag + "/spotMembers~bulkAssign",
                            Map.of("spotMemberIds", batch))));
                }
            }
            for (Future<Api.Response> call : calls) {
                call.get().expect(204);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(stored(spot, group)).containsExactlyInAnyOrderElementsOf(members);
        assertExact(spot, group, hasAll("a", "b"));
    }

    @Test
    void member_changes_racing_rule_changes_leave_exactly_what_the_last_rule_selects() throws Exception {
        Api.SpotClient spot = newSpot();
        List<String> tags = new ArrayList<>();
        for (String name : List.of("x", "y", "z")) {
            tags.add(spot.post("/v1/tags", Map.of("name", name)).expect(201).text("id"));
        }
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            members.add(spot.member("r" + i + "@example.com"));
        }
        String group = spot.post("/v1/groups", Map.of("name", "racing", "kind", "smart", "rule",
                Map.of("field", "tags", "op", "hasAny", "value", List.of("x")))).expect(201).text("id");
        List<Map<String, Object>> rules = List.of(
                Map.of("field", "tags", "op", "hasAny", "value", List.of("y")),
                Map.of("field", "tags", "op", "hasAny", "value", List.of("x", "z")),
                Map.of("not", Map.of("field", "tags", "op", "hasAny", "value", List.of("y"))));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Response>> calls = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                String member = members.get(i);
                String tag = tags.get(i % 3);
                calls.add(pool.submit(() -> spot.post("/v1/tags/" + tag + "/spotMembers~bulkAssign",
                        Map.of("spotMemberIds", List.of(member)))));
                if (i % 10 == 5) {
                    Map<String, Object> rule = rules.get((i / 10) % rules.size());
                    calls.add(pool.submit(() -> spot.put("/v1/groups/" + group, Map.of("rule", rule))));
                }
            }
            for (Future<Api.Response> call : calls) {
                assertThat(call.get().status()).isIn(200, 204);
            }
        } finally {
            pool.shutdown();
        }
        JsonNode rule = spot.get("/v1/groups/" + group).expect(200).body().get("rule");
        @SuppressWarnings("unchecked")
        Map<String, Object> last = Api.JSON.convertValue(rule, Map.class);
        // Member i holds tag "xyz".charAt(i % 3); the rule's tag names and its "not" decide who is in.
        boolean negated = rule.has("not");
        JsonNode condition = negated ? rule.get("not") : rule;
        Set<String> named = new HashSet<>();
        condition.get("value").forEach(v -> named.add(v.asString()));
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            if (named.contains(String.valueOf("xyz".charAt(i % 3))) != negated) {
                expected.add(members.get(i));
            }
        }
        assertThat(stored(spot, group)).as("rule %s", rule).isEqualTo(expected);
        assertExact(spot, group, last);
    }
}
