package dev.cohort.smartgroups;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The smart group path end to end, in one walk: rule, member changes, exceptions, preview, refusal of manual edits. */
class SmartGroupSmokeApiTest extends ApiTest {

    private static List<String> ids(Api.Response page) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : page.body().get("items")) {
            ids.add(item.get("id").asString());
        }
        return ids;
    }

    @Test
    void a_smart_group_follows_its_rule_through_member_changes() {
        Api.SpotClient spot = newSpot();
        String vip = spot.post("/v1/tags", Map.of("name", "VIP")).expect(201).text("id");
        String ann = spot.member("ann@example.com", "Ann", "A");
        String bob = spot.member("bob@sub.example.com", "Bob", "B");
        String cid = spot.member("cid@other.org", "Cid", "C");
        spot.post("/v1/tags/" + vip + "/spotMembers~bulkAssign", Map.of("spotMemberIds", List.of(ann))).expect(204);

        Map<String, Object> rule = Map.of("any", List.of(
                Map.of("field", "tags", "op", "hasAny", "value", List.of("vip")),
                Map.of("field", "email", "op", "domainIs", "value", "example.com")));
        Api.Response created = spot.post("/v1/groups", Map.of("name", "Smart", "kind", "smart", "rule", rule))
                .expect(201);
        String group = created.text("id");
        assertThat(created.body().get("kind").asString()).isEqualTo("smart");
        assertThat(created.body().get("membersCount").asLong()).isEqualTo(2);
        assertThat(created.body().get("ruleEvaluatedAt").isNull()).isFalse();
        Api.Response members = spot.get("/v1/groups/" + group + "/spotMembers").expect(200);
        assertThat(ids(members)).containsExactly(ann, bob);
        assertThat(members.body().get("items").get(0).get("membershipSource").asString()).isEqualTo("rule");
        assertThat(members.body().get("items").get(0).get("email").asString()).isEqualTo("ann@example.com");

        // Bob leaves the domain; Cid gets the tag.
        spot.put("/v1/spotMembers/" + bob, Map.of("email", "bob@elsewhere.net")).expect(200);
        spot.post("/v1/tags/" + vip + "/spotMembers~bulkAssign", Map.of("spotMemberIds", List.of(cid))).expect(204);
        assertThat(ids(spot.get("/v1/groups/" + group + "/spotMembers").expect(200))).containsExactly(ann, cid);

        // Exceptions.
        spot.post("/v1/groups/" + group + "/exceptions~bulkAdd", Map.of("spotMemberIds", List.of(bob),
                "type", "include")).expect(200);
        spot.post("/v1/groups/" + group + "/exceptions~bulkAdd", Map.of("spotMemberIds", List.of(ann),
                "type", "exclude")).expect(200);
        members = spot.get("/v1/groups/" + group + "/spotMembers").expect(200);
        assertThat(ids(members)).containsExactly(bob, cid);
        assertThat(members.body().get("items").get(0).get("membershipSource").asString()).isEqualTo("exception");

        // Manual edits are refused.
        Api.Response refused = spot.post("/v1/groups/" + group + "/spotMembers~bulkAdd",
                Map.of("spotMemberIds", List.of(ann))).expect(409);
        assertThat(refused.body().get("detail").asString()).contains("exceptions~bulkAdd");

        // Preview of a change.
        Api.Response preview = spot.post("/v1/groups/" + group + "~previewRule", Map.of("rule",
                Map.of("field", "email", "op", "contains", "value", "o"))).expect(200);
        assertThat(preview.body().get("entering").get("count").asLong()).isEqualTo(0);
        assertThat(preview.body().get("count").asLong()).isEqualTo(2);
        Api.Response all = spot.post("/v1/groups~previewRule", Map.of("rule",
                Map.of("field", "status", "op", "eq", "value", "Invited"))).expect(200);
        assertThat(all.body().get("count").asLong()).isEqualTo(3);

        // A bad rule names its place and saves nothing.
        Api.Response bad = spot.put("/v1/groups/" + group, Map.of("rule", Map.of("all", List.of(
                Map.of("field", "tags", "op", "hasAny", "value", List.of("nope")))))).expect(400);
        assertThat(bad.problemFields()).containsExactly("rule.all[0].value[0]");
        assertThat(spot.get("/v1/groups?kind[eq]=smart").expect(200).body().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void bad_exception_requests_are_400s_or_413s_naming_the_field_and_change_nothing() {
        Api.SpotClient spot = newSpot();
        String ann = spot.member("ann@example.com", "Ann", "A");
        String group = spot.post("/v1/groups", Map.of("name", "Invited", "kind", "smart", "rule",
                Map.of("field", "status", "op", "eq", "value", "Invited"))).expect(201).text("id");
        String exceptions = "/v1/groups/" + group + "/exceptions";
        spot.post(exceptions + "~bulkAdd", Map.of("type", "exclude", "spotMemberIds", List.of(ann))).expect(200);

        assertThat(spot.post(exceptions + "~bulkRemove", Map.of("spotMemberIds", List.of("not-an-id", ann)))
                .expect(400).problemFields()).containsExactly("spotMemberIds[0]");
        assertThat(spot.get(exceptions + "?type%5Beq%5D=sometimes").expect(400).problemFields())
                .containsExactly("type[eq]");
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= 1000; i++) {
            tooMany.add(java.util.UUID.randomUUID().toString());
        }
        spot.post(exceptions + "~bulkAdd", Map.of("type", "include", "spotMemberIds", tooMany)).expect(413);
        assertThat(spot.post("/v1/groups/" + java.util.UUID.randomUUID() + "/exceptions~bulkAdd",
                Map.of("type", "include", "spotMemberIds", List.of(ann))).status()).isEqualTo(404);

        assertThat(spot.get(exceptions).expect(200).body().get("total").asLong()).as("still only ann's exclusion")
                .isEqualTo(1);
        assertThat(spot.get("/v1/groups/" + group).expect(200).body().get("membersCount").asLong()).isZero();
    }
}
