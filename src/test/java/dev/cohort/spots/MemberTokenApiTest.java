package dev.cohort.spots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MemberTokenApiTest extends ApiTest {

    private Api.Response me(String token) {
        return api().send("GET", "/v1/me", "Bearer " + token, null, null);
    }

    @Test
    void a_valid_member_token_reads_the_member_at_v1_me() {
        Api.SpotClient spot = newSpot();
        String member = spot.member("ada@example.com", "Ada", "Lovelace");
        String token = MemberTokens.sign(spot.memberTokenSecret, UUID.fromString(member), Instant.now().plusSeconds(60));
        Api.Response me = me(token).expect(200);
        assertThat(me.text("id")).isEqualTo(member);
        assertThat(me.text("firstname")).isEqualTo("Ada");
    }

    @Test
    void the_admin_api_signs_tokens_and_exposes_and_rotates_the_secret() {
        Api.SpotClient spot = newSpot();
        String member = spot.member("ada@example.com");
        String base = "/admin/v1/spots/" + spot.spotId;
        assertThat(api().admin("GET", base + "/memberTokenSecret", ADMIN_TOKEN, null).expect(200)
                .text("memberTokenSecret")).isEqualTo(spot.memberTokenSecret);
        String token = api().admin("POST", base + "/memberTokens", ADMIN_TOKEN,
                Map.of("spotMemberId", member, "expiresInSeconds", 120)).expect(201).text("token");
        me(token).expect(200);

        String rotated = api().admin("POST", base + "/memberTokenSecret~rotate", ADMIN_TOKEN, null).expect(200)
                .text("memberTokenSecret");
        assertThat(rotated).isNotEqualTo(spot.memberTokenSecret);
        assertThat(me(token).expect(401).body().path("detail").asString()).contains("invalid signature");
        me(MemberTokens.sign(rotated, UUID.fromString(member), Instant.now().plusSeconds(60))).expect(200);

        Api.SpotClient other = newSpot();
        String stranger = other.member("eve@example.com");
        api().admin("POST", base + "/memberTokens", ADMIN_TOKEN, Map.of("spotMemberId", stranger)).expect(404);
        api().admin("POST", base + "/memberTokens", ADMIN_TOKEN, Map.of("spotMemberId", "x")).expect(400);
    }

    @Test
    void expired_forged_and_malformed_tokens_are_401_with_the_reason() {
        Api.SpotClient spot = newSpot();
        UUID member = UUID.fromString(spot.member("ada@example.com"));
        assertThat(me(MemberTokens.sign(spot.memberTokenSecret, member, Instant.now().minusSeconds(5)))
                .expect(401).body().path("detail").asString()).contains("expired");
        assertThat(me(MemberTokens.sign("another-secret", member, Instant.now().plusSeconds(60)))
                .expect(401).body().path("detail").asString()).contains("invalid signature");
        assertThat(me(MemberTokens.sign(spot.memberTokenSecret, UUID.randomUUID(), Instant.now().plusSeconds(60)))
                .expect(401).body().path("detail").asString()).contains("unknown member");
        assertThat(me("not.a.jwt").expect(401).body().path("detail").asString()).contains("malformed");
        assertThat(me("abc").expect(401).body().path("detail").asString()).contains("three parts");
        api().send("GET", "/v1/me", null, null, null).expect(401);

        String noExp = encode("{\"alg\":\"HS256\"}") + "." + encode("{\"sub\":\"" + member + "\"}") + ".sig";
        assertThat(me(noExp).expect(401).body().path("detail").asString()).contains("exp");
        String none = encode("{\"alg\":\"none\"}") + "." + encode("{\"sub\":\"" + member + "\",\"exp\":9999999999}") + ".";
        assertThat(me(none).expect(401).body().path("detail").asString()).contains("HS256");
    }

    @Test
    void member_tokens_do_not_open_the_operator_api_and_keys_do_not_open_v1_me() {
        Api.SpotClient spot = newSpot();
        UUID member = UUID.fromString(spot.member("ada@example.com"));
        String token = MemberTokens.sign(spot.memberTokenSecret, member, Instant.now().plusSeconds(60));
        assertThat(api().send("GET", "/v1/groups", "Bearer " + token, null, null).expect(401).body().path("detail")
                .asString()).contains("/v1/me");
        spot.get("/v1/me").expect(401);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
