package dev.cohort.joining;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.ApiTest;
import dev.cohort.support.Api;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document shows the self-join settings and the member endpoints (issue 15) with their bodies. */
class SelfJoinContractApiTest extends ApiTest {
    private JsonNode document() {
        return api().send("GET", "/v3/api-docs", null, null, null).expect(200).body();
    }

    private static List<String> values(JsonNode node) {
        return node.valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void the_member_operations_are_listed_with_their_answers_and_the_member_token() {
        JsonNode paths = document().path("paths");
        for (String[] operation : List.of(new String[] {"/v1/me/groups", "get", "listMyGroups"},
                new String[] {"/v1/me/groups/joinable", "get", "listJoinableGroups"},
                new String[] {"/v1/me/groups/{groupId}~join", "post", "joinGroup"},
                new String[] {"/v1/me/groups/{groupId}~leave", "post", "leaveGroup"})) {
            JsonNode op = paths.path(operation[0]).path(operation[1]);
            assertThat(op.path("operationId").asString()).as(operation[0]).isEqualTo(operation[2]);
            assertThat(op.path("security").get(0).has("memberToken")).as(operation[0]).isTrue();
            assertThat(op.path("responses").has("200")).as(operation[0]).isTrue();
        }
        JsonNode join = paths.path("/v1/me/groups/{groupId}~join").path("post").path("responses");
        assertThat(join.has("404") && join.has("409")).isTrue();
        assertThat(join.path("200").toString()).contains("GroupJoinStatus");
        assertThat(paths.path("/v1/me/groups/joinable").path("get").path("responses").path("200").toString())
                .contains("MemberGroup");
        assertThat(paths.path("/v1/me/groups/joinable").path("get").path("parameters").valueStream()
                .map(p -> p.path("name").asString()).toList()).contains("page", "limit", "joinType[eq]", "joinType[in]");
    }

    @Test
    void the_group_schemas_show_the_settings_and_the_self_joined_source() {
        JsonNode schemas = document().path("components").path("schemas");
        for (String schema : List.of("Group", "CreateGroup", "UpdateGroup")) {
            JsonNode properties = schemas.path(schema).path("properties");
            assertThat(properties.has("joinType") && properties.has("userViewable") && properties.has("startDate")
                    && properties.has("stopDate") && properties.has("order")).as(schema).isTrue();
            assertThat(values(properties.path("joinType").path("enum"))).as(schema)
                    .containsExactly("closed", "open", "code");
        }
        assertThat(values(schemas.path("Group").path("required"))).contains("joinType", "userViewable", "startDate",
                "stopDate", "order");
        JsonNode member = schemas.path("MemberGroup").path("properties");
        assertThat(member.properties().stream().map(java.util.Map.Entry::getKey).toList()).containsExactlyInAnyOrder("id",
                "name", "description", "emoji", "icon", "kind", "joinType", "joined", "pending", "groupRole",
                "startDate", "stopDate", "order");
        assertThat(values(schemas.path("GroupJoinStatus").path("properties").path("status").path("enum")))
                .containsExactly("Joined", "Pending", "Left", "Cancelled");
        assertThat(Api.JSON.writeValueAsString(schemas.path("GroupMember"))).contains("selfJoined");
        assertThat(document().path("paths").path("/v1/groups").path("get").path("parameters").valueStream()
                .map(p -> p.path("name").asString()).toList())
                .contains("joinType[eq]", "joinType[in]", "userViewable[eq]");
    }
}
