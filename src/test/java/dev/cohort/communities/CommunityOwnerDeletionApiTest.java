package dev.cohort.communities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import org.junit.jupiter.api.Test;

/** Issue 16: a community group's owner is never replaced, so the member who owns one cannot leave the Spot. */
class CommunityOwnerDeletionApiTest extends ApiTest {

    @Test
    void deleting_a_groups_owner_is_a_409_naming_the_groups_and_deletes_nothing() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String ada = f.member("Ada");
        String grace = f.member("Grace");
        String makers = f.community("Makers", ada);
        String club = f.community("Club", ada);
        f.add(makers, grace);

        Api.Response refused = f.spot.delete("/v1/spotMembers/" + ada).expect(409);

        assertThat(refused.problemFields()).containsExactly("spotMemberId");
        assertThat(refused.body().path("detail").asString()).contains("'Club' (" + club + ")",
                "'Makers' (" + makers + ")", "delete these community groups first");
        f.spot.get("/v1/spotMembers/" + ada).expect(200);
        assertThat(f.roles(makers)).containsEntry(ada, "owner").containsKey(grace);
        assertThat(f.roles(club)).containsEntry(ada, "owner");
        assertThat(f.group(makers).path("ownerSpotMemberId").asString()).isEqualTo(ada);

        // A plain member of a community group leaves the Spot and the group as before.
        f.spot.delete("/v1/spotMembers/" + grace).expect(204);
        assertThat(f.roles(makers)).doesNotContainKey(grace);
    }

    @Test
    void once_the_owners_groups_are_deleted_the_owner_can_be_deleted() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String ada = f.member("Ada");
        String makers = f.community("Makers", ada);
        f.spot.delete("/v1/spotMembers/" + ada).expect(409);

        f.spot.delete("/v1/groups/" + makers).expect(204);

        f.spot.delete("/v1/spotMembers/" + ada).expect(204);
        f.spot.get("/v1/spotMembers/" + ada).expect(404);
        f.spot.delete("/v1/spotMembers/" + ada).expect(404);
    }

    @Test
    void another_spots_owner_of_a_group_does_not_block_this_spots_member() {
        CommunityFixture f = new CommunityFixture(newSpot());
        CommunityFixture other = new CommunityFixture(newSpot());
        other.community("Makers", other.member("Alan"));
        String ada = f.member("Ada");

        f.spot.delete("/v1/spotMembers/" + ada).expect(204);
    }
}
