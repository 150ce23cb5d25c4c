package dev.cohort.groups;

import dev.cohort.spots.Caller;
import dev.cohort.system.Settings;
import dev.cohort.web.Ids;
import dev.cohort.web.JsonBody;
import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import dev.cohort.web.Filters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Cohort's smart group endpoints: rule previews and exceptions. Rules themselves are set on the group. */
@RestController
@Tag(name = "Groups")
class SmartGroupController {
    private static final List<String> TYPES = List.of("include", "exclude");
    private static final Filters.Spec EXCEPTION_FILTERS = Filters.spec()
            .enumeration("type", "type", TYPES, Filters.Op.eq);

    private final SmartGroupService smartGroups;
    private final Settings settings;

    SmartGroupController(SmartGroupService smartGroups, Settings settings) {
        this.smartGroups = smartGroups;
        this.settings = settings;
    }

    @PostMapping("/v1/groups~previewRule")
    @Operation(summary = "Preview a rule (Cohort)",
            description = "Body {\"rule\": {...}}. Answers how many members the rule selects now and the first 20, "
                    + "alphabetically. Nothing is saved.")
    SmartGroupService.Preview preview(Caller caller, @RequestBody(required = false) JsonNode body) {
        return smartGroups.preview(caller.spotId(), rule(body));
    }

    @PostMapping("/v1/groups/{groupId}~previewRule")
    @Operation(summary = "Preview a rule change of a smart group (Cohort)",
            description = "Body {\"rule\": {...}}. Answers the member count the group would have, and who would enter "
                    + "and who would leave (count and first 20 each), exceptions applied. Nothing is saved.")
    SmartGroupService.Change previewChange(Caller caller, @PathVariable UUID groupId,
                                           @RequestBody(required = false) JsonNode body) {
        return smartGroups.preview(caller.spotId(), groupId, rule(body));
    }

    @PostMapping("/v1/groups/{groupId}/exceptions~bulkAdd")
    @Operation(summary = "Always include or always exclude members of a smart group (Cohort)",
            description = "Body {\"spotMemberIds\": [...], \"type\": \"include\"|\"exclude\"}. Applied at once. A member "
                    + "has one exception per group: the other type is replaced. failedSpotMemberIds: malformed ids and "
                    + "ids that are not members of the Spot. 409 on a static group.")
    SmartGroupService.ExceptionsAdded addExceptions(Caller caller, @PathVariable UUID groupId,
                                                    @RequestBody(required = false) JsonNode body) {
        JsonBody json = JsonBody.of(body);
        String type = json.requiredText("type") == null ? null : json.oneOf("type", TYPES);
        List<String> ids = json.bulkList("spotMemberIds", settings.bulkLimit());
        return smartGroups.addExceptions(caller.spotId(), groupId, ids, type);
    }

    record Removed(int removedCount) {
    }

    @PostMapping("/v1/groups/{groupId}/exceptions~bulkRemove")
    @Operation(summary = "Remove exceptions of a smart group (Cohort)",
            description = "Body {\"spotMemberIds\": [...], \"type\"?: \"include\"|\"exclude\"} (any type when absent). "
                    + "The members are then in the group exactly when the rule selects them. Malformed ids are a 400.")
    Removed removeExceptions(Caller caller, @PathVariable UUID groupId, @RequestBody(required = false) JsonNode body) {
        JsonBody json = JsonBody.of(body);
        String type = json.oneOf("type", TYPES);
        List<String> ids = json.bulkList("spotMemberIds", settings.bulkLimit());
        json.validate();
        List<UUID> parsed = List.copyOf(new LinkedHashSet<>(Ids.parseAll("spotMemberIds", ids)));
        return new Removed(smartGroups.removeExceptions(caller.spotId(), groupId, parsed, type));
    }

    @GetMapping("/v1/groups/{groupId}/exceptions")
    @Operation(summary = "List the exceptions of a smart group (Cohort)", description = "Filter: type[eq]. Oldest first.")
    ListPage<SmartGroupRepository.Exception> exceptions(Caller caller, @PathVariable UUID groupId,
                                                        @RequestParam MultiValueMap<String, String> query) {
        ListQuery list = ListQuery.read(query, EXCEPTION_FILTERS);
        return smartGroups.exceptions(caller.spotId(), groupId, list.where(), list.params(), list.paging());
    }

    private static JsonNode rule(JsonNode body) {
        JsonBody json = JsonBody.of(body);
        if (!json.has("rule") || json.node().get("rule").isNull()) {
            json.problem("rule", "is required: the rule to preview");
        }
        json.validate();
        return json.node().get("rule");
    }
}
