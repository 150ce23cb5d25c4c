package dev.cohort.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ChannelsApiTest extends ApiTest {

    private static Map<String, Object> channel(String name, String privacy) {
        return Map.of("name", name, "autoJoin", false, "showMembers", true, "privacy", privacy);
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.path("name").asString()));
        return names;
    }

    @Test
    void creating_a_channel_returns_201_with_the_channel_object() {
        Api.SpotClient spot = newSpot();
        Map<String, Object> body = new HashMap<>(channel("general", "Public"));
        body.put("emoji", "💬");
        body.put("description", "Say hi");
        JsonNode created = spot.post("/v1/channels", body).expect(201).body();
        assertThat(created.path("name").asString()).isEqualTo("general");
        assertThat(created.path("emoji").asString()).isEqualTo("💬");
        assertThat(created.path("description").asString()).isEqualTo("Say hi");
        assertThat(created.path("privacy").asString()).isEqualTo("Public");
        assertThat(created.path("autoJoin").asBoolean()).isFalse();
        assertThat(created.path("showMembers").asBoolean()).isTrue();
        assertThat(created.path("readonly").asBoolean()).isFalse();
        assertThat(created.path("createdAt").isIntegralNumber()).isTrue();
        assertThat(created.path("updatedAt").isIntegralNumber()).isTrue();
        assertThat(spot.get("/v1/channels/" + created.path("id").asString()).expect(200).body()).isEqualTo(created);
    }

    @Test
    void a_private_channel_is_restricted_and_a_public_one_is_not() {
        Api.SpotClient spot = newSpot();
        String closed = spot.post("/v1/channels", channel("staff", "Private")).expect(201).text("id");
        String open = spot.post("/v1/channels", channel("general", "Public")).expect(201).text("id");
        assertThat(ResourceTables.restricted(jdbc, closed)).isTrue();
        assertThat(ResourceTables.restricted(jdbc, open)).isFalse();
        spot.put("/v1/channels/" + open, Map.of("privacy", "Private")).expect(200);
        assertThat(ResourceTables.restricted(jdbc, open)).isTrue();
    }

    @Test
    void a_channel_needs_name_auto_join_show_members_and_privacy_and_a_bad_one_creates_nothing() {
        Api.SpotClient spot = newSpot();
        assertThat(spot.post("/v1/channels", Map.of()).expect(400).problemFields())
                .containsExactlyInAnyOrder("name", "autoJoin", "showMembers", "privacy");
        assertThat(spot.post("/v1/channels", Map.of("name", "x", "autoJoin", "no", "showMembers", true,
                "privacy", "Secret", "readonly", 1)).expect(400).problemFields())
                .containsExactlyInAnyOrder("autoJoin", "privacy", "readonly");
        assertThat(ResourceTables.count(jdbc, spot.spotId, "channel")).isZero();
    }

    @Test
    void bulk_create_returns_the_created_channels_and_the_failed_items_as_sent() {
        Api.SpotClient spot = newSpot();
        Api.Response result = spot.post("/v1/channels~bulkCreate", List.of(channel("one", "Public"),
                Map.of("name", "no flags"), channel("two", "Private"), "not an object")).expect(201);
        assertThat(names(result.body().path("created"))).containsExactly("one", "two");
        assertThat(result.body().path("failed").size()).isEqualTo(2);
        assertThat(result.body().path("failed").get(0).path("name").asString()).isEqualTo("no flags");
        assertThat(result.body().path("failed").get(1).asString()).isEqualTo("not an object");
        assertThat(names(spot.get("/v1/channels").body().path("items"))).containsExactly("one", "two");
        spot.post("/v1/channels~bulkCreate", channel("x", "Public")).expect(400);
    }

    @Test
    void bulk_create_over_the_limit_is_413_and_creates_nothing() {
        Api.SpotClient spot = newSpot();
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(channel("c" + i, "Public"));
        }
        assertThat(spot.post("/v1/channels~bulkCreate", many).expect(413).body().path("limit").asInt())
                .isEqualTo(1000);
        assertThat(ResourceTables.count(jdbc, spot.spotId, "channel")).isZero();
    }

    @Test
    void channels_are_filtered_by_name_and_privacy() {
        Api.SpotClient spot = newSpot();
        spot.post("/v1/channels", channel("general", "Public")).expect(201);
        spot.post("/v1/channels", channel("staff-room", "Private")).expect(201);
        spot.post("/v1/channels", channel("general-fr", "Public")).expect(201);
        assertThat(names(spot.get("/v1/channels?name[eq]=general").expect(200).body().path("items")))
                .containsExactly("general");
        assertThat(names(spot.get("/v1/channels?name[contains]=GENERAL").expect(200).body().path("items")))
                .containsExactly("general", "general-fr");
        assertThat(names(spot.get("/v1/channels?privacy[eq]=Private").expect(200).body().path("items")))
                .containsExactly("staff-room");
        Api.Response page = spot.get("/v1/channels?limit=2").expect(200);
        assertThat(names(page.body().path("items"))).containsExactly("general", "staff-room");
        assertThat(page.body().path("total").asLong()).isEqualTo(3);
        assertThat(spot.get("/v1/channels?privacy[eq]=Secret").expect(400).problemFields())
                .containsExactly("privacy[eq]");
    }

    @Test
    void updating_a_channel_changes_only_the_given_fields_and_a_bad_update_changes_nothing() {
        Api.SpotClient spot = newSpot();
        String id = spot.post("/v1/channels", channel("general", "Public")).expect(201).text("id");
        JsonNode updated = spot.put("/v1/channels/" + id, Map.of("readonly", true, "name", "announcements"))
                .expect(200).body();
        assertThat(updated.path("readonly").asBoolean()).isTrue();
        assertThat(updated.path("name").asString()).isEqualTo("announcements");
        assertThat(updated.path("showMembers").asBoolean()).isTrue();
        assertThat(spot.put("/v1/channels/" + id, Map.of("name", "renamed", "autoJoin", "yes")).expect(400)
                .problemFields()).containsExactly("autoJoin");
        assertThat(spot.get("/v1/channels/" + id).expect(200).body()).isEqualTo(updated);
        spot.put("/v1/channels/" + UUID.randomUUID(), Map.of("name", "x")).expect(404);
    }

    @Test
    void deleting_a_channel_is_204_and_it_answers_404_after() {
        Api.SpotClient spot = newSpot();
        String id = spot.post("/v1/channels", channel("general", "Public")).expect(201).text("id");
        spot.delete("/v1/channels/" + id).expect(204);
        spot.get("/v1/channels/" + id).expect(404);
        spot.delete("/v1/channels/" + id).expect(404);
    }
}
