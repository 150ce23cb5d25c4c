package dev.cohort.smartgroups;

import static dev.cohort.smartgroups.SmartGroups.all;
import static dev.cohort.smartgroups.SmartGroups.assertMembers;
import static dev.cohort.smartgroups.SmartGroups.assign;
import static dev.cohort.smartgroups.SmartGroups.cond;
import static dev.cohort.smartgroups.SmartGroups.group;
import static dev.cohort.smartgroups.SmartGroups.groupsTotal;
import static dev.cohort.smartgroups.SmartGroups.ids;
import static dev.cohort.smartgroups.SmartGroups.membership;
import static dev.cohort.smartgroups.SmartGroups.q;
import static dev.cohort.smartgroups.SmartGroups.smart;
import static dev.cohort.smartgroups.SmartGroups.smartBody;
import static dev.cohort.smartgroups.SmartGroups.tag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Smart group objects (issue 6): kind, rule and evaluation time, the kind filter, and rule previews.
 *
 * <p>Most operator tests check each rule three ways: a group created before the members existed (kept current
 * member by member as they are created, tagged and given values), a group created afterwards (evaluated over the
 * whole Spot), and {@code ~previewRule}.
 */
class SmartGroupObjectsApiTest extends ApiTest {
    // ------------------------------------------------------------------------------------------------------------
    // group objects, lists, previews

    @Test
    void a_smart_group_shows_its_kind_rule_and_evaluation_time_and_groups_filter_by_kind() {
        Api.SpotClient spot = newSpot();
        String vip = tag(spot, "VIP");
        String ada = spot.member("ada@example.com");
        String bob = spot.member("bob@example.com");
        spot.member("cid@example.com");
        assign(spot, vip, ada, bob);
        Map<String, Object> rule = cond("tags", "hasAny", List.of("vip"));
        long before = System.currentTimeMillis();
        Api.Response created = spot.post("/v1/groups", smartBody("VIPs", rule)).expect(201);
        long after = System.currentTimeMillis();
        JsonNode smartGroup = created.body();
        assertThat(smartGroup.path("kind").asString()).isEqualTo("smart");
        assertThat(smartGroup.path("rule")).as("stored and returned as sent").isEqualTo(Api.JSON.valueToTree(rule));
        assertThat(smartGroup.path("membersCount").asLong()).isEqualTo(2);
        assertThat(smartGroup.path("ruleEvaluatedAt").isNumber()).isTrue();
        assertThat(smartGroup.path("ruleEvaluatedAt").asLong()).isBetween(before - 1000, after + 1000);
        String id = created.text("id");
        assertThat(group(spot, id).path("rule")).isEqualTo(Api.JSON.valueToTree(rule));
        assertThat(group(spot, id).path("ruleEvaluatedAt").asLong())
                .isEqualTo(smartGroup.path("ruleEvaluatedAt").asLong());

        String plainId = spot.group("Plain");
        JsonNode plain = group(spot, plainId);
        assertThat(plain.path("kind").asString()).isEqualTo("static");
        assertThat(plain.path("rule").isNull()).isTrue();
        assertThat(plain.path("ruleEvaluatedAt").isNull()).isTrue();
        spot.post("/v1/groups/" + plainId + "/spotMembers", Map.of("spotMemberId", ada)).expect(204);
        assertThat(membership(spot, plainId)).containsExactly(Map.entry(ada, "manual"));
        assertThat(membership(spot, id)).containsOnly(Map.entry(ada, "rule"), Map.entry(bob, "rule"));

        JsonNode list = spot.get("/v1/groups").expect(200).body();
        assertThat(list.path("total").asLong()).isEqualTo(2);
        for (JsonNode item : list.path("items")) {
            boolean isSmart = item.path("id").asString().equals(id);
            assertThat(item.path("kind").asString()).isEqualTo(isSmart ? "smart" : "static");
            assertThat(item.path("rule").isNull()).isEqualTo(!isSmart);
        }
        JsonNode smartOnly = spot.get(q("/v1/groups?kind[eq]=smart")).expect(200).body();
        assertThat(ids(smartOnly.path("items"))).containsExactly(id);
        assertThat(smartOnly.path("total").asLong()).isEqualTo(1);
        assertThat(ids(spot.get(q("/v1/groups?kind[eq]=static")).expect(200).body().path("items")))
                .containsExactly(plainId);
        assertThat(spot.get(q("/v1/groups?kind[eq]=clever")).expect(400).problemFields()).containsExactly("kind[eq]");
    }

    @Test
    void preview_counts_every_match_lists_the_first_20_alphabetically_and_saves_nothing() {
        Api.SpotClient spot = newSpot();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new java.util.Random(6));
        for (int i : order) {
            spot.member(String.format("m%02d@match.org", i), "First", String.format("L%02d", i));
        }
        spot.member("aaa@other.org", "A", "A");
        spot.member("zzz@match.org.uk", "Z", "Z");
        Api.Response preview = spot.post("/v1/groups~previewRule",
                Map.of("rule", cond("email", "domainIs", "match.org"))).expect(200);
        assertThat(preview.body().path("count").asLong()).isEqualTo(25);
        List<String> lastnames = new ArrayList<>();
        preview.body().path("items").forEach(m -> lastnames.add(m.path("lastname").asString()));
        List<String> first20 = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            first20.add(String.format("L%02d", i));
        }
        assertThat(lastnames).containsExactlyElementsOf(first20);
        assertThat(preview.body().path("items").get(0).path("email").asString()).isEqualTo("m00@match.org");

        Api.Response none = spot.post("/v1/groups~previewRule",
                Map.of("rule", cond("email", "domainIs", "nowhere.net"))).expect(200);
        assertThat(none.body().path("count").asLong()).isZero();
        assertThat(none.body().path("items").isArray()).isTrue();
        assertThat(none.body().path("items").isEmpty()).isTrue();

        assertThat(spot.post("/v1/groups~previewRule", Map.of("rule", all(cond("email", "like", "x"))))
                .expect(400).problemFields()).containsExactly("rule.all[0].op");
        assertThat(spot.post("/v1/groups~previewRule", Map.of()).expect(400).problemFields()).contains("rule");
        assertThat(groupsTotal(spot)).as("nothing saved").isZero();
    }

    @Test
    void preview_on_a_smart_group_shows_who_would_enter_and_leave_with_exceptions_applied() {
        Api.SpotClient spot = newSpot();
        String vip = tag(spot, "VIP");
        String speaker = tag(spot, "Speaker");
        String a = spot.member("a@example.com", "A", "Vip");
        String b = spot.member("b@example.com", "B", "Both");
        String c = spot.member("c@example.com", "C", "Speaker");
        String d = spot.member("d@example.com", "D", "Nothing");
        String e = spot.member("e@example.com", "E", "Speaker2");
        assign(spot, vip, a, b);
        assign(spot, speaker, b, c, e);
        Map<String, Object> rule = cond("tags", "hasAny", List.of(vip));
        String group = smart(spot, "G", rule);
        assertMembers(spot, group, a, b);

        Map<String, Object> speakers = Map.of("rule", cond("tags", "hasAny", List.of("speaker")));
        JsonNode preview = spot.post("/v1/groups/" + group + "~previewRule", speakers).expect(200).body();
        assertThat(preview.path("count").asLong()).isEqualTo(3);
        assertThat(preview.path("entering").path("count").asLong()).isEqualTo(2);
        assertThat(ids(preview.path("entering").path("items"))).containsExactlyInAnyOrder(c, e);
        assertThat(preview.path("leaving").path("count").asLong()).isEqualTo(1);
        assertThat(ids(preview.path("leaving").path("items"))).containsExactly(a);

        spot.post("/v1/groups/" + group + "/exceptions~bulkAdd", Map.of("spotMemberIds", List.of(c), "type", "exclude"))
                .expect(200);
        spot.post("/v1/groups/" + group + "/exceptions~bulkAdd", Map.of("spotMemberIds", List.of(d), "type", "include"))
                .expect(200);
        assertMembers(spot, group, a, b, d);
        JsonNode withExceptions = spot.post("/v1/groups/" + group + "~previewRule", speakers).expect(200).body();
        assertThat(withExceptions.path("count").asLong()).as("b, d and e").isEqualTo(3);
        assertThat(ids(withExceptions.path("entering").path("items"))).containsExactly(e);
        assertThat(withExceptions.path("entering").path("count").asLong()).isEqualTo(1);
        assertThat(ids(withExceptions.path("leaving").path("items"))).containsExactly(a);

        JsonNode same = spot.post("/v1/groups/" + group + "~previewRule", Map.of("rule", rule)).expect(200).body();
        assertThat(same.path("count").asLong()).isEqualTo(3);
        assertThat(same.path("entering").path("count").asLong()).isZero();
        assertThat(same.path("leaving").path("count").asLong()).isZero();

        assertThat(spot.post("/v1/groups/" + group + "~previewRule", Map.of("rule", cond("tags", "hasAny",
                List.of("ghost")))).expect(400).problemFields()).isNotEmpty().allMatch(f -> f.startsWith("rule.value"));
        assertThat(group(spot, group).path("rule")).as("the preview changed nothing")
                .isEqualTo(Api.JSON.valueToTree(rule));
        assertMembers(spot, group, a, b, d);
        spot.post("/v1/groups/" + UUID.randomUUID() + "~previewRule", speakers).expect(404);
    }
}
