package dev.cohort.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CollectionsApiTest extends ApiTest {

    private static List<String> names(Api.Response list) {
        List<String> names = new ArrayList<>();
        list.expect(200).body().path("items").forEach(item -> names.add(item.path("name").asString()));
        return names;
    }

    @Test
    void creating_a_collection_needs_only_a_name_and_is_public_by_default() {
        Api.SpotClient spot = newSpot();
        JsonNode created = spot.post("/v1/collections", Map.of("name", "Guides", "description", "How-tos"))
                .expect(201).body();
        assertThat(created.path("name").asString()).isEqualTo("Guides");
        assertThat(created.path("description").asString()).isEqualTo("How-tos");
        assertThat(created.path("privacy").asString()).isEqualTo("Public");
        assertThat(created.path("createdAt").isIntegralNumber()).isTrue();
        assertThat(spot.get("/v1/collections/" + created.path("id").asString()).expect(200).body())
                .isEqualTo(created);
        assertThat(ResourceTables.restricted(jdbc, created.path("id").asString())).isFalse();
    }

    @Test
    void a_private_collection_is_restricted() {
        Api.SpotClient spot = newSpot();
        String id = spot.post("/v1/collections", Map.of("name", "Staff", "privacy", "Private")).expect(201)
                .text("id");
        assertThat(ResourceTables.restricted(jdbc, id)).isTrue();
        spot.put("/v1/collections/" + id, Map.of("privacy", "Public")).expect(200);
        assertThat(ResourceTables.restricted(jdbc, id)).isFalse();
    }

    @Test
    void collections_are_filtered_by_name_and_privacy() {
        Api.SpotClient spot = newSpot();
        spot.post("/v1/collections", Map.of("name", "Guides")).expect(201);
        spot.post("/v1/collections", Map.of("name", "Staff guides", "privacy", "Private")).expect(201);
        assertThat(names(spot.get("/v1/collections?name[eq]=Guides"))).containsExactly("Guides");
        assertThat(names(spot.get("/v1/collections?name[contains]=guides"))).containsExactly("Guides",
                "Staff guides");
        assertThat(names(spot.get("/v1/collections?privacy[eq]=Private"))).containsExactly("Staff guides");
        assertThat(spot.get("/v1/collections?privacy[eq]=Secret&page=x").expect(400).problemFields())
                .containsExactlyInAnyOrder("privacy[eq]", "page");
    }

    @Test
    void a_bad_collection_is_a_400_and_changes_nothing() {
        Api.SpotClient spot = newSpot();
        assertThat(spot.post("/v1/collections", Map.of("name", "", "privacy", "Secret")).expect(400)
                .problemFields()).containsExactlyInAnyOrder("name", "privacy");
        assertThat(ResourceTables.count(jdbc, spot.spotId, "collection")).isZero();
        String id = spot.post("/v1/collections", Map.of("name", "Kept")).expect(201).text("id");
        assertThat(spot.put("/v1/collections/" + id, Map.of("name", "New", "privacy", "Hidden")).expect(400)
                .problemFields()).containsExactly("privacy");
        assertThat(spot.get("/v1/collections/" + id).text("name")).isEqualTo("Kept");
    }

    @Test
    void updating_and_deleting_a_collection() {
        Api.SpotClient spot = newSpot();
        String id = spot.post("/v1/collections", Map.of("name", "Old")).expect(201).text("id");
        assertThat(spot.put("/v1/collections/" + id, Map.of("name", "New", "emoji", "📚")).expect(200).text("emoji"))
                .isEqualTo("📚");
        spot.delete("/v1/collections/" + id).expect(204);
        spot.get("/v1/collections/" + id).expect(404);
        spot.delete("/v1/collections/" + UUID.randomUUID()).expect(404);
    }
}
