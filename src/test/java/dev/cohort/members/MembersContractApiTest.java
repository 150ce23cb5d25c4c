package dev.cohort.members;

import static dev.cohort.members.CustomPropertiesApiTest.property;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API contract of the members module (issue 13): strict typed bodies (unknown fields named with the closest name,
 * wrong types named), objects that can be sent back as read, a PUT that changes nothing keeping updatedAt, and what
 * the OpenAPI document says of these endpoints.
 */
class MembersContractApiTest extends ApiTest {
    private static final String ROLES = "/v1/spotMemberCustomRole";

    /** Moves the Spot's members' updatedAt a day back, so that any later change of it shows. */
    private void ageMembers(Api.SpotClient spot) {
        jdbc.sql("update member set updated_at = now() - interval '1 day' where spot_id = :spot")
                .param("spot", UUID.fromString(spot.spotId)).update();
    }

    /** The answer names {@code field} first, as unknown with {@code closest} suggested, then only {@code others}. */
    private static void assertUnknown(Api.Response answer, String field, String closest, String... others) {
        List<String> fields = new ArrayList<>(List.of(field));
        fields.addAll(List.of(others));
        assertThat(answer.problemFields()).containsExactlyElementsOf(fields);
        assertThat(answer.body().path("errors").get(0).path("message").asString())
                .isEqualTo("unknown field; did you mean \"" + closest + "\"?");
    }

    @Test
    void an_unknown_member_field_is_a_400_naming_it_with_the_closest_name_and_changes_nothing() {
        Api.SpotClient spot = newSpot();
        String id = spot.member("ada@example.com", "Ada", "Lovelace");
        JsonNode before = spot.get("/v1/spotMembers/" + id).expect(200).body();

        assertUnknown(spot.put("/v1/spotMembers/" + id, Map.of("firstname", "Augusta", "lastnme", "King"))
                .expect(400), "lastnme", "lastname");
        assertUnknown(spot.post("/v1/spotMembers", Map.of("email", "alan@example.com", "Firstname", "Alan"))
                .expect(400), "Firstname", "firstname");
        assertUnknown(spot.post("/v1/spotMembers~bulkInvite", Map.of("email", List.of("alan@example.com")))
                .expect(400), "email", "emails", "emails");

        assertThat(spot.get("/v1/spotMembers/" + id).expect(200).body()).isEqualTo(before);
        assertThat(spot.get("/v1/spotMembers").expect(200).body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void a_member_read_can_be_sent_back_and_changes_nothing_updated_at_included() {
        Api.SpotClient spot = newSpot();
        String role = spot.post(ROLES, Map.of("label", "Coach")).expect(201).text("id");
        String tag = TagsApiTest.tag(spot, "VIP");
        String full = spot.post("/v1/spotMembers", Map.of("email", "ada@example.com", "firstname", "Ada",
                "lastname", "Lovelace", "title", "Countess", "lang", "fr", "role", "Admin", "status", "Accepted",
                "customRoleId", role, "avatarUrl", "https://a.example/ada.png",
                "registrationSource", Map.of("campaign", "spring"))).expect(201).text("id");
        spot.put("/v1/spotMembers/" + full, Map.of("embedBaseUrls", Map.of("fr", "https://fr.example"))).expect(200);
        spot.post("/v1/tags/" + tag + "/spotMembers~bulkAssign", Map.of("spotMemberIds", List.of(full))).expect(204);
        String bare = spot.member("alan@example.com");
        ageMembers(spot);

        for (String id : List.of(full, bare)) {
            JsonNode before = spot.get("/v1/spotMembers/" + id).expect(200).body();
            JsonNode same = spot.put("/v1/spotMembers/" + id, before.toString()).expect(200).body();
            assertThat(same).isEqualTo(before);
        }

        JsonNode before = spot.get("/v1/spotMembers/" + bare).expect(200).body();
        ObjectNode renamed = (ObjectNode) before.deepCopy();
        renamed.put("firstname", "Alan");
        JsonNode after = spot.put("/v1/spotMembers/" + bare, renamed.toString()).expect(200).body();
        assertThat(after.path("firstname").asString()).isEqualTo("Alan");
        assertThat(after.path("updatedAt").asLong()).isGreaterThan(before.path("updatedAt").asLong());
    }

    @Test
    void clearing_or_setting_embed_base_urls_moves_updated_at_only_when_the_member_reads_differently() {
        Api.SpotClient spot = newSpot();
        String id = spot.member("ada@example.com");
        ageMembers(spot);
        long aged = spot.get("/v1/spotMembers/" + id).expect(200).body().path("updatedAt").asLong();

        assertThat(spot.put("/v1/spotMembers/" + id, "{\"embedBaseUrls\": {\"default\": \"\"}}").expect(200).body()
                .path("updatedAt").asLong()).isEqualTo(aged);
        assertThat(spot.put("/v1/spotMembers/" + id, "{\"embedBaseUrls\": null}").expect(200).body()
                .path("updatedAt").asLong()).isEqualTo(aged);
        JsonNode set = spot.put("/v1/spotMembers/" + id, "{\"embedBaseUrls\": {\"default\": \"https://a.example\"}}")
                .expect(200).body();
        assertThat(set.path("embedBaseUrls").path("default").asString()).isEqualTo("https://a.example");
        assertThat(set.path("updatedAt").asLong()).isGreaterThan(aged);
    }

    @Test
    void a_member_field_of_the_wrong_type_is_named_and_every_problem_is_reported_at_once() {
        Api.SpotClient spot = newSpot();
        String id = spot.member("ada@example.com");
        JsonNode before = spot.get("/v1/spotMembers/" + id).expect(200).body();

        assertThat(spot.put("/v1/spotMembers/" + id, "{\"title\": 7, \"customRoleId\": \"nope\", \"status\": true, "
                + "\"embedBaseUrls\": {\"fr\": 1, \"de\": null}}").expect(400).problemFields())
                .containsExactlyInAnyOrder("title", "customRoleId", "status", "embedBaseUrls.fr");
        assertThat(spot.put("/v1/spotMembers/" + id, "{\"embedBaseUrls\": {\"de\": null}}").expect(400)
                .problemFields()).containsExactly("embedBaseUrls.de");
        assertThat(spot.post("/v1/spotMembers", "{\"email\": \"alan@example.com\", \"withEmailNotification\": "
                + "\"no\", \"registrationSource\": [1]}").expect(400).problemFields())
                .containsExactlyInAnyOrder("withEmailNotification", "registrationSource");
        assertThat(spot.post("/v1/spotMembers~bulkInvite", "{\"emails\": [\"alan@example.com\", 3]}").expect(400)
                .problemFields()).containsExactly("emails[1]");

        assertThat(spot.get("/v1/spotMembers/" + id).expect(200).body()).isEqualTo(before);
        assertThat(spot.get("/v1/spotMembers").expect(200).body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void an_unknown_or_ill_typed_tag_field_is_a_400_and_a_tag_read_can_be_sent_back() {
        Api.SpotClient spot = newSpot();
        String id = spot.post("/v1/tags", Map.of("name", "VIP", "emoji", "⭐")).expect(201).text("id");
        JsonNode before = spot.get("/v1/tags/" + id).expect(200).body();

        assertUnknown(spot.put("/v1/tags/" + id, Map.of("nmae", "Guests")).expect(400), "nmae", "name");
        assertUnknown(spot.post("/v1/tags", Map.of("name", "Guests", "emoij", "🎟")).expect(400), "emoij", "emoji");
        assertUnknown(spot.post("/v1/tags/" + id + "/spotMembers~bulkAssign", Map.of("spotMemberId", List.of()))
                .expect(400), "spotMemberId", "spotMemberIds", "spotMemberIds");
        assertThat(spot.put("/v1/tags/" + id, Map.of("emoji", List.of("⭐"))).expect(400).problemFields())
                .containsExactly("emoji");
        assertThat(spot.post("/v1/tags/" + id + "/spotMembers~bulkUnassign", Map.of("spotMemberIds", "all"))
                .expect(400).problemFields()).containsExactly("spotMemberIds");
        assertThat(spot.get("/v1/tags/" + id).expect(200).body()).isEqualTo(before);
        assertThat(spot.get("/v1/tags").expect(200).body().path("total").asLong()).isEqualTo(1);

        assertThat(spot.put("/v1/tags/" + id, before.toString()).expect(200).body()).isEqualTo(before);
        ObjectNode renamed = (ObjectNode) before.deepCopy();
        renamed.put("name", "Very important");
        assertThat(spot.put("/v1/tags/" + id, renamed.toString()).expect(200).text("name"))
                .isEqualTo("Very important");
    }

    @Test
    void a_bulk_created_tag_with_an_unknown_field_is_returned_in_failed_as_sent() {
        Api.SpotClient spot = newSpot();

        JsonNode result = spot.post("/v1/tags~bulkCreate", "[{\"name\": \"Red\"}, {\"name\": \"Blue\", "
                + "\"colour\": \"blue\"}, null]").expect(201).body();

        assertThat(result.path("created").valueStream().map(t -> t.path("name").asString()).toList())
                .containsExactly("Red");
        assertThat(result.path("failed").toString()).isEqualTo("[{\"name\":\"Blue\",\"colour\":\"blue\"},null]");
    }

    @Test
    void an_unknown_or_ill_typed_custom_role_field_is_a_400_and_a_role_read_can_be_sent_back() {
        Api.SpotClient spot = newSpot();
        String id = spot.post(ROLES, Map.of("label", "Host", "description", "Runs lives",
                "permissions", List.of("live.*"))).expect(201).text("id");
        JsonNode before = spot.get(ROLES + "/" + id).expect(200).body();

        assertUnknown(spot.put(ROLES + "/" + id, Map.of("permission", List.of("live.*"))).expect(400),
                "permission", "permissions");
        assertUnknown(spot.post(ROLES, Map.of("lable", "Guest")).expect(400), "lable", "label", "label");
        assertThat(spot.put(ROLES + "/" + id, Map.of("label", 5)).expect(400).problemFields()).containsExactly("label");
        assertThat(spot.get(ROLES + "/" + id).expect(200).body()).isEqualTo(before);
        assertThat(spot.get(ROLES).expect(200).body().path("total").asLong()).isEqualTo(1);

        assertThat(spot.put(ROLES + "/" + id, before.toString()).expect(200).body()).isEqualTo(before);
        ObjectNode changed = (ObjectNode) before.deepCopy();
        changed.putNull("description");
        assertThat(spot.put(ROLES + "/" + id, changed.toString()).expect(200).body().path("description").isNull())
                .isTrue();
    }

    @Test
    void an_unknown_or_ill_typed_custom_property_field_is_a_400_and_a_property_read_can_be_sent_back() {
        Api.SpotClient spot = newSpot();
        String id = spot.post("/v1/customProperties", Map.of("label", "Plan", "type", "SingleSelect",
                "description", "What they pay", "possibleValues", List.of("Free", "Pro"))).expect(201).text("id");
        JsonNode before = spot.get("/v1/customProperties/" + id).expect(200).body();

        assertUnknown(spot.put("/v1/customProperties/" + id, Map.of("possibleValue", List.of("Free"))).expect(400),
                "possibleValue", "possibleValues");
        assertUnknown(spot.post("/v1/customProperties", Map.of("label", "Seats", "type", "Number", "slgu", "seats"))
                .expect(400), "slgu", "slug");
        assertThat(spot.put("/v1/customProperties/" + id, Map.of("possibleValues", "Free")).expect(400)
                .problemFields()).containsExactly("possibleValues");
        assertThat(spot.post("/v1/customProperties", Map.of("label", "Seats", "type", 3, "slug", false))
                .expect(400).problemFields()).containsExactlyInAnyOrder("type", "slug");
        assertThat(spot.get("/v1/customProperties/" + id).expect(200).body()).isEqualTo(before);
        assertThat(spot.get("/v1/customProperties").expect(200).body().path("total").asLong()).isEqualTo(1);

        assertThat(spot.put("/v1/customProperties/" + id, before.toString()).expect(200).body()).isEqualTo(before);
        ObjectNode relabelled = (ObjectNode) before.deepCopy();
        relabelled.put("label", "Pricing plan");
        assertThat(spot.put("/v1/customProperties/" + id, relabelled.toString()).expect(200).text("label"))
                .isEqualTo("Pricing plan");
    }

    @Test
    void an_unknown_property_value_field_is_a_400_naming_it_and_its_item() {
        Api.SpotClient spot = newSpot();
        spot.post("/v1/customProperties", property("Company", "Text", null)).expect(201);
        String member = spot.member("ada@example.com");
        String values = "/v1/spotMembers/" + member + "/customPropertiesValues";

        Api.Response one = spot.put(values + "/company", Map.of("value", "ACME", "vaule", "ACME")).expect(400);
        assertUnknown(one, "vaule", "value");
        Api.Response many = spot.post(values, "[{\"customPropertySlug\": \"company\", \"value\": \"ACME\"}, "
                + "{\"customPropertySlug\": \"company\", \"valeu\": \"ACME\"}, 7, {\"customPropertySlug\": 1, "
                + "\"value\": null}]").expect(400);
        assertThat(many.problemFields()).containsExactlyInAnyOrder("[1].valeu", "[1].value", "[2]",
                "[3].customPropertySlug");
        assertThat(spot.put(values + "/company", Map.of("value", List.of("ACME"))).expect(400).problemFields())
                .containsExactly("value");

        assertThat(spot.get(values).expect(200).body().path("items").get(0).path("value").isNull()).isTrue();
    }

    @Test
    void the_values_list_takes_page_and_limit_only() {
        Api.SpotClient spot = newSpot();
        String member = spot.member("ada@example.com");
        String values = "/v1/spotMembers/" + member + "/customPropertiesValues";

        assertThat(spot.get(values + "?page=1&limit=5").expect(200).body().path("total").asLong()).isZero();
        assertThat(spot.get(values + "?limit=0&slug=x").expect(400).problemFields())
                .containsExactlyInAnyOrder("limit", "slug");
    }

    @Test
    void the_document_shows_the_members_bodies_filters_and_nullable_fields() {
        JsonNode document = api().send("GET", "/v3/api-docs", null, null, null).expect(200).body();
        JsonNode paths = document.path("paths");
        JsonNode schemas = document.path("components").path("schemas");

        assertThat(parameters(paths.path("/v1/spotMembers").path("get"))).contains("page", "limit", "email[in]",
                "status[in]", "tags[notin]", "search");
        assertThat(parameters(paths.path("/v1/tags/{tagId}/spotMembers").path("get"))).contains("role[in]", "search");
        assertThat(parameters(paths.path("/v1/tags").path("get"))).contains("page", "name[eq]", "name[contains]");
        assertThat(parameters(paths.path(ROLES).path("get"))).contains("label[eq]", "label[in]");
        assertThat(parameters(paths.path("/v1/customProperties").path("get"))).contains("slug[eq]", "type[in]");
        assertThat(parameters(paths.path("/v1/spotMembers/{spotMemberId}/customPropertiesValues").path("get")))
                .containsExactly("spotMemberId", "page", "limit");

        JsonNode create = schemas.path("CreateSpotMember");
        assertThat(create.path("required").toString()).isEqualTo("[\"email\"]");
        assertThat(create.path("properties").path("email").path("example").asString()).isEqualTo("ada@example.com");
        assertThat(values(create.path("properties").path("status").path("enum"))).isEqualTo(MemberStatus.ALL);
        assertThat(values(create.path("properties").path("role").path("enum"))).isEqualTo(MemberStatus.ROLES);
        assertThat(values(create.path("properties").path("lang").path("enum"))).isEqualTo(MemberStatus.LANGS);
        JsonNode update = schemas.path("UpdateSpotMember");
        assertThat(update.has("required")).isFalse();
        assertThat(values(update.path("properties").path("status").path("enum"))).isEqualTo(MemberStatus.ALL);
        assertThat(update.path("properties").path("title").path("type").toString()).isEqualTo("[\"string\",\"null\"]");
        JsonNode member = schemas.path("SpotMember");
        assertThat(values(member.path("properties").path("status").path("enum"))).isEqualTo(MemberStatus.ALL);
        for (String nullable : List.of("title", "userId", "customRoleId", "avatarUrl", "lastActivityAt")) {
            assertThat(member.path("properties").path(nullable).path("type").toString()).as(nullable)
                    .contains("\"null\"");
        }
        assertThat(member.path("properties").path("email").path("type").asString()).isEqualTo("string");

        assertThat(schemas.path("CreateTag").path("properties").path("name").path("maxLength").asInt()).isEqualTo(255);
        assertThat(schemas.path("Tag").path("properties").path("emoji").path("type").toString())
                .isEqualTo("[\"string\",\"null\"]");
        assertThat(values(schemas.path("CreateCustomRole").path("properties").path("permissions").path("items")
                .path("enum"))).isEqualTo(CustomRole.PERMISSIONS);
        assertThat(schemas.path("CustomRole").path("properties").path("description").path("type").toString())
                .isEqualTo("[\"string\",\"null\"]");
        assertThat(schemas.path("CreateCustomProperty").path("required").toString()).contains("\"label\"", "\"type\"");
        assertThat(values(schemas.path("CreateCustomProperty").path("properties").path("type").path("enum")))
                .isEqualTo(CustomProperty.TYPES);
        assertThat(schemas.path("CustomProperty").path("properties").path("description").path("type").toString())
                .isEqualTo("[\"string\",\"null\"]");
        assertThat(schemas.path("PropertyValueToSet").path("required").toString()).isEqualTo("[\"value\"]");
        // a value of several JSON types is documented as any value whose description names the types
        for (String schema : List.of("PropertyValueToSet", "CustomPropertyValue")) {
            JsonNode value = schemas.path(schema).path("properties").path("value");
            assertThat(value.has("type")).isFalse();
            assertThat(value.path("description").asString()).endsWith("One of: string, number, boolean, array, null");
        }
        assertThat(paths.path("/v1/tags~bulkCreate").path("post").path("requestBody").path("content")
                .path("application/json").path("schema").path("items").path("$ref").asString())
                .isEqualTo("#/components/schemas/CreateTag");
        assertThat(paths.path("/v1/spotMembers/{spotMemberId}/customPropertiesValues").path("post")
                .path("requestBody").path("content").path("application/json").path("schema").path("items")
                .path("$ref").asString()).isEqualTo("#/components/schemas/PropertyValueItem");
    }

    private static List<String> parameters(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation.path("parameters").forEach(p -> names.add(p.path("name").asString()));
        return names;
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
