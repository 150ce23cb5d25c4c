package dev.cohort.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.resources.ResourceType;
import dev.cohort.support.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** SPEC rules 6-12: access follows group membership. */
class AccessRulesApiTest extends ApiTest {
    private AccessFixture fixture() {
        return new AccessFixture(newSpot(), jdbc);
    }

    /**
     * SPEC rules 6, 11 and 12: linking a group invites its members, each notified, and emailed when the switch is on.
     */
    @Test
    void linking_a_group_invites_its_members_with_a_notification_and_an_email_when_the_switch_is_on() {
        AccessFixture f = fixture();
        List<String> people = f.members(3, "p");
        String group = f.spot.group("G");
        f.addToGroup(group, people.toArray(String[]::new));
        String course = f.resource(ResourceType.COURSE, "Secret course", true);
        String channel = f.resource(ResourceType.CHANNEL, "Private channel", true);
        f.link(ResourceType.COURSE, course, group, true);
        f.link(ResourceType.CHANNEL, channel, group, false);
        for (String person : people) {
            assertThat(f.participates(course, person)).isTrue();
            assertThat(f.participates(channel, person)).isTrue();
            assertThat(f.emails(course, person)).isEqualTo(1);
            assertThat(f.emails(channel, person)).isZero();
            assertThat(f.notifications(person)).isEqualTo(2);
        }
        JsonNode types = f.spot.get("/v1/groups/" + group + "/resources?type[in]=course").expect(200).body();
        assertThat(types.path("total").asLong()).isEqualTo(1);
        assertThat(f.spot.get("/v1/groups/" + group).body().path("resourcesCount").asLong()).isEqualTo(2);
        assertThat(f.spot.get("/v1/groups?resourcesCount[eq]=2").body().path("total").asLong()).isEqualTo(1);
    }

    /** SPEC rules 6 and 11: a member added to a linked group is invited at once, with the link's current switch. */
    @Test
    void adding_a_member_to_a_linked_group_invites_them_at_once_with_the_links_current_switch() {
        AccessFixture f = fixture();
        String group = f.spot.group("G");
        String live = f.resource(ResourceType.LIVE, "Secret live", true);
        f.link(ResourceType.LIVE, live, group, false);
        String first = f.spot.member("first@example.com");
        f.addToGroup(group, first);
        assertThat(f.participates(live, first)).isTrue();
        assertThat(f.emails(live, first)).isZero();
        assertThat(f.notifications(first)).isEqualTo(1);

        f.spot.put("/v1/lives/" + live + "/groups/" + group, Map.of("withEmailNotification", true)).expect(200);
        String second = f.spot.member("second@example.com");
        f.spot.post("/v1/groups/" + group + "/spotMembers", Map.of("spotMemberId", second)).expect(204);
        assertThat(f.participates(live, second)).isTrue();
        assertThat(f.emails(live, second)).isEqualTo(1);
        JsonNode links = f.spot.get("/v1/lives/" + live + "/groups").expect(200).body();
        assertThat(links.path("items").get(0).path("withEmailNotification").asBoolean()).isTrue();
    }

    /** SPEC rule 7: a Pending member added to a group linked to a live is invited and Accepted into the Spot. */
    @Test
    void a_pending_member_added_to_a_group_linked_to_a_live_is_accepted_into_the_spot() {
        AccessFixture f = fixture();
        String pending = f.spot.post("/v1/spotMembers", Map.of("email", "wait@example.com", "status", "Pending"))
                .expect(201).text("id");
        String group = f.spot.group("G");
        String live = f.resource(ResourceType.LIVE, "Live", true);
        f.link(ResourceType.LIVE, live, group, true);
        f.addToGroup(group, pending);
        assertThat(f.spot.get("/v1/spotMembers/" + pending).text("status")).isEqualTo("Accepted");
        assertThat(f.participates(live, pending)).isTrue();

        String other = f.spot.post("/v1/spotMembers", Map.of("email", "other@example.com", "status", "Pending"))
                .expect(201).text("id");
        String course = f.resource(ResourceType.COURSE, "Course", true);
        String courseGroup = f.spot.group("C");
        f.link(ResourceType.COURSE, course, courseGroup, true);
        f.addToGroup(courseGroup, other);
        assertThat(f.spot.get("/v1/spotMembers/" + other).text("status")).isEqualTo("Pending");
    }

    /** SPEC rule 8: leaving a group removes access unless another source still holds it. */
    @Test
    void removing_a_member_from_a_group_removes_access_unless_another_source_holds_it() {
        AccessFixture f = fixture();
        List<String> people = f.members(3, "r");
        String a = f.spot.group("A");
        String b = f.spot.group("B");
        String course = f.resource(ResourceType.COURSE, "Course", true);
        f.link(ResourceType.COURSE, course, a, false);
        f.link(ResourceType.COURSE, course, b, false);
        f.addToGroup(a, people.toArray(String[]::new));
        f.addToGroup(b, people.get(1));
        f.spot.post("/v1/courses/" + course + "/participants", Map.of("spotMemberId", people.get(2))).expect(200);

        f.removeFromGroup(a, people.toArray(String[]::new));
        assertThat(f.participates(course, people.get(0))).isFalse();
        assertThat(f.participates(course, people.get(1))).as("held by group B").isTrue();
        assertThat(f.participates(course, people.get(2))).as("held by the direct invitation").isTrue();

        JsonNode held = f.spot.get("/v1/courses/" + course + "/participants").expect(200).body();
        assertThat(held.path("total").asLong()).isEqualTo(2);
        assertThat(held.path("items").get(0).path("sources").get(0).path("groupId").asString()).isEqualTo(b);
        assertThat(held.path("items").get(1).path("sources").get(0).path("type").asString()).isEqualTo("direct");
    }

    /** SPEC rule 9: unlinking removes what only the link gave; future members are not invited. */
    @Test
    void unlinking_removes_what_only_the_link_gave_and_future_members_are_not_invited() {
        AccessFixture f = fixture();
        List<String> people = f.members(2, "u");
        String a = f.spot.group("A");
        String b = f.spot.group("B");
        String forum = f.resource(ResourceType.FORUM, "Secret forum", true);
        f.addToGroup(a, people.toArray(String[]::new));
        f.addToGroup(b, people.get(1));
        f.link(ResourceType.FORUM, forum, a, true);
        f.link(ResourceType.FORUM, forum, b, true);
        f.unlink(ResourceType.FORUM, forum, a);
        assertThat(f.participates(forum, people.get(0))).isFalse();
        assertThat(f.participates(forum, people.get(1))).isTrue();
        String later = f.spot.member("later@example.com");
        f.addToGroup(a, later);
        assertThat(f.participates(forum, later)).isFalse();
        assertThat(f.emails(forum, later)).isZero();
    }

    /** SPEC rule 12: nobody is invited twice to a resource they are already Invited, Started or Completed on. */
    @Test
    void nobody_gets_a_second_invitation_for_a_resource_they_already_hold() {
        AccessFixture f = fixture();
        String person = f.spot.member("once@example.com");
        String a = f.spot.group("A");
        String b = f.spot.group("B");
        String live = f.resource(ResourceType.LIVE, "Live", true);
        f.link(ResourceType.LIVE, live, a, true);
        f.link(ResourceType.LIVE, live, b, true);
        f.addToGroup(a, person);
        f.addToGroup(b, person);
        f.spot.post("/v1/lives/" + live + "/participants", Map.of("member", person, "withEmailNotification", true))
                .expect(200);
        assertThat(f.emails(live, person)).isEqualTo(1);
        assertThat(f.notifications(person)).isEqualTo(1);
        JsonNode participant = f.spot.get("/v1/lives/" + live + "/participants").body().path("items").get(0);
        assertThat(participant.path("sources").size()).isEqualTo(3);
    }

    /**
     * SPEC rule 10: deleting a group revokes only what it alone gave; a restore brings it back without a second email.
     */
    @Test
    void deleting_a_group_revokes_only_what_it_gave_and_a_restore_brings_it_back_without_a_second_email() {
        AccessFixture f = fixture();
        List<String> people = f.members(2, "d");
        String a = f.spot.group("A");
        String b = f.spot.group("B");
        String collection = f.resource(ResourceType.COLLECTION, "Private collection", true);
        f.addToGroup(a, people.toArray(String[]::new));
        f.addToGroup(b, people.get(1));
        f.link(ResourceType.COLLECTION, collection, a, true);
        f.link(ResourceType.COLLECTION, collection, b, true);

        f.spot.delete("/v1/groups/" + a).expect(204);
        f.spot.get("/v1/groups/" + a).expect(404);
        assertThat(f.participates(collection, people.get(0))).isFalse();
        assertThat(f.participates(collection, people.get(1))).isTrue();
        assertThat(f.spot.get("/v1/spotMembers/" + people.get(0)).expect(200).text("id")).isEqualTo(people.get(0));

        JsonNode restored = f.spot.post("/v1/groups/" + a + "~restore", null).expect(200).body();
        assertThat(restored.path("membersCount").asLong()).isEqualTo(2);
        assertThat(restored.path("resourcesCount").asLong()).isEqualTo(1);
        assertThat(f.participates(collection, people.get(0))).isTrue();
        assertThat(f.emails(collection, people.get(0))).isEqualTo(1);
        assertThat(f.notifications(people.get(0))).isEqualTo(1);
        f.spot.post("/v1/groups/" + a + "~restore", null).expect(404);
    }

    /** SPEC rule 10: after the retention a deleted group is purged and cannot be restored. */
    @Test
    void a_group_deleted_longer_ago_than_the_retention_is_purged_and_cannot_be_restored() {
        AccessFixture f = fixture();
        String person = f.spot.member("gone@example.com");
        String group = f.spot.group("Old");
        String course = f.resource(ResourceType.COURSE, "Course", true);
        f.addToGroup(group, person);
        f.link(ResourceType.COURSE, course, group, false);
        f.spot.delete("/v1/groups/" + group).expect(204);
        jdbc.sql("update member_group set deleted_at = now() - interval '31 days' where id = :g")
                .param("g", UUID.fromString(group)).update();
        f.spot.post("/v1/groups/" + group + "~restore", null).expect(404);
        purger.purge();
        assertThat(jdbc.sql("select count(*) from member_group where id = :g").param("g", UUID.fromString(group))
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from resource_group_link where group_id = :g")
                .param("g", UUID.fromString(group)).query(Long.class).single()).isZero();
        f.spot.get("/v1/spotMembers/" + person).expect(200);
    }

    @Autowired
    dev.cohort.groups.GroupPurger purger;

    @Test
    void a_public_resource_linked_to_a_group_still_invites_and_every_member_reaches_it() {
        AccessFixture f = fixture();
        String inGroup = f.spot.member("in@example.com");
        String outside = f.spot.member("out@example.com");
        String group = f.spot.group("G");
        f.addToGroup(group, inGroup);
        String open = f.resource(ResourceType.CHANNEL, "Public channel", false);
        String secret = f.resource(ResourceType.CHANNEL, "Private channel", true);
        f.link(ResourceType.CHANNEL, open, group, true);
        assertThat(f.emails(open, inGroup)).isEqualTo(1);
        assertThat(f.notifications(inGroup)).isEqualTo(1);

        JsonNode reach = f.spot.get("/v1/spotMembers/" + outside + "/resources").expect(200).body();
        assertThat(reach.path("total").asLong()).isEqualTo(1);
        assertThat(reach.path("items").get(0).path("id").asString()).isEqualTo(open);
        assertThat(f.spot.get("/v1/spotMembers/" + inGroup + "/resources").body().path("total").asLong()).isEqualTo(1);
        f.spot.post("/v1/channels/" + secret + "/spotMembers", Map.of("spotMemberId", outside)).expect(204);
        assertThat(f.spot.get("/v1/spotMembers/" + outside + "/resources?type[in]=channel&search=private").body()
                .path("total").asLong()).isEqualTo(1);
        String token = dev.cohort.spots.MemberTokens.sign(f.spot.memberTokenSecret, UUID.fromString(outside),
                java.time.Instant.now().plusSeconds(60));
        JsonNode mine = api().send("GET", "/v1/me/resources", "Bearer " + token, null, null).expect(200).body();
        assertThat(mine.path("total").asLong()).isEqualTo(2);
        assertThat(f.spot.get("/v1/spotMembers/" + UUID.randomUUID() + "/resources").status()).isEqualTo(404);
    }
}
