package dev.cohort.joining;

import static dev.cohort.joining.CommunityFixture.answers;
import static dev.cohort.joining.CommunityFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import dev.cohort.support.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
 * Issue 16, Joining: a community group's join requests listed with their answers and dates, approved and rejected in
 * bulk by operators and by the group's moderators and above; members are told in-app and by email; an approval is a
 * membership like any other; two approvals of one request at once approve it once.
 */
@Import(SelfJoinClock.class)
class JoinRequestApiTest extends ApiTest {
    @Autowired
    MutableClock clock;

    private CommunityFixture fixture() {
        clock.reset();
        return new CommunityFixture(newSpot(), jdbc, clock);
    }

    private static Map<String, Object> ids(Object... ids) {
        return Map.of("joinRequestIds", List.of(ids));
    }

    private Api.Response approve(CommunityFixture f, String group, Object body) {
        return f.spot.post("/v1/groups/" + group + "/joinRequests~bulkApprove", body);
    }

    private long rows(String sql, String member) {
        return jdbc.sql(sql).param("m", UUID.fromString(member)).query(Long.class).single();
    }

    @Test
    void requests_are_listed_oldest_first_with_answers_and_dates_and_filtered_by_status() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String alan = f.member("alan@example.com");
        String group = f.aCommunity("Approval club").question("why", "Why?", true).create();
        String first = f.join(ada, group, answers("why", "To learn")).expect(200).text("joinRequestId");
        String second = f.join(alan, group, answers("why", "To teach")).expect(200).text("joinRequestId");
        f.spot.post("/v1/groups/" + group + "/joinRequests~bulkReject", ids(second)).expect(200);

        JsonNode all = f.requests(group, "");
        assertThat(all.path("total").asLong()).isEqualTo(2);
        JsonNode request = all.path("items").get(0);
        assertThat(request.path("id").asString()).isEqualTo(first);
        assertThat(request.path("groupId").asString()).isEqualTo(group);
        assertThat(request.path("spotMemberId").asString()).isEqualTo(ada);
        assertThat(request.path("email").asString()).isEqualTo("ada@example.com");
        assertThat(request.path("status").asString()).isEqualTo("Pending");
        assertThat(request.path("answers").toString())
                .isEqualTo("[{\"questionId\":\"why\",\"question\":\"Why?\",\"answer\":\"To learn\"}]");
        assertThat(request.path("createdAt").asLong()).isCloseTo(clock.millis(), org.assertj.core.data.Offset
                .offset(60_000L));
        assertThat(request.path("decidedAt").isNull()).isTrue();
        assertThat(all.path("items").get(1).path("decidedAt").asLong()).isPositive();

        JsonNode pending = f.requests(group, "?status[eq]=Pending");
        assertThat(pending.path("total").asLong()).isEqualTo(1);
        assertThat(pending.path("items").get(0).path("id").asString()).isEqualTo(first);
        assertThat(f.requests(group, "?status[in]=Rejected,Cancelled").path("items").get(0).path("id").asString())
                .isEqualTo(second);
        assertThat(f.requests(group, "?spotMemberId[eq]=" + alan).path("total").asLong()).isEqualTo(1);
        assertThat(f.requests(group, "?limit=1&page=2").path("items").get(0).path("id").asString())
                .isEqualTo(second);
        assertThat(f.spot.get("/v1/groups/" + group + "/joinRequests?status[eq]=Waiting").expect(400)
                .problemFields()).containsExactly("status[eq]");
    }

    @Test
    void approving_makes_members_notifies_them_in_app_and_by_email_and_reports_what_failed() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String alan = f.member("alan@example.com");
        String group = f.aCommunity("Approval club").create();
        String other = f.aCommunity("Other club").create();
        String adaRequest = f.join(ada, group).expect(200).text("joinRequestId");
        String alanRequest = f.join(alan, group).expect(200).text("joinRequestId");
        String elsewhere = f.join(ada, other).expect(200).text("joinRequestId");
        String unknown = UUID.randomUUID().toString();

        JsonNode result = approve(f, group, body("joinRequestIds", List.of(adaRequest, "nope", unknown, elsewhere,
                alanRequest, adaRequest), "reason", "Welcome!")).expect(200).body();

        assertThat(result.path("approvedJoinRequestIds").valueStream().map(JsonNode::asString).toList())
                .containsExactly(adaRequest, alanRequest);
        assertThat(result.path("failedJoinRequestIds").valueStream().map(JsonNode::asString).toList())
                .containsExactly("nope", unknown, elsewhere);
        assertThat(f.isMember(group, ada) && f.isMember(group, alan)).isTrue();
        assertThat(f.membersCount(group)).isEqualTo(3);
        assertThat(f.status(adaRequest)).isEqualTo("Approved");
        assertThat(f.status(elsewhere)).isEqualTo("Pending");
        assertThat(f.requests(group, "?spotMemberId[eq]=" + ada).path("items").get(0).path("reason").asString())
                .isEqualTo("Welcome!");
        assertThat(rows("select count(*) from notification where member_id = :m and type = "
                + "'GroupJoinRequestApproved' and body->>'groupName' = 'Approval club'", ada)).isEqualTo(1);
        assertThat(rows("select count(*) from outbox where member_id = :m and template = 'joinRequestApproved' "
                + "and link like '%/join/%'", ada)).isEqualTo(1);
        assertThat(f.spot.get("/v1/groups/" + group + "/spotMembers?email[eq]=ada@example.com").expect(200).body()
                .path("items").get(0).path("membershipSource").asString()).isEqualTo("selfJoined");
        assertThat(f.me(ada, "GET", "/v1/me/notifications", null).expect(200).body().path("items").get(0)
                .path("log").path("type").asString()).isEqualTo("GroupJoinRequestApproved");

        // a second approval of the same request changes nothing and tells nobody twice
        assertThat(approve(f, group, ids(adaRequest)).expect(200).body().path("failedJoinRequestIds").get(0)
                .asString()).isEqualTo(adaRequest);
        assertThat(rows("select count(*) from outbox where member_id = :m", ada)).isEqualTo(1);
    }

    @Test
    void a_rejected_member_is_told_why_and_may_ask_again() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String group = f.aCommunity("Approval club").create();
        String request = f.join(ada, group).expect(200).text("joinRequestId");

        JsonNode result = f.spot.post("/v1/groups/" + group + "/joinRequests~bulkReject",
                body("joinRequestIds", List.of(request, "x"), "reason", "Customers only")).expect(200).body();

        assertThat(result.path("rejectedJoinRequestIds").get(0).asString()).isEqualTo(request);
        assertThat(result.path("failedJoinRequestIds").get(0).asString()).isEqualTo("x");
        assertThat(f.status(request)).isEqualTo("Rejected");
        assertThat(f.isMember(group, ada)).isFalse();
        assertThat(rows("select count(*) from notification where member_id = :m and type = "
                + "'GroupJoinRequestRejected' and body->>'reason' = 'Customers only'", ada)).isEqualTo(1);
        assertThat(rows("select count(*) from outbox where member_id = :m and template = 'joinRequestRejected' "
                + "and note = 'Customers only'", ada)).isEqualTo(1);
        String again = f.join(ada, group).expect(200).text("joinRequestId");
        assertThat(again).isNotEqualTo(request);
        assertThat(f.status(again)).isEqualTo("Pending");
    }

    @Test
    void an_approval_invites_the_member_to_the_groups_linked_secret_live_at_once() {
        CommunityFixture f = fixture();
        String host = f.member("host@example.com");
        String ada = f.member("ada@example.com");
        String group = f.aCommunity("Live club").create();
        long start = Instant.now().getEpochSecond() + 86_400;
        Map<String, Object> live = new HashMap<>(Map.of("title", "Secret live", "spotMemberHostId", host,
                "startDate", start, "endDate", start + 3600, "solution", "BuiltIn",
                "visibility", "InvitedMembersOnly"));
        String liveId = f.spot.post("/v1/lives", live).expect(201).text("id");
        f.spot.post("/v1/lives/" + liveId + "/groups~bulkAdd", Map.of("groupIds", List.of(group),
                "withEmailNotification", true)).expect(204);
        String request = f.join(ada, group).expect(200).text("joinRequestId");

        approve(f, group, ids(request)).expect(200);

        JsonNode participant = f.spot.get("/v1/lives/" + liveId + "/participants?email[eq]=ada@example.com")
                .expect(200).body().path("items").get(0);
        assertThat(participant.path("sources").get(0).path("groupId").asString()).isEqualTo(group);
        assertThat(jdbc.sql("select count(*) from outbox where resource_id = :r and member_id = :m")
                .param("r", UUID.fromString(liveId)).param("m", UUID.fromString(ada)).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void two_operators_approving_one_request_at_once_approve_it_once() throws Exception {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String group = f.aCommunity("Approval club").create();
        String request = f.join(ada, group).expect(200).text("joinRequestId");
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonNode>> answers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return approve(f, group, ids(request)).expect(200).body();
            }));
        }
        start.countDown();
        int approved = 0;
        for (Future<JsonNode> answer : answers) {
            approved += answer.get().path("approvedJoinRequestIds").size();
        }
        pool.shutdown();

        assertThat(approved).isEqualTo(1);
        assertThat(f.membersCount(group)).isEqualTo(2);
        assertThat(rows("select count(*) from notification where member_id = :m", ada)).isEqualTo(1);
        assertThat(rows("select count(*) from outbox where member_id = :m", ada)).isEqualTo(1);
    }

    @Test
    void moderators_and_above_decide_with_a_member_token_and_members_get_a_403_naming_the_right() {
        CommunityFixture f = fixture();
        String owner = f.member("olive@example.com");
        String mod = f.member("mo@example.com");
        String plain = f.member("pat@example.com");
        String outsider = f.member("out@example.com");
        String spotAdmin = f.spot.post("/v1/spotMembers", Map.of("email", "root@example.com", "role", "Admin"))
                .expect(201).text("id");
        String ada = f.member("ada@example.com");
        String alan = f.member("alan@example.com");
        String group = f.aCommunity("Approval club").ownedBy(owner).open().create();
        f.join(mod, group).expect(200);
        f.join(plain, group).expect(200);
        f.role(group, mod, "moderator");
        jdbc.sql("update community_group set join_policy = 'approval' where group_id = cast(:g as uuid)")
                .param("g", group).update();
        String adaRequest = f.join(ada, group).expect(200).text("joinRequestId");
        String alanRequest = f.join(alan, group).expect(200).text("joinRequestId");
        String base = "/v1/me/groups/" + group + "/joinRequests";

        for (String member : List.of(plain, outsider)) {
            Api.Response refused = f.me(member, "GET", base, null).expect(403);
            assertThat(refused.body().path("missingRight").asString()).isEqualTo("groups.approve");
            f.me(member, "POST", base + "~bulkApprove", ids(adaRequest)).expect(403);
            f.me(member, "POST", base + "~bulkReject", ids(adaRequest)).expect(403);
        }
        assertThat(f.status(adaRequest)).isEqualTo("Pending");

        assertThat(f.me(mod, "GET", base + "?status[eq]=Pending", null).expect(200).body().path("total").asLong())
                .isEqualTo(2);
        f.me(mod, "POST", base + "~bulkApprove", ids(adaRequest)).expect(200);
        assertThat(f.isMember(group, ada)).isTrue();
        assertThat(f.requests(group, "?spotMemberId[eq]=" + ada).path("items").get(0)
                .path("decidedBySpotMemberId").asString()).isEqualTo(mod);
        f.me(spotAdmin, "POST", base + "~bulkReject", ids(alanRequest)).expect(200);
        assertThat(f.status(alanRequest)).isEqualTo("Rejected");
        f.me(owner, "GET", base, null).expect(200);
        f.me(mod, "GET", "/v1/me/groups/" + UUID.randomUUID() + "/joinRequests", null).expect(404);
    }

    @Test
    void another_spots_key_and_members_never_find_the_requests() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String group = f.aCommunity("Approval club").create();
        String request = f.join(ada, group).expect(200).text("joinRequestId");
        CommunityFixture other = fixture();
        String eve = other.member("eve@example.com");
        String staticGroup = f.spot.group("Static");

        other.spot.get("/v1/groups/" + group + "/joinRequests").expect(404);
        approve(other, group, ids(request)).expect(404);
        other.spot.post("/v1/groups/" + group + "/joinRequests~bulkReject", ids(request)).expect(404);
        other.me(eve, "GET", "/v1/me/groups/" + group + "/joinRequests", null).expect(404);
        other.me(eve, "POST", "/v1/me/groups/" + group + "/joinRequests~bulkApprove", ids(request)).expect(404);
        // the other Spot's own community group does not decide this one's requests either
        String theirs = other.aCommunity("Theirs").create();
        assertThat(approve(other, theirs, ids(request)).expect(200).body().path("failedJoinRequestIds").size())
                .isEqualTo(1);
        assertThat(f.status(request)).isEqualTo("Pending");
        f.spot.get("/v1/groups/" + staticGroup + "/joinRequests").expect(404);
    }

    @Test
    void bad_bodies_are_400s_naming_the_field_and_too_many_ids_a_413_and_nothing_changes() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String group = f.aCommunity("Approval club").create();
        String request = f.join(ada, group).expect(200).text("joinRequestId");

        for (String path : List.of("~bulkApprove", "~bulkReject")) {
            String url = "/v1/groups/" + group + "/joinRequests" + path;
            assertThat(f.spot.post(url, Map.of()).expect(400).problemFields()).containsExactly("joinRequestIds");
            assertThat(f.spot.post(url, Map.of("joinRequestIds", request)).expect(400).problemFields())
                    .containsExactly("joinRequestIds");
            assertThat(f.spot.post(url, body("joinRequestIds", List.of(request), "reason", "x".repeat(1001)))
                    .expect(400).problemFields()).containsExactly("reason");
            assertThat(f.spot.post(url, body("joinRequestIds", List.of(request), "why", "x")).expect(400)
                    .problemFields()).containsExactly("why");
            assertThat(f.spot.post(url, Map.of("joinRequestIds", Collections.nCopies(10_001, request))).status())
                    .isEqualTo(413);
            assertThat(f.spot.post(url, "{\"joinRequestIds\": [").expect(400).problemFields())
                    .containsExactly("body");
        }
        assertThat(f.status(request)).isEqualTo("Pending");
        assertThat(f.isMember(group, ada)).isFalse();
    }
}
