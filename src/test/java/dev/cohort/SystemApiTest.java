package dev.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.ApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SystemApiTest extends ApiTest {

    @Test
    void health_answers_up_without_a_key() {
        assertThat(api().send("GET", "/actuator/health", null, null, null).expect(200).text("status")).isEqualTo("UP");
    }

    @Test
    void the_openapi_document_lists_every_groups_and_members_endpoint() {
        JsonNode paths = api().send("GET", "/v3/api-docs", null, null, null).expect(200).body().path("paths");
        for (String path : List.of("/v1/groups", "/v1/groups~bulkCreate", "/v1/groups/{groupId}",
                "/v1/groups/{groupId}/spotMembers", "/v1/groups/{groupId}/spotMembers~bulkAdd",
                "/v1/groups/{groupId}/spotMembers~bulkRemove", "/v1/spotMembers", "/v1/spotMembers/{spotMemberId}",
                "/v1/spotMembers~bulkInvite", "/v1/me", "/admin/v1/spots")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(paths.path("/v1/groups").has("get")).isTrue();
        assertThat(paths.path("/v1/groups").has("post")).isTrue();
        assertThat(paths.path("/v1/groups/{groupId}").has("put")).isTrue();
        assertThat(paths.path("/v1/groups/{groupId}").has("delete")).isTrue();
        JsonNode resources = paths.path("/v1/{resources}/{resourceId}/groups~bulkAdd").path("post").path("parameters");
        List<String> types = new java.util.ArrayList<>();
        resources.forEach(p -> {
            if (p.path("name").asString().equals("resources")) {
                p.path("schema").path("enum").forEach(v -> types.add(v.asString()));
            }
        });
        assertThat(types).containsExactly("lives", "courses", "channels", "forums", "collections");
    }

    @Test
    void the_embedded_database_commits_durably() {
        if (!dev.cohort.support.TestDatabase.external()) {
            assertThat(jdbc.sql("select current_setting('fsync')").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("select current_setting('synchronous_commit')").query(String.class).single())
                    .isEqualTo("on");
        }
    }

    @Test
    void the_default_spot_exists_after_the_first_start() {
        long spots = jdbc.sql("select count(*) from spot where name = 'Default Spot'").query(Long.class).single();
        assertThat(spots).isEqualTo(1);
    }
}
