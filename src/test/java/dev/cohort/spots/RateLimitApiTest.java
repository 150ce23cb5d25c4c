package dev.cohort.spots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Runs its own application (and embedded database) with a small limit. */
@TestPropertySource(properties = "COHORT_RATE_LIMIT=5/10s")
class RateLimitApiTest extends ApiTest {

    @Test
    void a_key_over_its_limit_gets_429_with_retry_after_and_other_keys_are_not_affected() {
        Api.SpotClient busy = newSpot();
        Api.SpotClient calm = newSpot();
        for (int i = 0; i < 5; i++) {
            busy.get("/v1/groups").expect(200);
        }
        Api.Response limited = busy.get("/v1/groups").expect(429);
        long retryAfter = Long.parseLong(limited.raw().headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 10L);
        assertThat(limited.body().path("status").asInt()).isEqualTo(429);
        calm.get("/v1/groups").expect(200);
    }
}
