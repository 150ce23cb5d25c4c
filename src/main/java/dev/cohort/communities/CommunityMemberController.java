package dev.cohort.communities;

import dev.cohort.errors.InvalidInputException;
import dev.cohort.errors.TooLargeException;
import dev.cohort.groups.Group;
import dev.cohort.groups.GroupMember;
import dev.cohort.groups.GroupMemberFilters;
import dev.cohort.groups.GroupService;
import dev.cohort.spots.Caller;
import dev.cohort.system.Settings;
import dev.cohort.web.Body;
import dev.cohort.web.Errors;
import dev.cohort.web.Filtered;
import dev.cohort.web.Ids;
import dev.cohort.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A community group's members and their roles: the operator's role change, and the member mirrors of the member
 * list, the role change and the removal (member token, allowed by {@link CommunityAuthority}).
 */
@RestController
class CommunityMemberController {
    static final String ROLES = " An admin (or a Spot Admin) gives roles up to moderator; only the owner names or "
            + "un-names admins (403 naming groups.nameAdmins); the owner's role never changes and owner is never "
            + "given (409).";

    private final CommunityMembers members;
    private final CommunityAuthority authority;
    private final GroupService groups;
    private final Settings settings;

    CommunityMemberController(CommunityMembers members, CommunityAuthority authority, GroupService groups,
                              Settings settings) {
        this.members = members;
        this.authority = authority;
        this.groups = groups;
        this.settings = settings;
    }

    @Body
    @Schema(description = "The members to add to or remove from a community group")
    record MyGroupMemberIds(@NotNull @Schema(description = "At most COHORT_BULK_LIMIT (default 1000) member ids")
                            List<String> spotMemberIds) {
    }

    record BulkRemoveMyGroupMembersResult(int removedSpotMembersCount) {
    }

    record BulkAddMyGroupMembersResult(List<String> addedSpotMemberIds, List<String> failedSpotMemberIds,
                                       List<String> alreadyInGroupSpotMemberIds) {
    }

    @Body
    @Schema(description = "A member's new role in a community group")
    record SetGroupRole(@NotNull @Schema(allowableValues = {"owner", "admin", "moderator", "member"},
            description = "admin, moderator or member (owner is never given: 409)") String groupRole) {
    }

    @PutMapping("/v1/groups/{groupId}/spotMembers/{spotMemberId}")
    @Tag(name = "Community groups")
    @Operation(operationId = "setGroupMemberRole", summary = "Change a member's role in a community group (Cohort)",
            description = "200 with the GroupMember and its new groupRole. 404 when the member is not in the group; "
                    + "400 naming groupRole for a group of another kind; 409 for the owner, whose role never "
                    + "changes, and for groupRole owner, which is never given.")
    @Errors(409)
    GroupMember setRole(Caller caller, @PathVariable UUID groupId, @PathVariable UUID spotMemberId,
                        @RequestBody SetGroupRole body) {
        Group group = groups.get(caller.spotId(), groupId);
        if (!group.isCommunity()) {
            throw new InvalidInputException("groupRole", "only community groups have group roles: this group is "
                    + group.kind());
        }
        return members.setRole(caller, groupId, spotMemberId, GroupRole.of(body.groupRole()));
    }

    @GetMapping("/v1/me/groups/{groupId}/spotMembers")
    @Tag(name = "Me (member token)")
    @Filtered(GroupMemberFilters.class)
    @Operation(operationId = "listMyGroupMembers", summary = "List a community group's members",
            description = "The members of a community group I am in (or a Spot Admin or groups.moderate holder), as "
                    + "listGroupMembers shows them, with their groupRole and the same filters (groupRole[eq|in], "
                    + "search, ...). 403 (groups.view) when I am not a member; 404 for a group of another kind.")
    @Errors(403)
    ListPage<GroupMember> list(Caller caller, @PathVariable UUID groupId,
                               @RequestParam MultiValueMap<String, String> query) {
        authority.require(caller, groupId, CommunityAction.VIEW_MEMBERS);
        return groups.members(caller.spotId(), groupId, query);
    }

    @PutMapping("/v1/me/groups/{groupId}/spotMembers/{spotMemberId}")
    @Tag(name = "Me (member token)")
    @Operation(operationId = "setMyGroupMemberRole", summary = "Change a member's role in a community group",
            description = "As setGroupMemberRole, allowed by my role (403 naming the missing right otherwise)." + ROLES)
    @Errors({403, 409})
    GroupMember setMyRole(Caller caller, @PathVariable UUID groupId, @PathVariable UUID spotMemberId,
                          @RequestBody SetGroupRole body) {
        return members.setRole(caller, groupId, spotMemberId, GroupRole.of(body.groupRole()));
    }

    @DeleteMapping("/v1/me/groups/{groupId}/spotMembers/{spotMemberId}")
    @Tag(name = "Me (member token)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "removeMyGroupMember", summary = "Remove a member from a community group",
            description = "204; what only this group gave them is taken away. A moderator removes members, an admin "
                    + "moderators and members, the owner anyone but themselves (403 naming the missing right "
                    + "otherwise); the owner is never removed (409). My own id: I leave the group. 404 when the "
                    + "member is not in it.")
    @Errors({403, 409})
    void remove(Caller caller, @PathVariable UUID groupId, @PathVariable UUID spotMemberId) {
        members.remove(caller, groupId, spotMemberId);
    }

    @PostMapping("/v1/me/groups/{groupId}/spotMembers~bulkAdd")
    @Tag(name = "Me (member token)")
    @Operation(operationId = "bulkAddMyGroupMembers", summary = "Add members to a community group I own",
            description = "As bulkAddGroupMembers (permanent memberships), for the group's owner only: admins and "
                    + "moderators bring members in by approving requests and inviting (403 naming groups.addMembers "
                    + "otherwise). Other members join through the group's join flows.")
    @Errors({403, 413})
    BulkAddMyGroupMembersResult bulkAdd(Caller caller, @PathVariable UUID groupId,
                                        @RequestBody MyGroupMemberIds body) {
        authority.require(caller, groupId, CommunityAction.ADD_MEMBERS);
        TooLargeException.check("spotMemberIds", settings.bulkLimit(), body.spotMemberIds());
        GroupService.BulkAdd result = groups.bulkAdd(caller.spotId(), groupId, body.spotMemberIds(), null);
        return new BulkAddMyGroupMembersResult(result.added(), result.failed(), result.alreadyMembers());
    }

    @PostMapping("/v1/me/groups/{groupId}/spotMembers~bulkRemove")
    @Tag(name = "Me (member token)")
    @Operation(operationId = "bulkRemoveMyGroupMembers", summary = "Remove members from a community group",
            description = "As bulkRemoveGroupMembers, each removal allowed as in removeMyGroupMember: one refused "
                    + "(403 naming the missing right; 409 for the owner) refuses them all and nothing changes. Ids "
                    + "not in the group are ignored; removedSpotMembersCount counts those that were in it.")
    @Errors({403, 409, 413})
    BulkRemoveMyGroupMembersResult bulkRemove(Caller caller, @PathVariable UUID groupId,
                                              @RequestBody MyGroupMemberIds body) {
        TooLargeException.check("spotMemberIds", settings.bulkLimit(), body.spotMemberIds());
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(Ids.parseAll("spotMemberIds", body.spotMemberIds())));
        return new BulkRemoveMyGroupMembersResult(members.bulkRemove(caller, groupId, ids));
    }
}
