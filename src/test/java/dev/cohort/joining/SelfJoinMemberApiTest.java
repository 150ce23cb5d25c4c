package dev.cohort.joining;

import static dev.cohort.joining.SelfJoinFixture.names;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** SPEC rules 15-16 (issue 15): members see, join and leave groups themselves, inside the groups' windows. */
class SelfJoinMemberApiTest extends SelfJoinApiTest {

    private long now() {
        return clock.instant().getEpochSecond();
    }

    @Test
    void a_member_joins_an_open_group_and_is_listed_as_self_joined() {
        SelfJoinFixture f = fixture();
        String ada = f.spot.member("ada@example.com", "Ada", "Lovelace");
        long start = now() - 60;
        String group = f.open("Beta testers", "description", "Try things first", "emoji", "🧪", "icon", "flask",
                "order", 2, "startDate", start, "stopDate", start + 3600);

        JsonNode before = f.joinable(ada).path("items").get(0);
        assertThat(before.path("id").asString()).isEqualTo(group);
        assertThat(before.path("name").asString()).isEqualTo("Beta testers");
        assertThat(before.path("description").asString()).isEqualTo("Try things first");
        assertThat(before.path("emoji").asString()).isEqualTo("🧪");
        assertThat(before.path("icon").asString()).isEqualTo("flask");
        assertThat(before.path("joinType").asString()).isEqualTo("open");
        assertThat(before.path("joined").asBoolean()).isFalse();
        assertThat(before.path("startDate").asLong()).isEqualTo(start);
        assertThat(before.path("stopDate").asLong()).isEqualTo(start + 3600);
        assertThat(before.path("order").asInt()).isEqualTo(2);
        assertThat(f.mine(ada).path("total").asLong()).isZero();

        Api.Response joined = f.join(ada, group).expect(200);
        assertThat(joined.body()).isEqualTo(Api.JSON.readTree("{\"status\": \"Joined\", \"joinRequestId\": null}"));
        assertThat(f.joinable(ada).path("items").get(0).path("joined").asBoolean()).isTrue();
        JsonNode mine = f.mine(ada);
        assertThat(mine.path("total").asLong()).isEqualTo(1);
        assertThat(mine.path("items").get(0).path("id").asString()).isEqualTo(group);
        assertThat(mine.path("items").get(0).path("joined").asBoolean()).isTrue();
        assertThat(f.membersCount(group)).isEqualTo(1);
        assertThat(f.sources(group)).containsExactly(Map.entry(ada, "selfJoined"));

        // joining twice changes nothing
        assertThat(f.join(ada, group).expect(200).text("status")).isEqualTo("Joined");
        assertThat(f.membersCount(group)).isEqualTo(1);
        assertThat(f.sources(group)).containsExactly(Map.entry(ada, "selfJoined"));
    }

    @Test
    void operators_still_add_anyone_to_any_group_whatever_its_join_type_and_window() {
        SelfJoinFixture f = fixture();
        String ada = f.spot.member("ada@example.com");
        String bob = f.spot.member("bob@example.com");
        String past = f.group("Past code", "joinType", "code", "startDate", 1_000, "stopDate", 2_000);
        String open = f.open("Open");

        f.spot.post("/v1/groups/" + past + "/spotMembers", Map.of("spotMemberId", ada)).expect(204);
        f.spot.post("/v1/groups/" + open + "/spotMembers~bulkAdd", Map.of("spotMemberIds", List.of(bob)))
                .expect(200);
        f.join(ada, open).expect(200);

        assertThat(f.sources(past)).containsExactly(Map.entry(ada, "manual"));
        assertThat(f.sources(open)).containsOnly(Map.entry(ada, "selfJoined"), Map.entry(bob, "manual"));
        assertThat(f.membersCount(open)).isEqualTo(2);
        // a member an operator added who joins as well stays as the operator added them
        f.join(bob, open).expect(200);
        assertThat(f.sources(open)).containsEntry(bob, "manual");
    }

    @Test
    void the_joinable_groups_are_the_viewable_open_and_code_ones_in_their_window_by_order_then_name() {
        SelfJoinFixture f = fixture();
        String ada = f.spot.member("ada@example.com");
        f.group("Closed hidden");
        f.group("Closed viewable", "userViewable", true);
        f.group("Open hidden", "joinType", "open");
        f.group("Code hidden", "joinType", "code");
        f.open("Code viewable", "joinType", "code", "order", 1);
        f.open("Beta", "order", 2);
        f.open("Alpha", "order", 2);
        f.open("First", "order", -1);
        f.open("Not yet", "startDate", now() + 3600);
        f.open("Over", "stopDate", now() - 1);
        f.open("Inside", "order", 3, "startDate", now() - 60, "stopDate", now() + 60);
        String deleted = f.open("Deleted");
        f.spot.delete("/v1/groups/" + deleted).expect(204);
        f.spot.post("/v1/groups", Map.of("name", "Smart viewable", "kind", "smart", "userViewable", true,
                "rule", Map.of("field", "role", "op", "eq", "value", "Member"))).expect(201);

        JsonNode joinable = f.joinable(ada);
        assertThat(names(joinable)).containsExactly("First", "Code viewable", "Alpha", "Beta", "Inside");
        assertThat(joinable.path("total").asLong()).isEqualTo(5);
        JsonNode page = f.me(ada, "GET", "/v1/me/groups/joinable?limit=2&page=2").expect(200).body();
        assertThat(names(page)).containsExactly("Alpha", "Beta");
        assertThat(page.path("total").asLong()).isEqualTo(5);
        assertThat(names(f.me(ada, "GET", "/v1/me/groups/joinable?joinType[eq]=code").expect(200).body()))
                .containsExactly("Code viewable");
        assertThat(f.me(ada, "GET", "/v1/me/groups/joinable?joinType[eq]=closed").expect(400).problemFields())
                .containsExactly("joinType[eq]");
    }

    @Test
    void my_groups_are_the_viewable_self_join_groups_i_am_in() {
        SelfJoinFixture f = fixture();
        String ada = f.spot.member("ada@example.com");
        String bob = f.spot.member("bob@example.com");
        String open = f.open("Open", "order", 1);
        String code = f.open("Code", "joinType", "code");
        String hiddenCode = f.group("Hidden code", "joinType", "code");
        String closed = f.group("Closed viewable", "userViewable", true);
        String other = f.open("Not mine");
        f.spot.post("/v1/groups/" + code + "/spotMembers~bulkAdd", Map.of("spotMemberIds", List.of(ada)))
                .expect(200);
        for (String group : List.of(hiddenCode, closed, other)) {
            f.spot.post("/v1/groups/" + group + "/spotMembers", Map.of("spotMemberId",
                    group.equals(other) ? bob : ada)).expect(204);
        }
        f.join(ada, open).expect(200);

        JsonNode mine = f.mine(ada);
        assertThat(names(mine)).containsExactly("Code", "Open");
        assertThat(mine.path("total").asLong()).isEqualTo(2);
        assertThat(mine.path("items").valueStream().allMatch(g -> g.path("joined").asBoolean())).isTrue();
        assertThat(names(f.me(ada, "GET", "/v1/me/groups?joinType[in]=open").expect(200).body()))
                .containsExactly("Open");
        assertThat(names(f.mine(bob))).containsExactly("Not mine");
    }

    @Test
    void joining_a_code_group_a_closed_one_or_one_outside_its_window_is_a_409_saying_why() {
        SelfJoinFixture f = fixture();
        String ada = f.spot.member("ada@example.com");
        String code = f.open("Code", "joinType", "code");
        String closed = f.group("Closed", "userViewable", true);
        String later = f.open("Later", "startDate", now() + 3600);
        String over = f.open("Over", "startDate", now() - 7200, "stopDate", now() - 3600);

        assertThat(f.join(ada, code).expect(409).body().path("detail").asString())
                .isEqualTo("this group is joined with a code");
        assertThat(f.join(ada, closed).expect(409).body().path("detail").asString())
                .isEqualTo("only an operator can add you to this group");
        assertThat(f.join(ada, later).expect(409).body().path("detail").asString()).startsWith("this group opens at");
        assertThat(f.join(ada, over).expect(409).body().path("detail").asString()).startsWith("this group closed at");
        for (String group : List.of(code, closed, later, over)) {
            assertThat(f.membersCount(group)).isZero();
        }
    }

    @Test
    void a_group_is_joinable_only_inside_its_window_by_the_clock_and_can_be_left_after_it() {
        SelfJoinFixture f = fixture();
        String ada = f.spot.member("ada@example.com");
        String bob = f.spot.member("bob@example.com");
        long start = now() + 86_400;
        String group = f.open("Summer club", "startDate", start, "stopDate", start + 86_400);

        assertThat(f.joinable(ada).path("total").asLong()).isZero();
        f.join(ada, group).expect(409);

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(names(f.joinable(ada))).containsExactly("Summer club");
        f.join(ada, group).expect(200);
        assertThat(names(f.mine(ada))).containsExactly("Summer club");

        clock.advance(Duration.ofDays(1));
        assertThat(f.joinable(bob).path("total").asLong()).isZero();
        assertThat(f.mine(ada).path("total").asLong()).isZero();
        assertThat(f.join(bob, group).expect(409).body().path("detail").asString()).startsWith("this group closed at");
        assertThat(f.membersCount(group)).isEqualTo(1);
        // leaving does not depend on the window
        assertThat(f.leave(ada, group).expect(200).text("status")).isEqualTo("Left");
        assertThat(f.membersCount(group)).isZero();
    }

    @Test
    void a_group_the_member_may_not_see_is_a_404_to_join_and_to_leave() {
        SelfJoinFixture f = fixture();
        String ada = f.spot.member("ada@example.com");
        String closedHidden = f.group("Closed hidden");
        String openHidden = f.group("Open hidden", "joinType", "open");
        String smart = f.spot.post("/v1/groups", Map.of("name", "Smart", "kind", "smart", "userViewable", true,
                "rule", Map.of("field", "role", "op", "eq", "value", "Member"))).expect(201).text("id");
        String deleted = f.open("Deleted");
        f.spot.delete("/v1/groups/" + deleted).expect(204);
        SelfJoinFixture other = fixture();
        String othersOpen = other.open("Another Spot's open group");
        String othersMember = other.spot.member("eve@example.com");
        other.join(othersMember, othersOpen).expect(200);

        for (String group : List.of(closedHidden, openHidden, smart, deleted, othersOpen,
                UUID.randomUUID().toString())) {
            f.join(ada, group).expect(404);
            f.leave(ada, group).expect(404);
        }
        f.me(ada, "POST", "/v1/me/groups/not-an-id~join").expect(404);
        assertThat(f.mine(ada).path("total").asLong()).isZero();
        assertThat(other.membersCount(othersOpen)).isEqualTo(1);
        // the smart group's member (Ada matches its rule) cannot leave it either
        assertThat(f.sources(smart)).containsKey(ada);
        assertThat(f.membersCount(smart)).isEqualTo(1);
    }

    @Test
    void a_member_leaves_open_and_code_groups_but_not_closed_ones() {
        SelfJoinFixture f = fixture();
        String ada = f.spot.member("ada@example.com");
        String open = f.open("Open");
        String hiddenCode = f.group("Hidden code", "joinType", "code");
        String closedHidden = f.group("Closed hidden");
        String closedViewable = f.group("Closed viewable", "userViewable", true);
        for (String group : List.of(hiddenCode, closedHidden)) {
            f.spot.post("/v1/groups/" + group + "/spotMembers", Map.of("spotMemberId", ada)).expect(204);
        }
        f.join(ada, open).expect(200);

        assertThat(f.leave(ada, open).expect(200).body())
                .isEqualTo(Api.JSON.readTree("{\"status\": \"Left\", \"joinRequestId\": null}"));
        assertThat(f.membersCount(open)).isZero();
        assertThat(f.mine(ada).path("total").asLong()).isZero();
        // leaving a group one is not in changes nothing: 200
        assertThat(f.leave(ada, open).expect(200).text("status")).isEqualTo("Left");
        assertThat(f.membersCount(open)).isZero();
        // a code group one is in may be left, even hidden
        f.leave(ada, hiddenCode).expect(200);
        assertThat(f.membersCount(hiddenCode)).isZero();
        // a closed group is left only by an operator's removal
        for (String closed : List.of(closedHidden, closedViewable)) {
            assertThat(f.leave(ada, closed).expect(409).body().path("detail").asString())
                    .isEqualTo("only an operator can remove you from this group");
        }
        assertThat(f.membersCount(closedHidden)).isEqualTo(1);
        // and back in again
        f.join(ada, open).expect(200);
        assertThat(f.sources(open)).containsExactly(Map.entry(ada, "selfJoined"));
    }

    @Test
    void the_member_endpoints_take_a_member_token_and_refuse_the_spot_key() {
        SelfJoinFixture f = fixture();
        String group = f.open("Open");
        f.spot.get("/v1/me/groups").expect(401);
        f.spot.post("/v1/me/groups/" + group + "~join", null).expect(401);
        f.spot.api.send("GET", "/v1/me/groups/joinable", null, null, null).expect(401);
    }
}
