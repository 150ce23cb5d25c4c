package dev.cohort.communities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Issue 16, the member mirrors of a community group's operator endpoints: read, settings, delete and restore. */
class CommunityMirrorApiTest extends ApiTest {

    @Test
    void an_admin_sends_back_the_group_read_and_nothing_changes_then_edits_it() throws Exception {
        CommunityFixture f = new CommunityFixture(newSpot());
        String grace = f.member("Grace");
        String group = f.community("Makers", f.member("Ada"));
        f.role(group, grace, "admin");
        JsonNode read = f.me(grace, "GET", "/v1/me/groups/" + group).expect(200).body();
        Thread.sleep(5);

        assertThat(f.me(grace, "PUT", "/v1/me/groups/" + group, read.toString()).expect(200).body()).isEqualTo(read);
        ObjectNode edited = (ObjectNode) read.deepCopy();
        edited.put("name", "Builders").put("joinPolicy", "open");
        JsonNode after = f.me(grace, "PUT", "/v1/me/groups/" + group, edited.toString()).expect(200).body();

        assertThat(after.path("name").asString()).isEqualTo("Builders");
        assertThat(after.path("joinPolicy").asString()).isEqualTo("open");
        assertThat(after.path("slug").asString()).isEqualTo("makers");
        assertThat(after.path("updatedAt").asLong()).isGreaterThan(read.path("updatedAt").asLong());
        assertThat(f.group(group)).isEqualTo(after);
    }

    @Test
    void the_owner_deletes_and_restores_the_group_with_its_members_and_roles() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String ada = f.member("Ada");
        String grace = f.member("Grace");
        String group = f.community("Makers", ada);
        f.role(group, grace, "moderator");

        f.me(ada, "DELETE", "/v1/me/groups/" + group).expect(204);
        f.me(grace, "GET", "/v1/me/groups/" + group).expect(404);
        f.spot.get("/v1/groups/" + group).expect(404);
        JsonNode restored = f.me(ada, "POST", "/v1/me/groups/" + group + "~restore").expect(200).body();

        assertThat(restored.path("slug").asString()).isEqualTo("makers");
        assertThat(restored.path("membersCount").asLong()).isEqualTo(2);
        assertThat(f.roles(group)).isEqualTo(Map.of(ada, "owner", grace, "moderator"));
        f.me(ada, "POST", "/v1/me/groups/" + group + "~restore").expect(404);
    }

    @Test
    void another_spots_members_and_groups_of_other_kinds_are_never_found() {
        CommunityFixture f = new CommunityFixture(newSpot());
        CommunityFixture other = new CommunityFixture(newSpot());
        String ada = f.member("Ada");
        String group = f.community("Makers", ada);
        String plain = f.spot.group("Ambassadors");
        f.add(plain, ada);
        String alan = other.spotAdmin("Alan");

        for (String[] call : new String[][] {{"GET", ""}, {"PUT", ""}, {"DELETE", ""}, {"POST", "~restore"},
                {"GET", "/spotMembers"}, {"PUT", "/spotMembers/" + ada}, {"DELETE", "/spotMembers/" + ada}}) {
            Object body = call[0].equals("PUT") ? Map.of(call[1].isEmpty() ? "name" : "groupRole",
                    call[1].isEmpty() ? "Mine" : "member") : null;
            other.me(alan, call[0], "/v1/me/groups/" + group + call[1], body).expect(404);
            f.me(ada, call[0], "/v1/me/groups/" + plain + call[1], body).expect(404);
        }
        assertThat(f.group(group).path("name").asString()).isEqualTo("Makers");
        assertThat(f.roles(group)).isEqualTo(Map.of(ada, "owner"));
    }

    @Test
    void a_bad_settings_body_from_a_member_is_a_400_naming_each_field_and_changes_nothing() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String ada = f.member("Ada");
        String group = f.community("Makers", ada);
        JsonNode before = f.group(group);

        assertThat(f.me(ada, "PUT", "/v1/me/groups/" + group, Map.of("name", " ", "joinPolicy", "invite",
                "kind", "static", "ownerSpotMemberId", 7)).expect(400).problemFields())
                .containsExactlyInAnyOrder("name", "joinPolicy", "ownerSpotMemberId");
        assertThat(f.me(ada, "PUT", "/v1/me/groups/" + group, Map.of("branding", Map.of("primaryColor", "red"),
                "slug", "No Spaces")).expect(400).problemFields())
                .containsExactlyInAnyOrder("branding.primaryColor", "slug");
        assertThat(f.me(ada, "PUT", "/v1/me/groups/" + group, "{\"access\": null}").expect(400).problemFields())
                .containsExactly("access");
        assertThat(f.group(group)).isEqualTo(before);
    }
}
