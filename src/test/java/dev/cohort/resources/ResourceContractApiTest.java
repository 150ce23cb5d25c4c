package dev.cohort.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The resource bodies as typed records: unknown fields and wrong types named, an object as read sent back to its
 * {@code PUT}, a {@code PUT} that changes nothing keeping {@code updatedAt}, and what the OpenAPI document shows.
 */
class ResourceContractApiTest extends ApiTest {
    private static final long HOUR = 3600;

    /** A resource created through the API: where it is, and the field that is its name. */
    private record Made(String path, String nameField) {
    }

    private static Map<String, Object> body(Api.SpotClient spot, String kind) {
        Map<String, Object> body = new HashMap<>();
        switch (kind) {
            case "lives" -> {
                long start = Instant.now().getEpochSecond() + 24 * HOUR;
                body.put("title", "Kick-off");
                body.put("description", "Welcome\nAgenda");
                body.put("spotMemberHostId", spot.member("host-" + UUID.randomUUID() + "@example.com"));
                body.put("startDate", start);
                body.put("endDate", start + HOUR);
                body.put("solution", "BuiltIn");
                body.put("builtInType", "Workshop");
            }
            case "channels" -> body.putAll(Map.of("name", "general", "emoji", "💬", "autoJoin", false,
                    "showMembers", true, "privacy", "Public"));
            case "courses" -> body.putAll(Map.of("title", "Onboarding", "description", "First week"));
            case "forums" -> body.putAll(Map.of("name", "Ideas", "emoji", "💡"));
            case "collections" -> body.putAll(Map.of("name", "Guides", "description", "How-tos"));
            default -> throw new IllegalArgumentException(kind);
        }
        return body;
    }

    private static String nameField(String kind) {
        return kind.equals("lives") || kind.equals("courses") ? "title" : "name";
    }

    private static Made create(Api.SpotClient spot, String kind) {
        String id = spot.post("/v1/" + kind, body(spot, kind)).expect(201).text("id");
        return new Made("/v1/" + kind + "/" + id, nameField(kind));
    }

    private static long count(Api.SpotClient spot, String kind) {
        return spot.get("/v1/" + kind).expect(200).body().path("total").asLong();
    }

    /** updatedAt as an instant: ISO 8601 for lives and courses, Unix milliseconds for the others. */
    private static Instant updatedAt(JsonNode resource) {
        JsonNode value = resource.path("updatedAt");
        return value.isString() ? Instant.parse(value.asString()) : Instant.ofEpochMilli(value.asLong());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lives", "channels", "courses", "forums", "collections"})
    void an_unknown_field_is_a_400_naming_it_with_the_closest_name_and_changes_nothing(String kind) {
        Api.SpotClient spot = newSpot();
        Made made = create(spot, kind);
        JsonNode before = spot.get(made.path()).expect(200).body();
        String typo = made.nameField().equals("title") ? "titel" : "nmae";

        Api.Response answer = spot.put(made.path(), Map.of(typo, "x")).expect(400);
        Map<String, Object> created = body(spot, kind);
        created.put("colour", "red");
        Api.Response creating = spot.post("/v1/" + kind, created).expect(400);

        assertThat(answer.problemFields()).containsExactly(typo);
        assertThat(answer.body().path("errors").get(0).path("message").asString())
                .isEqualTo("unknown field; did you mean \"" + made.nameField() + "\"?");
        assertThat(creating.problemFields()).containsExactly("colour");
        assertThat(spot.get(made.path()).expect(200).body()).isEqualTo(before);
        assertThat(count(spot, kind)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lives", "channels", "courses", "forums", "collections"})
    void a_resource_as_read_can_be_sent_back_and_a_put_that_changes_nothing_keeps_updated_at(String kind)
            throws Exception {
        Api.SpotClient spot = newSpot();
        Made made = create(spot, kind);
        JsonNode before = spot.get(made.path()).expect(200).body();
        Thread.sleep(5);

        JsonNode same = spot.put(made.path(), before.toString()).expect(200).body();
        ObjectNode renamed = (ObjectNode) before.deepCopy();
        renamed.put(made.nameField(), "Renamed");
        JsonNode changed = spot.put(made.path(), renamed.toString()).expect(200).body();

        assertThat(same).isEqualTo(before);
        assertThat(changed.path(made.nameField()).asString()).isEqualTo("Renamed");
        assertThat(updatedAt(changed)).isAfter(updatedAt(before));
        ObjectNode expected = renamed.deepCopy();
        expected.set("updatedAt", changed.path("updatedAt"));
        assertThat(changed).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lives", "channels", "courses", "forums", "collections"})
    void a_field_of_the_wrong_type_is_a_400_naming_it_and_every_problem_is_reported_at_once(String kind) {
        Api.SpotClient spot = newSpot();
        Made made = create(spot, kind);
        JsonNode before = spot.get(made.path()).expect(200).body();
        String other = switch (kind) {
            case "lives" -> "record";
            case "channels" -> "autoJoin";
            case "courses" -> "completionEmailToAdmins";
            case "forums" -> "emoji";
            default -> "privacy";
        };

        Api.Response updating = spot.put(made.path(), Map.of(made.nameField(), 12, other, List.of())).expect(400);
        Map<String, Object> created = body(spot, kind);
        created.put(made.nameField(), true);
        Api.Response creating = spot.post("/v1/" + kind, created).expect(400);

        assertThat(updating.problemFields()).containsExactlyInAnyOrder(made.nameField(), other);
        assertThat(creating.problemFields()).containsExactly(made.nameField());
        assertThat(creating.body().path("errors").get(0).path("message").asString()).isEqualTo("must be a string");
        assertThat(spot.get(made.path()).expect(200).body()).isEqualTo(before);
        assertThat(count(spot, kind)).isEqualTo(1);
    }

    @Test
    void a_live_takes_its_dates_and_description_in_the_form_it_is_read_too() {
        Api.SpotClient spot = newSpot();
        Made made = create(spot, "lives");
        ObjectNode read = (ObjectNode) spot.get(made.path()).expect(200).body();
        Instant start = Instant.parse(read.path("startDate").asString()).plusSeconds(HOUR);
        read.put("startDate", start.toString());
        read.put("endDate", start.plusSeconds(HOUR).toString());
        ((ObjectNode) read.path("description").get(1).path("children").get(0)).put("text", "Questions");

        JsonNode moved = spot.put(made.path(), read.toString()).expect(200).body();
        Api.Response badDate = spot.put(made.path(), Map.of("startDate", "tomorrow")).expect(400);
        Api.Response badText = spot.put(made.path(), Map.of("description", List.of(Map.of("type", "p")))).expect(400);
        JsonNode cleared = spot.put(made.path(), Map.of("startDate", start.getEpochSecond(),
                "description", List.of())).expect(200).body();

        assertThat(Instant.parse(moved.path("startDate").asString())).isEqualTo(start);
        assertThat(Instant.parse(moved.path("endDate").asString())).isEqualTo(start.plusSeconds(HOUR));
        assertThat(moved.path("description").get(1).path("children").get(0).path("text").asString())
                .isEqualTo("Questions");
        assertThat(moved.path("description").size()).isEqualTo(2);
        assertThat(badDate.problemFields()).containsExactly("startDate");
        assertThat(badText.problemFields()).containsExactly("description");
        assertThat(cleared.path("description").size()).isZero();
        assertThat(cleared.path("startDate").asString()).isEqualTo(moved.path("startDate").asString());
    }

    @Test
    void a_bulk_item_with_an_unknown_field_fails_as_it_was_sent_and_the_others_are_created() {
        Api.SpotClient spot = newSpot();
        Map<String, Object> typo = new HashMap<>(body(spot, "forums"));
        typo.put("privcy", "Secret");

        JsonNode result = spot.post("/v1/forums~bulkCreate", List.of(body(spot, "forums"), typo, 3)).expect(201)
                .body();

        assertThat(result.path("created").size()).isEqualTo(1);
        assertThat(result.path("failed").size()).isEqualTo(2);
        assertThat(result.path("failed").get(0)).isEqualTo(Api.JSON.valueToTree(typo));
        assertThat(result.path("failed").get(1).asInt()).isEqualTo(3);
        assertThat(count(spot, "forums")).isEqualTo(1);
    }

    @Test
    void the_document_shows_the_resource_bodies_their_enums_and_required_fields_and_the_list_filters() {
        JsonNode document = api().send("GET", "/v3/api-docs", null, null, null).expect(200).body();
        JsonNode schemas = document.path("components").path("schemas");
        JsonNode paths = document.path("paths");

        JsonNode createLive = schemas.path("CreateLive");
        assertThat(names(createLive.path("required"))).containsExactlyInAnyOrder("title", "spotMemberHostId",
                "startDate", "endDate", "solution");
        assertThat(names(createLive.path("properties").path("solution").path("enum")))
                .containsExactly("Youtube", "Vimeo", "BuiltIn", "NoSolution");
        assertThat(schemas.path("UpdateLive").has("required")).isFalse();
        assertThat(schemas.path("UpdateChannel").path("properties").path("description").path("type").toString())
                .isEqualTo("[\"string\",\"null\"]");
        assertThat(names(schemas.path("CreateChannel").path("required")))
                .containsExactlyInAnyOrder("name", "autoJoin", "showMembers", "privacy");
        assertThat(schemas.path("CreateCourse").path("properties").path("privacy").path("default").asString())
                .isEqualTo("Public");
        assertThat(schemas.path("LiveView").path("properties").path("builtInType").path("type").toString())
                .isEqualTo("[\"string\",\"null\"]");
        assertThat(paths.path("/v1/lives").path("post").path("requestBody").path("content")
                .path("application/json").path("schema").path("$ref").asString())
                .isEqualTo("#/components/schemas/CreateLive");
        assertThat(paths.path("/v1/channels~bulkCreate").path("post").path("requestBody").path("content")
                .path("application/json").path("schema").path("items").path("$ref").asString())
                .isEqualTo("#/components/schemas/CreateChannel");

        assertThat(parameters(paths.path("/v1/lives").path("get")))
                .contains("page", "limit", "title[contains]", "status[eq]", "startDate[gte]", "solution[in]");
        assertThat(parameters(paths.path("/v1/courses").path("get"))).contains("status[eq]", "privacy[eq]");
        assertThat(parameters(paths.path("/v1/channels").path("get"))).contains("name[contains]", "privacy[eq]");
        assertThat(parameters(paths.path("/v1/forums").path("get"))).contains("name[eq]");
        assertThat(parameters(paths.path("/v1/collections").path("get"))).contains("privacy[eq]");
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(item -> names.add(item.asString()));
        return names;
    }

    private static List<String> parameters(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation.path("parameters").forEach(p -> names.add(p.path("name").asString()));
        return names;
    }
}
