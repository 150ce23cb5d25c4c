package dev.cohort.members;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TagsAndRolesDocsApiTest extends ApiTest {

    @Test
    void the_openapi_document_lists_every_tag_and_custom_role_operation_at_its_meltingspot_path() {
        JsonNode paths = api().send("GET", "/v3/api-docs", null, null, null).expect(200).body().path("paths");
        Map<String, String> operations = Map.ofEntries(
                Map.entry("/v1/spotMemberCustomRole", "get post"),
                Map.entry("/v1/spotMemberCustomRole/{customRoleId}", "get put delete"),
                Map.entry("/v1/tags", "get post"),
                Map.entry("/v1/tags~bulkCreate", "post"),
                Map.entry("/v1/tags/{tagId}", "get put delete"),
                Map.entry("/v1/tags/{tagId}/spotMembers", "get"),
                Map.entry("/v1/tags/{tagId}/spotMembers~bulkAssign", "post"),
                Map.entry("/v1/tags/{tagId}/spotMembers~bulkUnassign", "post"));
        operations.forEach((path, methods) -> {
            for (String method : methods.split(" ")) {
                JsonNode operation = paths.path(path).path(method);
                assertThat(operation.path("summary").asString()).as(method + " " + path).isNotBlank();
                assertThat(operation.path("tags").toString()).as(method + " " + path)
                        .isIn("[\"Tags\"]", "[\"Custom roles\"]");
            }
        });
    }
}
