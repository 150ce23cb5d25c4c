package dev.cohort.joining;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * SPEC rules 6-12 and 15 (issue 15): a self-join is a membership like any other (linked resources invite at once,
 * emails follow the link's switch, leaving takes away what only the group gave), and concurrent joins make one.
 */
class SelfJoinAccessApiTest extends SelfJoinApiTest {

    private long count(String sql, String resource, String member) {
        return jdbc.sql(sql).param("r", UUID.fromString(resource)).param("m", UUID.fromString(member))
                .query(Long.class).single();
    }

    private long emails(String live, String member) {
        return count("select count(*) from outbox where resource_id = :r and member_id = :m", live, member);
    }

    private List<String> reachable(SelfJoinFixture f, String member) {
        return f.me(member, "GET", "/v1/me/resources").expect(200).body().path("items").valueStream()
                .map(r -> r.path("id").asString()).toList();
    }

    @Test
    void joining_an_open_group_linked_to_a_secret_live_makes_a_participant_and_leaving_takes_it_away() {
        SelfJoinFixture f = fixture();
        String host = f.spot.member("host@example.com");
        String ada = f.spot.member("ada@example.com", "Ada", "Lovelace");
        String group = f.open("Live club");
        String live = f.secretLive("Secret live", host, 1);
        f.link(live, group, true);
        assertThat(reachable(f, ada)).doesNotContain(live);

        f.join(ada, group).expect(200);
        assertThat(reachable(f, ada)).contains(live);
        JsonNode participant = f.spot.get("/v1/lives/" + live + "/participants?email[eq]=ada@example.com")
                .expect(200).body().path("items").get(0);
        assertThat(participant.path("status").asString()).isEqualTo("Invited");
        assertThat(participant.path("sources").get(0).path("groupId").asString()).isEqualTo(group);
        assertThat(emails(live, ada)).isEqualTo(1);
        // joining again invites nobody twice
        f.join(ada, group).expect(200);
        assertThat(emails(live, ada)).isEqualTo(1);

        f.leave(ada, group).expect(200);
        assertThat(reachable(f, ada)).doesNotContain(live);
        assertThat(count("select count(*) from participant where resource_id = :r and member_id = :m", live, ada))
                .isZero();
    }

    @Test
    void the_invitation_email_follows_the_links_switch() {
        SelfJoinFixture f = fixture();
        String host = f.spot.member("host@example.com");
        String ada = f.spot.member("ada@example.com");
        String group = f.open("Quiet club");
        String live = f.secretLive("Secret live", host, 1);
        f.link(live, group, false);

        f.join(ada, group).expect(200);
        assertThat(reachable(f, ada)).contains(live);
        assertThat(emails(live, ada)).isZero();
    }

    @Test
    void leaving_takes_away_only_what_the_group_alone_gave() {
        SelfJoinFixture f = fixture();
        String host = f.spot.member("host@example.com");
        String ada = f.spot.member("ada@example.com");
        String open = f.open("Open club");
        String staff = f.spot.group("Staff");
        String live = f.secretLive("Secret live", host, 1);
        f.link(live, open, true);
        f.link(live, staff, true);
        f.spot.post("/v1/groups/" + staff + "/spotMembers", Map.of("spotMemberId", ada)).expect(204);
        f.join(ada, open).expect(200);
        assertThat(emails(live, ada)).isEqualTo(1);

        f.leave(ada, open).expect(200);
        assertThat(reachable(f, ada)).contains(live);
        JsonNode participant = f.spot.get("/v1/lives/" + live + "/participants?email[eq]=ada@example.com")
                .expect(200).body().path("items").get(0);
        assertThat(participant.path("sources").valueStream().map(s -> s.path("groupId").asString()).toList())
                .containsExactly(staff);
    }

    @Test
    void the_same_member_joining_by_many_requests_at_once_is_in_the_group_once_and_invited_once() throws Exception {
        SelfJoinFixture f = fixture();
        String host = f.spot.member("host@example.com");
        String ada = f.spot.member("ada@example.com");
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            others.add(f.spot.member("m" + i + "@example.com"));
        }
        String group = f.open("Rush");
        String live = f.secretLive("Secret live", host, 1);
        f.link(live, group, true);

        List<String> joiners = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            joiners.add(ada);
        }
        joiners.addAll(others);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Api.Response>> calls = new ArrayList<>();
            for (String member : joiners) {
                String token = f.token(member);
                calls.add(pool.submit(() -> {
                    start.await();
                    return f.spot.api.send("POST", "/v1/me/groups/" + group + "~join", token, null, null);
                }));
            }
            start.countDown();
            for (Future<Api.Response> call : calls) {
                assertThat(call.get().expect(200).text("status")).isEqualTo("Joined");
            }
        } finally {
            pool.shutdown();
        }

        long rows = jdbc.sql("select count(*) from group_membership where group_id = :g and member_id = :m")
                .param("g", UUID.fromString(group)).param("m", UUID.fromString(ada)).query(Long.class).single();
        assertThat(rows).isEqualTo(1);
        assertThat(f.membersCount(group)).isEqualTo(1 + others.size());
        assertThat(f.spot.get("/v1/groups/" + group + "/spotMembers").expect(200).body().path("total").asLong())
                .isEqualTo(1 + others.size());
        assertThat(f.spot.get("/v1/groups?membersCount[eq]=" + (1 + others.size())).expect(200).body()
                .path("total").asLong()).isEqualTo(1);
        assertThat(emails(live, ada)).isEqualTo(1);
        assertThat(count("select count(*) from notification where member_id = :m and body->>'resourceId' = "
                + "cast(:r as text)", live, ada)).isEqualTo(1);
    }
}
