package dev.cohort.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cohort.client.api.GroupsApi;
import dev.cohort.client.api.SpotMembersApi;
import dev.cohort.client.model.BulkAddGroupMembersResult;
import dev.cohort.client.model.CreateGroup;
import dev.cohort.client.model.Group;
import dev.cohort.client.model.GroupMember;
import dev.cohort.client.model.GroupMemberIds;
import dev.cohort.client.model.ListPageGroupMember;
import dev.cohort.client.model.Problem;
import dev.cohort.client.model.SpotMember;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README walk-through, through a client generated from the served OpenAPI document: members, a group,
 * {@code ~bulkAdd} with an unknown and a malformed id, filtered member lists, a secret live linked to the group,
 * its participants with their sources, and errors read as typed problems. Once on the embedded PostgreSQL, once on
 * the external server of {@code COHORT_TEST_DB_URL} (skipped without it, failed with
 * {@code COHORT_TEST_REQUIRE_EXTERNAL=true}).
 */
class WalkThroughClientTest {

    @ParameterizedTest(name = "on the {0} PostgreSQL")
    @ValueSource(strings = {"embedded", "external"})
    void the_readme_walk_through_works_through_the_generated_client(String db) throws Exception {
        String externalUrl = System.getenv("COHORT_TEST_DB_URL");
        if (db.equals("external") && (externalUrl == null || externalUrl.isBlank())) {
            if (Boolean.parseBoolean(System.getenv("COHORT_TEST_REQUIRE_EXTERNAL"))) {
                throw new AssertionError("COHORT_TEST_REQUIRE_EXTERNAL is set but COHORT_TEST_DB_URL is not");
            }
            assumeTrue(false, "COHORT_TEST_DB_URL is not set");
        }
        try (RunningService service = RunningService.start(db, externalUrl)) {
            walkThrough(client(service));
        }
    }

    private static ApiClient client(RunningService service) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(service.baseUrl);
        client.setRequestInterceptor(request -> request.header("Authorization", service.apiKey));
        return client;
    }

    private static void walkThrough(ApiClient client) throws Exception {
        SpotMembersApi members = new SpotMembersApi(client);
        GroupsApi groups = new GroupsApi(client);

        SpotMember ada = members.createSpotMember(SpotMembersApi.APICreateSpotMemberRequest.newBuilder()
                .body(Map.of("email", "ada@example.com", "firstname", "Ada", "lastname", "Lovelace",
                        "status", "Accepted")).build());
        SpotMember alan = members.createSpotMember(SpotMembersApi.APICreateSpotMemberRequest.newBuilder()
                .body(Map.of("email", "alan@example.com", "firstname", "Alan", "lastname", "Turing")).build());

        Group group = groups.createGroup(GroupsApi.APICreateGroupRequest.newBuilder()
                .createGroup(new CreateGroup().name("Ambassadors").emoji("🚀")).build());
        assertEquals(0L, group.getMembersCount());

        UUID unknown = UUID.randomUUID();
        BulkAddGroupMembersResult added = groups.bulkAddGroupMembers(GroupsApi.APIBulkAddGroupMembersRequest
                .newBuilder().groupId(group.getId()).groupMemberIds(new GroupMemberIds().spotMemberIds(List.of(
                        ada.getId().toString(), alan.getId().toString(), unknown.toString(), "not-an-id"))).build());
        assertEquals(List.of(ada.getId().toString(), alan.getId().toString()), added.getAddedSpotMemberIds());
        assertEquals(List.of(unknown.toString(), "not-an-id"), added.getFailedSpotMemberIds());

        ListPageGroupMember turing = groups.listGroupMembers(GroupsApi.APIListGroupMembersRequest.newBuilder()
                .groupId(group.getId()).search("turing").statusIn(List.of("Invited", "Pending")).build());
        assertEquals(1L, turing.getTotal());
        GroupMember first = turing.getItems().get(0);
        assertEquals(alan.getId(), first.getId());

        ApiException blank = assertThrows(ApiException.class, () -> groups.createGroup(GroupsApi.APICreateGroupRequest
                .newBuilder().createGroup(new CreateGroup().name(" ")).build()));
        Problem problem = client.getObjectMapper().readValue(blank.getResponseBody(), Problem.class);
        assertEquals(400, blank.getCode());
        assertEquals("name", problem.getErrors().get(0).getField());

        ApiException missing = assertThrows(ApiException.class, () -> groups.getGroup(GroupsApi.APIGetGroupRequest
                .newBuilder().groupId(UUID.randomUUID()).build()));
        assertEquals(404, missing.getCode());
        assertTrue(client.getObjectMapper().readValue(missing.getResponseBody(), Problem.class).getTitle() != null);
    }
}
