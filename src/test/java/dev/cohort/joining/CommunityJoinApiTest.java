package dev.cohort.joining;

import static dev.cohort.joining.CommunityFixture.answers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.ApiTest;
import dev.cohort.support.MutableClock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16, Joining: members join open community groups at once and ask to join approval groups, answering the
 * group's membership questions; they cancel a pending request, ask again, leave; the lists show community groups.
 */
@Import(SelfJoinClock.class)
class CommunityJoinApiTest extends ApiTest {
    @Autowired
    MutableClock clock;

    private CommunityFixture fixture() {
        clock.reset();
        return new CommunityFixture(newSpot(), jdbc, clock);
    }

    @Test
    void a_member_joins_an_open_community_group_at_once_and_sees_it_among_their_groups() {
        CommunityFixture f = fixture();
        String owner = f.member("olive@example.com");
        String ada = f.member("ada@example.com");
        String group = f.aCommunity("Product Beta").ownedBy(owner).open().create();

        JsonNode joinable = f.me(ada, "GET", "/v1/me/groups/joinable", null).expect(200).body();
        assertThat(joinable.path("total").asLong()).isEqualTo(1);
        JsonNode listed = joinable.path("items").get(0);
        assertThat(listed.path("kind").asString()).isEqualTo("community");
        assertThat(listed.path("joinType").asString()).isEqualTo("open");
        assertThat(listed.path("joined").asBoolean()).isFalse();
        assertThat(listed.path("groupRole").isNull()).isTrue();

        JsonNode joined = f.join(ada, group).expect(200).body();
        assertThat(joined.path("status").asString()).isEqualTo("Joined");
        assertThat(joined.path("joinRequestId").isNull()).isTrue();
        assertThat(f.isMember(group, ada)).isTrue();
        assertThat(f.membersCount(group)).isEqualTo(2);
        // joining again changes nothing
        f.join(ada, group).expect(200);
        assertThat(f.membersCount(group)).isEqualTo(2);

        JsonNode mine = f.me(ada, "GET", "/v1/me/groups", null).expect(200).body();
        assertThat(mine.path("total").asLong()).isEqualTo(1);
        assertThat(mine.path("items").get(0).path("groupRole").asString()).isEqualTo("member");
        assertThat(f.me(owner, "GET", "/v1/me/groups?kind[eq]=community", null).expect(200).body()
                .path("items").get(0).path("groupRole").asString()).isEqualTo("owner");
        assertThat(f.me(ada, "GET", "/v1/me/groups?kind[eq]=static", null).expect(200).body()
                .path("total").asLong()).isZero();
    }

    @Test
    void an_approval_group_files_one_pending_request_and_asking_again_answers_the_same_one() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String group = f.aCommunity("Approval club").question("why", "Why do you want to join?", true).create();

        JsonNode first = f.join(ada, group, answers("why", "  To learn  ")).expect(200).body();
        assertThat(first.path("status").asString()).isEqualTo("Pending");
        String request = first.path("joinRequestId").asString();
        JsonNode again = f.join(ada, group, answers("why", "Other words")).expect(200).body();
        assertThat(again.path("joinRequestId").asString()).isEqualTo(request);
        assertThat(f.isMember(group, ada)).isFalse();
        assertThat(f.count("select count(*) from join_request where group_id = :group", group)).isEqualTo(1);
        String stored = jdbc.sql("select answers::text from join_request where id = cast(:id as uuid)")
                .param("id", request).query(String.class).single();
        assertThat(stored).contains("\"questionId\": \"why\"", "\"answer\": \"To learn\"",
                "\"question\": \"Why do you want to join?\"");

        JsonNode listed = f.me(ada, "GET", "/v1/me/groups/joinable?joinType[eq]=approval", null).expect(200).body();
        assertThat(listed.path("items").get(0).path("pending").asBoolean()).isTrue();
        assertThat(f.me(ada, "GET", "/v1/me/groups", null).expect(200).body().path("total").asLong()).isZero();
    }

    @Test
    void required_questions_left_unanswered_and_unknown_questions_are_400s_naming_each_and_nothing_is_filed() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String group = f.aCommunity("Strict club").question("why", "Why?", true)
                .question("where", "Where do you live?", true).question("extra", "Anything else?", false).create();

        assertThat(f.join(ada, group).expect(400).problemFields()).containsExactlyInAnyOrder("answers[why]",
                "answers[where]");
        assertThat(f.join(ada, group, answers("why", "   ", "extra", "x")).expect(400).problemFields())
                .containsExactlyInAnyOrder("answers[why]", "answers[where]");
        assertThat(f.join(ada, group, answers("why", "a", "where", "b", "nope", "c")).expect(400).problemFields())
                .containsExactly("answers[2].questionId");
        assertThat(f.join(ada, group, answers("why", "a", "where", "b", "why", "c")).expect(400).problemFields())
                .containsExactly("answers[2].questionId");
        assertThat(f.join(ada, group, answers("why", "a".repeat(2001), "where", "b")).expect(400).problemFields())
                .containsExactly("answers[0].answer");
        assertThat(f.join(ada, group, Map.of("answers", "why")).expect(400).problemFields())
                .containsExactly("answers");
        assertThat(f.join(ada, group, Map.of("answer", List.of())).expect(400).problemFields())
                .containsExactly("answer");
        assertThat(f.join(ada, group, Map.of("answers", List.of(Map.of("questionId", "why")))).expect(400)
                .problemFields()).containsExactly("answers[0].answer");
        assertThat(f.count("select count(*) from join_request where group_id = :group", group)).isZero();

        f.join(ada, group, answers("why", "a".repeat(2000), "where", "Paris")).expect(200);
        assertThat(f.count("select count(*) from join_request where group_id = :group", group)).isEqualTo(1);
    }

    @Test
    void an_open_group_keeps_the_answers_of_a_member_who_joins() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String group = f.aCommunity("Open club").open().question("why", "Why?", true).create();

        assertThat(f.join(ada, group).expect(400).problemFields()).containsExactly("answers[why]");
        f.join(ada, group, answers("why", "Curious")).expect(200);

        assertThat(f.isMember(group, ada)).isTrue();
        assertThat(jdbc.sql("select status from join_request where group_id = cast(:g as uuid)").param("g", group)
                .query(String.class).single()).isEqualTo("Approved");
    }

    @Test
    void a_member_cancels_a_pending_request_and_may_ask_again() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String group = f.aCommunity("Approval club").create();
        String first = f.join(ada, group).expect(200).text("joinRequestId");

        JsonNode cancelled = f.me(ada, "POST", "/v1/me/groups/" + group + "~cancelJoinRequest", null).expect(200)
                .body();
        assertThat(cancelled.path("status").asString()).isEqualTo("Cancelled");
        assertThat(cancelled.path("joinRequestId").asString()).isEqualTo(first);
        assertThat(f.status(first)).isEqualTo("Cancelled");
        assertThat(f.me(ada, "POST", "/v1/me/groups/" + group + "~cancelJoinRequest", null).expect(409).body()
                .path("detail").asString()).contains("no pending request");

        String second = f.join(ada, group).expect(200).text("joinRequestId");
        assertThat(second).isNotEqualTo(first);
        assertThat(f.status(second)).isEqualTo("Pending");
    }

    @Test
    void a_member_leaves_a_community_group_but_its_owner_cannot() {
        CommunityFixture f = fixture();
        String owner = f.member("olive@example.com");
        String ada = f.member("ada@example.com");
        String group = f.aCommunity("Open club").ownedBy(owner).open().create();
        f.join(ada, group).expect(200);

        assertThat(f.me(ada, "POST", "/v1/me/groups/" + group + "~leave", null).expect(200).text("status"))
                .isEqualTo("Left");
        assertThat(f.isMember(group, ada)).isFalse();
        assertThat(f.membersCount(group)).isEqualTo(1);
        f.me(ada, "POST", "/v1/me/groups/" + group + "~leave", null).expect(200);
        f.me(owner, "POST", "/v1/me/groups/" + group + "~leave", null).expect(409);
        assertThat(f.isMember(group, owner)).isTrue();
    }

    @Test
    void the_static_group_join_keeps_working_without_a_body_and_takes_no_answers() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String open = f.spot.post("/v1/groups", Map.of("name", "Static open", "joinType", "open",
                "userViewable", true)).expect(201).text("id");
        String hidden = f.spot.post("/v1/groups", Map.of("name", "Hidden", "joinType", "open")).expect(201)
                .text("id");

        assertThat(f.join(ada, open, answers("why", "x")).expect(400).problemFields()).containsExactly("answers");
        assertThat(f.isMember(open, ada)).isFalse();
        f.join(ada, hidden, answers("why", "x")).expect(404);
        assertThat(f.join(ada, open).expect(200).body().toString()).isEqualTo("{\"status\":\"Joined\","
                + "\"joinRequestId\":null}");
        f.join(ada, open, Map.of()).expect(200);
        assertThat(f.isMember(open, ada)).isTrue();
        assertThat(f.me(ada, "POST", "/v1/me/groups/" + open + "~cancelJoinRequest", null).status()).isEqualTo(404);
    }

    @Test
    void another_spots_member_never_finds_the_group() {
        CommunityFixture f = fixture();
        String group = f.aCommunity("Approval club").create();
        CommunityFixture other = fixture();
        String eve = other.member("eve@example.com");

        other.join(eve, group).expect(404);
        other.me(eve, "POST", "/v1/me/groups/" + group + "~cancelJoinRequest", null).expect(404);
        other.me(eve, "POST", "/v1/me/groups/" + group + "~leave", null).expect(404);
        assertThat(other.me(eve, "GET", "/v1/me/groups/joinable", null).expect(200).body().path("total").asLong())
                .isZero();
        assertThat(f.count("select count(*) from join_request where group_id = :group", group)).isZero();
    }

    @Test
    void concurrent_requests_of_one_member_file_one_request() throws Exception {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String group = f.aCommunity("Approval club").create();
        int clients = 6;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return f.join(ada, group).expect(200).text("joinRequestId");
            }));
        }
        start.countDown();
        Set<String> ids = new HashSet<>();
        for (Future<String> answer : answers) {
            ids.add(answer.get());
        }
        pool.shutdown();

        assertThat(ids).hasSize(1);
        assertThat(f.count("select count(*) from join_request where group_id = :group", group)).isEqualTo(1);
    }
}
