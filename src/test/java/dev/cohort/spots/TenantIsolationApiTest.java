package dev.cohort.spots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Spot's key never sees or touches another Spot's data. */
class TenantIsolationApiTest extends ApiTest {

    @Test
    void a_key_sees_only_its_own_spots_members_and_groups() {
        Api.SpotClient mine = newSpot();
        Api.SpotClient theirs = newSpot();
        mine.member("me@example.com");
        theirs.member("them@example.com");
        mine.group("Mine");
        theirs.group("Theirs");
        assertThat(mine.get("/v1/spotMembers").body().path("items").get(0).path("email").asString())
                .isEqualTo("me@example.com");
        assertThat(mine.get("/v1/spotMembers").body().path("total").asLong()).isEqualTo(1);
        assertThat(mine.get("/v1/groups").body().path("items").get(0).path("name").asString()).isEqualTo("Mine");
        assertThat(mine.get("/v1/groups").body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void another_spots_ids_answer_404_and_stay_untouched() {
        Api.SpotClient mine = newSpot();
        Api.SpotClient theirs = newSpot();
        String theirMember = theirs.member("them@example.com", "Their", "Member");
        String theirGroup = theirs.group("Theirs");
        String myMember = mine.member("me@example.com");
        theirs.post("/v1/groups/" + theirGroup + "/spotMembers", Map.of("spotMemberId", theirMember)).expect(204);

        mine.get("/v1/spotMembers/" + theirMember).expect(404);
        mine.put("/v1/spotMembers/" + theirMember, Map.of("firstname", "Hacked")).expect(404);
        mine.delete("/v1/spotMembers/" + theirMember).expect(404);
        mine.get("/v1/groups/" + theirGroup).expect(404);
        mine.put("/v1/groups/" + theirGroup, Map.of("name", "Hacked")).expect(404);
        mine.get("/v1/groups/" + theirGroup + "/spotMembers").expect(404);
        mine.post("/v1/groups/" + theirGroup + "/spotMembers", Map.of("spotMemberId", myMember)).expect(404);
        mine.post("/v1/groups/" + theirGroup + "/spotMembers~bulkAdd", Map.of("spotMemberIds", List.of(myMember)))
                .expect(404);
        mine.post("/v1/groups/" + theirGroup + "/spotMembers~bulkRemove",
                Map.of("spotMemberIds", List.of(theirMember))).expect(404);
        mine.delete("/v1/groups/" + theirGroup).expect(404);

        String myGroup = mine.group("Mine");
        Api.Response added = mine.post("/v1/groups/" + myGroup + "/spotMembers~bulkAdd",
                Map.of("spotMemberIds", List.of(theirMember))).expect(200);
        assertThat(added.body().path("failedSpotMemberIds").get(0).asString()).isEqualTo(theirMember);
        mine.post("/v1/groups/" + myGroup + "/spotMembers", Map.of("spotMemberId", theirMember)).expect(404);
        assertThat(mine.get("/v1/spotMembers?email[in]=them@example.com").body().path("total").asLong()).isZero();

        assertThat(theirs.get("/v1/spotMembers/" + theirMember).expect(200).text("firstname")).isEqualTo("Their");
        assertThat(theirs.get("/v1/groups/" + theirGroup).expect(200).text("name")).isEqualTo("Theirs");
        assertThat(theirs.get("/v1/groups/" + theirGroup).body().path("membersCount").asLong()).isEqualTo(1);
        assertThat(mine.get("/v1/groups/" + myGroup).body().path("membersCount").asLong()).isZero();
    }
}
