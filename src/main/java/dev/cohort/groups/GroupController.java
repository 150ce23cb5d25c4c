package dev.cohort.groups;

import dev.cohort.groups.GroupBodies.CreateGroup;
import dev.cohort.groups.GroupBodies.UpdateGroup;
import dev.cohort.errors.InvalidInputException;
import dev.cohort.errors.TooLargeException;
import dev.cohort.members.MemberService;
import dev.cohort.spots.Caller;
import dev.cohort.system.Settings;
import dev.cohort.web.Ids;
import dev.cohort.web.BodyReader;
import dev.cohort.web.Errors;
import dev.cohort.web.Filtered;
import dev.cohort.web.ListPage;
import dev.cohort.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import tools.jackson.databind.JsonNode;

/** The groups endpoints of the MeltingSpot API (the group itself; its members are in {@link GroupMemberController}). */
@RestController
@Tag(name = "Groups")
class GroupController {
    static final int NAME_MAX = 255;

    private final GroupService groups;
    private final GroupRules rules;
    private final GroupCommunities communities;
    private final MemberService members;
    private final Settings settings;

    GroupController(GroupService groups, GroupRules rules, GroupCommunities communities, MemberService members,
                    Settings settings) {
        this.groups = groups;
        this.rules = rules;
        this.communities = communities;
        this.members = members;
        this.settings = settings;
    }

    @GetMapping("/v1/groups")
    @Filtered(GroupFilters.class)
    @Operation(operationId = "listGroups", summary = "List groups, by name, with their members and resources counts",
            description = "Filters: name[eq], name[contains], and Cohort's name[neq], kind[eq|neq] (static, smart, "
                    + "community), membersCount[..] and resourcesCount[..] with eq neq gt gte lt lte "
                    + "(membersCount[eq]=0: empty groups), joinType[eq|in], userViewable[eq].")
    ListPage<Group> list(Caller caller, @RequestParam MultiValueMap<String, String> query) {
        return groups.list(caller.spotId(), query);
    }

    @PostMapping("/v1/groups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createGroup", summary = "Create a group",
            description = "name is required; description, emoji, icon and initial spotMemberIds are optional. "
                    + "Unknown initial members are a 400 and nothing is created. Cohort: \"kind\": \"smart\" with a "
                    + "\"rule\" creates a smart group, evaluated over the whole Spot before the answer (see README, "
                    + "Smart groups); a bad rule is a 400 naming its place (rule.all[1].value) and nothing is saved. "
                    + "Self-join settings: joinType, userViewable, startDate, stopDate (after startDate), order; a "
                    + "smart group cannot be open or code (400 naming joinType). Cohort: \"kind\": \"community\" with "
                    + "ownerSpotMemberId (required; a member of the Spot, 400 naming it otherwise) creates a "
                    + "community group: the owner becomes its first member with groupRole owner, a slug is made from "
                    + "the name (product-beta, product-beta-2 when taken), and joinPolicy, membershipQuestions, "
                    + "branding, theme, access, promoLinks, reportsEnabled are checked (a 400 per bad field); see "
                    + "README, Community groups.")
    @Errors(413)
    Group create(Caller caller, @RequestBody CreateGroup body) {
        Problems problems = new Problems();
        GroupKinds.Smart smart = GroupKinds.read(rules, caller.spotId(), body.kind(), body.rule(), null, problems);
        JoinSettings join = join(body, problems);
        CommunityInput community = community(caller.spotId(), body, problems);
        List<UUID> initial = List.of();
        if (body.spotMemberIds() != null) {
            if (smart.rule() != null) {
                problems.add("spotMemberIds", "a smart group's members come from its rule; list members always "
                        + "included with /v1/groups/{groupId}/exceptions~bulkAdd");
            }
            problems.throwIfAny();
            TooLargeException.check("spotMemberIds", settings.bulkLimit(), body.spotMemberIds());
            initial = body.spotMemberIds().stream().map(Ids::parse).toList();
        }
        problems.throwIfAny();
        UUID[] members = this.members.requireMembers(caller.spotId(), initial, "spotMemberIds");
        if ("community".equals(body.kind())) {
            return groups.createCommunity(caller.spotId(), body.name(), body.description(), body.emoji(),
                    body.icon(), List.of(members), join, body.ownerSpotMemberId(), community);
        }
        return groups.create(caller.spotId(), body.name(), body.description(), body.emoji(), body.icon(),
                List.of(members), smart.rule(), join);
    }

    /**
     * The community part of a create body, checked: a community group needs an owner who is a member of the Spot;
     * a group of another kind has none of the community fields.
     */
    private CommunityInput community(UUID spotId, CreateGroup body, Problems problems) {
        boolean community = "community".equals(body.kind());
        CommunityInput input = CommunityInput.create(community, body.community(), problems);
        UUID owner = body.ownerSpotMemberId();
        if (!community) {
            if (owner != null) {
                problems.add("ownerSpotMemberId", "only community groups have an owner (\"kind\": \"community\")");
            }
            return input;
        }
        if (owner == null) {
            problems.add("ownerSpotMemberId", "is required for a community group");
        } else if (!members.existing(spotId, List.of(owner)).contains(owner)) {
            problems.add("ownerSpotMemberId", "is not a member of this Spot");
        }
        communities.check(spotId, null, input, problems);
        return input;
    }

    record BulkCreateGroupsResult(List<Group> created,
                                  @Schema(description = "The items that were not created, as they were sent")
                                  List<JsonNode> failed) {
    }

    @PostMapping("/v1/groups~bulkCreate")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "bulkCreateGroups", summary = "Create several groups",
            description = "The body is an array of {name, description, emoji, icon} (Cohort: and kind, rule, the "
                    + "self-join settings of createGroup); invalid "
                    + "items are returned in 'failed' as they were sent. 413 over the bulk limit.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    array = @ArraySchema(schema = @Schema(implementation = CreateGroup.class)))))
    @Errors(413)
    BulkCreateGroupsResult bulkCreate(Caller caller, @RequestBody List<JsonNode> items) {
        TooLargeException.check("body", settings.bulkLimit(), items);
        List<Group> created = new ArrayList<>();
        List<JsonNode> failed = new ArrayList<>();
        for (JsonNode item : items) {
            CreateGroup body;
            try {
                body = BodyReader.read(item, CreateGroup.class);
            } catch (InvalidInputException e) {
                failed.add(item);
                continue;
            }
            Problems problems = new Problems();
            GroupKinds.Smart smart = GroupKinds.read(rules, caller.spotId(), body.kind(), body.rule(), null, problems);
            JoinSettings join = join(body, problems);
            CommunityInput community = community(caller.spotId(), body, problems);
            if (!problems.isEmpty() || body.spotMemberIds() != null) {
                failed.add(item);
                continue;
            }
            created.add("community".equals(body.kind())
                    ? groups.createCommunity(caller.spotId(), body.name(), body.description(), body.emoji(),
                            body.icon(), List.of(), join, body.ownerSpotMemberId(), community)
                    : groups.create(caller.spotId(), body.name(), body.description(), body.emoji(), body.icon(),
                            List.of(), smart.rule(), join));
        }
        return new BulkCreateGroupsResult(created, failed);
    }

    @GetMapping("/v1/groups/{groupId}")
    @Operation(operationId = "getGroup", summary = "Get a group",
            description = "The group with its counts; 404 when it does not exist in the caller's Spot (or was deleted).")
    Group get(Caller caller, @PathVariable UUID groupId) {
        return groups.get(caller.spotId(), groupId);
    }

    @PutMapping("/v1/groups/{groupId}")
    @Operation(operationId = "updateGroup", summary = "Update a group",
            description = "Every field optional; null clears description, emoji, icon. A body that changes nothing "
            + "changes nothing (updatedAt included). The read-only fields of the Group (id, counts, dates) are ignored, "
            + "so a group read can be sent back. Cohort: a smart group's \"rule\" can be changed (evaluated at once: "
            + "only members who enter or leave are invited or revoked; preview with ~previewRule first); \"kind\": "
            + "\"static\" turns a smart group into a static one keeping its members; \"kind\": \"smart\" with a "
            + "\"rule\" turns a static group smart. joinType, userViewable, startDate, stopDate, order as in "
            + "createGroup; stopDate must stay after startDate, and a group that is or becomes smart must stay closed. "
            + "Cohort, community groups: their settings as in createGroup (lists and objects replaced whole, null "
            + "clears them); slug changes the join URL once (slugChangesLeft 1, then 0: a second change is a 409, a "
            + "slug the Spot has or had a 409); the kind stays community and no other group becomes one (400); "
            + "another ownerSpotMemberId is a 409.")
    @Errors(409)
    Group update(Caller caller, @PathVariable UUID groupId, @RequestBody UpdateGroup body) {
        Group current = groups.get(caller.spotId(), groupId);
        Problems problems = new Problems();
        JsonNode rule = body.rule() == null ? null : body.rule().orElse(null);
        String kind = CommunityKind.requireKept(current, body.kind(), problems);
        GroupKinds.Smart smart = GroupKinds.read(rules, caller.spotId(), kind, rule, current.kind(), problems);
        CommunityInput community = body.community(current.isCommunity(), problems);
        CommunityKind.requireOwnerKept(current, body.ownerSpotMemberId(), problems);
        if (current.isCommunity()) {
            communities.check(caller.spotId(), groupId, community, problems);
        }
        boolean smartAfter = "smart".equals(kind) || current.kind().equals("smart") && kind == null;
        Map<String, Object> settings = JoinSettings.update(current, smartAfter, body.joinType(), body.userViewable(),
                body.startDate(), body.stopDate(), body.order(), problems);
        problems.throwIfAny();
        Map<String, Object> columns = new LinkedHashMap<>();
        if (body.name() != null) {
            columns.put("name", body.name());
        }
        put(columns, "description", body.description());
        put(columns, "emoji", body.emoji());
        put(columns, "icon", body.icon());
        columns.putAll(settings);
        // Sending back the kind the group has, with no rule, changes nothing.
        String change = smart.rule() != null ? "smart"
                : "static".equals(smart.kind()) && !"static".equals(current.kind()) ? "static" : null;
        return groups.update(caller.spotId(), groupId, columns, change, smart.rule(), community);
    }

    private static JoinSettings join(CreateGroup body, Problems problems) {
        return JoinSettings.create("smart".equals(body.kind()), body.joinType(), body.userViewable(),
                body.startDate(), body.stopDate(), body.order(), problems);
    }

    private static void put(Map<String, Object> columns, String column, Optional<String> value) {
        if (value != null) {
            columns.put(column, value.orElse(null));
        }
    }

    @DeleteMapping("/v1/groups/{groupId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteGroup", summary = "Delete a group",
            description = "Its members stay in the Spot. The group answers 404 after.")
    void delete(Caller caller, @PathVariable UUID groupId) {
        groups.delete(caller.spotId(), groupId);
    }

    @PostMapping("/v1/groups/{groupId}~restore")
    @Operation(operationId = "restoreGroup", summary = "Restore a deleted group (Cohort)",
            description = "Within COHORT_GROUP_RETENTION_DAYS (default 30) of its deletion: the group comes back with "
                    + "its members and links, and access it gave is given back without a second email. 404 after.")
    Group restore(Caller caller, @PathVariable UUID groupId) {
        return groups.restore(caller.spotId(), groupId);
    }
}
