package dev.cohort.groups;

import dev.cohort.errors.InvalidInputException;
import dev.cohort.errors.NotFoundException;
import dev.cohort.errors.TooLargeException;
import dev.cohort.spots.Caller;
import dev.cohort.system.Settings;
import dev.cohort.web.Ids;
import dev.cohort.web.Body;
import dev.cohort.web.Errors;
import dev.cohort.web.Filtered;
import dev.cohort.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The group membership endpoints of the MeltingSpot groups API (a group's member list, add one, {@code ~bulkAdd},
 * {@code ~bulkRemove}), with Cohort's {@code validUntil}: memberships that end by themselves.
 */
@RestController
@Tag(name = "Groups")
class GroupMemberController {
    private final GroupService groups;
    private final Settings settings;

    GroupMemberController(GroupService groups, Settings settings) {
        this.groups = groups;
        this.settings = settings;
    }

    @Body
    record AddGroupMember(@NotNull @Schema(description = "The member to add") UUID spotMemberId,
                          @Max(MembershipExpiry.LATEST)
                          @Schema(description = MembershipExpiry.DESCRIPTION, example = "1798761600") Long validUntil) {
    }

    @Body
    record GroupMemberIds(@NotNull @Schema(description = "At most COHORT_BULK_LIMIT (default 1000) member ids")
                          List<String> spotMemberIds,
                          @Max(MembershipExpiry.LATEST) @Schema(description = MembershipExpiry.DESCRIPTION
                                  + " (~bulkAdd only: every listed membership takes it)", example = "1798761600")
                          Long validUntil) {
    }

    @GetMapping("/v1/groups/{groupId}/spotMembers")
    @Filtered(GroupMemberFilters.class)
    @Operation(operationId = "listGroupMembers",
            summary = "List a group's members, alphabetically (last name, first name, email)",
            description = "Filters as the spot members list: email[in], firstname[in], lastname[in], "
                    + "registrationDate[before|after], role[in], status[in], search, ... Each item has Cohort's "
                    + "membershipSource: manual, selfJoined or code (static group; joinCodeId for code), rule or "
                    + "exception (smart group), and validUntil "
                    + "(Unix seconds, or null: permanent), filtered by validUntil[before|after]; in a community group, "
                    + "groupRole (owner, admin, moderator, member; null in other groups), filtered by "
                    + "groupRole[eq|in].")
    ListPage<GroupMember> members(Caller caller, @PathVariable UUID groupId,
                                 @RequestParam MultiValueMap<String, String> query) {
        return groups.members(caller.spotId(), groupId, query);
    }

    @PostMapping("/v1/groups/{groupId}/spotMembers")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "addGroupMember", summary = "Add a member to a group",
            description = "Adding a member twice changes nothing (204). 404 when the group or the member does not "
                    + "exist in the caller's Spot. Cohort: validUntil (Unix seconds, future; static and community "
                    + "groups) ends the membership then; re-adding sets it anew, or without it makes the membership "
                    + "permanent. 409 for a smart group, and for a validUntil given to a community group's owner.")
    @Errors(409)
    void add(Caller caller, @PathVariable UUID groupId, @RequestBody AddGroupMember body) {
        if (!groups.add(caller.spotId(), groupId, body.spotMemberId(), body.validUntil())) {
            throw new NotFoundException("Spot member");
        }
    }

    record BulkAddGroupMembersResult(List<String> addedSpotMemberIds, List<String> failedSpotMemberIds,
                                     List<String> alreadyInGroupSpotMemberIds) {
    }

    @PostMapping("/v1/groups/{groupId}/spotMembers~bulkAdd")
    @Operation(operationId = "bulkAddGroupMembers", summary = "Add members to a group",
            description = "addedSpotMemberIds: every requested member now in the group; failedSpotMemberIds: "
                    + "malformed ids, unknown ids and other Spots' members; Cohort's alreadyInGroupSpotMemberIds: "
                    + "those that were in it already. 413 over the bulk limit (COHORT_BULK_LIMIT, default 1000). "
                    + "Cohort: validUntil applies to every listed membership, new or re-added (absent: permanent); a "
                    + "smart group is a 409, and so is a validUntil for a community group's owner (a member for "
                    + "good).")
    @Errors({409, 413})
    BulkAddGroupMembersResult bulkAdd(Caller caller, @PathVariable UUID groupId, @RequestBody GroupMemberIds body) {
        TooLargeException.check("spotMemberIds", settings.bulkLimit(), body.spotMemberIds());
        GroupService.BulkAdd result = groups.bulkAdd(caller.spotId(), groupId, body.spotMemberIds(),
                body.validUntil());
        return new BulkAddGroupMembersResult(result.added(), result.failed(), result.alreadyMembers());
    }

    @DeleteMapping("/v1/groups/{groupId}/spotMembers/{spotMemberId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "removeGroupMember", summary = "Remove a member from a group (Cohort)",
            description = "204 when the member was in the group; 404 when they are not (or the group does not exist "
                    + "in the caller's Spot). What only this group gave them is taken away (rule 8). 409 for a smart "
                    + "group (its members come from its rule) and for a community group's owner, who can never be "
                    + "removed.")
    @Errors(409)
    void remove(Caller caller, @PathVariable UUID groupId, @PathVariable UUID spotMemberId) {
        if (groups.bulkRemove(caller.spotId(), groupId, List.of(spotMemberId)) == 0) {
            throw new NotFoundException("Group member");
        }
    }

    record BulkRemoveGroupMembersResult(int removedSpotMembersCount) {
    }

    @PostMapping("/v1/groups/{groupId}/spotMembers~bulkRemove")
    @Operation(operationId = "bulkRemoveGroupMembers", summary = "Remove members from a group",
            description = "removedSpotMembersCount counts the members that were in the group. Malformed ids are a 400. "
                    + "Cohort: a community group's owner can never be removed (409, nothing changes).")
    @Errors({409, 413})
    BulkRemoveGroupMembersResult bulkRemove(Caller caller, @PathVariable UUID groupId,
                                            @RequestBody GroupMemberIds body) {
        TooLargeException.check("spotMemberIds", settings.bulkLimit(), body.spotMemberIds());
        if (body.validUntil() != null) {
            throw new InvalidInputException("validUntil", "applies to ~bulkAdd only");
        }
        List<UUID> parsed = List.copyOf(new LinkedHashSet<>(Ids.parseAll("spotMemberIds", body.spotMemberIds())));
        return new BulkRemoveGroupMembersResult(groups.bulkRemove(caller.spotId(), groupId, parsed));
    }
}
