package dev.cohort.access;

import static dev.cohort.web.Filters.Op.eq;
import static dev.cohort.web.Filters.Op.in;

import dev.cohort.communities.CommunityAction;
import dev.cohort.communities.CommunityAuthority;
import dev.cohort.groups.GroupService;
import dev.cohort.members.MemberService;
import dev.cohort.resources.ResourceType;
import dev.cohort.spots.Caller;
import dev.cohort.web.Errors;
import dev.cohort.web.Filtered;
import dev.cohort.web.Filters;
import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a member can reach (operator and member views) and what a group unlocks (rule 4). */
@RestController
@Tag(name = "Access")
class ReachController {
    private static final Filters.Spec FILTERS = Filters.spec()
            .enumeration("type", "r.type", Arrays.stream(ResourceType.values()).map(ResourceType::code).toList(), eq, in)
            .plain("search")
            .describe("search", "Case-insensitive text found in the resource's name");

    private final ReachRepository reach;
    private final MemberService members;
    private final GroupService groups;
    private final CommunityAuthority communities;

    ReachController(ReachRepository reach, MemberService members, GroupService groups,
                    CommunityAuthority communities) {
        this.communities = communities;
        this.reach = reach;
        this.members = members;
        this.groups = groups;
    }

    private static ListQuery read(MultiValueMap<String, String> query) {
        return ListQuery.read(query, FILTERS, params -> {
            String search = query.getFirst("search");
            return search == null || search.isBlank() ? ""
                    : " and r.name ilike " + params.bind("%" + Filters.escapeLike(search.trim()) + "%");
        });
    }

    @GetMapping("/v1/spotMembers/{spotMemberId}/resources")
    @Filtered(ReachController.class)
    @Operation(operationId = "listMemberResources", summary = "What a member can reach (Cohort)",
            description = "Every public resource of the Spot and the restricted ones the member participates in, "
                    + "with the member's status and the sources that give access. Filters: type[in], search.")
    ListPage<ReachRepository.Reachable> memberResources(Caller caller, @PathVariable UUID spotMemberId,
                                                        @RequestParam MultiValueMap<String, String> query) {
        ListQuery list = read(query);
        members.get(caller.spotId(), spotMemberId);
        return reach.reachable(caller.spotId(), spotMemberId, list);
    }

    @GetMapping("/v1/me/resources")
    @Filtered(ReachController.class)
    @Operation(operationId = "listMyResources", summary = "What I can reach (member token)",
            description = "Every resource the calling member can reach, each with the sources that give it.")
    ListPage<ReachRepository.Reachable> myResources(Caller caller, @RequestParam MultiValueMap<String, String> query) {
        return reach.reachable(caller.spotId(), caller.memberId(), read(query));
    }

    @GetMapping("/v1/groups/{groupId}/resources")
    @Filtered(ReachController.class)
    @Operation(operationId = "listGroupResources", summary = "List the resources a group is linked to (Cohort)",
            description = "Searchable by name (search) and filterable by type[in] (live, course, channel, forum, "
                    + "collection), by name.")
    ListPage<ReachRepository.Linked> groupResources(Caller caller, @PathVariable UUID groupId,
                                                    @RequestParam MultiValueMap<String, String> query) {
        ListQuery list = read(query);
        groups.get(caller.spotId(), groupId);
        return reach.linked(caller.spotId(), groupId, list);
    }

    @GetMapping("/v1/me/groups/{groupId}/resources")
    @Tag(name = "Me (member token)")
    @Filtered(ReachController.class)
    @Operation(operationId = "listMyGroupResources", summary = "List the resources a community group I am in is "
            + "linked to", description = "As listGroupResources, for the members of a community group (and Spot Admins "
            + "and groups.moderate holders): 403 naming groups.view otherwise, 404 for a group of another kind.")
    @Errors(403)
    ListPage<ReachRepository.Linked> myGroupResources(Caller caller, @PathVariable UUID groupId,
                                                      @RequestParam MultiValueMap<String, String> query) {
        communities.require(caller, groupId, CommunityAction.VIEW_MEMBERS);
        return reach.linked(caller.spotId(), groupId, read(query));
    }
}
