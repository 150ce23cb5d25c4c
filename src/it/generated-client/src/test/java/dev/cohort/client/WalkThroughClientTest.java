package dev.cohort.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cohort.client.api.GroupLinksApi;
import dev.cohort.client.api.GroupsApi;
import dev.cohort.client.api.LivesApi;
import dev.cohort.client.api.NotificationsApi;
import dev.cohort.client.api.ParticipantsApi;
import dev.cohort.client.api.SpotMembersApi;
import dev.cohort.client.model.AddGroupMember;
import dev.cohort.client.model.BulkAddGroupMembersResult;
import dev.cohort.client.model.CreateGroup;
import dev.cohort.client.model.CreateLive;
import dev.cohort.client.model.CreateSpotMember;
import dev.cohort.client.model.Group;
import dev.cohort.client.model.GroupMember;
import dev.cohort.client.model.GroupMemberIds;
import dev.cohort.client.model.LinkResourceGroups;
import dev.cohort.client.model.ListPageGroup;
import dev.cohort.client.model.ListPageGroupMember;
import dev.cohort.client.model.ListPageLiveParticipant;
import dev.cohort.client.model.ListPageSpotMember;
import dev.cohort.client.model.LiveParticipant;
import dev.cohort.client.model.LiveView;
import dev.cohort.client.model.NotificationPage;
import dev.cohort.client.model.ParticipantSource;
import dev.cohort.client.model.Problem;
import dev.cohort.client.model.SpotMember;
import java.util.List;
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
        LivesApi lives = new LivesApi(client);
        GroupLinksApi links = new GroupLinksApi(client);
        ParticipantsApi participants = new ParticipantsApi(client);
        NotificationsApi notifications = new NotificationsApi(client);

        // members
        SpotMember alan = members.createSpotMember(SpotMembersApi.APICreateSpotMemberRequest.newBuilder()
                .createSpotMember(new CreateSpotMember().email("alan@example.com").firstname("Alan")
                        .lastname("Turing")).build());
        SpotMember ada = members.createSpotMember(SpotMembersApi.APICreateSpotMemberRequest.newBuilder()
                .createSpotMember(new CreateSpotMember().email("ada@example.com").firstname("Ada").lastname("Lovelace")
                        .status(CreateSpotMember.StatusEnum.ACCEPTED)).build());
        assertEquals(SpotMember.StatusEnum.INVITED, alan.getStatus());
        assertNull(alan.getRegistrationDate());
        ListPageSpotMember byEmail = members.listSpotMembers(SpotMembersApi.APIListSpotMembersRequest.newBuilder()
                .emailIn(List.of("ada@example.com")).build());
        assertEquals(1L, byEmail.getTotal());
        assertEquals(ada.getId(), byEmail.getItems().get(0).getId());

        // a group, and ~bulkAdd with an unknown and a malformed id
        Group group = groups.createGroup(GroupsApi.APICreateGroupRequest.newBuilder()
                .createGroup(new CreateGroup().name("Ambassadors").emoji("🚀")).build());
        assertEquals(0L, group.getMembersCount());
        assertNull(group.getDescription());
        UUID unknown = UUID.randomUUID();
        BulkAddGroupMembersResult added = groups.bulkAddGroupMembers(GroupsApi.APIBulkAddGroupMembersRequest
                .newBuilder().groupId(group.getId()).groupMemberIds(new GroupMemberIds().spotMemberIds(List.of(
                        ada.getId().toString(), alan.getId().toString(), unknown.toString(), "not-an-id"))).build());
        assertEquals(List.of(ada.getId().toString(), alan.getId().toString()), added.getAddedSpotMemberIds());
        assertEquals(List.of(unknown.toString(), "not-an-id"), added.getFailedSpotMemberIds());

        // filtered member lists
        ListPageGroupMember all = groups.listGroupMembers(GroupsApi.APIListGroupMembersRequest.newBuilder()
                .groupId(group.getId()).build());
        assertEquals(List.of(ada.getId(), alan.getId()), all.getItems().stream().map(GroupMember::getId).toList());
        ListPageGroupMember turing = groups.listGroupMembers(GroupsApi.APIListGroupMembersRequest.newBuilder()
                .groupId(group.getId()).search("turing").statusIn(List.of("Invited")).build());
        assertEquals(1L, turing.getTotal());
        assertEquals(alan.getId(), turing.getItems().get(0).getId());
        assertEquals(GroupMember.MembershipSourceEnum.MANUAL, turing.getItems().get(0).getMembershipSource());
        ListPageGroup listed = groups.listGroups(GroupsApi.APIListGroupsRequest.newBuilder()
                .nameContains("Ambass").build());
        assertEquals(2L, listed.getItems().get(0).getMembersCount());

        // a secret live linked to the group: its members are invited, and so is a member who joins later
        LiveView live = lives.createLive(LivesApi.APICreateLiveRequest.newBuilder().createLive(new CreateLive()
                .title("Kick-off").spotMemberHostId(ada.getId()).startDate(1893456000L).endDate(1893459600L)
                .solution(CreateLive.SolutionEnum.BUILT_IN).builtInType(CreateLive.BuiltInTypeEnum.CONFERENCE)
                .visibility(CreateLive.VisibilityEnum.INVITED_MEMBERS_ONLY)).build());
        links.bulkLinkResourceGroups(GroupLinksApi.APIBulkLinkResourceGroupsRequest.newBuilder().resources("lives")
                .resourceId(live.getId()).linkResourceGroups(new LinkResourceGroups()
                        .groupIds(List.of(group.getId().toString())).withEmailNotification(true)).build());
        SpotMember grace = members.createSpotMember(SpotMembersApi.APICreateSpotMemberRequest.newBuilder()
                .createSpotMember(new CreateSpotMember().email("grace@example.com").firstname("Grace")
                        .lastname("Hopper")).build());
        groups.addGroupMember(GroupsApi.APIAddGroupMemberRequest.newBuilder().groupId(group.getId())
                .addGroupMember(new AddGroupMember().spotMemberId(grace.getId())).build());

        // participants with their sources
        ListPageLiveParticipant invited = participants.listResourceParticipants(ParticipantsApi
                .APIListResourceParticipantsRequest.newBuilder().resources("lives").resourceId(live.getId()).build());
        assertEquals(3L, invited.getTotal());
        for (LiveParticipant participant : invited.getItems()) {
            assertEquals(List.of(new ParticipantSource().type(ParticipantSource.TypeEnum.GROUP)
                    .groupId(group.getId())), participant.getSources());
        }
        NotificationPage graces = notifications.listMemberNotifications(NotificationsApi
                .APIListMemberNotificationsRequest.newBuilder().spotMemberId(grace.getId()).build());
        assertEquals(1, graces.getItems().size());
        assertEquals("LiveParticipantInvited", graces.getItems().get(0).getLog().getType());

        // errors as typed problems: a 400 naming the field, a 404
        ApiException blank = assertThrows(ApiException.class, () -> groups.createGroup(GroupsApi.APICreateGroupRequest
                .newBuilder().createGroup(new CreateGroup().name(" ")).build()));
        Problem problem = client.getObjectMapper().readValue(blank.getResponseBody(), Problem.class);
        assertEquals(400, blank.getCode());
        assertEquals(400, problem.getStatus());
        assertEquals("name", problem.getErrors().get(0).getField());
        ApiException missing = assertThrows(ApiException.class, () -> groups.getGroup(GroupsApi.APIGetGroupRequest
                .newBuilder().groupId(UUID.randomUUID()).build()));
        assertEquals(404, missing.getCode());
        assertEquals(404, client.getObjectMapper().readValue(missing.getResponseBody(), Problem.class).getStatus());
    }
}
