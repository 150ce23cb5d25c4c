package dev.cohort.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.resources.ResourceType;
import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ParticipantsApiTest extends ApiTest {

    private AccessFixture fixture() {
        return new AccessFixture(newSpot(), jdbc);
    }

    @Test
    void inviting_a_course_participant_is_201_with_the_course_participant_then_200_when_already_invited() {
        AccessFixture f = fixture();
        String ada = f.spot.member("ada@example.com", "Ada", "Lovelace");
        String course = f.resource(ResourceType.COURSE, "Course", true);
        Api.Response created = f.spot.post("/v1/courses/" + course + "/participants",
                Map.of("spotMemberId", ada, "withEmailNotification", true)).expect(201);
        for (String field : List.of("id", "courseId", "spotMemberId", "spotMemberEmail", "spotMemberFirstname",
                "spotMemberLastname", "status", "invitedAt", "startedAt", "completedAt", "unenrolledAt",
                "lastActivityAt", "completionRate", "sources")) {
            assertThat(created.body().has(field)).as(field).isTrue();
        }
        assertThat(created.text("status")).isEqualTo("Invited");
        assertThat(created.text("spotMemberEmail")).isEqualTo("ada@example.com");
        Api.Response again = f.spot.post("/v1/courses/" + course + "/participants",
                Map.of("spotMemberId", ada, "withEmailNotification", true)).expect(200);
        assertThat(again.raw().body()).isEmpty();
        assertThat(f.emails(course, ada)).isEqualTo(1);
        assertThat(f.spot.get("/v1/courses/" + course + "/participants/" + created.text("id")).expect(200)
                .text("spotMemberId")).isEqualTo(ada);
        f.spot.get("/v1/courses/" + course + "/participants/" + UUID.randomUUID()).expect(404);
    }

    @Test
    void a_live_invites_by_member_id_or_email_and_bulk_invites_many() {
        AccessFixture f = fixture();
        String ada = f.spot.member("ada@example.com", "Ada", "Lovelace");
        String live = f.resource(ResourceType.LIVE, "Live", true);
        Api.Response byEmail = f.spot.post("/v1/lives/" + live + "/participants",
                Map.of("member", "newcomer@example.com")).expect(201);
        assertThat(byEmail.text("liveId")).isEqualTo(live);
        assertThat(byEmail.text("type")).isEqualTo("Participant");
        assertThat(f.spot.get("/v1/spotMembers?email[in]=newcomer@example.com").body().path("total").asLong())
                .isEqualTo(1);
        String alan = f.spot.member("alan@example.com", "Alan", "Turing");
        Api.Response bulk = f.spot.post("/v1/lives/" + live + "/participants~bulkInvite",
                Map.of("members", Map.of("spotMemberIds", List.of(ada, alan), "emails", List.of("x@example.com")),
                        "withEmailNotification", false)).expect(200);
        assertThat(bulk.body().size()).isEqualTo(3);
        assertThat(f.spot.get("/v1/lives/" + live + "/participants").body().path("total").asLong()).isEqualTo(4);
        assertThat(f.spot.get("/v1/lives/" + live + "/participants?email[contains]=ALAN").body().path("total")
                .asLong()).isEqualTo(1);
        assertThat(f.spot.get("/v1/lives/" + live + "/participants?status[in]=Invited&type[eq]=Participant").body()
                .path("total").asLong()).isEqualTo(4);
        assertThat(f.spot.get("/v1/lives/" + live + "/participants?hasParticipated[eq]=true").body().path("total")
                .asLong()).isZero();
    }

    @Test
    void course_bulk_invite_is_201_with_new_participants_and_200_when_all_were_invited() {
        AccessFixture f = fixture();
        List<String> people = f.members(2, "b");
        String course = f.resource(ResourceType.COURSE, "Course", false);
        assertThat(f.spot.post("/v1/courses/" + course + "/participants~bulkInvite", Map.of("spotMemberIds", people))
                .expect(201).body().size()).isEqualTo(2);
        f.spot.post("/v1/courses/" + course + "/participants~bulkInvite", Map.of("spotMemberIds", people)).expect(200);
    }

    @Test
    void bad_invitations_are_400_or_404_and_invite_nobody() {
        AccessFixture f = fixture();
        String ada = f.spot.member("ada@example.com");
        String course = f.resource(ResourceType.COURSE, "Course", true);
        String base = "/v1/courses/" + course + "/participants";
        assertThat(f.spot.post(base, Map.of()).expect(400).problemFields()).containsExactly("spotMemberId");
        assertThat(f.spot.post(base, Map.of("spotMemberId", "nope")).expect(400).problemFields())
                .containsExactly("spotMemberId");
        assertThat(f.spot.post(base, Map.of("spotMemberId", UUID.randomUUID().toString())).expect(400)
                .problemFields()).containsExactly("spotMemberIds[0]");
        assertThat(f.spot.post(base + "~bulkInvite", Map.of("spotMemberIds", List.of(ada, "bad"))).expect(400)
                .problemFields()).containsExactly("spotMemberIds[1]");
        assertThat(f.spot.post(base, Map.of("spotMemberId", ada, "invitedBySpotMemberId", UUID.randomUUID().toString()))
                .expect(400).problemFields()).containsExactly("invitedBySpotMemberId");
        assertThat(f.spot.post(base, Map.of("spotMemberId", ada, "withEmailNotification", "yes")).expect(400)
                .problemFields()).containsExactly("withEmailNotification");
        assertThat(f.participates(course, ada)).isFalse();
        f.spot.post("/v1/courses/" + UUID.randomUUID() + "/participants", Map.of("spotMemberId", ada)).expect(404);
        String live = f.resource(ResourceType.LIVE, "Live", true);
        f.spot.post("/v1/courses/" + live + "/participants", Map.of("spotMemberId", ada)).expect(404);
        assertThat(f.spot.get(base + "?status[in]=Happy").expect(400).problemFields()).containsExactly("status[in]");
    }

    @Test
    void removing_a_direct_participant_removes_only_the_direct_source() {
        AccessFixture f = fixture();
        List<String> people = f.members(2, "x");
        String group = f.spot.group("G");
        String course = f.resource(ResourceType.COURSE, "Course", true);
        f.link(ResourceType.COURSE, course, group, false);
        f.addToGroup(group, people.get(0));
        f.spot.post("/v1/courses/" + course + "/participants~bulkInvite", Map.of("spotMemberIds", people)).expect(201);
        JsonNode removed = f.spot.post("/v1/courses/" + course + "/participants~bulkRemove",
                Map.of("spotMemberIds", people)).expect(200).body();
        assertThat(removed.path("removedSpotMembersCount").asInt()).isEqualTo(1);
        assertThat(removed.path("directSourcesRemoved").asInt()).isEqualTo(2);
        assertThat(f.participates(course, people.get(0))).isTrue();
        assertThat(f.participates(course, people.get(1))).isFalse();
    }

    @Test
    void channel_members_are_added_listed_with_sources_and_removed() {
        AccessFixture f = fixture();
        Api.SpotClient other = newSpot();
        String stranger = other.member("eve@example.com");
        List<String> people = f.members(3, "c");
        String channel = f.resource(ResourceType.CHANNEL, "Private", true);
        String base = "/v1/channels/" + channel + "/spotMembers";
        f.spot.post(base, Map.of("spotMemberId", people.get(0))).expect(204);
        f.spot.post(base, Map.of("spotMemberId", people.get(0))).expect(204);
        f.spot.post(base, Map.of("spotMemberId", stranger)).expect(404);
        JsonNode bulk = f.spot.post(base + "~bulkAdd", Map.of("spotMemberIds", List.of(people.get(1), people.get(2),
                stranger, "bad"))).expect(200).body();
        assertThat(bulk.path("addedSpotMemberIds").size()).isEqualTo(2);
        assertThat(bulk.path("failedSpotMemberIds").size()).isEqualTo(2);
        JsonNode list = f.spot.get(base + "?search=c1").expect(200).body();
        assertThat(list.path("total").asLong()).isEqualTo(1);
        assertThat(list.path("items").get(0).path("email").asString()).isEqualTo("c1@example.com");
        assertThat(list.path("items").get(0).path("sources").get(0).path("type").asString()).isEqualTo("direct");
        assertThat(f.spot.post(base + "~bulkRemove", Map.of("spotMemberIds", List.of(people.get(0)))).expect(200)
                .body().path("removedSpotMembersCount").asInt()).isEqualTo(1);
        assertThat(f.spot.get(base).body().path("total").asLong()).isEqualTo(2);
        assertThat(f.notifications(people.get(1))).isEqualTo(1);
        f.spot.get("/v1/forums/" + channel + "/spotMembers").expect(404);
    }

    @Test
    void another_spots_resources_and_groups_are_404_and_untouched() {
        AccessFixture mine = fixture();
        AccessFixture theirs = fixture();
        String theirCourse = theirs.resource(ResourceType.COURSE, "Theirs", true);
        String theirGroup = theirs.spot.group("Theirs");
        String myGroup = mine.spot.group("Mine");
        String myCourse = mine.resource(ResourceType.COURSE, "Mine", true);
        mine.spot.post("/v1/courses/" + theirCourse + "/groups~bulkAdd", Map.of("groupIds", List.of(myGroup)))
                .expect(404);
        assertThat(mine.spot.post("/v1/courses/" + myCourse + "/groups~bulkAdd", Map.of("groupIds", List.of(theirGroup)))
                .expect(400).problemFields()).containsExactly("groupIds[0]");
        mine.spot.get("/v1/courses/" + theirCourse + "/participants").expect(404);
        mine.spot.get("/v1/groups/" + theirGroup + "/resources").expect(404);
        assertThat(jdbc.sql("select count(*) from resource_group_link where resource_id = :r")
                .param("r", UUID.fromString(theirCourse)).query(Long.class).single()).isZero();
    }

    @Test
    void deleting_a_member_removes_their_participations() {
        AccessFixture f = fixture();
        String ada = f.spot.member("ada@example.com");
        String group = f.spot.group("G");
        String course = f.resource(ResourceType.COURSE, "Course", true);
        f.link(ResourceType.COURSE, course, group, true);
        f.addToGroup(group, ada);
        f.spot.delete("/v1/spotMembers/" + ada).expect(204);
        assertThat(f.spot.get("/v1/courses/" + course + "/participants").body().path("total").asLong()).isZero();
    }

    @Test
    void link_bodies_are_validated() {
        AccessFixture f = fixture();
        String course = f.resource(ResourceType.COURSE, "Course", true);
        String base = "/v1/courses/" + course + "/groups";
        assertThat(f.spot.post(base + "~bulkAdd", Map.of()).expect(400).problemFields()).containsExactly("groupIds");
        assertThat(f.spot.post(base + "~bulkAdd", Map.of("groupIds", List.of("x"))).expect(400).problemFields())
                .containsExactly("groupIds[0]");
        assertThat(f.spot.post(base + "~bulkAdd", Map.of("groupIds", List.of(), "withEmailNotification", 1))
                .expect(400).problemFields()).containsExactly("withEmailNotification");
        f.spot.put(base + "/" + UUID.randomUUID(), Map.of("withEmailNotification", true)).expect(404);
        assertThat(f.spot.put(base + "/" + UUID.randomUUID(), Map.of()).expect(400).problemFields())
                .containsExactly("withEmailNotification");
        assertThat(f.spot.get(base).expect(200).body().path("total").asLong()).isZero();
    }
}
