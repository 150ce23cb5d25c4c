package dev.cohort.spots;

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

/** The admin endpoints' bodies: strict, read-only fields of a Spot ignored, and what the document says. */
class SpotsContractApiTest extends ApiTest {

    private static String message(Api.Response answer) {
        return answer.body().path("errors").get(0).path("message").asString();
    }

    private long spotsNamed(String name) {
        return jdbc.sql("select count(*) from spot where name = :name").param("name", name).query(Long.class).single();
    }

    @Test
    void an_unknown_spot_field_is_a_400_naming_it_with_the_closest_name_and_creates_nothing() {
        String name = "Contract " + UUID.randomUUID();

        Api.Response answer = api().admin("POST", "/admin/v1/spots", ADMIN_TOKEN, Map.of("name", name,
                "apiKye", "ck_mine")).expect(400);

        assertThat(answer.problemFields()).containsExactly("apiKye");
        assertThat(message(answer)).isEqualTo("unknown field; known fields: [name]");
        assertThat(spotsNamed(name)).isZero();
        assertThat(api().admin("POST", "/admin/v1/spots", ADMIN_TOKEN, Map.of("nmae", name)).expect(400)
                .body().toString()).contains("did you mean \\\"name\\\"?");
        assertThat(spotsNamed(name)).isZero();
    }

    @Test
    void a_spot_read_can_be_sent_back_its_id_and_dates_ignored() {
        Api.SpotClient spot = newSpot();
        ObjectNode read = (ObjectNode) api().admin("GET", "/admin/v1/spots/" + spot.spotId, ADMIN_TOKEN, null)
                .expect(200).body();
        String name = "Copy " + UUID.randomUUID();
        read.put("name", name);

        Api.Response copy = api().admin("POST", "/admin/v1/spots", ADMIN_TOKEN, read.toString()).expect(201);

        assertThat(copy.body().path("spot").path("id").asString()).isNotEqualTo(spot.spotId);
        assertThat(copy.body().path("spot").path("name").asString()).isEqualTo(name);
        assertThat(spotsNamed(name)).isEqualTo(1);
    }

    @Test
    void a_member_token_body_names_each_bad_field_with_its_type_or_its_limit() {
        Api.SpotClient spot = newSpot();
        String member = spot.member("ada@example.com");
        String tokens = "/admin/v1/spots/" + spot.spotId + "/memberTokens";

        Api.Response wrong = api().admin("POST", tokens, ADMIN_TOKEN, Map.of("spotMemberId", 5,
                "expiresInSeconds", "60")).expect(400);
        Api.Response typo = api().admin("POST", tokens, ADMIN_TOKEN, Map.of("spotMemberId", member,
                "expiresInSecond", 60)).expect(400);
        Api.Response tooLong = api().admin("POST", tokens, ADMIN_TOKEN, Map.of("spotMemberId", member,
                "expiresInSeconds", 31_536_001)).expect(400);
        Api.Response missing = api().admin("POST", tokens, ADMIN_TOKEN, Map.of()).expect(400);

        assertThat(wrong.problemFields()).containsExactlyInAnyOrder("spotMemberId", "expiresInSeconds");
        assertThat(wrong.body().toString()).contains("must be a UUID", "must be an integer");
        assertThat(typo.problemFields()).containsExactly("expiresInSecond");
        assertThat(message(typo)).isEqualTo("unknown field; did you mean \"expiresInSeconds\"?");
        assertThat(tooLong.problemFields()).containsExactly("expiresInSeconds");
        assertThat(message(tooLong)).isEqualTo("must be between 1 and 31536000");
        assertThat(missing.problemFields()).containsExactly("spotMemberId");
        Api.Response signed = api().admin("POST", tokens, ADMIN_TOKEN, Map.of("spotMemberId", member,
                "expiresInSeconds", 60)).expect(201);
        assertThat(signed.body().path("expiresAt").asLong()).isGreaterThan(0);
        api().send("GET", "/v1/me", "Bearer " + signed.text("token"), null, null).expect(200);
    }

    @Test
    void the_spots_list_reads_page_and_limit_and_the_document_shows_them() {
        api().admin("GET", "/admin/v1/spots?limit=0", ADMIN_TOKEN, null).expect(400);
        assertThat(api().admin("GET", "/admin/v1/spots?limit=1", ADMIN_TOKEN, null).expect(200).body()
                .path("items").size()).isEqualTo(1);

        JsonNode document = api().send("GET", "/v3/api-docs", null, null, null).expect(200).body();
        JsonNode schemas = document.path("components").path("schemas");
        List<String> parameters = new ArrayList<>();
        document.path("paths").path("/admin/v1/spots").path("get").path("parameters")
                .forEach(p -> parameters.add(p.path("name").asString()));

        assertThat(parameters).containsExactly("page", "limit");
        assertThat(schemas.path("CreateSpot").path("required").toString()).isEqualTo("[\"name\"]");
        assertThat(schemas.path("SignMemberToken").path("properties").path("expiresInSeconds").path("maximum")
                .asLong()).isEqualTo(31_536_000);
        assertThat(document.path("paths").path("/admin/v1/spots/{spotId}/keys").path("post").path("responses")
                .path("201").path("content").path("application/json").path("schema").path("$ref").asString())
                .isEqualTo("#/components/schemas/SpotKey");
    }
}
