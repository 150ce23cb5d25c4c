package dev.cohort.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The templates and notifications bodies: strict, read-only fields echoed back, and what the document says. */
class MessagingContractApiTest extends ApiTest {

    private static String message(Api.Response answer) {
        return answer.body().path("errors").get(0).path("message").asString();
    }

    private Timestamp templateUpdatedAt(Api.SpotClient spot, String type) {
        return jdbc.sql("select updated_at from invitation_template where spot_id = :spot and type = :type")
                .param("spot", UUID.fromString(spot.spotId)).param("type", type).query(Timestamp.class).single();
    }

    private static List<String> parameters(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation.path("parameters").forEach(p -> names.add(p.path("name").asString()));
        return names;
    }

    @Test
    void an_unknown_template_field_is_a_400_naming_it_with_the_closest_name_and_changes_nothing() {
        Api.SpotClient spot = newSpot();
        String ada = spot.member("ada-" + UUID.randomUUID() + "@example.com", "Ada", "Lovelace");
        JsonNode before = spot.get("/v1/templates/course").expect(200).body();

        Api.Response put = spot.put("/v1/templates/course", Map.of("subject", "Join {{resourceName}}",
                "body", "Hi", "subjet", "x")).expect(400);
        Api.Response preview = spot.post("/v1/templates/course~preview", Map.of("spotMemberId", ada,
                "resource", UUID.randomUUID().toString())).expect(400);

        assertThat(put.problemFields()).containsExactly("subjet");
        assertThat(message(put)).isEqualTo("unknown field; did you mean \"subject\"?");
        assertThat(preview.problemFields()).containsExactly("resource");
        assertThat(message(preview)).isEqualTo("unknown field; did you mean \"resourceId\"?");
        assertThat(spot.get("/v1/templates/course").expect(200).body()).isEqualTo(before);
    }

    @Test
    void a_template_read_can_be_sent_back_and_a_put_that_changes_nothing_keeps_updated_at() throws Exception {
        Api.SpotClient spot = newSpot();
        // the default as read, with its read-only type, variables and isDefault, saves it as the Spot's own
        JsonNode defaults = spot.get("/v1/templates/live").expect(200).body();
        JsonNode saved = spot.put("/v1/templates/live", defaults.toString()).expect(200).body();
        assertThat(saved.path("isDefault").asBoolean()).isFalse();
        assertThat(saved.path("subject")).isEqualTo(defaults.path("subject"));
        Timestamp before = templateUpdatedAt(spot, "live");
        Thread.sleep(5);

        JsonNode same = spot.put("/v1/templates/live", saved.toString()).expect(200).body();
        assertThat(same).isEqualTo(saved);
        assertThat(templateUpdatedAt(spot, "live")).isEqualTo(before);

        ObjectNode changed = (ObjectNode) saved.deepCopy();
        changed.put("subject", "Now: {{resourceName}}");
        assertThat(spot.put("/v1/templates/live", changed.toString()).expect(200).text("subject"))
                .isEqualTo("Now: {{resourceName}}");
        assertThat(templateUpdatedAt(spot, "live")).isAfter(before);
    }

    @Test
    void a_template_field_of_the_wrong_type_is_named() {
        Api.SpotClient spot = newSpot();

        Api.Response put = spot.put("/v1/templates/forum", Map.of("subject", "Hi", "body", List.of("a"))).expect(400);
        Api.Response preview = spot.post("/v1/templates/forum~preview", Map.of("spotMemberId", 12,
                "resourceId", "forum-1", "subject", false)).expect(400);

        assertThat(put.problemFields()).containsExactly("body");
        assertThat(message(put)).isEqualTo("must be a string");
        assertThat(preview.problemFields()).containsExactlyInAnyOrder("spotMemberId", "resourceId", "subject");
        assertThat(spot.get("/v1/templates/forum").expect(200).body().path("isDefault").asBoolean()).isTrue();
    }

    @Test
    void mark_as_read_refuses_unknown_fields_and_filters_and_wrong_types_and_marks_nothing() {
        Api.SpotClient spot = newSpot();
        String ada = spot.member("ada-" + UUID.randomUUID() + "@example.com");
        String note = new Fixtures(jdbc).notification(spot.spotId, ada, "NewMessage").toString();
        String mark = "/v1/spotMembers/" + ada + "/notifications~markAsRead";

        Api.Response typo = spot.post(mark, Map.of("ids", Map.of("id[in]", List.of(note)))).expect(400);
        Api.Response operator = spot.post(mark, Map.of("id", Map.of("id[nin]", List.of(note)))).expect(400);
        Api.Response empty = spot.post(mark, Map.of("id", Map.of())).expect(400);
        Api.Response notAnObject = spot.post(mark, Map.of("id", note)).expect(400);
        Api.Response notAList = spot.post(mark, Map.of("id", Map.of("id[in]", note))).expect(400);

        assertThat(typo.problemFields()).containsExactly("ids");
        assertThat(message(typo)).isEqualTo("unknown field; did you mean \"id\"?");
        assertThat(operator.problemFields()).containsExactlyInAnyOrder("id.id[nin]", "id.id[in]");
        assertThat(empty.problemFields()).containsExactly("id.id[in]");
        assertThat(notAnObject.problemFields()).containsExactly("id");
        assertThat(notAList.problemFields()).containsExactly("id.id[in]");
        assertThat(spot.get("/v1/spotMembers/" + ada + "/notifications~unreadCount").expect(200).body()
                .path("count").asLong()).isEqualTo(1);

        // {"id": null} marks every unread notification, as no body does
        assertThat(spot.post(mark, "{\"id\": null}").expect(200).body().size()).isEqualTo(1);
    }

    @Test
    void the_document_shows_the_messaging_bodies_and_each_lists_own_parameters() {
        JsonNode document = api().send("GET", "/v3/api-docs", null, null, null).expect(200).body();
        JsonNode schemas = document.path("components").path("schemas");
        JsonNode paths = document.path("paths");

        JsonNode text = schemas.path("TemplateText");
        assertThat(text.path("required").toString()).contains("\"subject\"", "\"body\"");
        assertThat(text.path("properties").path("subject").path("maxLength").asInt()).isEqualTo(255);
        assertThat(schemas.path("TemplatePreview").path("required").toString()).isEqualTo("[\"spotMemberId\"]");
        assertThat(schemas.path("MarkNotificationsAsRead").path("properties").path("id").path("$ref").asString())
                .isEqualTo("#/components/schemas/NotificationIdFilter");
        assertThat(schemas.path("NotificationIdFilter").path("properties").has("id[in]")).isTrue();
        assertThat(schemas.path("OutboxEmail").path("properties").path("sentAt").path("type").toString())
                .isEqualTo("[\"string\",\"null\"]");
        assertThat(schemas.path("NotificationLog").path("properties").path("body").path("type").asString())
                .isEqualTo("object");

        // a cursor list: limit, before, after and its filters, no page
        assertThat(parameters(paths.path("/v1/spotMembers/{spotMemberId}/notifications").path("get")))
                .contains("limit", "before", "after", "types[in]", "isRead[eq]").doesNotContain("page");
        assertThat(parameters(paths.path("/v1/me/notifications").path("get")))
                .contains("limit", "before", "after", "types[in]", "isRead[eq]").doesNotContain("page");
        assertThat(parameters(paths.path("/v1/me/notifications~unreadCount").path("get")))
                .containsExactly("types[in]");
        assertThat(parameters(paths.path("/v1/outbox").path("get")))
                .contains("page", "limit", "status[eq]", "status[in]", "spotMemberId[eq]");
    }
}
