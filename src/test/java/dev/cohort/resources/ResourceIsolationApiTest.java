package dev.cohort.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ResourceIsolationApiTest extends ApiTest {

    private static Map<String, String> oneOfEach(Api.SpotClient spot) {
        long now = Instant.now().getEpochSecond();
        return Map.of(
                "lives", spot.post("/v1/lives", Map.of("title", "L", "spotMemberHostId", spot.member("h@example.com"),
                        "startDate", now, "endDate", now + 60, "solution", "NoSolution")).expect(201).text("id"),
                "courses", spot.post("/v1/courses", Map.of("title", "C")).expect(201).text("id"),
                "channels", spot.post("/v1/channels", Map.of("name", "Ch", "autoJoin", true, "showMembers", true,
                        "privacy", "Public")).expect(201).text("id"),
                "forums", spot.post("/v1/forums", Map.of("name", "F")).expect(201).text("id"),
                "collections", spot.post("/v1/collections", Map.of("name", "Co")).expect(201).text("id"));
    }

    @Test
    void another_spots_resources_answer_404_and_are_not_listed_nor_changed() {
        Api.SpotClient mine = newSpot();
        Api.SpotClient theirs = newSpot();
        Map<String, String> ids = oneOfEach(theirs);
        for (Map.Entry<String, String> resource : ids.entrySet()) {
            String path = "/v1/" + resource.getKey() + "/" + resource.getValue();
            mine.get(path).expect(404);
            mine.put(path, Map.of()).expect(404);
            mine.delete(path).expect(404);
            assertThat(mine.get("/v1/" + resource.getKey()).expect(200).body().path("total").asLong()).isZero();
            theirs.get(path).expect(200);
            assertThat(theirs.get("/v1/" + resource.getKey()).body().path("total").asLong()).isEqualTo(1);
        }
    }

    @Test
    void a_resource_is_found_only_under_its_own_type_and_malformed_ids_are_404() {
        Api.SpotClient spot = newSpot();
        Map<String, String> ids = oneOfEach(spot);
        spot.get("/v1/courses/" + ids.get("lives")).expect(404);
        spot.get("/v1/forums/" + ids.get("channels")).expect(404);
        spot.put("/v1/collections/" + ids.get("forums"), Map.of("name", "x")).expect(404);
        spot.delete("/v1/lives/" + ids.get("courses")).expect(404);
        assertThat(spot.get("/v1/courses/" + ids.get("courses")).expect(200).text("title")).isEqualTo("C");
        for (String path : ids.keySet()) {
            spot.get("/v1/" + path + "/not-a-uuid").expect(404);
            spot.get("/v1/" + path + "/" + UUID.randomUUID()).expect(404);
        }
    }

    @Test
    void the_openapi_document_describes_every_resource_endpoint() {
        JsonNode paths = api().send("GET", "/v3/api-docs", null, null, null).expect(200).body().path("paths");
        for (String type : new String[] {"lives", "courses", "channels", "forums", "collections"}) {
            String id = paths.has("/v1/" + type + "/{" + type.substring(0, type.length() - 1) + "Id}")
                    ? "/v1/" + type + "/{" + type.substring(0, type.length() - 1) + "Id}" : null;
            assertThat(id).as(type).isNotNull();
            assertThat(paths.path("/v1/" + type).has("get")).isTrue();
            assertThat(paths.path("/v1/" + type).has("post")).isTrue();
            assertThat(paths.path(id).has("get")).isTrue();
            assertThat(paths.path(id).has("put")).isTrue();
            assertThat(paths.path(id).has("delete")).isTrue();
        }
        assertThat(paths.path("/v1/channels~bulkCreate").has("post")).isTrue();
        assertThat(paths.path("/v1/forums~bulkCreate").has("post")).isTrue();
    }
}
