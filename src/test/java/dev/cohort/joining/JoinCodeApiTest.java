package dev.cohort.joining;

import static dev.cohort.joining.SelfJoinFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Join codes (issue 15): operators create, generate, list, export and revoke them; members redeem them. */
class JoinCodeApiTest extends SelfJoinApiTest {

    private static Api.Response redeem(SelfJoinFixture f, String member, String code) {
        return f.spot.api.send("POST", "/v1/me/groups~redeem", f.token(member), Map.of("code", code), null);
    }

    private static String codeGroup(SelfJoinFixture f, String name, Object... settings) {
        Map<String, Object> body = body(settings);
        body.put("name", name);
        body.putIfAbsent("joinType", "code");
        return f.spot.post("/v1/groups", body).expect(201).text("id");
    }

    private static Api.Response code(SelfJoinFixture f, String group, Object... fields) {
        return f.spot.post("/v1/groups/" + group + "/joinCodes", body(fields));
    }

    @Test
    void given_and_generated_codes_are_unique_per_spot_case_insensitively() {
        SelfJoinFixture f = fixture();
        String group = codeGroup(f, "Club");
        JsonNode given = code(f, group, "code", "summer-2027", "maxUses", 100, "membershipDays", 30)
                .expect(201).body();
        assertThat(given.path("code").asString()).isEqualTo("SUMMER-2027");
        assertThat(given.path("maxUses").asInt()).isEqualTo(100);
        assertThat(given.path("uses").asInt()).isZero();
        assertThat(given.path("membershipDays").asInt()).isEqualTo(30);
        assertThat(given.path("createdAt").asLong()).isPositive();
        assertThat(code(f, group, "code", "Summer-2027").expect(409).body().toString()).contains("code");
        String other = codeGroup(f, "Other club");
        code(f, other, "code", "SUMMER-2027").expect(409);

        JsonNode generated = code(f, group).expect(201).body();
        assertThat(generated.path("code").asString()).matches("[A-HJ-NP-Z2-9]{8}");
        assertThat(generated.path("maxUses").isNull()).isTrue();

        assertThat(code(f, group, "code", "ab").expect(400).problemFields()).containsExactly("code");
        assertThat(code(f, group, "code", "no spaces").expect(400).problemFields()).containsExactly("code");
        assertThat(code(f, group, "maxUses", 0).expect(400).problemFields()).containsExactly("maxUses");
        assertThat(code(f, group, "colour", "red").expect(400).problemFields()).containsExactly("colour");
        String closed = f.group("Closed");
        assertThat(code(f, closed).expect(400).problemFields()).containsExactly("joinType");
        code(f, "00000000-0000-0000-0000-000000000000").expect(404);
        f.spot.post("/v1/tags", Map.of("name", "vip")).expect(201);
        String smart = f.spot.post("/v1/groups", Map.of("name", "Smart", "kind", "smart", "rule",
                Map.of("field", "tags", "op", "hasAll", "value", List.of("vip")))).expect(201).text("id");
        assertThat(code(f, smart).expect(400).problemFields()).containsExactly("groupId");
        // An open group takes codes too.
        code(f, f.open("Open club"), "code", "OPEN-DOOR").expect(201);

        // Another Spot sees none of it.
        SelfJoinFixture g = fixture();
        code(g, group).expect(404);
        g.spot.get("/v1/groups/" + group + "/joinCodes").expect(404);
        g.spot.delete("/v1/groups/" + group + "/joinCodes/" + given.path("id").asString()).expect(404);
        String stranger = g.spot.member("eve@example.com");
        redeem(g, stranger, "SUMMER-2027").expect(404);
        // The same text is free in another Spot.
        code(g, codeGroup(g, "Their club"), "code", "SUMMER-2027").expect(201);
    }

    @Test
    void a_codes_window_lies_inside_its_groups_window() {
        SelfJoinFixture f = fixture();
        long now = clock.instant().getEpochSecond();
        String group = codeGroup(f, "Summer", "startDate", now, "stopDate", now + 3600);
        assertThat(code(f, group, "validFrom", now - 1).expect(400).problemFields()).containsExactly("validFrom");
        assertThat(code(f, group, "validUntil", now + 3601).expect(400).problemFields())
                .containsExactly("validUntil");
        assertThat(code(f, group, "validFrom", now + 100, "validUntil", now + 100).expect(400).problemFields())
                .contains("validUntil");
        assertThat(f.spot.post("/v1/groups/" + group + "/joinCodes~generate", body("count", 2, "validFrom",
                now - 5)).expect(400).problemFields()).containsExactly("validFrom");
        JsonNode ok = code(f, group, "validFrom", now + 60, "validUntil", now + 600).expect(201).body();
        assertThat(ok.path("validFrom").asLong()).isEqualTo(now + 60);
        assertThat(ok.path("validUntil").asLong()).isEqualTo(now + 600);
    }

    @Test
    void a_member_redeems_a_code_once_and_a_second_redeem_changes_nothing() {
        SelfJoinFixture f = fixture();
        String group = codeGroup(f, "Club");
        String ada = f.spot.member("ada@example.com");
        String bob = f.spot.member("bob@example.com");
        String codeId = code(f, group, "code", "WELCOME", "maxUses", 2).expect(201).text("id");

        JsonNode joined = redeem(f, ada, "welcome").expect(200).body();
        assertThat(joined.path("status").asString()).isEqualTo("Joined");
        assertThat(joined.path("groupId").asString()).isEqualTo(group);
        assertThat(f.sources(group)).isEqualTo(Map.of(ada, "code"));
        assertThat(f.spot.get("/v1/groups/" + group + "/spotMembers").expect(200).body().path("items").get(0)
                .path("joinCodeId").asString()).isEqualTo(codeId);
        assertThat(redeem(f, ada, "WELCOME").expect(200).text("groupId")).isEqualTo(group);
        JsonNode listed = f.spot.get("/v1/groups/" + group + "/joinCodes").expect(200).body();
        assertThat(listed.path("total").asLong()).isEqualTo(1);
        assertThat(listed.path("items").get(0).path("uses").asInt()).isEqualTo(1);
        assertThat(f.membersCount(group)).isEqualTo(1);

        // An operator-added member redeeming: already in, the code is not used.
        String cy = f.spot.member("cy@example.com");
        f.spot.post("/v1/groups/" + group + "/spotMembers", Map.of("spotMemberId", cy)).expect(204);
        redeem(f, cy, "WELCOME").expect(200);
        redeem(f, bob, "WELCOME").expect(200);
        String dan = f.spot.member("dan@example.com");
        assertThat(redeem(f, dan, "WELCOME").expect(409).body().toString()).contains("used up");
        assertThat(f.spot.get("/v1/groups/" + group + "/joinCodes?used[eq]=true").expect(200).body()
                .path("total").asLong()).isEqualTo(1);
        assertThat(f.membersCount(group)).isEqualTo(3);

        f.spot.delete("/v1/groups/" + group + "/joinCodes/" + codeId).expect(204);
        f.spot.delete("/v1/groups/" + group + "/joinCodes/" + codeId).expect(404);
        redeem(f, dan, "WELCOME").expect(404);
        redeem(f, dan, "NO-SUCH-CODE").expect(404);
    }

    @Test
    void code_and_group_windows_and_membership_days_follow_the_clock() {
        SelfJoinFixture f = fixture();
        long now = clock.instant().getEpochSecond();
        String group = codeGroup(f, "Season", "startDate", now + 100, "stopDate", now + 7200);
        String ada = f.spot.member("ada@example.com");
        String bob = f.spot.member("bob@example.com");
        code(f, group, "code", "EARLY").expect(201);
        code(f, group, "code", "WINDOW", "validFrom", now + 600, "validUntil", now + 1200, "membershipDays", 2)
                .expect(201);

        assertThat(redeem(f, ada, "EARLY").expect(409).body().toString()).contains("opens at");
        clock.advance(Duration.ofSeconds(300));
        assertThat(redeem(f, ada, "WINDOW").expect(409).body().toString()).contains("not valid yet");
        clock.advance(Duration.ofSeconds(400));
        long redeemedAt = clock.instant().getEpochSecond();
        redeem(f, ada, "WINDOW").expect(200);
        JsonNode member = f.spot.get("/v1/groups/" + group + "/spotMembers").expect(200).body().path("items").get(0);
        assertThat(member.path("validUntil").asLong()).isBetween(redeemedAt + 2 * 86400 - 5, redeemedAt + 2 * 86400 + 5);
        clock.advance(Duration.ofSeconds(600));
        assertThat(redeem(f, bob, "WINDOW").expect(409).body().toString()).contains("expired");
        clock.advance(Duration.ofSeconds(7200));
        assertThat(redeem(f, bob, "EARLY").expect(409).body().toString()).contains("closed at");
    }

    @Test
    void generated_codes_are_single_use_listed_and_exported() {
        SelfJoinFixture f = fixture();
        String group = codeGroup(f, "Paper");
        JsonNode made = f.spot.post("/v1/groups/" + group + "/joinCodes~generate", body("count", 1000))
                .expect(201).body();
        assertThat(made.path("total").asLong()).isEqualTo(1000);
        assertThat(made.path("items").size()).isEqualTo(1000);
        assertThat(made.path("items").get(0).path("maxUses").asInt()).isEqualTo(1);
        String first = made.path("items").get(0).path("code").asString();
        assertThat(first).matches("[A-HJ-NP-Z2-9]{8}");
        assertThat(f.spot.post("/v1/groups/" + group + "/joinCodes~generate", body("count", 0)).expect(400)
                .problemFields()).containsExactly("count");
        assertThat(f.spot.post("/v1/groups/" + group + "/joinCodes~generate", body("count", 100_001)).expect(400)
                .problemFields()).containsExactly("count");

        String ada = f.spot.member("ada@example.com");
        String bob = f.spot.member("bob@example.com");
        redeem(f, ada, first.toLowerCase()).expect(200);
        redeem(f, bob, first).expect(409);
        assertThat(f.spot.get("/v1/groups/" + group + "/joinCodes?used[eq]=true").expect(200).body()
                .path("items").get(0).path("code").asString()).isEqualTo(first);
        assertThat(f.spot.get("/v1/groups/" + group + "/joinCodes?used[eq]=false&limit=10").expect(200).body()
                .path("total").asLong()).isEqualTo(999);

        Api.Response csv = f.spot.api.send("GET", "/v1/groups/" + group + "/joinCodes~export",
                f.spot.key, null, null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = csv.raw().body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("code,maxUses,uses,validFrom,validUntil");
        assertThat(lines).hasSize(1001).contains(first + ",1,1,,");
    }

    @Test
    void two_members_redeeming_the_last_use_at_once_exactly_one_joins() throws Exception {
        SelfJoinFixture f = fixture();
        String group = codeGroup(f, "Last seat");
        code(f, group, "code", "LAST-SEAT", "maxUses", 1).expect(201);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            members.add(f.spot.member("m" + i + "@example.com"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<Integer>> calls = new ArrayList<>();
                for (String member : members) {
                    calls.add(pool.submit(() -> redeem(f, member, "LAST-SEAT").status()));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> call : calls) {
                    statuses.add(call.get());
                }
                assertThat(statuses.stream().filter(s -> s == 200).count()).as(statuses.toString())
                        .isEqualTo(1);
                assertThat(statuses).allMatch(s -> s == 200 || s == 409);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(f.membersCount(group)).isEqualTo(1);
        assertThat(f.spot.get("/v1/groups/" + group + "/joinCodes").expect(200).body().path("items").get(0)
                .path("uses").asInt()).isEqualTo(1);
    }

    @Test
    void failed_attempts_are_limited_per_member() {
        SelfJoinFixture f = fixture();
        String ada = f.spot.member("ada@example.com");
        String bob = f.spot.member("bob@example.com");
        code(f, codeGroup(f, "Club"), "code", "REAL-CODE").expect(201);
        for (int i = 0; i < 10; i++) {
            redeem(f, ada, "GUESS-" + i).expect(404);
        }
        Api.Response limited = redeem(f, ada, "REAL-CODE");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.raw().headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(limited.body().path("detail").asString()).contains("Too many failed code attempts");
        redeem(f, bob, "REAL-CODE").expect(200);
        clock.advance(Duration.ofMinutes(10));
        redeem(f, ada, "REAL-CODE").expect(200);
    }

    @Test
    void the_document_lists_the_code_operations_with_their_bodies() {
        JsonNode paths = api().send("GET", "/v3/api-docs", null, null, null).expect(200).body().path("paths");
        for (String[] operation : List.of(new String[] {"/v1/groups/{groupId}/joinCodes", "post", "createJoinCode"},
                new String[] {"/v1/groups/{groupId}/joinCodes~generate", "post", "generateJoinCodes"},
                new String[] {"/v1/groups/{groupId}/joinCodes", "get", "listJoinCodes"},
                new String[] {"/v1/groups/{groupId}/joinCodes~export", "get", "exportJoinCodes"},
                new String[] {"/v1/groups/{groupId}/joinCodes/{codeId}", "delete", "revokeJoinCode"},
                new String[] {"/v1/me/groups~redeem", "post", "redeemJoinCode"})) {
            assertThat(paths.path(operation[0]).path(operation[1]).path("operationId").asString())
                    .as(operation[0]).isEqualTo(operation[2]);
        }
        assertThat(paths.path("/v1/groups/{groupId}/joinCodes").path("post").path("requestBody").toString())
                .contains("CreateJoinCode");
        assertThat(paths.path("/v1/groups/{groupId}/joinCodes~generate").path("post").path("requestBody").toString())
                .contains("GenerateJoinCodes");
        JsonNode redeem = paths.path("/v1/me/groups~redeem").path("post");
        assertThat(redeem.path("requestBody").toString()).contains("RedeemJoinCode");
        assertThat(redeem.path("security").get(0).has("memberToken")).isTrue();
        assertThat(redeem.path("responses").path("200").toString()).contains("JoinCodeRedeemed");
        assertThat(paths.path("/v1/groups/{groupId}/joinCodes").path("get").path("parameters").valueStream()
                .map(p -> p.path("name").asString()).toList()).contains("used[eq]");
    }
}
