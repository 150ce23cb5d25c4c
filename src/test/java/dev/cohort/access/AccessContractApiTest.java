package dev.cohort.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.resources.ResourceType;
import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The access bodies as typed records: a group link as read sent back to its {@code PUT}, participant bodies of the
 * other type and unknown fields named, and the list filters the OpenAPI document shows.
 */
class AccessContractApiTest extends ApiTest {

    @Test
    void a_group_link_as_read_can_be_sent_back_and_setting_its_switch_as_it_is_keeps_updated_at() throws Exception {
        AccessFixture f = new AccessFixture(newSpot(), jdbc);
        String course = f.spot.post("/v1/courses", Map.of("title", "Course")).expect(201).text("id");
        String group = f.spot.group("Ambassadors");
        f.link(ResourceType.COURSE, course, group, false);
        String base = "/v1/courses/" + course + "/groups";
        JsonNode link = f.spot.get(base).expect(200).body().path("items").get(0);
        Thread.sleep(5);

        JsonNode same = f.spot.put(base + "/" + group, link.toString()).expect(200).body();
        Api.Response typo = f.spot.put(base + "/" + group, Map.of("withEmailNotifications", true)).expect(400);
        ObjectNode switched = (ObjectNode) link.deepCopy();
        switched.put("withEmailNotification", true);
        JsonNode changed = f.spot.put(base + "/" + group, switched.toString()).expect(200).body();

        assertThat(same).isEqualTo(link);
        assertThat(typo.problemFields()).containsExactly("withEmailNotifications", "withEmailNotification");
        assertThat(typo.body().path("errors").get(0).path("message").asString())
                .isEqualTo("unknown field; did you mean \"withEmailNotification\"?");
        assertThat(changed.path("withEmailNotification").asBoolean()).isTrue();
        assertThat(changed.path("updatedAt").asLong()).isGreaterThan(link.path("updatedAt").asLong());
    }

    @Test
    void a_participant_body_of_the_other_type_is_a_400_naming_the_field_to_use_and_invites_nobody() {
        AccessFixture f = new AccessFixture(newSpot(), jdbc);
        String ada = f.spot.member("ada@example.com");
        String course = f.resource(ResourceType.COURSE, "Course", true);
        String live = f.resource(ResourceType.LIVE, "Live", true);

        Api.Response toCourse = f.spot.post("/v1/courses/" + course + "/participants", Map.of("member", ada))
                .expect(400);
        Api.Response toLive = f.spot.post("/v1/lives/" + live + "/participants~bulkInvite",
                Map.of("spotMemberIds", List.of(ada))).expect(400);
        Api.Response typo = f.spot.post("/v1/lives/" + live + "/participants",
                Map.of("member", ada, "withEmailNotifiction", true)).expect(400);
        Api.Response member = f.spot.post("/v1/channels/" + f.resource(ResourceType.CHANNEL, "C", true)
                + "/spotMembers", Map.of("spotMemberID", ada)).expect(400);

        assertThat(toCourse.problemFields()).containsExactlyInAnyOrder("member", "spotMemberId");
        assertThat(toCourse.body().path("errors").toString()).contains("did you mean \\\"spotMemberId\\\"?");
        assertThat(toLive.problemFields()).containsExactlyInAnyOrder("spotMemberIds", "members");
        assertThat(typo.problemFields()).containsExactly("withEmailNotifiction");
        assertThat(member.problemFields()).containsExactlyInAnyOrder("spotMemberID", "spotMemberId");
        assertThat(f.participates(course, ada)).isFalse();
        assertThat(f.participates(live, ada)).isFalse();
    }

    @Test
    void the_document_shows_the_access_list_filters() {
        JsonNode document = api().send("GET", "/v3/api-docs", null, null, null).expect(200).body();
        JsonNode paths = document.path("paths");

        assertThat(parameters(paths.path("/v1/{resources}/{resourceId}/participants").path("get")))
                .contains("type[in]", "status[in]", "search");
        assertThat(parameters(paths.path("/v1/{resources}/{resourceId}/spotMembers").path("get")))
                .contains("email[in]", "search");
        assertThat(parameters(paths.path("/v1/me/resources").path("get"))).contains("type[in]", "search");
        assertThat(parameters(paths.path("/v1/groups/{groupId}/resources").path("get"))).contains("type[in]");
        assertThat(parameters(paths.path("/v1/spotMembers/{spotMemberId}/resources").path("get")))
                .contains("type[in]");
    }

    private static List<String> parameters(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation.path("parameters").forEach(p -> names.add(p.path("name").asString()));
        return names;
    }
}
