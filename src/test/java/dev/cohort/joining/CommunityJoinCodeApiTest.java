package dev.cohort.joining;

import static dev.cohort.joining.CommunityFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import dev.cohort.support.MutableClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16, Joining: join codes on community groups are shareable invite links (joinUrl?code=...); one that requires
 * approval files a pending join request instead of joining, its use counted once; bans and subscriptions apply.
 */
@Import(SelfJoinClock.class)
class CommunityJoinCodeApiTest extends ApiTest {
    @Autowired
    MutableClock clock;

    private CommunityFixture fixture() {
        clock.reset();
        return new CommunityFixture(newSpot(), jdbc, clock);
    }

    private Api.Response redeem(CommunityFixture f, String member, String code) {
        return f.me(member, "POST", "/v1/me/groups~redeem", Map.of("code", code));
    }

    private JsonNode code(CommunityFixture f, String group, Object body) {
        return f.spot.post("/v1/groups/" + group + "/joinCodes", body).expect(201).body();
    }

    @Test
    void a_community_groups_code_joins_at_once_and_carries_its_shareable_link() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String group = f.aCommunity("Approval club").create();
        String slug = jdbc.sql("select slug from community_group where group_id = cast(:g as uuid)")
                .param("g", group).query(String.class).single();

        JsonNode code = code(f, group, Map.of("code", "beta-2027", "membershipDays", 30));
        assertThat(code.path("requiresApproval").asBoolean()).isFalse();
        assertThat(code.path("joinUrl").asString())
                .isEqualTo("http://localhost:8080/join/" + f.spot.spotId + "/" + slug + "?code=BETA-2027");
        assertThat(f.spot.get("/v1/groups/" + group + "/joinCodes").expect(200).body().path("items").get(0)
                .path("joinUrl").asString()).endsWith("?code=BETA-2027");

        JsonNode joined = redeem(f, ada, "beta-2027").expect(200).body();
        assertThat(joined.path("status").asString()).isEqualTo("Joined");
        assertThat(joined.path("joinRequestId").isNull()).isTrue();
        JsonNode member = f.spot.get("/v1/groups/" + group + "/spotMembers?email[eq]=ada@example.com").expect(200)
                .body().path("items").get(0);
        assertThat(member.path("membershipSource").asString()).isEqualTo("code");
        assertThat(member.path("joinCodeId").asString()).isEqualTo(code.path("id").asString());
        assertThat(member.path("validUntil").asLong()).isCloseTo(clock.instant().getEpochSecond() + 30 * 86_400L,
                org.assertj.core.data.Offset.offset(5L));
        String staticGroup = f.spot.post("/v1/groups", Map.of("name", "Static open", "joinType", "open"))
                .expect(201).text("id");
        assertThat(code(f, staticGroup, Map.of()).path("joinUrl").isNull()).isTrue();
    }

    @Test
    void a_code_that_requires_approval_files_one_request_counts_its_use_once_and_the_approval_joins_with_it() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String alan = f.member("alan@example.com");
        String group = f.aCommunity("Open club").open().create();
        JsonNode code = code(f, group, body("code", "ASK-ME", "maxUses", 1, "requiresApproval", true,
                "membershipDays", 7));
        assertThat(code.path("requiresApproval").asBoolean()).isTrue();

        JsonNode pending = redeem(f, ada, "ask-me").expect(200).body();
        assertThat(pending.path("status").asString()).isEqualTo("Pending");
        String request = pending.path("joinRequestId").asString();
        assertThat(redeem(f, ada, "ASK-ME").expect(200).text("joinRequestId")).isEqualTo(request);
        assertThat(f.spot.get("/v1/groups/" + group + "/joinCodes").expect(200).body().path("items").get(0)
                .path("uses").asInt()).isEqualTo(1);
        assertThat(f.isMember(group, ada)).isFalse();
        assertThat(f.requests(group, "").path("items").get(0).path("joinCodeId").asString())
                .isEqualTo(code.path("id").asString());
        assertThat(redeem(f, alan, "ASK-ME").expect(409).body().path("detail").asString()).contains("used up");

        f.spot.post("/v1/groups/" + group + "/joinRequests~bulkApprove", Map.of("joinRequestIds", List.of(request)))
                .expect(200);
        JsonNode member = f.spot.get("/v1/groups/" + group + "/spotMembers?email[eq]=ada@example.com").expect(200)
                .body().path("items").get(0);
        assertThat(member.path("membershipSource").asString()).isEqualTo("code");
        assertThat(member.path("joinCodeId").asString()).isEqualTo(code.path("id").asString());
        assertThat(member.path("validUntil").asLong()).isPositive();
        assertThat(f.spot.get("/v1/groups/" + group + "/joinCodes").expect(200).body().path("items").get(0)
                .path("uses").asInt()).isEqualTo(1);
    }

    @Test
    void generated_codes_may_require_approval_and_only_community_groups_take_it() {
        CommunityFixture f = fixture();
        String group = f.aCommunity("Approval club").create();
        String staticGroup = f.spot.post("/v1/groups", Map.of("name", "Static code", "joinType", "code"))
                .expect(201).text("id");

        JsonNode made = f.spot.post("/v1/groups/" + group + "/joinCodes~generate", body("count", 3,
                "requiresApproval", true)).expect(201).body();
        assertThat(made.path("items").valueStream().allMatch(c -> c.path("requiresApproval").asBoolean()
                && c.path("joinUrl").asString().contains("?code="))).isTrue();
        assertThat(f.spot.post("/v1/groups/" + staticGroup + "/joinCodes", Map.of("requiresApproval", true))
                .expect(400).problemFields()).containsExactly("requiresApproval");
        assertThat(f.spot.post("/v1/groups/" + staticGroup + "/joinCodes~generate", body("count", 2,
                "requiresApproval", true)).expect(400).problemFields()).containsExactly("requiresApproval");
        assertThat(f.spot.post("/v1/groups/" + group + "/joinCodes", Map.of("requiresApproval", "yes"))
                .expect(400).problemFields()).containsExactly("requiresApproval");
        assertThat(f.spot.get("/v1/groups/" + staticGroup + "/joinCodes").expect(200).body().path("total")
                .asLong()).isZero();
    }

    @Test
    void a_banned_member_or_one_without_a_subscription_cannot_redeem_and_the_use_is_not_counted() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String alan = f.member("alan@example.com");
        String group = f.aCommunity("Premium").open().subscription().create();
        code(f, group, Map.of("code", "PREMIUM"));
        code(f, group, body("code", "PREMIUM-ASK", "requiresApproval", true));
        f.spot.post("/v1/groups/" + group + "/bans~bulkAdd", Map.of("spotMemberIds", List.of(ada))).expect(200);

        assertThat(redeem(f, ada, "PREMIUM").expect(409).body().path("detail").asString()).startsWith("banned");
        assertThat(redeem(f, alan, "PREMIUM").expect(409).body().path("detail").asString())
                .startsWith("subscription required");
        assertThat(redeem(f, alan, "PREMIUM-ASK").expect(409).body().path("detail").asString())
                .startsWith("subscription required");
        assertThat(f.spot.get("/v1/groups/" + group + "/joinCodes").expect(200).body().path("items")
                .valueStream().mapToInt(c -> c.path("uses").asInt()).sum()).isZero();

        long until = clock.instant().getEpochSecond() + 86_400;
        f.spot.post("/v1/groups/" + group + "/subscriptions~bulkUpsert", Map.of("items",
                List.of(Map.of("spotMemberId", alan, "validUntil", until)))).expect(200);
        redeem(f, alan, "PREMIUM").expect(200);
        assertThat(f.spot.get("/v1/groups/" + group + "/spotMembers?email[eq]=alan@example.com").expect(200)
                .body().path("items").get(0).path("validUntil").asLong()).isEqualTo(until);
    }

    @Test
    void another_spots_key_and_members_never_find_the_groups_codes() {
        CommunityFixture f = fixture();
        String group = f.aCommunity("Approval club").create();
        code(f, group, Map.of("code", "OURS-ONLY"));
        CommunityFixture other = fixture();
        String eve = other.member("eve@example.com");

        redeem(other, eve, "OURS-ONLY").expect(404);
        other.spot.post("/v1/groups/" + group + "/joinCodes", Map.of("requiresApproval", true)).expect(404);
        other.spot.get("/v1/groups/" + group + "/joinCodes").expect(404);
        assertThat(f.spot.get("/v1/groups/" + group + "/joinCodes").expect(200).body().path("items").get(0)
                .path("uses").asInt()).isZero();
    }
}
