package dev.cohort.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ForumsApiTest extends ApiTest {

    private static List<String> names(Api.Response list) {
        List<String> names = new ArrayList<>();
        list.expect(200).body().path("items").forEach(item -> names.add(item.path("name").asString()));
        return names;
    }

    @Test
    void creating_a_forum_needs_only_a_name_and_is_private_by_default_with_created_at_in_milliseconds() {
        Api.SpotClient spot = newSpot();
        long before = System.currentTimeMillis();
        JsonNode created = spot.post("/v1/forums", Map.of("name", "Ideas", "emoji", "💡")).expect(201).body();
        assertThat(created.path("name").asString()).isEqualTo("Ideas");
        assertThat(created.path("emoji").asString()).isEqualTo("💡");
        assertThat(created.path("privacy").asString()).isEqualTo("Private");
        assertThat(created.path("description").isNull()).isTrue();
        assertThat(created.path("createdAt").asLong()).isBetween(before - 60_000, before + 60_000);
        assertThat(spot.get("/v1/forums/" + created.path("id").asString()).expect(200).body()).isEqualTo(created);
        assertThat(ResourceTables.restricted(jdbc, created.path("id").asString())).isFalse();
    }

    @Test
    void a_secret_forum_is_restricted() {
        Api.SpotClient spot = newSpot();
        String id = spot.post("/v1/forums", Map.of("name", "Board", "privacy", "Secret")).expect(201).text("id");
        assertThat(ResourceTables.restricted(jdbc, id)).isTrue();
        spot.put("/v1/forums/" + id, Map.of("privacy", "Private")).expect(200);
        assertThat(ResourceTables.restricted(jdbc, id)).isFalse();
    }

    @Test
    void a_bad_forum_is_a_400_naming_each_field_and_creates_nothing() {
        Api.SpotClient spot = newSpot();
        assertThat(spot.post("/v1/forums", Map.of("privacy", "Public", "emoji", 1)).expect(400).problemFields())
                .containsExactlyInAnyOrder("name", "privacy", "emoji");
        assertThat(ResourceTables.count(jdbc, spot.spotId, "forum")).isZero();
    }

    @Test
    void bulk_create_returns_created_and_failed_and_over_the_limit_is_413() {
        Api.SpotClient spot = newSpot();
        Api.Response result = spot.post("/v1/forums~bulkCreate", List.of(Map.of("name", "A"),
                Map.of("name", "B", "privacy", "Open"), Map.of("name", "C", "privacy", "Secret"))).expect(201);
        List<String> created = new ArrayList<>();
        result.body().path("created").forEach(forum -> created.add(forum.path("name").asString()));
        assertThat(created).containsExactly("A", "C");
        assertThat(result.body().path("failed").get(0).path("privacy").asString()).isEqualTo("Open");

        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(Map.of("name", "f" + i));
        }
        spot.post("/v1/forums~bulkCreate", many).expect(413);
        assertThat(ResourceTables.count(jdbc, spot.spotId, "forum")).isEqualTo(2);
    }

    @Test
    void forums_are_filtered_by_name() {
        Api.SpotClient spot = newSpot();
        spot.post("/v1/forums", Map.of("name", "Help")).expect(201);
        spot.post("/v1/forums", Map.of("name", "Help desk", "privacy", "Secret")).expect(201);
        spot.post("/v1/forums", Map.of("name", "Off topic")).expect(201);
        assertThat(names(spot.get("/v1/forums"))).containsExactly("Help", "Help desk", "Off topic");
        assertThat(names(spot.get("/v1/forums?name[eq]=Help"))).containsExactly("Help");
        assertThat(names(spot.get("/v1/forums?name[contains]=help"))).containsExactly("Help", "Help desk");
        assertThat(names(spot.get("/v1/forums?privacy[eq]=Secret"))).containsExactly("Help desk");
        assertThat(spot.get("/v1/forums?name[gt]=a").expect(400).problemFields()).containsExactly("name[gt]");
    }

    @Test
    void updating_a_forum_clears_with_null_and_deleting_it_is_204() {
        Api.SpotClient spot = newSpot();
        String id = spot.post("/v1/forums", Map.of("name", "F", "description", "d", "emoji", "e")).expect(201)
                .text("id");
        Map<String, Object> body = new HashMap<>();
        body.put("description", null);
        body.put("emoji", null);
        JsonNode updated = spot.put("/v1/forums/" + id, body).expect(200).body();
        assertThat(updated.path("description").isNull()).isTrue();
        assertThat(updated.path("emoji").isNull()).isTrue();
        assertThat(updated.path("name").asString()).isEqualTo("F");
        assertThat(spot.put("/v1/forums/" + id, Map.of("name", " ")).expect(400).problemFields())
                .containsExactly("name");
        spot.delete("/v1/forums/" + id).expect(204);
        spot.get("/v1/forums/" + id).expect(404);
        spot.delete("/v1/forums/" + id).expect(404);
    }
}
