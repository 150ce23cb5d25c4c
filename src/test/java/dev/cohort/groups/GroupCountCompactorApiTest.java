package dev.cohort.groups;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class GroupCountCompactorApiTest extends ApiTest {
    @Autowired
    GroupCountCompactor compactor;

    @Test
    void folding_count_deltas_keeps_the_count_and_leaves_one_row() {
        Api.SpotClient spot = newSpot();
        String group = spot.group("Busy");
        for (int i = 0; i < 12; i++) {
            String member = spot.member("m" + i + "@example.com");
            spot.post("/v1/groups/" + group + "/spotMembers", Map.of("spotMemberId", member)).expect(204);
        }
        compactor.compact();
        // The scheduled compaction (every 5 s) may have folded the group while the members were being added, leaving
        // it under the threshold, which compact() then leaves alone: either way it is under the threshold now.
        assertThat(rows(group)).isLessThanOrEqualTo(GroupCountCompactor.THRESHOLD);
        assertThat(spot.get("/v1/groups/" + group).body().path("membersCount").asLong()).isEqualTo(12);

        compactor.fold(new GroupCountCompactor.Key(UUID.fromString(spot.spotId), UUID.fromString(group)));
        assertThat(rows(group)).isEqualTo(1);
        assertThat(spot.get("/v1/groups/" + group).body().path("membersCount").asLong()).isEqualTo(12);
    }

    private long rows(String group) {
        return jdbc.sql("select count(*) from group_member_count where group_id = :g")
                .param("g", UUID.fromString(group)).query(Long.class).single();
    }
}
