package dev.cohort.joining;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ~generate at its limit: 100,000 single-use codes in one call, all distinct, answered at once (issue 15). */
class JoinCodeScaleApiTest extends ApiTest {
    @Test
    void one_hundred_thousand_codes_in_one_call() {
        Api.SpotClient spot = newSpot();
        String group = spot.post("/v1/groups", Map.of("name", "Paper", "joinType", "code")).expect(201).text("id");
        long start = System.nanoTime();
        Api.Response made = spot.post("/v1/groups/" + group + "/joinCodes~generate", Map.of("count", 100_000))
                .expect(201);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("JOIN_CODES_GENERATE_100000_MS=" + millis);
        assertThat(made.body().path("total").asLong()).isEqualTo(100_000);
        assertThat(jdbc.sql("select count(distinct code) from join_code where group_id = cast(:g as uuid)")
                .param("g", group).query(Long.class).single()).isEqualTo(100_000);
    }
}
