package dev.cohort.smartgroups;

import static dev.cohort.smartgroups.SmartGroups.assertMembers;
import static dev.cohort.smartgroups.SmartGroups.assign;
import static dev.cohort.smartgroups.SmartGroups.body;
import static dev.cohort.smartgroups.SmartGroups.cond;
import static dev.cohort.smartgroups.SmartGroups.group;
import static dev.cohort.smartgroups.SmartGroups.member;
import static dev.cohort.smartgroups.SmartGroups.membersCount;
import static dev.cohort.smartgroups.SmartGroups.membership;
import static dev.cohort.smartgroups.SmartGroups.q;
import static dev.cohort.smartgroups.SmartGroups.setRule;
import static dev.cohort.smartgroups.SmartGroups.smart;
import static dev.cohort.smartgroups.SmartGroups.tag;
import static dev.cohort.smartgroups.SmartGroups.texts;
import static dev.cohort.smartgroups.SmartGroups.unassign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Smart groups edited (issue 6): manual edits refused, exceptions, conversions between static and smart, rule changes, other Spots.
 *
 * <p>Most operator tests check each rule three ways: a group created before the members existed (kept current
 * member by member as they are created, tagged and given values), a group created afterwards (evaluated over the
 * whole Spot), and {@code ~previewRule}.
 */
class SmartGroupExceptionsApiTest extends ApiTest {
    // ------------------------------------------------------------------------------------------------------------
    // manual edits, exceptions, conversions, rule changes

    @Test
    void manual_membership_edits_on_a_smart_group_are_409s_pointing_to_the_exceptions() {
        Api.SpotClient spot = newSpot();
        String admin = member(spot, body("email", "admin@example.com", "role", "Admin"));
        String plain = spot.member("plain@example.com");
        String group = smart(spot, "Admins", cond("role", "eq", "Admin"));
        List<Api.Response> refused = List.of(
                spot.post("/v1/groups/" + group + "/spotMembers", Map.of("spotMemberId", plain)),
                spot.post("/v1/groups/" + group + "/spotMembers~bulkAdd", Map.of("spotMemberIds", List.of(plain))),
                spot.post("/v1/groups/" + group + "/spotMembers~bulkRemove", Map.of("spotMemberIds", List.of(admin))));
        for (Api.Response response : refused) {
            response.expect(409);
            assertThat(response.body().path("detail").asString()).contains("exceptions~bulkAdd");
        }
        assertMembers(spot, group, admin);
    }

    @Test
    void exceptions_include_and_exclude_members_whatever_the_rule_says() {
        Api.SpotClient spot = newSpot();
        Api.SpotClient other = newSpot();
        String stranger = other.member("stranger@example.com");
        String vip = tag(spot, "VIP");
        String a = spot.member("a@example.com");
        String b = spot.member("b@example.com");
        String c = spot.member("c@example.com");
        String d = spot.member("d@example.com");
        assign(spot, vip, a, b);
        String group = smart(spot, "VIPs", cond("tags", "hasAny", List.of(vip)));
        String exceptions = "/v1/groups/" + group + "/exceptions";

        Api.Response included = spot.post(exceptions + "~bulkAdd", Map.of("type", "include",
                "spotMemberIds", List.of(c, stranger, UUID.randomUUID().toString(), "malformed"))).expect(200);
        assertThat(membership(spot, group)).containsOnly(Map.entry(a, "rule"), Map.entry(b, "rule"),
                Map.entry(c, "exception"));
        assertThat(membersCount(spot, group)).isEqualTo(3);

        spot.post(exceptions + "~bulkAdd", Map.of("type", "exclude", "spotMemberIds", List.of(a, d))).expect(200);
        assertMembers(spot, group, b, c);
        assign(spot, vip, d);                                       // an excluded member who starts matching stays out
        assertMembers(spot, group, b, c);
        unassign(spot, vip, a);
        assign(spot, vip, a);
        assertMembers(spot, group, b, c);

        JsonNode list = spot.get(exceptions).expect(200).body();
        assertThat(list.path("total").asLong()).isEqualTo(3);
        Map<String, String> types = new HashMap<>();
        list.path("items").forEach(item -> {
            types.put(item.path("spotMemberId").asString(), item.path("type").asString());
            assertThat(item.path("createdAt").isMissingNode() || item.path("createdAt").isNull()).isFalse();
        });
        assertThat(types).containsOnly(Map.entry(a, "exclude"), Map.entry(c, "include"), Map.entry(d, "exclude"));
        JsonNode includes = spot.get(q(exceptions + "?type[eq]=include")).expect(200).body();
        assertThat(includes.path("total").asLong()).isEqualTo(1);
        assertThat(includes.path("items").get(0).path("spotMemberId").asString()).isEqualTo(c);
        assertThat(spot.get(q(exceptions + "?type[eq]=exclude")).expect(200).body().path("total").asLong())
                .isEqualTo(2);

        // one exception per member: the other type replaces it
        spot.post(exceptions + "~bulkAdd", Map.of("type", "include", "spotMemberIds", List.of(a))).expect(200);
        assertMembers(spot, group, a, b, c);
        assertThat(spot.get(exceptions).expect(200).body().path("total").asLong()).isEqualTo(3);
        assertThat(spot.get(q(exceptions + "?type[eq]=include")).expect(200).body().path("total").asLong())
                .isEqualTo(2);

        // removing an exception re-evaluates the member against the rule
        Api.Response wrongType = spot.post(exceptions + "~bulkRemove", Map.of("type", "exclude",
                "spotMemberIds", List.of(c))).expect(200);
        assertThat(wrongType.body().path("removedCount").asInt()).isZero();
        assertMembers(spot, group, a, b, c);
        Api.Response removed = spot.post(exceptions + "~bulkRemove", Map.of("spotMemberIds", List.of(c, d, b)))
                .expect(200);
        assertThat(removed.body().path("removedCount").asInt()).isEqualTo(2);
        assertThat(membership(spot, group)).as("c no longer included, d no longer excluded and vip")
                .containsOnly(Map.entry(a, "exception"), Map.entry(b, "rule"), Map.entry(d, "rule"));
        spot.post(exceptions + "~bulkRemove", Map.of("spotMemberIds", List.of(a))).expect(200);
        assertThat(membership(spot, group)).containsOnly(Map.entry(a, "rule"), Map.entry(b, "rule"),
                Map.entry(d, "rule"));
        assertThat(membersCount(spot, group)).isEqualTo(3);

        // an included member who stops matching stays
        spot.post(exceptions + "~bulkAdd", Map.of("type", "include", "spotMemberIds", List.of(b))).expect(200);
        unassign(spot, vip, b);
        assertMembers(spot, group, a, b, d);

        assertThat(spot.post(exceptions + "~bulkAdd", Map.of("type", "sometimes", "spotMemberIds", List.of(c)))
                .expect(400).problemFields()).containsExactly("type");
        assertThat(spot.post(exceptions + "~bulkAdd", Map.of("spotMemberIds", List.of(c))).expect(400)
                .problemFields()).containsExactly("type");
        assertThat(spot.post(exceptions + "~bulkAdd", Map.of("type", "include")).expect(400).problemFields())
                .containsExactly("spotMemberIds");
        assertMembers(spot, group, a, b, d);
        assertThat(spot.get(exceptions).expect(200).body().path("total").asLong()).as("only b's inclusion is left")
                .isEqualTo(1);

        // the first answer, as the contract names its fields
        assertThat(texts(included.body().path("addedSpotMemberIds"))).containsExactly(c);
        assertThat(texts(included.body().path("failedSpotMemberIds"))).hasSize(3).contains(stranger, "malformed");
    }

    @Test
    void exceptions_on_a_static_group_are_409s() {
        Api.SpotClient spot = newSpot();
        String ada = spot.member("ada@example.com");
        String group = spot.group("Static");
        String exceptions = "/v1/groups/" + group + "/exceptions";
        spot.post(exceptions + "~bulkAdd", Map.of("type", "include", "spotMemberIds", List.of(ada))).expect(409);
        spot.post(exceptions + "~bulkRemove", Map.of("spotMemberIds", List.of(ada))).expect(409);
        spot.get(exceptions).expect(409);
        assertThat(membersCount(spot, group)).isZero();
    }

    @Test
    void a_static_group_turned_smart_follows_its_rule() {
        Api.SpotClient spot = newSpot();
        String admin = member(spot, body("email", "admin@example.com", "role", "Admin"));
        String plain = spot.member("plain@example.com");
        String other = member(spot, body("email", "other@example.com", "role", "Admin"));
        String group = spot.group("Was static");
        spot.post("/v1/groups/" + group + "/spotMembers~bulkAdd", Map.of("spotMemberIds", List.of(admin, plain)))
                .expect(200);
        assertThat(membership(spot, group)).containsOnly(Map.entry(admin, "manual"), Map.entry(plain, "manual"));

        Map<String, Object> rule = cond("role", "eq", "Admin");
        JsonNode turned = spot.put("/v1/groups/" + group, Map.of("kind", "smart", "rule", rule)).expect(200).body();
        assertThat(turned.path("kind").asString()).isEqualTo("smart");
        assertThat(turned.path("rule")).isEqualTo(Api.JSON.valueToTree(rule));
        assertThat(turned.path("ruleEvaluatedAt").isNumber()).isTrue();
        assertThat(turned.path("membersCount").asLong()).isEqualTo(2);
        assertThat(membership(spot, group)).containsOnly(Map.entry(admin, "rule"), Map.entry(other, "rule"));
        spot.post("/v1/groups/" + group + "/spotMembers", Map.of("spotMemberId", plain)).expect(409);
        spot.put("/v1/spotMembers/" + admin, Map.of("role", "Member")).expect(200);
        String newAdmin = member(spot, body("email", "new@example.com", "role", "Admin"));
        assertMembers(spot, group, other, newAdmin);
        assertThat(spot.get(q("/v1/groups?kind[eq]=smart")).expect(200).body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void a_smart_group_turned_static_keeps_its_members_and_is_no_longer_kept_current() {
        Api.SpotClient spot = newSpot();
        String admin = member(spot, body("email", "admin@example.com", "role", "Admin"));
        String plain = spot.member("plain@example.com");
        String other = member(spot, body("email", "other@example.com", "role", "Admin"));
        Map<String, Object> rule = cond("role", "eq", "Admin");
        String smartGroup = smart(spot, "Was smart", rule);
        spot.post("/v1/groups/" + smartGroup + "/exceptions~bulkAdd", Map.of("type", "include",
                "spotMemberIds", List.of(plain))).expect(200);
        assertMembers(spot, smartGroup, admin, other, plain);
        JsonNode back = spot.put("/v1/groups/" + smartGroup, Map.of("kind", "static")).expect(200).body();
        assertThat(back.path("kind").asString()).isEqualTo("static");
        assertThat(back.path("rule").isNull()).isTrue();
        assertThat(back.path("ruleEvaluatedAt").isNull()).isTrue();
        assertThat(back.path("membersCount").asLong()).isEqualTo(3);
        assertThat(membership(spot, smartGroup)).containsOnly(Map.entry(admin, "manual"), Map.entry(other, "manual"),
                Map.entry(plain, "manual"));
        // no longer kept current, and hand-editable again
        spot.put("/v1/spotMembers/" + admin, Map.of("role", "Member")).expect(200);
        String newAdmin = member(spot, body("email", "new@example.com", "role", "Admin"));
        assertMembers(spot, smartGroup, admin, other, plain);
        spot.post("/v1/groups/" + smartGroup + "/spotMembers~bulkRemove", Map.of("spotMemberIds", List.of(plain)))
                .expect(200);
        spot.post("/v1/groups/" + smartGroup + "/spotMembers", Map.of("spotMemberId", newAdmin)).expect(204);
        assertMembers(spot, smartGroup, admin, other, newAdmin);
        spot.get("/v1/groups/" + smartGroup + "/exceptions").expect(409);
        assertThat(spot.get(q("/v1/groups?kind[eq]=smart")).expect(200).body().path("total").asLong()).isZero();
    }

    @Test
    void changing_the_rule_reevaluates_the_whole_spot_and_moves_ruleEvaluatedAt() throws InterruptedException {
        Api.SpotClient spot = newSpot();
        String admin = member(spot, body("email", "admin@example.com", "role", "Admin"));
        String accepted = member(spot, body("email", "accepted@example.com", "status", "Accepted"));
        String both = member(spot, body("email", "both@example.com", "role", "Admin", "status", "Accepted"));
        String group = smart(spot, "G", cond("role", "eq", "Admin"));
        long first = group(spot, group).path("ruleEvaluatedAt").asLong();
        assertMembers(spot, group, admin, both);
        Thread.sleep(5);
        Map<String, Object> rule = cond("status", "eq", "Accepted");
        JsonNode changed = setRule(spot, group, rule).expect(200).body();
        assertThat(changed.path("rule")).isEqualTo(Api.JSON.valueToTree(rule));
        assertThat(changed.path("membersCount").asLong()).isEqualTo(2);
        assertThat(changed.path("ruleEvaluatedAt").asLong()).isGreaterThan(first);
        assertMembers(spot, group, accepted, both);
        JsonNode renamed = spot.put("/v1/groups/" + group, Map.of("name", "Renamed")).expect(200).body();
        assertThat(renamed.path("rule")).as("a rename keeps the rule").isEqualTo(Api.JSON.valueToTree(rule));
        assertThat(renamed.path("kind").asString()).isEqualTo("smart");
        assertMembers(spot, group, accepted, both);
    }

    @Test
    void another_spots_key_gets_404_on_the_smart_group_endpoints() {
        Api.SpotClient spot = newSpot();
        Api.SpotClient other = newSpot();
        String admin = member(spot, body("email", "admin@example.com", "role", "Admin"));
        String theirs = other.member("theirs@example.com");
        String group = smart(spot, "Admins", cond("role", "eq", "Admin"));
        String base = "/v1/groups/" + group;
        Map<String, Object> rule = Map.of("rule", cond("role", "eq", "Member"));
        other.get(base).expect(404);
        other.put(base, rule).expect(404);
        other.put(base, Map.of("kind", "static")).expect(404);
        other.post(base + "~previewRule", rule).expect(404);
        other.get(base + "/spotMembers").expect(404);
        other.post(base + "/exceptions~bulkAdd", Map.of("type", "include", "spotMemberIds", List.of(theirs)))
                .expect(404);
        other.post(base + "/exceptions~bulkRemove", Map.of("spotMemberIds", List.of(admin))).expect(404);
        other.get(base + "/exceptions").expect(404);
        assertThat(other.get(q("/v1/groups?kind[eq]=smart")).expect(200).body().path("total").asLong()).isZero();
        assertThat(other.post("/v1/groups~previewRule", rule).expect(200).body().path("count").asLong())
                .as("only their own member").isEqualTo(1);
        spot.get(base + "/exceptions").expect(200);
        assertThat(group(spot, group).path("rule"))
                .isEqualTo(Api.JSON.valueToTree(cond("role", "eq", "Admin")));
        assertMembers(spot, group, admin);
    }
}
