package dev.cohort.joining;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.groups.MembershipExpiry;
import dev.cohort.support.ApiTest;
import dev.cohort.support.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16, Joining: a subscription group admits only members with an active subscription, which the host's billing
 * reports; the membership ends with the subscription (the expiry job, run here by the test after moving the
 * application's clock; its scheduled runs are an hour apart in this context).
 */
@Import(SelfJoinClock.class)
@TestPropertySource(properties = "COHORT_MEMBERSHIP_EXPIRY_SECONDS=3600")
class SubscriptionApiTest extends ApiTest {
    private static final long DAY = 86_400;

    @Autowired
    MutableClock clock;
    @Autowired
    MembershipExpiry expiry;

    @BeforeEach
    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private CommunityFixture fixture() {
        return new CommunityFixture(newSpot(), jdbc, clock);
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private static Map<String, Object> items(Object... pairs) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Map<String, Object> item = new HashMap<>();
            item.put("spotMemberId", pairs[i]);
            item.put("validUntil", pairs[i + 1]);
            items.add(item);
        }
        return Map.of("items", items);
    }

    private JsonNode report(CommunityFixture f, String group, Object body) {
        return f.spot.post("/v1/groups/" + group + "/subscriptions~bulkUpsert", body).expect(200).body();
    }

    private Long validUntil(CommunityFixture f, String group, String member) {
        return jdbc.sql("select extract(epoch from valid_until)::bigint from group_membership "
                        + "where group_id = cast(:g as uuid) and member_id = cast(:m as uuid)")
                .param("g", group).param("m", member).query(Long.class).optional().orElse(null);
    }

    @Test
    void only_a_member_with_an_active_subscription_joins_and_the_membership_ends_with_it() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String group = f.aCommunity("Premium").open().subscription().create();

        assertThat(f.join(ada, group).expect(409).body().path("detail").asString())
                .startsWith("subscription required");
        f.spot.post("/v1/groups/" + group + "/invitations~bulkCreate", Map.of("emails", List.of("ada@example.com")))
                .expect(201);
        String link = jdbc.sql("select link from outbox where group_id = cast(:g as uuid)").param("g", group)
                .query(String.class).single();
        String token = link.substring(link.indexOf("?invitation=") + "?invitation=".length());
        assertThat(f.me(ada, "POST", "/v1/me/groups~acceptInvitation", Map.of("token", token)).expect(409).body()
                .path("detail").asString()).startsWith("subscription required");
        long until = now() + 30 * DAY;
        JsonNode reported = report(f, group, items(ada, until));
        assertThat(reported.path("upsertedSpotMemberIds").get(0).asString()).isEqualTo(ada);

        f.me(ada, "POST", "/v1/me/groups~acceptInvitation", Map.of("token", token)).expect(200);
        assertThat(validUntil(f, group, ada)).isEqualTo(until);
        assertThat(f.spot.get("/v1/groups/" + group + "/spotMembers?email[eq]=ada@example.com").expect(200).body()
                .path("items").get(0).path("validUntil").asLong()).isEqualTo(until);

        clock.advance(Duration.ofDays(29));
        expiry.expire();
        assertThat(f.isMember(group, ada)).isTrue();
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        expiry.expire();
        assertThat(f.isMember(group, ada)).isFalse();
        assertThat(f.membersCount(group)).isEqualTo(1);
        assertThat(f.join(ada, group).expect(409).body().path("detail").asString())
                .startsWith("subscription required");
    }

    @Test
    void a_renewal_moves_the_end_and_a_cancellation_ends_the_membership_at_the_next_run() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String alan = f.member("alan@example.com");
        String group = f.aCommunity("Premium").open().subscription().create();
        report(f, group, items(ada, now() + DAY, alan, now() + DAY));
        f.join(ada, group).expect(200);
        f.join(alan, group).expect(200);

        long renewed = now() + 60 * DAY;
        report(f, group, items(ada, renewed, alan, now() - 1));
        assertThat(validUntil(f, group, ada)).isEqualTo(renewed);

        expiry.expire();
        assertThat(f.isMember(group, alan)).isFalse();
        clock.advance(Duration.ofDays(2));
        expiry.expire();
        assertThat(f.isMember(group, ada)).isTrue();
    }

    @Test
    void approvals_need_an_active_subscription_and_give_the_membership_its_end() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String alan = f.member("alan@example.com");
        String group = f.aCommunity("Premium club").subscription().create();
        f.join(ada, group).expect(409);
        report(f, group, items(ada, now() + DAY, alan, now() + 2 * DAY));
        String adaRequest = f.join(ada, group).expect(200).text("joinRequestId");
        String alanRequest = f.join(alan, group).expect(200).text("joinRequestId");
        report(f, group, items(alan, now() - 10));

        JsonNode result = f.spot.post("/v1/groups/" + group + "/joinRequests~bulkApprove",
                Map.of("joinRequestIds", List.of(adaRequest, alanRequest))).expect(200).body();

        assertThat(result.path("approvedJoinRequestIds").get(0).asString()).isEqualTo(adaRequest);
        assertThat(result.path("failedJoinRequestIds").get(0).asString()).isEqualTo(alanRequest);
        assertThat(validUntil(f, group, ada)).isEqualTo(now() + DAY);
        assertThat(f.isMember(group, alan)).isFalse();
    }

    @Test
    void the_owner_and_staff_keep_their_memberships_whatever_is_reported() {
        CommunityFixture f = fixture();
        String owner = f.member("olive@example.com");
        String mod = f.member("mo@example.com");
        String group = f.aCommunity("Premium").ownedBy(owner).open().subscription().create();
        report(f, group, items(mod, now() + DAY));
        f.join(mod, group).expect(200);
        f.role(group, mod, "moderator");

        report(f, group, items(owner, now() - 1, mod, now() - 1));
        expiry.expire();

        assertThat(f.isMember(group, owner) && f.isMember(group, mod)).isTrue();
        assertThat(validUntil(f, group, owner)).isNull();
    }

    @Test
    void a_free_group_takes_no_subscriptions_and_other_spots_never_find_the_group() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String free = f.aCommunity("Free").open().create();
        String premium = f.aCommunity("Premium").open().subscription().create();
        CommunityFixture other = fixture();
        String eve = other.member("eve@example.com");

        f.spot.post("/v1/groups/" + free + "/subscriptions~bulkUpsert", items(ada, now() + DAY)).expect(409);
        other.spot.post("/v1/groups/" + premium + "/subscriptions~bulkUpsert", items(ada, now() + DAY)).expect(404);
        f.spot.post("/v1/groups/" + f.spot.group("Static") + "/subscriptions~bulkUpsert", items(ada, now() + DAY))
                .expect(404);
        String unknown = UUID.randomUUID().toString();
        JsonNode result = report(f, premium, items(eve, now() + DAY, "nope", now() + DAY, unknown, now() + DAY,
                ada, now() + DAY));
        assertThat(result.path("failedSpotMemberIds").valueStream().map(JsonNode::asString).toList())
                .containsExactly(eve, "nope", unknown);
        assertThat(result.path("upsertedSpotMemberIds").get(0).asString()).isEqualTo(ada);
        assertThat(jdbc.sql("select count(*) from group_subscription where group_id = cast(:g as uuid)")
                .param("g", premium).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void bad_bodies_are_400s_naming_each_field_and_too_many_items_a_413_and_nothing_is_written() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String group = f.aCommunity("Premium").open().subscription().create();
        String url = "/v1/groups/" + group + "/subscriptions~bulkUpsert";

        assertThat(f.spot.post(url, Map.of()).expect(400).problemFields()).containsExactly("items");
        assertThat(f.spot.post(url, Map.of("items", List.of())).expect(400).problemFields()).containsExactly("items");
        assertThat(f.spot.post(url, Map.of("items", List.of(Map.of("spotMemberId", ada)))).expect(400)
                .problemFields()).containsExactly("items[0].validUntil");
        assertThat(f.spot.post(url, items(ada, -1)).expect(400).problemFields())
                .containsExactly("items[0].validUntil");
        assertThat(f.spot.post(url, items(ada, 253_402_300_800L)).expect(400).problemFields())
                .containsExactly("items[0].validUntil");
        assertThat(f.spot.post(url, items(ada, "soon")).expect(400).problemFields())
                .containsExactly("items[0].validUntil");
        assertThat(f.spot.post(url, Map.of("items", List.of(Map.of("validUntil", now())))).expect(400)
                .problemFields()).containsExactly("items[0].spotMemberId");
        assertThat(f.spot.post(url, items(ada, now() + DAY, ada, now() + 2 * DAY)).expect(400).problemFields())
                .containsExactly("items[1].spotMemberId");
        assertThat(f.spot.post(url, Map.of("items", List.of(Map.of("spotMemberId", ada, "validUntil", now(),
                "plan", "gold")))).expect(400).problemFields()).containsExactly("items[0].plan");
        assertThat(f.spot.post(url, Map.of("items", Collections.nCopies(1001, Map.of("spotMemberId", ada,
                "validUntil", now())))).status()).isEqualTo(413);
        assertThat(jdbc.sql("select count(*) from group_subscription where group_id = cast(:g as uuid)")
                .param("g", group).query(Long.class).single()).isZero();
    }
}
