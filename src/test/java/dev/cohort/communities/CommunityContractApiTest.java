package dev.cohort.communities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document lists every community group operation with its security, answers and typed schemas. */
class CommunityContractApiTest extends ApiTest {
    private JsonNode document() {
        return api().send("GET", "/v3/api-docs", null, null, null).expect(200).body();
    }

    private static List<String> values(JsonNode node) {
        return node.valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void every_community_operation_is_listed_with_its_id_security_and_errors() {
        JsonNode paths = document().path("paths");
        List<String[]> operations = List.of(
                new String[] {"/v1/communitySettings", "get", "getCommunitySettings", "spotKey", ""},
                new String[] {"/v1/communitySettings", "put", "updateCommunitySettings", "spotKey", "400"},
                new String[] {"/v1/groups/{groupId}/spotMembers/{spotMemberId}", "put", "setGroupMemberRole",
                        "spotKey", "400 404 409"},
                new String[] {"/v1/groups/{groupId}/spotMembers/{spotMemberId}", "delete", "removeGroupMember",
                        "spotKey", "404 409"},
                new String[] {"/v1/groups/{groupId}/reports", "get", "listGroupReports", "spotKey", "400 404"},
                new String[] {"/v1/groups/{groupId}/reports/{reportId}~resolve", "post", "resolveGroupReport",
                        "spotKey", "400 404 409"},
                new String[] {"/v1/me/groups", "post", "createMyGroup", "memberToken", "400 403"},
                new String[] {"/v1/me/groups/{groupId}", "get", "getMyGroup", "memberToken", "403 404"},
                new String[] {"/v1/me/groups/{groupId}", "put", "updateMyGroup", "memberToken", "400 403 404 409"},
                new String[] {"/v1/me/groups/{groupId}", "delete", "deleteMyGroup", "memberToken", "403 404"},
                new String[] {"/v1/me/groups/{groupId}~restore", "post", "restoreMyGroup", "memberToken", "403 404"},
                new String[] {"/v1/me/groups/bySlug/{slug}", "get", "getGroupBySlug", "memberToken", "404 410"},
                new String[] {"/v1/me/groups/{groupId}/spotMembers", "get", "listMyGroupMembers", "memberToken",
                        "400 403 404"},
                new String[] {"/v1/me/groups/{groupId}/spotMembers/{spotMemberId}", "put", "setMyGroupMemberRole",
                        "memberToken", "400 403 404 409"},
                new String[] {"/v1/me/groups/{groupId}/spotMembers/{spotMemberId}", "delete", "removeMyGroupMember",
                        "memberToken", "403 404 409"},
                new String[] {"/v1/me/groups/{groupId}/spotMembers~bulkRemove", "post", "bulkRemoveMyGroupMembers",
                        "memberToken", "400 403 404 409 413"},
                new String[] {"/v1/me/groups/{groupId}/reports", "post", "reportGroupContent", "memberToken",
                        "400 403 404 409"},
                new String[] {"/v1/me/groups/{groupId}/reports", "get", "listMyGroupReports", "memberToken",
                        "400 403 404"},
                new String[] {"/v1/me/groups/{groupId}/reports/{reportId}~resolve", "post", "resolveMyGroupReport",
                        "memberToken", "400 403 404 409"});
        for (String[] operation : operations) {
            JsonNode op = paths.path(operation[0]).path(operation[1]);
            String name = operation[1] + " " + operation[0];
            assertThat(op.path("operationId").asString()).as(name).isEqualTo(operation[2]);
            assertThat(op.path("security").get(0).has(operation[3])).as(name).isTrue();
            for (String status : operation[4].isEmpty() ? new String[0] : operation[4].split(" ")) {
                assertThat(op.path("responses").path(status).path("content").has("application/problem+json"))
                        .as(name + " " + status).isTrue();
            }
        }
        JsonNode report = paths.path("/v1/me/groups/{groupId}/reports").path("post").path("responses");
        assertThat(report.path("201").toString()).contains("GroupReport");
        assertThat(report.path("200").toString()).contains("GroupReport");
        assertThat(paths.path("/v1/me/groups/bySlug/{slug}").path("get").path("responses").path("200").toString())
                .contains("CommunityLanding");
        assertThat(paths.path("/v1/groups/{groupId}/reports").path("get").path("parameters").valueStream()
                .map(p -> p.path("name").asString()).toList()).contains("page", "limit", "status[eq]",
                "contentType[eq]");
        assertThat(paths.path("/v1/me/groups/{groupId}/spotMembers").path("get").path("parameters").valueStream()
                .map(p -> p.path("name").asString()).toList()).contains("groupRole[eq]", "groupRole[in]", "search");
    }

    @Test
    void the_group_schemas_show_the_community_fields_typed_and_nullable() {
        JsonNode schemas = document().path("components").path("schemas");
        JsonNode group = schemas.path("Group");
        for (String field : List.of("ownerSpotMemberId", "slug", "joinUrl", "slugChangesLeft", "joinPolicy",
                "membershipQuestions", "branding", "theme", "access", "promoLinks", "reportsEnabled")) {
            assertThat(values(group.path("required"))).as(field).contains(field);
            assertThat(group.path("properties").path(field).toString()).as(field).contains("null");
        }
        assertThat(values(group.path("properties").path("kind").path("enum")))
                .containsExactly("static", "smart", "community");
        assertThat(group.path("properties").path("branding").toString()).contains("#/components/schemas/GroupBranding");
        assertThat(group.path("properties").path("membershipQuestions").path("items").path("$ref").asString())
                .isEqualTo("#/components/schemas/MembershipQuestion");
        for (String schema : List.of("CreateGroup", "UpdateGroup", "UpdateMyGroup")) {
            JsonNode properties = schemas.path(schema).path("properties");
            assertThat(properties.path("membershipQuestions").path("maxItems").asInt()).as(schema).isEqualTo(10);
            assertThat(properties.path("promoLinks").path("maxItems").asInt()).as(schema).isEqualTo(20);
            assertThat(properties.path("branding").toString()).as(schema).contains("GroupBrandingInput");
            assertThat(properties.path("theme").toString()).as(schema).contains("GroupThemeInput");
            assertThat(values(properties.path("joinPolicy").path("enum"))).as(schema).contains("approval", "open");
            assertThat(values(properties.path("access").path("enum"))).as(schema).contains("free", "subscription");
        }
        assertThat(values(schemas.path("MembershipQuestionInput").path("required")))
                .containsExactlyInAnyOrder("question", "required");
        assertThat(values(schemas.path("PromoLink").path("required"))).containsExactlyInAnyOrder("title", "url");
        assertThat(values(schemas.path("GroupMember").path("properties").path("groupRole").path("enum")))
                .contains("owner", "admin", "moderator", "member");
        assertThat(values(schemas.path("SetGroupRole").path("required"))).containsExactly("groupRole");
        assertThat(values(schemas.path("GroupReport").path("properties").path("status").path("enum")))
                .containsExactly("Open", "Dismissed", "Removed");
        assertThat(values(schemas.path("ReportContent").path("properties").path("contentType").path("enum")))
                .containsExactly("message", "topic", "comment", "member", "other");
        assertThat(values(schemas.path("ResolveReport").path("properties").path("resolution").path("enum")))
                .containsExactly("dismissed", "removed");
        assertThat(schemas.path("CommunitySettings").path("properties").has("membersCanCreateGroups")).isTrue();
        assertThat(Map.of("landing", schemas.path("CommunityLanding").path("properties").has("member"))).containsEntry(
                "landing", true);
    }
}
