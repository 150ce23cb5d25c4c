package dev.cohort.communities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 16, roles: groupRole in member lists and filters, the operator's role change, the owner's protection. */
class CommunityRolesApiTest extends ApiTest {

    private static List<String> ids(JsonNode page) {
        return page.path("items").valueStream().map(m -> m.path("id").asString()).toList();
    }

    @Test
    void an_operator_changes_roles_and_member_lists_show_and_filter_them() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String ada = f.member("Ada");
        String grace = f.member("Grace");
        String alan = f.member("Alan");
        String group = f.community("Makers", ada);
        f.add(group, grace, alan);

        JsonNode changed = f.spot.put("/v1/groups/" + group + "/spotMembers/" + grace, Map.of("groupRole", "admin"))
                .expect(200).body();
        f.spot.put("/v1/groups/" + group + "/spotMembers/" + alan, Map.of("groupRole", "moderator")).expect(200);

        assertThat(changed.path("id").asString()).isEqualTo(grace);
        assertThat(changed.path("groupRole").asString()).isEqualTo("admin");
        assertThat(changed.path("membershipSource").asString()).isEqualTo("manual");
        assertThat(f.roles(group)).isEqualTo(Map.of(ada, "owner", grace, "admin", alan, "moderator"));
        String path = "/v1/groups/" + group + "/spotMembers";
        assertThat(ids(f.spot.get(path + "?groupRole[eq]=admin").expect(200).body())).containsExactly(grace);
        JsonNode staff = f.spot.get(path + "?groupRole[in]=owner,moderator").expect(200).body();
        assertThat(ids(staff)).containsExactlyInAnyOrder(ada, alan);
        assertThat(staff.path("total").asLong()).isEqualTo(2);
        f.spot.put(path + "/" + grace, Map.of("groupRole", "member")).expect(200);
        assertThat(ids(f.spot.get(path + "?groupRole[eq]=member").expect(200).body())).containsExactly(grace);
        assertThat(f.spot.get(path + "?groupRole[eq]=boss").expect(400).problemFields())
                .containsExactly("groupRole[eq]");
    }

    @Test
    void members_of_other_groups_have_no_role_and_no_role_can_be_given_there() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String ada = f.member("Ada");
        String plain = f.spot.group("Ambassadors");
        f.add(plain, ada);

        JsonNode list = f.spot.get("/v1/groups/" + plain + "/spotMembers").expect(200).body();
        assertThat(list.path("items").get(0).has("groupRole")).isTrue();
        assertThat(list.path("items").get(0).path("groupRole").isNull()).isTrue();
        assertThat(f.spot.get("/v1/groups/" + plain + "/spotMembers?groupRole[eq]=member").expect(200).body()
                .path("total").asLong()).isZero();
        assertThat(f.spot.put("/v1/groups/" + plain + "/spotMembers/" + ada, Map.of("groupRole", "admin"))
                .expect(400).problemFields()).containsExactly("groupRole");
    }

    @Test
    void the_owner_is_never_demoted_and_owner_is_never_given() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String ada = f.member("Ada");
        String grace = f.member("Grace");
        String group = f.community("Makers", ada);
        f.add(group, grace);
        String path = "/v1/groups/" + group + "/spotMembers/";

        assertThat(f.spot.put(path + ada, Map.of("groupRole", "member")).expect(409).problemFields())
                .containsExactly("spotMemberId");
        assertThat(f.spot.put(path + ada, Map.of("groupRole", "owner")).expect(409).problemFields())
                .containsExactly("spotMemberId");
        assertThat(f.spot.put(path + grace, Map.of("groupRole", "owner")).expect(409).problemFields())
                .containsExactly("groupRole");
        assertThat(f.roles(group)).isEqualTo(Map.of(ada, "owner", grace, "member"));
    }

    @Test
    void bad_role_bodies_are_400s_and_unknown_members_or_other_spots_groups_are_404s() {
        CommunityFixture f = new CommunityFixture(newSpot());
        CommunityFixture other = new CommunityFixture(newSpot());
        String ada = f.member("Ada");
        String grace = f.member("Grace");
        String group = f.community("Makers", ada);
        String theirs = other.community("Theirs", other.member("Alan"));
        String path = "/v1/groups/" + group + "/spotMembers/";

        assertThat(f.spot.put(path + ada, Map.of("groupRole", "boss")).expect(400).problemFields())
                .containsExactly("groupRole");
        assertThat(f.spot.put(path + ada, Map.of()).expect(400).problemFields()).containsExactly("groupRole");
        assertThat(f.spot.put(path + ada, Map.of("groupRole", "admin", "role", "x")).expect(400).problemFields())
                .containsExactly("role");
        f.spot.put(path + grace, Map.of("groupRole", "admin")).expect(404);
        f.spot.put(path + "nope", Map.of("groupRole", "admin")).expect(404);
        f.spot.put("/v1/groups/" + theirs + "/spotMembers/" + ada, Map.of("groupRole", "admin")).expect(404);
        other.spot.put(path + ada, Map.of("groupRole", "admin")).expect(404);
        assertThat(f.roles(group)).isEqualTo(Map.of(ada, "owner"));
    }

    @Test
    void a_members_list_through_the_member_mirror_shows_the_same_roles() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String ada = f.member("Ada");
        String grace = f.member("Grace");
        String group = f.community("Makers", ada);
        f.role(group, grace, "moderator");

        JsonNode mine = f.me(grace, "GET", "/v1/me/groups/" + group + "/spotMembers?groupRole[eq]=owner")
                .expect(200).body();
        assertThat(ids(mine)).containsExactly(ada);
        assertThat(f.me(f.member("Alan"), "GET", "/v1/me/groups/" + group + "/spotMembers").expect(403).body()
                .path("missingRight").asString()).isEqualTo("groups.view");
        String plain = f.spot.group("Ambassadors");
        f.me(grace, "GET", "/v1/me/groups/" + plain + "/spotMembers").expect(404);
        CommunityFixture other = new CommunityFixture(newSpot());
        other.me(other.member("Alan"), "GET", "/v1/me/groups/" + group + "/spotMembers").expect(404);
    }

    @Test
    void a_bulk_removal_by_a_moderator_is_refused_whole_when_one_target_is_above_them() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String ada = f.member("Ada");
        String grace = f.member("Grace");
        String alan = f.member("Alan");
        String ken = f.member("Ken");
        String group = f.community("Makers", ada);
        f.role(group, grace, "moderator");
        f.role(group, alan, "moderator");
        f.add(group, ken);
        String path = "/v1/me/groups/" + group + "/spotMembers~bulkRemove";

        assertThat(f.me(grace, "POST", path, Map.of("spotMemberIds", List.of(ken, alan))).expect(403).body()
                .path("missingRight").asString()).isEqualTo("groups.remove");
        assertThat(f.me(grace, "POST", path, Map.of("spotMemberIds", List.of(ken, "nope"))).expect(400)
                .problemFields()).containsExactly("spotMemberIds[1]");
        assertThat(f.me(grace, "POST", path, Map.of()).expect(400).problemFields()).containsExactly("spotMemberIds");
        assertThat(f.roles(group)).hasSize(4);
        String stranger = f.member("Stranger");
        assertThat(f.me(grace, "POST", path, Map.of("spotMemberIds", List.of(ken, stranger, grace))).expect(200)
                .body().path("removedSpotMembersCount").asInt()).isEqualTo(2);
        assertThat(f.roles(group)).isEqualTo(Map.of(ada, "owner", alan, "moderator"));
    }
}
