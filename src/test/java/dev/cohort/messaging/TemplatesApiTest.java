package dev.cohort.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SPEC rule 12: invitation templates are customised per resource type and previewed. */
class TemplatesApiTest extends ApiTest {

    @Test
    void every_resource_type_has_a_default_template_with_its_variables() {
        Api.SpotClient spot = newSpot();
        for (String type : InvitationTemplates.TYPES) {
            Api.Response template = spot.get("/v1/templates/" + type).expect(200);
            assertThat(template.body().path("isDefault").asBoolean()).isTrue();
            assertThat(template.text("subject")).contains("{{resourceName}}");
            assertThat(template.text("body")).contains("{{resourceLink}}").contains(type);
            assertThat(template.body().path("variables").toString())
                    .contains("memberName", "memberFirstname", "resourceName", "resourceLink", "spotName");
        }
    }

    @Test
    void a_saved_template_is_returned_to_its_spot_only_and_can_be_reset() {
        Api.SpotClient spot = newSpot();
        Api.SpotClient other = newSpot();
        Api.Response saved = spot.put("/v1/templates/course", Map.of("subject", "Join {{resourceName}}",
                "body", "Hi {{memberFirstname}}, {{resourceLink}} — {{spotName}}")).expect(200);
        assertThat(saved.body().path("isDefault").asBoolean()).isFalse();
        assertThat(spot.get("/v1/templates/course").expect(200).text("subject")).isEqualTo("Join {{resourceName}}");
        assertThat(other.get("/v1/templates/course").expect(200).body().path("isDefault").asBoolean()).isTrue();
        assertThat(spot.get("/v1/templates/live").expect(200).body().path("isDefault").asBoolean()).isTrue();

        spot.delete("/v1/templates/course").expect(200);
        assertThat(spot.get("/v1/templates/course").expect(200).body().path("isDefault").asBoolean()).isTrue();
    }

    @Test
    void a_template_needs_a_subject_and_a_body_with_known_variables_only() {
        Api.SpotClient spot = newSpot();
        assertThat(spot.put("/v1/templates/live", Map.of()).expect(400).problemFields())
                .containsExactlyInAnyOrder("subject", "body");
        assertThat(spot.put("/v1/templates/live", Map.of("subject", " ", "body", "ok")).expect(400).problemFields())
                .containsExactly("subject");
        Api.Response unknown = spot.put("/v1/templates/live", Map.of("subject", "Hi {{memberName}}",
                "body", "See {{liveDate}} and {{ resourceLink }}")).expect(400);
        assertThat(unknown.problemFields()).containsExactly("body");
        assertThat(unknown.body().toString()).contains("{{liveDate}}");
        assertThat(spot.put("/v1/templates/live", Map.of("subject", "two\nlines", "body", "ok")).expect(400)
                .problemFields()).containsExactly("subject");
        assertThat(spot.put("/v1/templates/live", Map.of("subject", 3, "body", "ok")).expect(400).problemFields())
                .containsExactly("subject");
        assertThat(spot.get("/v1/templates/live").expect(200).body().path("isDefault").asBoolean()).isTrue();
    }

    @Test
    void an_unknown_resource_type_is_a_404() {
        Api.SpotClient spot = newSpot();
        spot.get("/v1/templates/webinar").expect(404);
        spot.put("/v1/templates/webinar", Map.of("subject", "s", "body", "b")).expect(404);
        spot.post("/v1/templates/webinar~preview", Map.of("spotMemberId", UUID.randomUUID().toString())).expect(404);
    }

    @Test
    void a_preview_renders_the_saved_template_for_a_member_and_a_resource() {
        Api.SpotClient spot = newSpot();
        Fixtures fixtures = new Fixtures(jdbc);
        String ada = spot.member("ada-" + UUID.randomUUID() + "@example.com", "Ada", "Lovelace");
        UUID course = fixtures.resource(spot.spotId, "course", "Analytical Engines 101");
        spot.put("/v1/templates/course", Map.of("subject", "{{memberName}}: {{resourceName}}",
                "body", "Hello {{memberFirstname}}, open {{resourceLink}} on {{spotName}}.")).expect(200);

        Api.Response preview = spot.post("/v1/templates/course~preview",
                Map.of("spotMemberId", ada, "resourceId", course.toString())).expect(200);
        assertThat(preview.text("subject")).isEqualTo("Ada Lovelace: Analytical Engines 101");
        assertThat(preview.text("body"))
                .isEqualTo("Hello Ada, open http://localhost:8080/courses/" + course + " on Test Spot.");
    }

    @Test
    void a_preview_without_a_resource_uses_sample_values_and_can_render_unsaved_text() {
        Api.SpotClient spot = newSpot();
        String grace = spot.member("grace-" + UUID.randomUUID() + "@example.com", "Grace", "Hopper");
        Api.Response sample = spot.post("/v1/templates/live~preview", Map.of("spotMemberId", grace)).expect(200);
        assertThat(sample.text("subject")).contains("Sample live").contains("Test Spot");
        assertThat(sample.text("body")).startsWith("Hello Grace,");

        Map<String, Object> unsaved = new HashMap<>();
        unsaved.put("spotMemberId", grace);
        unsaved.put("subject", "Für {{memberName}} ✨");
        unsaved.put("body", "<b>{{memberFirstname}}</b>");
        Api.Response draft = spot.post("/v1/templates/live~preview", unsaved).expect(200);
        assertThat(draft.text("subject")).isEqualTo("Für Grace Hopper ✨");
        assertThat(draft.text("body")).isEqualTo("<b>Grace</b>");
        assertThat(spot.get("/v1/templates/live").expect(200).body().path("isDefault").asBoolean()).isTrue();
    }

    @Test
    void a_preview_for_an_unknown_member_or_resource_is_a_404_and_bad_input_a_400() {
        Api.SpotClient spot = newSpot();
        Api.SpotClient other = newSpot();
        String stranger = other.member("stranger-" + UUID.randomUUID() + "@example.com");
        String ada = spot.member("ada-" + UUID.randomUUID() + "@example.com", "Ada", "Lovelace");
        spot.post("/v1/templates/live~preview", Map.of("spotMemberId", stranger)).expect(404);
        spot.post("/v1/templates/live~preview", Map.of("spotMemberId", ada,
                "resourceId", UUID.randomUUID().toString())).expect(404);
        UUID forum = new Fixtures(jdbc).resource(spot.spotId, "forum", "Open questions");
        assertThat(spot.post("/v1/templates/live~preview", Map.of("spotMemberId", ada,
                "resourceId", forum.toString())).expect(400).problemFields()).containsExactly("resourceId");
        assertThat(spot.post("/v1/templates/live~preview", Map.of()).expect(400).problemFields())
                .containsExactly("spotMemberId");
        assertThat(spot.post("/v1/templates/live~preview", Map.of("spotMemberId", "nope")).expect(400)
                .problemFields()).containsExactly("spotMemberId");
        assertThat(spot.post("/v1/templates/live~preview", Map.of("spotMemberId", ada, "body", "{{oops}}"))
                .expect(400).problemFields()).containsExactly("body");
    }
}
