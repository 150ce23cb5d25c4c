package dev.cohort.communities;

import dev.cohort.errors.ConflictException;
import dev.cohort.errors.ForbiddenException;
import dev.cohort.errors.NotFoundException;
import dev.cohort.groups.CommunityFields;
import dev.cohort.groups.CommunityInput;
import dev.cohort.groups.Group;
import dev.cohort.groups.GroupService;
import dev.cohort.groups.JoinSettings;
import dev.cohort.groups.PromoLink;
import dev.cohort.spots.Caller;
import dev.cohort.web.Body;
import dev.cohort.web.Errors;
import dev.cohort.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Community groups members create and run themselves, with a member token (SPEC rule 18): creating one, and the
 * mirrors of the operator's group endpoints (read, settings, delete, restore), each allowed by
 * {@link CommunityAuthority} at its top.
 */
@RestController
@Tag(name = "Me (member token)")
class MyCommunityController {
    private final GroupService groups;
    private final CommunitySettingsRepository settings;
    private final CommunityAuthority authority;
    private final CommunityRepository communities;

    MyCommunityController(GroupService groups, CommunitySettingsRepository settings, CommunityAuthority authority,
                          CommunityRepository communities) {
        this.groups = groups;
        this.settings = settings;
        this.authority = authority;
        this.communities = communities;
    }

    @Body(echoes = {Group.class, CommunityFields.class}, partial = true)
    @Schema(description = "The fields of a community group to change; absent fields are left as they are")
    record UpdateMyGroup(
            @NotBlank @Size(max = 255) String name,
            @Schema(description = "null clears it") Optional<String> description,
            @Schema(description = "null clears it") Optional<String> emoji,
            @Schema(description = "null clears it") Optional<String> icon,
            @Schema(description = "The join URL's new slug, changed once (owner only)") Optional<String> slug,
            @Schema(allowableValues = {"approval", "open"}, description = CommunityInput.JOIN_POLICY)
            Optional<String> joinPolicy,
            @Size(max = 10) @Schema(description = CommunityInput.QUESTIONS + "; the whole list, null clears it")
            Optional<List<CommunityInput.MembershipQuestionInput>> membershipQuestions,
            @Schema(description = "The whole branding; null clears it")
            Optional<CommunityInput.GroupBrandingInput> branding,
            @Schema(description = "The whole theme; null clears it") Optional<CommunityInput.GroupThemeInput> theme,
            @Schema(allowableValues = {"free", "subscription"}, description = CommunityInput.ACCESS)
            Optional<String> access,
            @Size(max = 20) @Schema(description = CommunityInput.PROMO_LINKS + "; the whole list, null clears it")
            Optional<List<PromoLink>> promoLinks,
            @Schema(description = CommunityInput.REPORTS) Optional<Boolean> reportsEnabled,
            @Schema(description = "The owner can never be replaced (409 when another is sent)")
            Optional<UUID> ownerSpotMemberId) {
    }

    @Body
    @Schema(description = "A new community group, owned by the member who creates it")
    record CreateMyGroup(@NotBlank @Size(max = 255) @Schema(example = "Product Beta") String name,
                         @Schema(example = "Try new features first") String description) {
    }

    @PostMapping("/v1/me/groups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createMyGroup", summary = "Create a community group I own",
            description = "201 with the Group: a community group whose owner, for good, is me (groupRole owner), "
                    + "with the default settings (joinPolicy approval, access free, reportsEnabled true) and a slug "
                    + "made from the name. 403 (missingRight groups.create) when the Spot switched it off "
                    + "(PUT /v1/communitySettings {\"membersCanCreateGroups\": false}).")
    @Errors(403)
    Group create(Caller caller, @RequestBody CreateMyGroup body) {
        if (!settings.find(caller.spotId()).membersCanCreateGroups()) {
            throw new ForbiddenException("groups.create", "this Spot does not let its members create groups "
                    + "(membersCanCreateGroups is false): only operators create them");
        }
        return groups.createCommunity(caller.spotId(), body.name(), body.description(), null, null, List.of(),
                JoinSettings.DEFAULT, caller.memberId(), CommunityInput.EMPTY);
    }

    @GetMapping("/v1/me/groups/{groupId}")
    @Operation(operationId = "getMyGroup", summary = "Get a community group I am in",
            description = "The Group, as getGroup answers it, for its members (and Spot Admins, groups.moderate "
                    + "holders); 403 (groups.view) for others; 404 for a group of another kind, deleted or unknown.")
    @Errors(403)
    Group get(Caller caller, @PathVariable UUID groupId) {
        authority.require(caller, groupId, CommunityAction.VIEW_MEMBERS);
        return groups.get(caller.spotId(), groupId);
    }

    @PutMapping("/v1/me/groups/{groupId}")
    @Operation(operationId = "updateMyGroup", summary = "Change a community group's settings",
            description = "As updateGroup for a community group: name, description, emoji, icon and the community "
                    + "settings for its admins (and Spot Admins), the slug for its owner only (403 naming "
                    + "groups.settings or groups.changeSlug otherwise). A Group read can be sent back; a body that "
                    + "changes nothing changes nothing. 409 for a second slug change, a slug the Spot has or had, or "
                    + "another owner.")
    @Errors({403, 409})
    Group update(Caller caller, @PathVariable UUID groupId, @RequestBody UpdateMyGroup body) {
        Community community = communities.find(caller.spotId(), groupId)
                .orElseThrow(() -> new NotFoundException("community group " + groupId));
        boolean slug = body.slug() != null && body.slug().isPresent() && !body.slug().get().equals(community.slug());
        authority.require(caller, groupId, slug ? CommunityAction.CHANGE_SLUG : CommunityAction.EDIT_SETTINGS);
        Problems problems = new Problems();
        CommunityInput input = CommunityInput.update(true, problems, body.slug(), body.joinPolicy(),
                body.membershipQuestions(), body.branding(), body.theme(), body.access(), body.promoLinks(),
                body.reportsEnabled());
        CommunityChecks.check(input, problems);
        problems.throwIfAny();
        if (body.ownerSpotMemberId() != null && body.ownerSpotMemberId().isPresent()
                && !body.ownerSpotMemberId().get().equals(community.ownerMemberId())) {
            throw new ConflictException("ownerSpotMemberId", "the owner of a community group is its creator, for "
                    + "good: it can never be replaced");
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        if (body.name() != null) {
            columns.put("name", body.name());
        }
        put(columns, "description", body.description());
        put(columns, "emoji", body.emoji());
        put(columns, "icon", body.icon());
        return groups.update(caller.spotId(), groupId, columns, null, null, input);
    }

    private static void put(Map<String, Object> columns, String column, Optional<String> value) {
        if (value != null) {
            columns.put(column, value.orElse(null));
        }
    }

    @DeleteMapping("/v1/me/groups/{groupId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteMyGroup", summary = "Delete a community group I own",
            description = "As deleteGroup, for the group's owner only (403 naming groups.delete otherwise): its "
                    + "members stay in the Spot; it can be restored for COHORT_GROUP_RETENTION_DAYS.")
    @Errors(403)
    void delete(Caller caller, @PathVariable UUID groupId) {
        authority.require(caller, groupId, CommunityAction.DELETE);
        groups.delete(caller.spotId(), groupId);
    }

    @PostMapping("/v1/me/groups/{groupId}~restore")
    @Operation(operationId = "restoreMyGroup", summary = "Restore a community group I own",
            description = "As restoreGroup, for the group's owner only (403 naming groups.restore otherwise): the "
                    + "group comes back with its members, roles and links. 404 when it is not deleted or was purged.")
    @Errors(403)
    Group restore(Caller caller, @PathVariable UUID groupId) {
        authority.require(caller, groupId, CommunityAction.RESTORE);
        return groups.restore(caller.spotId(), groupId);
    }
}
