package dev.cohort.communities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Issue 16, the group: kind community, its owner, its fields in every Group answer, members creating one. */
class CommunityGroupApiTest extends ApiTest {

    @Test
    void an_operator_creates_a_community_group_whose_owner_is_its_first_member_with_the_owner_role() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String ada = f.member("Ada");

        JsonNode group = f.create("Product Beta", ada).expect(201).body();

        assertThat(group.path("kind").asString()).isEqualTo("community");
        assertThat(group.path("ownerSpotMemberId").asString()).isEqualTo(ada);
        assertThat(group.path("slug").asString()).isEqualTo("product-beta");
        assertThat(group.path("joinUrl").asString())
                .isEqualTo("http://localhost:8080/join/" + f.spot.spotId + "/product-beta");
        assertThat(group.path("slugChangesLeft").asInt()).isEqualTo(1);
        assertThat(group.path("joinPolicy").asString()).isEqualTo("approval");
        assertThat(group.path("membershipQuestions").isEmpty()).isTrue();
        assertThat(group.path("branding").toString())
                .isEqualTo("{\"primaryColor\":null,\"logoUrl\":null,\"coverUrl\":null,\"faviconUrl\":null}");
        assertThat(group.path("theme").toString()).isEqualTo("{\"background\":null,\"text\":null,\"accent\":null}");
        assertThat(group.path("access").asString()).isEqualTo("free");
        assertThat(group.path("promoLinks").isEmpty()).isTrue();
        assertThat(group.path("reportsEnabled").asBoolean()).isTrue();
        assertThat(group.path("membersCount").asLong()).isEqualTo(1);
        assertThat(f.roles(group.path("id").asString())).isEqualTo(Map.of(ada, "owner"));
        assertThat(f.group(group.path("id").asString())).isEqualTo(group);
    }

    @Test
    void a_community_group_needs_an_owner_who_is_a_member_of_the_spot_and_nothing_is_created_otherwise() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String stranger = new CommunityFixture(newSpot()).member("Stranger");

        assertThat(f.spot.post("/v1/groups", Map.of("name", "Club", "kind", "community")).expect(400)
                .problemFields()).containsExactly("ownerSpotMemberId");
        Api.Response other = f.create("Club", stranger).expect(400);
        assertThat(other.problemFields()).containsExactly("ownerSpotMemberId");
        assertThat(other.body().path("errors").get(0).path("message").asString())
                .isEqualTo("is not a member of this Spot");
        assertThat(f.create("Club", "not-an-id").expect(400).problemFields()).containsExactly("ownerSpotMemberId");
        assertThat(f.spot.post("/v1/groups", Map.of("name", "Club", "ownerSpotMemberId", f.member("Ada")))
                .expect(400).problemFields()).containsExactly("ownerSpotMemberId");
        assertThat(f.spot.get("/v1/groups").expect(200).body().path("total").asLong()).isZero();
    }

    @Test
    void other_groups_answer_null_community_fields_and_the_list_filters_by_kind() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String community = f.community("Makers", f.member("Ada"));
        String plain = f.spot.group("Ambassadors");

        JsonNode group = f.group(plain);
        for (String field : List.of("ownerSpotMemberId", "slug", "joinUrl", "slugChangesLeft", "joinPolicy",
                "membershipQuestions", "branding", "theme", "access", "promoLinks", "reportsEnabled")) {
            assertThat(group.has(field)).as(field).isTrue();
            assertThat(group.path(field).isNull()).as(field).isTrue();
        }
        JsonNode communities = f.spot.get("/v1/groups?kind[eq]=community").expect(200).body();
        assertThat(communities.path("total").asLong()).isEqualTo(1);
        assertThat(communities.path("items").get(0).path("id").asString()).isEqualTo(community);
        assertThat(communities.path("items").get(0).path("slug").asString()).isEqualTo("makers");
        JsonNode all = f.spot.get("/v1/groups").expect(200).body();
        assertThat(all.path("items").valueStream().map(g -> g.path("slug").asString(null)).toList())
                .containsExactly(null, "makers");
        assertThat(f.spot.get("/v1/groups?kind[eq]=static").expect(200).body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void a_community_group_stays_one_and_no_other_group_becomes_one() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String community = f.community("Makers", f.member("Ada"));
        String plain = f.spot.group("Ambassadors");
        JsonNode before = f.group(community);

        assertThat(f.spot.put("/v1/groups/" + community, Map.of("kind", "static")).expect(400).problemFields())
                .containsExactly("kind");
        assertThat(f.spot.put("/v1/groups/" + community, Map.of("kind", "smart", "rule",
                Map.of("field", "role", "op", "eq", "value", "Admin"))).expect(400).problemFields())
                .contains("kind");
        assertThat(f.spot.put("/v1/groups/" + plain, Map.of("kind", "community")).expect(400).problemFields())
                .containsExactly("kind");
        assertThat(f.spot.put("/v1/groups/" + plain, Map.of("joinPolicy", "open")).expect(400).problemFields())
                .containsExactly("joinPolicy");
        assertThat(f.group(community)).isEqualTo(before);
        assertThat(f.group(plain).path("kind").asString()).isEqualTo("static");
    }

    @Test
    void a_community_group_read_sent_back_changes_nothing_and_another_owner_is_a_409() throws Exception {
        CommunityFixture f = new CommunityFixture(newSpot());
        String ada = f.member("Ada");
        String community = f.community("Makers", ada);
        JsonNode before = f.group(community);
        Thread.sleep(5);

        assertThat(f.spot.put("/v1/groups/" + community, before.toString()).expect(200).body()).isEqualTo(before);
        ObjectNode other = (ObjectNode) before.deepCopy();
        other.put("ownerSpotMemberId", f.member("Grace"));
        assertThat(f.spot.put("/v1/groups/" + community, other.toString()).expect(409).problemFields())
                .containsExactly("ownerSpotMemberId");
        assertThat(f.group(community)).isEqualTo(before);
    }

    @Test
    void the_slug_is_made_from_the_name_with_a_suffix_when_the_spot_has_it_already() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String ada = f.member("Ada");

        assertThat(f.create("Product Beta", ada).expect(201).text("slug")).isEqualTo("product-beta");
        assertThat(f.create("Product beta!", ada).expect(201).text("slug")).isEqualTo("product-beta-2");
        assertThat(f.create("  Prödüct -- Béta ", ada).expect(201).text("slug")).isEqualTo("product-beta-3");
        assertThat(f.create("AI", ada).expect(201).text("slug")).isEqualTo("ai-group");
        assertThat(f.create("🚀", ada).expect(201).text("slug")).isEqualTo("group");
        assertThat(new CommunityFixture(newSpot()).create("Product Beta", ada).expect(400).problemFields())
                .containsExactly("ownerSpotMemberId");
    }

    @Test
    void a_member_creates_a_community_group_and_becomes_its_owner() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String grace = f.member("Grace");

        JsonNode group = f.me(grace, "POST", "/v1/me/groups", Map.of("name", "Book club", "description", "Reads"))
                .expect(201).body();

        assertThat(group.path("kind").asString()).isEqualTo("community");
        assertThat(group.path("ownerSpotMemberId").asString()).isEqualTo(grace);
        assertThat(group.path("description").asString()).isEqualTo("Reads");
        assertThat(group.path("slug").asString()).isEqualTo("book-club");
        assertThat(f.roles(group.path("id").asString())).isEqualTo(Map.of(grace, "owner"));
    }

    @Test
    void a_spot_can_stop_its_members_creating_groups_and_operators_still_can() {
        CommunityFixture f = new CommunityFixture(newSpot());
        CommunityFixture other = new CommunityFixture(newSpot());
        String grace = f.member("Grace");
        assertThat(f.spot.get("/v1/communitySettings").expect(200).body().toString())
                .isEqualTo("{\"membersCanCreateGroups\":true}");

        assertThat(f.spot.put("/v1/communitySettings", Map.of("membersCanCreateGroups", false)).expect(200)
                .body().path("membersCanCreateGroups").asBoolean(true)).isFalse();

        Api.Response refused = f.me(grace, "POST", "/v1/me/groups", Map.of("name", "Book club")).expect(403);
        assertThat(refused.body().path("missingRight").asString()).isEqualTo("groups.create");
        assertThat(f.spot.get("/v1/communitySettings").expect(200).body().path("membersCanCreateGroups")
                .asBoolean(true)).isFalse();
        f.community("Book club", grace);
        assertThat(other.spot.get("/v1/communitySettings").expect(200).body().path("membersCanCreateGroups")
                .asBoolean()).isTrue();
        other.me(other.member("Alan"), "POST", "/v1/me/groups", Map.of("name", "Book club")).expect(201);
        assertThat(f.spot.put("/v1/communitySettings", Map.of()).expect(200).body().path("membersCanCreateGroups")
                .asBoolean(true)).isFalse();
    }

    @Test
    void bad_settings_and_bad_group_bodies_are_400s_naming_each_field_and_change_nothing() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String grace = f.member("Grace");

        assertThat(f.spot.put("/v1/communitySettings", Map.of("membersCanCreateGroups", "no")).expect(400)
                .problemFields()).containsExactly("membersCanCreateGroups");
        assertThat(f.spot.put("/v1/communitySettings", "{\"membersCanCreateGroups\": null, \"x\": 1}")
                .expect(400).problemFields()).containsExactlyInAnyOrder("membersCanCreateGroups", "x");
        assertThat(f.me(grace, "POST", "/v1/me/groups", Map.of("description", 3, "kind", "static")).expect(400)
                .problemFields()).containsExactlyInAnyOrder("name", "description", "kind");
        assertThat(f.spot.get("/v1/communitySettings").expect(200).body().path("membersCanCreateGroups")
                .asBoolean()).isTrue();
        assertThat(f.spot.get("/v1/groups").expect(200).body().path("total").asLong()).isZero();
    }

    @Test
    void the_owner_is_never_removed_through_the_operator_endpoints() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String ada = f.member("Ada");
        String grace = f.member("Grace");
        String group = f.community("Makers", ada);
        f.add(group, grace);

        assertThat(f.spot.post("/v1/groups/" + group + "/spotMembers~bulkRemove",
                Map.of("spotMemberIds", List.of(grace, ada))).expect(409).problemFields())
                .containsExactly("spotMemberIds");
        f.spot.delete("/v1/groups/" + group + "/spotMembers/" + ada).expect(409);
        assertThat(f.roles(group)).isEqualTo(Map.of(ada, "owner", grace, "member"));

        f.spot.delete("/v1/groups/" + group + "/spotMembers/" + grace).expect(204);
        f.spot.delete("/v1/groups/" + group + "/spotMembers/" + grace).expect(404);
        assertThat(f.roles(group)).isEqualTo(Map.of(ada, "owner"));
    }

    @Test
    void the_owners_membership_never_gets_an_end_and_other_members_may() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String ada = f.member("Ada");
        String grace = f.member("Grace");
        String group = f.community("Makers", ada);
        long later = java.time.Instant.now().getEpochSecond() + 86_400;

        assertThat(f.spot.post("/v1/groups/" + group + "/spotMembers~bulkAdd", Map.of("spotMemberIds",
                List.of(grace, ada), "validUntil", later)).expect(409).problemFields()).containsExactly("validUntil");
        f.spot.post("/v1/groups/" + group + "/spotMembers", Map.of("spotMemberId", ada, "validUntil", later))
                .expect(409);
        f.spot.post("/v1/groups/" + group + "/spotMembers", Map.of("spotMemberId", grace, "validUntil", later))
                .expect(204);
        JsonNode members = f.spot.get("/v1/groups/" + group + "/spotMembers").expect(200).body().path("items");
        for (JsonNode member : members) {
            assertThat(member.path("validUntil").isNull()).isEqualTo(member.path("id").asString().equals(ada));
        }
    }

    @Test
    void another_spots_operator_never_finds_a_community_group() {
        CommunityFixture f = new CommunityFixture(newSpot());
        CommunityFixture other = new CommunityFixture(newSpot());
        String ada = f.member("Ada");
        String group = f.community("Makers", ada);

        other.spot.get("/v1/groups/" + group).expect(404);
        other.spot.put("/v1/groups/" + group, Map.of("slug", "stolen")).expect(404);
        other.spot.delete("/v1/groups/" + group + "/spotMembers/" + ada).expect(404);
        other.spot.put("/v1/groups/" + group + "/spotMembers/" + ada, Map.of("groupRole", "member")).expect(404);
        assertThat(other.spot.get("/v1/groups?kind[eq]=community").expect(200).body().path("total").asLong()).isZero();
        assertThat(f.group(group).path("slug").asString()).isEqualTo("makers");
    }
}
