package dev.cohort.joining;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document lists every operation of joining community groups (issue 16) with its name, security,
 * typed body and answer, and the errors it answers.
 */
class CommunityJoiningContractApiTest extends ApiTest {
    private JsonNode document() {
        return api().send("GET", "/v3/api-docs", null, null, null).expect(200).body();
    }

    private static List<String> values(JsonNode node) {
        return node.valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void every_operation_is_listed_with_its_name_security_body_and_errors() {
        JsonNode paths = document().path("paths");
        String[][] operations = {
                {"/v1/groups/{groupId}/joinRequests", "get", "listJoinRequests", "", ""},
                {"/v1/groups/{groupId}/joinRequests~bulkApprove", "post", "bulkApproveJoinRequests",
                        "DecideJoinRequests", "413"},
                {"/v1/groups/{groupId}/joinRequests~bulkReject", "post", "bulkRejectJoinRequests",
                        "DecideJoinRequests", "413"},
                {"/v1/me/groups/{groupId}/joinRequests", "get", "listMyGroupJoinRequests", "", "403"},
                {"/v1/me/groups/{groupId}/joinRequests~bulkApprove", "post", "myBulkApproveJoinRequests",
                        "DecideJoinRequests", "403"},
                {"/v1/me/groups/{groupId}/joinRequests~bulkReject", "post", "myBulkRejectJoinRequests",
                        "DecideJoinRequests", "403"},
                {"/v1/me/groups/{groupId}~cancelJoinRequest", "post", "cancelMyJoinRequest", "", "409"},
                {"/v1/me/groups/{groupId}~join", "post", "joinGroup", "JoinGroup", "409"},
                {"/v1/groups/{groupId}/bans~bulkAdd", "post", "bulkAddGroupBans", "BanMembers", "409"},
                {"/v1/groups/{groupId}/bans~bulkRemove", "post", "bulkRemoveGroupBans", "UnbanMembers", "413"},
                {"/v1/groups/{groupId}/bans", "get", "listGroupBans", "", ""},
                {"/v1/me/groups/{groupId}/bans~bulkAdd", "post", "myBulkAddGroupBans", "BanMembers", "403"},
                {"/v1/me/groups/{groupId}/bans~bulkRemove", "post", "myBulkRemoveGroupBans", "UnbanMembers", "403"},
                {"/v1/me/groups/{groupId}/bans", "get", "listMyGroupBans", "", "403"},
                {"/v1/groups/{groupId}/invitations~bulkCreate", "post", "bulkCreateGroupInvitations",
                        "CreateInvitations", "409"},
                {"/v1/groups/{groupId}/invitations", "get", "listGroupInvitations", "", ""},
                {"/v1/me/groups/{groupId}/invitations~bulkCreate", "post", "myBulkCreateGroupInvitations",
                        "CreateInvitations", "403"},
                {"/v1/me/groups/{groupId}/invitations", "get", "listMyGroupInvitations", "", "403"},
                {"/v1/me/groups~acceptInvitation", "post", "acceptGroupInvitation", "AcceptInvitation", "409"},
                {"/v1/me/groups/{groupId}/joinCodes", "post", "createMyGroupJoinCode", "CreateJoinCode", "403"},
                {"/v1/me/groups/{groupId}/joinCodes~generate", "post", "generateMyGroupJoinCodes",
                        "GenerateJoinCodes", "403"},
                {"/v1/me/groups/{groupId}/joinCodes", "get", "listMyGroupJoinCodes", "", "403"},
                {"/v1/me/groups/{groupId}/joinCodes~export", "get", "exportMyGroupJoinCodes", "", "403"},
                {"/v1/me/groups/{groupId}/joinCodes/{codeId}", "delete", "revokeMyGroupJoinCode", "", "403"},
                {"/v1/groups/{groupId}/subscriptions~bulkUpsert", "post", "bulkUpsertGroupSubscriptions",
                        "UpsertSubscriptions", "409"}};
        for (String[] operation : operations) {
            JsonNode op = paths.path(operation[0]).path(operation[1]);
            String name = operation[1] + " " + operation[0];
            assertThat(op.path("operationId").asString()).as(name).isEqualTo(operation[2]);
            assertThat(op.path("security").get(0).has(operation[0].startsWith("/v1/me") ? "memberToken" : "spotKey"))
                    .as(name).isTrue();
            if (!operation[3].isEmpty()) {
                assertThat(op.path("requestBody").path("content").path("application/json").path("schema")
                        .path("$ref").asString()).as(name).endsWith("/" + operation[3]);
            }
            if (!operation[4].isEmpty()) {
                assertThat(op.path("responses").has(operation[4])).as(name + " answers " + operation[4]).isTrue();
            }
        }
        List<String> parameters = paths.path("/v1/groups/{groupId}/joinRequests").path("get").path("parameters")
                .valueStream().map(p -> p.path("name").asString()).toList();
        assertThat(parameters).contains("page", "limit", "status[eq]", "status[in]", "spotMemberId[eq]",
                "createdAt[before]", "createdAt[after]");
        assertThat(paths.path("/v1/me/groups/{groupId}/joinCodes").path("get").path("parameters").valueStream()
                .map(p -> p.path("name").asString()).toList()).contains("page", "limit", "used[eq]");
        assertThat(paths.path("/v1/me/groups/{groupId}/joinCodes~export").path("get").path("responses").path("200")
                .path("content").has("text/csv")).isTrue();
        assertThat(paths.path("/v1/me/groups/{groupId}/joinCodes").path("post").path("tags").get(0).asString())
                .isEqualTo("Community groups");
        assertThat(paths.path("/v1/me/groups/joinable").path("get").path("parameters").valueStream()
                .map(p -> p.path("name").asString()).toList()).contains("kind[eq]", "joinType[in]");
    }

    @Test
    void the_schemas_show_the_fields_with_their_values() {
        JsonNode schemas = document().path("components").path("schemas");
        assertThat(values(schemas.path("JoinRequest").path("properties").path("status").path("enum")))
                .containsExactly("Pending", "Approved", "Rejected", "Cancelled");
        assertThat(schemas.path("JoinRequest").path("properties").path("answers").path("items").path("$ref")
                .asString()).endsWith("/JoinRequestAnswer");
        assertThat(schemas.path("JoinGroup").path("properties").path("answers").path("items").path("$ref")
                .asString()).endsWith("/MembershipAnswer");
        assertThat(schemas.path("MembershipAnswer").path("properties").path("answer").path("maxLength").asInt())
                .isEqualTo(2000);
        assertThat(values(schemas.path("MembershipAnswer").path("required")))
                .containsExactlyInAnyOrder("questionId", "answer");
        for (Map.Entry<String, List<String>> answer : Map.of(
                "BulkApproveJoinRequestsResult", List.of("approvedJoinRequestIds", "failedJoinRequestIds"),
                "BulkRejectJoinRequestsResult", List.of("rejectedJoinRequestIds", "failedJoinRequestIds"),
                "BulkAddBansResult", List.of("bannedSpotMemberIds", "failedSpotMemberIds"),
                "BulkRemoveBansResult", List.of("unbannedSpotMemberIds", "failedSpotMemberIds"),
                "BulkUpsertSubscriptionsResult", List.of("upsertedSpotMemberIds", "failedSpotMemberIds"),
                "InvitationAccepted", List.of("status", "groupId", "joinRequestId"),
                "GroupBan", List.of("spotMemberId", "email", "firstname", "lastname", "reason",
                        "bannedBySpotMemberId", "createdAt")).entrySet()) {
            assertThat(schemas.path(answer.getKey()).path("properties").propertyNames()).as(answer.getKey())
                    .containsExactlyInAnyOrderElementsOf(answer.getValue());
        }
        assertThat(schemas.path("GroupInvitation").path("properties").has("token")).isFalse();
        assertThat(schemas.path("JoinCode").path("properties").has("requiresApproval")
                && schemas.path("JoinCode").path("properties").has("joinUrl")).isTrue();
        assertThat(values(schemas.path("JoinCodeRedeemed").path("properties").path("status").path("enum")))
                .containsExactly("Joined", "Pending");
        assertThat(schemas.path("GroupSubscription").path("properties").path("validUntil").path("maximum")
                .asLong()).isEqualTo(253_402_300_799L);
    }
}
