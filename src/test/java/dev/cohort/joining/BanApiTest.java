package dev.cohort.joining;

import static dev.cohort.joining.CommunityFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import dev.cohort.support.MutableClock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16, Joining: a ban removes members from a community group and blocks the ways back in they could take
 * themselves (409 "banned") until it is lifted; the owner cannot be banned; the group's admins ban with a member
 * token, only members whose role is below theirs.
 */
@Import(SelfJoinClock.class)
class BanApiTest extends ApiTest {
    @Autowired
    MutableClock clock;

    private CommunityFixture fixture() {
        clock.reset();
        return new CommunityFixture(newSpot(), jdbc, clock);
    }

    private static Map<String, Object> members(Object... ids) {
        return Map.of("spotMemberIds", List.of(ids));
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void a_banned_member_is_removed_listed_and_refused_every_way_back_until_the_ban_is_lifted() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String alan = f.member("alan@example.com");
        String group = f.aCommunity("Open club").open().create();
        f.join(ada, group).expect(200);
        String unknown = UUID.randomUUID().toString();

        JsonNode result = f.spot.post("/v1/groups/" + group + "/bans~bulkAdd",
                body("spotMemberIds", List.of(ada, "nope", unknown, ada), "reason", "Spam")).expect(200).body();

        assertThat(texts(result.path("bannedSpotMemberIds"))).containsExactly(ada);
        assertThat(texts(result.path("failedSpotMemberIds"))).containsExactly("nope", unknown);
        assertThat(f.isMember(group, ada)).isFalse();
        assertThat(f.membersCount(group)).isEqualTo(1);
        JsonNode bans = f.spot.get("/v1/groups/" + group + "/bans").expect(200).body();
        assertThat(bans.path("total").asLong()).isEqualTo(1);
        JsonNode ban = bans.path("items").get(0);
        assertThat(ban.path("spotMemberId").asString()).isEqualTo(ada);
        assertThat(ban.path("email").asString()).isEqualTo("ada@example.com");
        assertThat(ban.path("reason").asString()).isEqualTo("Spam");
        assertThat(ban.path("bannedBySpotMemberId").isNull()).isTrue();
        assertThat(ban.path("createdAt").asLong()).isPositive();
        assertThat(f.spot.get("/v1/groups/" + group + "/bans?spotMemberId[eq]=" + alan).expect(200).body()
                .path("total").asLong()).isZero();

        Api.Response refused = f.join(ada, group).expect(409);
        assertThat(refused.body().path("detail").asString()).startsWith("banned");
        assertThat(f.me(ada, "GET", "/v1/me/groups/joinable", null).expect(200).body().path("total").asLong())
                .isZero();
        assertThat(f.isMember(group, ada)).isFalse();

        JsonNode lifted = f.spot.post("/v1/groups/" + group + "/bans~bulkRemove", members(ada, alan)).expect(200)
                .body();
        assertThat(texts(lifted.path("unbannedSpotMemberIds"))).containsExactly(ada);
        assertThat(texts(lifted.path("failedSpotMemberIds"))).containsExactly(alan);
        f.join(ada, group).expect(200);
        assertThat(f.isMember(group, ada)).isTrue();
    }

    @Test
    void a_ban_rejects_the_pending_request_and_a_banned_members_request_is_never_approved() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String alan = f.member("alan@example.com");
        String group = f.aCommunity("Approval club").create();
        String adaRequest = f.join(ada, group).expect(200).text("joinRequestId");
        String alanRequest = f.join(alan, group).expect(200).text("joinRequestId");

        f.spot.post("/v1/groups/" + group + "/bans~bulkAdd", members(ada)).expect(200);
        assertThat(f.status(adaRequest)).isEqualTo("Rejected");
        assertThat(f.requests(group, "?spotMemberId[eq]=" + ada).path("items").get(0).path("reason").asString())
                .isEqualTo("banned");
        f.join(ada, group).expect(409);

        // a ban written behind the request's back (as by a concurrent call) still keeps it from being approved
        jdbc.sql("insert into group_ban (spot_id, group_id, member_id) values (cast(:s as uuid), cast(:g as uuid), "
                + "cast(:m as uuid))").param("s", f.spot.spotId).param("g", group).param("m", alan).update();
        JsonNode result = f.spot.post("/v1/groups/" + group + "/joinRequests~bulkApprove",
                Map.of("joinRequestIds", List.of(adaRequest, alanRequest))).expect(200).body();
        assertThat(result.path("approvedJoinRequestIds").size()).isZero();
        assertThat(f.isMember(group, alan)).isFalse();
    }

    @Test
    void a_ban_and_a_join_at_the_same_moment_never_leave_the_banned_member_in_the_group() throws Exception {
        CommunityFixture f = fixture();
        String group = f.aCommunity("Open club").open().create();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int round = 0; round < 6; round++) {
            String member = f.member("m" + round + "@example.com");
            CountDownLatch start = new CountDownLatch(1);
            Future<Integer> join = pool.submit(() -> {
                start.await();
                return f.join(member, group).status();
            });
            Future<Integer> ban = pool.submit(() -> {
                start.await();
                return f.spot.post("/v1/groups/" + group + "/bans~bulkAdd", members(member)).status();
            });
            start.countDown();
            assertThat(join.get()).isIn(200, 409);
            assertThat(ban.get()).isEqualTo(200);
            assertThat(f.isMember(group, member)).as("round " + round).isFalse();
        }
        pool.shutdown();
    }

    @Test
    void the_owner_cannot_be_banned_and_nothing_changes() {
        CommunityFixture f = fixture();
        String owner = f.member("olive@example.com");
        String ada = f.member("ada@example.com");
        String group = f.aCommunity("Open club").ownedBy(owner).open().create();
        f.join(ada, group).expect(200);

        f.spot.post("/v1/groups/" + group + "/bans~bulkAdd", members(ada, owner)).expect(409);

        assertThat(f.isMember(group, ada) && f.isMember(group, owner)).isTrue();
        assertThat(f.spot.get("/v1/groups/" + group + "/bans").expect(200).body().path("total").asLong()).isZero();
    }

    @Test
    void an_operator_still_adds_a_banned_member_and_the_ban_stays() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String group = f.aCommunity("Open club").open().create();
        f.spot.post("/v1/groups/" + group + "/bans~bulkAdd", members(ada)).expect(200);

        f.spot.post("/v1/groups/" + group + "/spotMembers", Map.of("spotMemberId", ada)).expect(204);

        assertThat(f.isMember(group, ada)).isTrue();
        assertThat(f.spot.get("/v1/groups/" + group + "/bans").expect(200).body().path("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void admins_ban_with_a_member_token_only_members_below_them_and_moderators_may_not() {
        CommunityFixture f = fixture();
        String owner = f.member("olive@example.com");
        String admin = f.member("adam@example.com");
        String other = f.member("odile@example.com");
        String mod = f.member("mo@example.com");
        String ada = f.member("ada@example.com");
        String group = f.aCommunity("Open club").ownedBy(owner).open().create();
        for (String member : List.of(admin, other, mod, ada)) {
            f.join(member, group).expect(200);
        }
        f.role(group, admin, "admin");
        f.role(group, other, "admin");
        f.role(group, mod, "moderator");
        String base = "/v1/me/groups/" + group + "/bans";

        Api.Response refused = f.me(mod, "POST", base + "~bulkAdd", members(ada)).expect(403);
        assertThat(refused.body().path("missingRight").asString()).isEqualTo("groups.ban");
        f.me(mod, "GET", base, null).expect(403);
        f.me(ada, "POST", base + "~bulkRemove", members(ada)).expect(403);
        assertThat(f.me(admin, "POST", base + "~bulkAdd", members(other)).expect(403).body().path("detail")
                .asString()).contains("not below yours");
        f.me(admin, "POST", base + "~bulkAdd", members(owner)).expect(409);
        assertThat(f.isMember(group, other) && f.isMember(group, ada)).isTrue();

        JsonNode banned = f.me(admin, "POST", base + "~bulkAdd", members(mod, ada)).expect(200).body();
        assertThat(texts(banned.path("bannedSpotMemberIds"))).containsExactly(mod, ada);
        assertThat(f.me(admin, "GET", base, null).expect(200).body().path("items").get(0)
                .path("bannedBySpotMemberId").asString()).isEqualTo(admin);
        f.me(owner, "POST", base + "~bulkAdd", members(admin)).expect(200);
        assertThat(f.isMember(group, admin)).isFalse();
        f.me(owner, "POST", base + "~bulkRemove", members(admin, mod, ada)).expect(200);
        assertThat(f.spot.get("/v1/groups/" + group + "/bans").expect(200).body().path("total").asLong()).isZero();
    }

    @Test
    void another_spots_key_and_members_never_find_the_bans_and_its_members_are_failed() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String group = f.aCommunity("Open club").open().create();
        f.join(ada, group).expect(200);
        CommunityFixture other = fixture();
        String eve = other.member("eve@example.com");

        other.spot.post("/v1/groups/" + group + "/bans~bulkAdd", members(ada)).expect(404);
        other.spot.post("/v1/groups/" + group + "/bans~bulkRemove", members(ada)).expect(404);
        other.spot.get("/v1/groups/" + group + "/bans").expect(404);
        other.me(eve, "POST", "/v1/me/groups/" + group + "/bans~bulkAdd", members(ada)).expect(404);
        other.me(eve, "GET", "/v1/me/groups/" + group + "/bans", null).expect(404);
        assertThat(texts(f.spot.post("/v1/groups/" + group + "/bans~bulkAdd", members(eve)).expect(200).body()
                .path("failedSpotMemberIds"))).containsExactly(eve);
        f.spot.get("/v1/groups/" + f.spot.group("Static") + "/bans").expect(404);
        assertThat(f.isMember(group, ada)).isTrue();
    }

    @Test
    void bad_bodies_are_400s_naming_the_field_and_too_many_ids_a_413_and_nothing_changes() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String group = f.aCommunity("Open club").open().create();
        f.join(ada, group).expect(200);
        String url = "/v1/groups/" + group + "/bans";

        assertThat(f.spot.post(url + "~bulkAdd", Map.of()).expect(400).problemFields())
                .containsExactly("spotMemberIds");
        assertThat(f.spot.post(url + "~bulkAdd", body("spotMemberIds", List.of(ada), "reason", "x".repeat(1001)))
                .expect(400).problemFields()).containsExactly("reason");
        assertThat(f.spot.post(url + "~bulkAdd", body("spotMemberIds", List.of(ada), "reasons", "x")).expect(400)
                .problemFields()).containsExactly("reasons");
        assertThat(f.spot.post(url + "~bulkRemove", body("spotMemberIds", List.of(ada), "reason", "x"))
                .expect(400).problemFields()).containsExactly("reason");
        assertThat(f.spot.post(url + "~bulkRemove", Map.of("spotMemberIds", 3)).expect(400).problemFields())
                .containsExactly("spotMemberIds");
        assertThat(f.spot.post(url + "~bulkAdd", Map.of("spotMemberIds", Collections.nCopies(1001, ada))).status())
                .isEqualTo(413);
        assertThat(f.spot.get(url + "?createdAt[eq]=1").expect(400).problemFields()).containsExactly("createdAt[eq]");
        assertThat(f.isMember(group, ada)).isTrue();
    }
}
