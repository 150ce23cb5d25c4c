package dev.cohort.groups;

import dev.cohort.errors.InvalidInputException;
import dev.cohort.errors.NotFoundException;
import dev.cohort.errors.TooLargeException;
import dev.cohort.members.MemberService;
import dev.cohort.spots.Caller;
import dev.cohort.system.Settings;
import dev.cohort.web.Ids;
import dev.cohort.web.JsonBody;
import dev.cohort.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/** The ten groups endpoints of the MeltingSpot API, with their exact paths, bodies and status codes. */
@RestController
@Tag(name = "Groups")
class GroupController {
    static final int NAME_MAX = 255;

    private final GroupService groups;
    private final SmartGroupService smartGroups;
    private final MemberService members;
    private final Settings settings;

    GroupController(GroupService groups, SmartGroupService smartGroups, MemberService members, Settings settings) {
        this.groups = groups;
        this.smartGroups = smartGroups;
        this.members = members;
        this.settings = settings;
    }

    @GetMapping("/v1/groups")
    @Operation(summary = "List groups, by name, with their members and resources counts",
            description = "Filters: name[eq], name[contains], and Cohort's name[neq], kind[eq|neq] (static, smart), "
                    + "membersCount[..] and resourcesCount[..] with eq neq gt gte lt lte (membersCount[eq]=0: empty "
                    + "groups).")
    ListPage<Group> list(Caller caller, @RequestParam MultiValueMap<String, String> query) {
        return groups.list(caller.spotId(), query);
    }

    @PostMapping("/v1/groups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a group",
            description = "name is required; description, emoji, icon and initial spotMemberIds are optional. "
                    + "Unknown initial members are a 400 and nothing is created. Cohort: \"kind\": \"smart\" with a "
                    + "\"rule\" creates a smart group, evaluated over the whole Spot before the answer (see README, "
                    + "Smart groups); a bad rule is a 400 naming its place (rule.all[1].value) and nothing is saved.")
    Group create(Caller caller, @RequestBody(required = false) JsonNode body) {
        JsonBody json = JsonBody.of(body);
        Fields fields = fields(json, true);
        Smart smart = smart(caller, json, null);
        List<UUID> initial = List.of();
        if (json.has("spotMemberIds")) {
            if (smart.rule() != null) {
                json.problem("spotMemberIds", "a smart group's members come from its rule; list members always "
                        + "included with /v1/groups/{groupId}/exceptions~bulkAdd");
            }
            initial = json.bulkList("spotMemberIds", settings.bulkLimit()).stream().map(Ids::parse).toList();
        }
        json.validate();
        UUID[] members = this.members.requireMembers(caller.spotId(), initial, "spotMemberIds");
        return groups.create(caller.spotId(), fields.name(), fields.description(), fields.emoji(), fields.icon(),
                List.of(members), smart.rule());
    }

    record BulkCreateResult(List<Group> created, List<JsonNode> failed) {
    }

    @PostMapping("/v1/groups~bulkCreate")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create several groups",
            description = "The body is an array of {name, description, emoji, icon} (Cohort: and kind, rule); invalid items are returned in "
                    + "'failed' as they were sent. 413 over the bulk limit.")
    BulkCreateResult bulkCreate(Caller caller, @RequestBody(required = false) JsonNode body) {
        List<JsonNode> items = JsonBody.array(body);
        if (items.size() > settings.bulkLimit()) {
            throw new TooLargeException("body", settings.bulkLimit(), items.size());
        }
        List<Group> created = new ArrayList<>();
        List<JsonNode> failed = new ArrayList<>();
        for (JsonNode item : items) {
            if (!item.isObject()) {
                failed.add(item);
                continue;
            }
            JsonBody json = JsonBody.of(item);
            Fields fields = fields(json, true);
            Smart smart = smart(caller, json, null);
            if (!json.valid()) {
                failed.add(item);
                continue;
            }
            created.add(groups.create(caller.spotId(), fields.name(), fields.description(), fields.emoji(),
                    fields.icon(), List.of(), smart.rule()));
        }
        return new BulkCreateResult(created, failed);
    }

    @GetMapping("/v1/groups/{groupId}")
    @Operation(summary = "Get a group")
    Group get(Caller caller, @PathVariable UUID groupId) {
        return groups.get(caller.spotId(), groupId);
    }

    @PutMapping("/v1/groups/{groupId}")
    @Operation(summary = "Update a group", description = "Every field optional; null clears description, emoji, icon. "
            + "Cohort: a smart group's \"rule\" can be changed (evaluated at once: only members who enter or leave "
            + "are invited or revoked; preview with ~previewRule first); \"kind\": \"static\" turns a smart group into "
            + "a static one keeping its members; \"kind\": \"smart\" with a \"rule\" turns a static group smart.")
    Group update(Caller caller, @PathVariable UUID groupId, @RequestBody(required = false) JsonNode body) {
        JsonBody json = JsonBody.of(body);
        Fields fields = fields(json, false);
        Group current = groups.get(caller.spotId(), groupId);
        Smart smart = smart(caller, json, current.kind());
        json.validate();
        Map<String, Object> columns = new LinkedHashMap<>();
        if (fields.name() != null) {
            columns.put("name", fields.name());
        }
        for (String field : List.of("description", "emoji", "icon")) {
            if (json.has(field)) {
                columns.put(field, json.text(field));
            }
        }
        String kind = smart.rule() != null ? "smart" : "static".equals(smart.kind()) ? "static" : null;
        return groups.update(caller.spotId(), groupId, columns, kind, smart.rule());
    }

    @DeleteMapping("/v1/groups/{groupId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a group", description = "Its members stay in the Spot. The group answers 404 after.")
    void delete(Caller caller, @PathVariable UUID groupId) {
        groups.delete(caller.spotId(), groupId);
    }

    @PostMapping("/v1/groups/{groupId}~restore")
    @Operation(summary = "Restore a deleted group (Cohort)",
            description = "Within COHORT_GROUP_RETENTION_DAYS (default 30) of its deletion: the group comes back with "
                    + "its members and links, and access it gave is given back without a second email. 404 after.")
    Group restore(Caller caller, @PathVariable UUID groupId) {
        return groups.restore(caller.spotId(), groupId);
    }

    @GetMapping("/v1/groups/{groupId}/spotMembers")
    @Operation(summary = "List a group's members, alphabetically (last name, first name, email)",
            description = "Filters as the spot members list: email[in], firstname[in], lastname[in], "
                    + "registrationDate[before|after], role[in], status[in], search, ... Each item has Cohort's "
                    + "membershipSource: manual (static group), rule or exception (smart group).")
    ListPage<GroupMember> members(Caller caller, @PathVariable UUID groupId,
                                 @RequestParam MultiValueMap<String, String> query) {
        return groups.members(caller.spotId(), groupId, query);
    }

    @PostMapping("/v1/groups/{groupId}/spotMembers")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Add a member to a group", description = "Adding a member twice changes nothing (204).")
    void add(Caller caller, @PathVariable UUID groupId, @RequestBody(required = false) JsonNode body) {
        JsonBody json = JsonBody.of(body);
        String text = json.requiredText("spotMemberId");
        UUID memberId = text == null ? null : Ids.parse(text);
        if (text != null && memberId == null) {
            json.problem("spotMemberId", "must be a UUID");
        }
        json.validate();
        if (!groups.add(caller.spotId(), groupId, memberId)) {
            throw new NotFoundException("Spot member");
        }
    }

    record BulkAddResult(List<String> addedSpotMemberIds, List<String> failedSpotMemberIds,
                         List<String> alreadyInGroupSpotMemberIds) {
    }

    @PostMapping("/v1/groups/{groupId}/spotMembers~bulkAdd")
    @Operation(summary = "Add members to a group",
            description = "addedSpotMemberIds: every requested member now in the group; failedSpotMemberIds: "
                    + "malformed ids, unknown ids and other Spots' members; Cohort's alreadyInGroupSpotMemberIds: "
                    + "those that were in it already. 413 over the bulk limit (COHORT_BULK_LIMIT, default 1000).")
    BulkAddResult bulkAdd(Caller caller, @PathVariable UUID groupId, @RequestBody(required = false) JsonNode body) {
        List<String> ids = JsonBody.of(body).bulkList("spotMemberIds", settings.bulkLimit());
        GroupService.BulkAdd result = groups.bulkAdd(caller.spotId(), groupId, ids);
        return new BulkAddResult(result.added(), result.failed(), result.alreadyMembers());
    }

    record BulkRemoveResult(int removedSpotMembersCount) {
    }

    @PostMapping("/v1/groups/{groupId}/spotMembers~bulkRemove")
    @Operation(summary = "Remove members from a group",
            description = "removedSpotMembersCount counts the members that were in the group. Malformed ids are a 400.")
    BulkRemoveResult bulkRemove(Caller caller, @PathVariable UUID groupId,
                                @RequestBody(required = false) JsonNode body) {
        List<String> ids = JsonBody.of(body).bulkList("spotMemberIds", settings.bulkLimit());
        List<UUID> parsed = List.copyOf(new LinkedHashSet<>(Ids.parseAll("spotMemberIds", ids)));
        return new BulkRemoveResult(groups.bulkRemove(caller.spotId(), groupId, parsed));
    }

    private record Fields(String name, String description, String emoji, String icon) {
    }

    /** The kind asked for (null when not given) and a smart group's checked rule (null when none is given). */
    private record Smart(String kind, JsonNode rule) {
    }

    /**
     * Reads {@code kind} and {@code rule}: a rule needs the smart kind (given, or the group's current one); turning a
     * group smart needs a rule. Rule problems are added to {@code json}'s, so that all are answered together.
     */
    private Smart smart(Caller caller, JsonBody json, String currentKind) {
        String kind = json.oneOf("kind", List.of("static", "smart"));
        JsonNode rule = json.node() == null ? null : json.node().get("rule");
        if (rule != null && rule.isNull()) {
            rule = null;
        }
        String effective = kind != null ? kind : currentKind == null ? "static" : currentKind;
        if (rule != null && !effective.equals("smart")) {
            json.problem("rule", "only smart groups have a rule: send \"kind\": \"smart\" with it");
            return new Smart(kind, null);
        }
        if (rule == null && "smart".equals(kind) && !"smart".equals(currentKind)) {
            json.problem("rule", "is required for a smart group");
            return new Smart(kind, null);
        }
        if (rule != null) {
            try {
                smartGroups.parse(caller.spotId(), rule, "rule");
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> json.problem(p.field(), p.message()));
                return new Smart(kind, null);
            }
        }
        return new Smart(kind, rule);
    }

    private static Fields fields(JsonBody json, boolean nameRequired) {
        String name = nameRequired ? json.requiredText("name") : json.nonBlankIfPresent("name");
        if (name != null && name.length() > NAME_MAX) {
            json.problem("name", "must be at most " + NAME_MAX + " characters");
        }
        return new Fields(name, json.text("description"), json.text("emoji"), json.text("icon"));
    }
}
