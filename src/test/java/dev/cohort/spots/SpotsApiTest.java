package dev.cohort.spots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;

class SpotsApiTest extends ApiTest {

    @Test
    void an_admin_creates_a_spot_whose_key_works_only_for_it() {
        Api.SpotClient spot = newSpot();
        assertThat(spot.key).startsWith("ck_");
        spot.get("/v1/groups").expect(200);
        assertThat(api().admin("GET", "/admin/v1/spots/" + spot.spotId, ADMIN_TOKEN, null).expect(200)
                .text("name")).isEqualTo("Test Spot");
    }

    @Test
    void keys_are_stored_only_as_hashes() {
        Api.SpotClient spot = newSpot();
        long plain = jdbc.sql("select count(*) from api_key where key_hash = :key or key_prefix = :key")
                .param("key", spot.key).query(Long.class).single();
        assertThat(plain).isZero();
    }

    @Autowired
    SpotService spots;

    @Test
    void a_given_key_of_any_length_works_and_is_stored_without_a_prefix() {
        String shortKey = "k" + UUID.randomUUID().toString().substring(0, 6);
        spots.create("Trial", shortKey, null);
        api().send("GET", "/v1/groups", shortKey, null, null).expect(200);
        assertThat(jdbc.sql("select key_prefix from api_key where key_hash = encode(sha256(convert_to(:k, 'UTF8')), 'hex')")
                .param("k", shortKey).query(String.class).single()).isEmpty();
    }

    @Test
    void admin_calls_without_the_admin_token_are_refused() {
        api().admin("GET", "/admin/v1/spots", null, null).expect(401);
        api().admin("GET", "/admin/v1/spots", "wrong", null).expect(401);
        api().admin("POST", "/admin/v1/spots", ADMIN_TOKEN, Map.of("name", " ")).expect(400);
    }

    @Test
    void rotating_a_key_stops_the_old_one_at_once() {
        Api.SpotClient spot = newSpot();
        String fresh = api().admin("POST", "/admin/v1/spots/" + spot.spotId + "/keys", ADMIN_TOKEN, null)
                .expect(201).text("apiKey");
        spot.get("/v1/groups").expect(401);
        api().send("GET", "/v1/groups", "Bearer " + fresh, null, null).expect(200);
    }

    @Test
    void calls_without_a_valid_key_get_401_problem_bodies() {
        Api.Response missing = api().send("GET", "/v1/groups", null, null, null).expect(401);
        assertThat(missing.body().path("detail").asString()).contains("Authorization");
        api().send("GET", "/v1/groups", "ck_nope", null, null).expect(401);
    }
}
