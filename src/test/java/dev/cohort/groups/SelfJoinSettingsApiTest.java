package dev.cohort.groups;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** SPEC rules 15-16 (issue 15): the self-join settings operators give static groups. */
class SelfJoinSettingsApiTest extends ApiTest {
    private static final Map<String, Object> RULE = Map.of("field", "role", "op", "eq", "value", "Admin");

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private static List<String> names(JsonNode page) {
        return page.path("items").valueStream().map(g -> g.path("name").asString()).toList();
    }

    @Test
    void a_group_is_closed_hidden_without_a_window_and_first_by_default() {
        Api.SpotClient spot = newSpot();
        JsonNode group = spot.post("/v1/groups", Map.of("name", "Ambassadors")).expect(201).body();

        assertThat(group.path("joinType").asString()).isEqualTo("closed");
        assertThat(group.path("userViewable").asBoolean()).isFalse();
        assertThat(group.path("startDate").isNull()).isTrue();
        assertThat(group.path("stopDate").isNull()).isTrue();
        assertThat(group.path("order").asInt()).isZero();
        JsonNode listed = spot.get("/v1/groups").expect(200).body().path("items").get(0);
        assertThat(listed.path("joinType").asString()).isEqualTo("closed");
        assertThat(listed.has("userViewable") && listed.has("startDate") && listed.has("stopDate")
                && listed.has("order")).isTrue();
    }

    @Test
    void the_settings_given_on_creation_are_returned_everywhere_the_group_is() {
        Api.SpotClient spot = newSpot();
        JsonNode created = spot.post("/v1/groups", body("name", "Beta", "joinType", "open", "userViewable", true,
                "startDate", 1_700_000_000L, "stopDate", 1_800_000_000L, "order", 3)).expect(201).body();
        String id = created.path("id").asString();

        for (JsonNode group : List.of(created, spot.get("/v1/groups/" + id).expect(200).body(),
                spot.get("/v1/groups").expect(200).body().path("items").get(0))) {
            assertThat(group.path("joinType").asString()).isEqualTo("open");
            assertThat(group.path("userViewable").asBoolean()).isTrue();
            assertThat(group.path("startDate").asLong()).isEqualTo(1_700_000_000L);
            assertThat(group.path("stopDate").asLong()).isEqualTo(1_800_000_000L);
            assertThat(group.path("order").asInt()).isEqualTo(3);
        }
    }

    @Test
    void bulk_create_accepts_the_settings_and_fails_the_items_with_bad_ones() {
        Api.SpotClient spot = newSpot();
        JsonNode result = spot.post("/v1/groups~bulkCreate", List.of(
                body("name", "Open", "joinType", "open", "userViewable", true, "order", 2),
                body("name", "Bad type", "joinType", "public"),
                body("name", "Bad window", "startDate", 200, "stopDate", 100),
                body("name", "Smart open", "kind", "smart", "rule", RULE, "joinType", "open"))).expect(201).body();

        assertThat(result.path("created")).hasSize(1);
        JsonNode open = result.path("created").get(0);
        assertThat(open.path("joinType").asString()).isEqualTo("open");
        assertThat(open.path("userViewable").asBoolean()).isTrue();
        assertThat(open.path("order").asInt()).isEqualTo(2);
        assertThat(result.path("failed").valueStream().map(f -> f.path("name").asString()).toList())
                .containsExactly("Bad type", "Bad window", "Smart open");
    }

    @Test
    void bad_settings_are_a_400_naming_each_field_and_nothing_is_created() {
        Api.SpotClient spot = newSpot();
        assertThat(spot.post("/v1/groups", body("name", "G", "joinType", "public", "userViewable", "yes",
                "startDate", "soon", "stopDate", -1, "order", 1.5)).expect(400).problemFields())
                .containsExactlyInAnyOrder("joinType", "userViewable", "startDate", "stopDate", "order");
        assertThat(spot.post("/v1/groups", body("name", "G", "startDate", 1_000, "stopDate", 1_000))
                .expect(400).problemFields()).containsExactly("stopDate");
        assertThat(spot.post("/v1/groups", body("name", "G", "startDate", 2_000, "stopDate", 1_000))
                .expect(400).problemFields()).containsExactly("stopDate");
        assertThat(spot.post("/v1/groups", body("name", "G", "order", 3_000_000_000L)).expect(400).problemFields())
                .containsExactly("order");
        assertThat(spot.get("/v1/groups").expect(200).body().path("total").asLong()).isZero();
    }

    @Test
    void a_window_open_on_one_side_is_accepted() {
        Api.SpotClient spot = newSpot();
        assertThat(spot.post("/v1/groups", body("name", "From", "startDate", 1_000)).expect(201).body()
                .path("stopDate").isNull()).isTrue();
        assertThat(spot.post("/v1/groups", body("name", "Until", "stopDate", 1_000)).expect(201).body()
                .path("startDate").isNull()).isTrue();
    }

    @Test
    void a_put_changes_only_the_settings_it_sends_and_null_clears_a_date() {
        Api.SpotClient spot = newSpot();
        String id = spot.post("/v1/groups", body("name", "Club", "joinType", "open", "userViewable", true,
                "startDate", 1_000, "stopDate", 5_000, "order", 4)).expect(201).text("id");

        JsonNode updated = spot.put("/v1/groups/" + id, body("joinType", "code", "stopDate", null)).expect(200)
                .body();
        assertThat(updated.path("joinType").asString()).isEqualTo("code");
        assertThat(updated.path("userViewable").asBoolean()).isTrue();
        assertThat(updated.path("startDate").asLong()).isEqualTo(1_000);
        assertThat(updated.path("stopDate").isNull()).isTrue();
        assertThat(updated.path("order").asInt()).isEqualTo(4);

        updated = spot.put("/v1/groups/" + id, body("userViewable", false, "order", -2, "startDate", null))
                .expect(200).body();
        assertThat(updated.path("userViewable").asBoolean()).isFalse();
        assertThat(updated.path("order").asInt()).isEqualTo(-2);
        assertThat(updated.path("startDate").isNull()).isTrue();
        assertThat(updated.path("joinType").asString()).isEqualTo("code");
    }

    @Test
    void a_put_changing_one_side_of_the_window_is_checked_against_the_other() {
        Api.SpotClient spot = newSpot();
        String id = spot.post("/v1/groups", body("name", "Club", "startDate", 1_000, "stopDate", 5_000))
                .expect(201).text("id");

        assertThat(spot.put("/v1/groups/" + id, body("stopDate", 900)).expect(400).problemFields())
                .containsExactly("stopDate");
        assertThat(spot.put("/v1/groups/" + id, body("startDate", 5_000)).expect(400).problemFields())
                .containsExactly("stopDate");
        spot.put("/v1/groups/" + id, body("startDate", 6_000, "stopDate", 7_000)).expect(200);
        spot.put("/v1/groups/" + id, body("stopDate", null)).expect(200);
        spot.put("/v1/groups/" + id, body("startDate", 9_000)).expect(200);
        JsonNode group = spot.get("/v1/groups/" + id).expect(200).body();
        assertThat(group.path("startDate").asLong()).isEqualTo(9_000);
        assertThat(group.path("stopDate").isNull()).isTrue();
    }

    @Test
    void a_put_that_changes_no_setting_keeps_updated_at() throws InterruptedException {
        Api.SpotClient spot = newSpot();
        JsonNode before = spot.post("/v1/groups", body("name", "Club", "joinType", "open", "userViewable", true,
                "startDate", 1_000, "stopDate", 5_000, "order", 4)).expect(201).body();
        String id = before.path("id").asString();
        Thread.sleep(5);

        JsonNode same = spot.put("/v1/groups/" + id, body("joinType", "open", "userViewable", true,
                "startDate", 1_000, "stopDate", 5_000, "order", 4)).expect(200).body();
        assertThat(same.path("updatedAt").asLong()).isEqualTo(before.path("updatedAt").asLong());
        assertThat(spot.put("/v1/groups/" + id, before.toString()).expect(200).body()).isEqualTo(before);

        JsonNode changed = spot.put("/v1/groups/" + id, body("order", 5)).expect(200).body();
        assertThat(changed.path("updatedAt").asLong()).isGreaterThan(before.path("updatedAt").asLong());
    }

    @Test
    void a_smart_group_cannot_be_joined_by_members() {
        Api.SpotClient spot = newSpot();
        for (String joinType : List.of("open", "code")) {
            assertThat(spot.post("/v1/groups", body("name", "Smart", "kind", "smart", "rule", RULE,
                    "joinType", joinType)).expect(400).problemFields()).containsExactly("joinType");
        }
        String smart = spot.post("/v1/groups", body("name", "Smart", "kind", "smart", "rule", RULE,
                "joinType", "closed", "userViewable", true, "order", 1)).expect(201).text("id");
        assertThat(spot.put("/v1/groups/" + smart, body("joinType", "open")).expect(400).problemFields())
                .containsExactly("joinType");
        assertThat(spot.put("/v1/groups/" + smart, body("rule", RULE, "joinType", "code")).expect(400)
                .problemFields()).containsExactly("joinType");
        // a smart group sent back as read is accepted: it is closed
        JsonNode read = spot.get("/v1/groups/" + smart).expect(200).body();
        assertThat(spot.put("/v1/groups/" + smart, read.toString()).expect(200).body().path("joinType").asString())
                .isEqualTo("closed");
        // turned static, it may be opened in the same call
        assertThat(spot.put("/v1/groups/" + smart, body("kind", "static", "joinType", "open")).expect(200).body()
                .path("joinType").asString()).isEqualTo("open");
    }

    @Test
    void a_self_join_group_turned_smart_must_be_closed_in_the_same_call() {
        Api.SpotClient spot = newSpot();
        String id = spot.post("/v1/groups", body("name", "Club", "joinType", "open")).expect(201).text("id");

        assertThat(spot.put("/v1/groups/" + id, body("kind", "smart", "rule", RULE)).expect(400).problemFields())
                .containsExactly("joinType");
        assertThat(spot.get("/v1/groups/" + id).expect(200).body().path("kind").asString()).isEqualTo("static");
        JsonNode smart = spot.put("/v1/groups/" + id, body("kind", "smart", "rule", RULE, "joinType", "closed"))
                .expect(200).body();
        assertThat(smart.path("kind").asString()).isEqualTo("smart");
        assertThat(smart.path("joinType").asString()).isEqualTo("closed");
    }

    @Test
    void the_group_list_filters_by_join_type_and_user_viewable() {
        Api.SpotClient spot = newSpot();
        spot.post("/v1/groups", body("name", "Closed")).expect(201);
        spot.post("/v1/groups", body("name", "Open", "joinType", "open", "userViewable", true)).expect(201);
        spot.post("/v1/groups", body("name", "Code", "joinType", "code")).expect(201);

        assertThat(names(spot.get("/v1/groups?joinType[eq]=open").expect(200).body())).containsExactly("Open");
        assertThat(names(spot.get("/v1/groups?joinType[in]=open,code").expect(200).body()))
                .containsExactly("Code", "Open");
        assertThat(names(spot.get("/v1/groups?userViewable[eq]=true").expect(200).body())).containsExactly("Open");
        assertThat(names(spot.get("/v1/groups?userViewable[eq]=false").expect(200).body()))
                .containsExactly("Closed", "Code");
        assertThat(spot.get("/v1/groups?joinType[eq]=public").expect(400).problemFields())
                .containsExactly("joinType[eq]");
        assertThat(spot.get("/v1/groups?userViewable[eq]=yes").expect(400).problemFields())
                .containsExactly("userViewable[eq]");
    }
}
