package dev.cohort.smartgroups;

import dev.cohort.errors.TooLargeException;
import dev.cohort.spots.Caller;
import dev.cohort.system.Settings;
import dev.cohort.web.Ids;
import dev.cohort.web.Body;
import dev.cohort.web.Errors;
import dev.cohort.web.Filtered;
import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import dev.cohort.web.Filters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
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

    private final SmartGroupPreviews previews;
    private final SmartGroupExceptions exceptions;
    private final Settings settings;

    SmartGroupController(SmartGroupPreviews previews, SmartGroupExceptions exceptions, Settings settings) {
        this.previews = previews;
        this.exceptions = exceptions;
        this.settings = settings;
    }

    @Body
    record RuleToPreview(@NotNull @Schema(ref = "#/components/schemas/Rule", description = "The rule to preview")
                         JsonNode rule) {
    }

    @Body
    record AddExceptions(@NotNull @Schema(description = "At most COHORT_BULK_LIMIT (default 1000) member ids")
                         List<String> spotMemberIds,
                         @NotNull @Schema(allowableValues = {"include", "exclude"}) String type) {
    }

    @Body
    record RemoveExceptions(@NotNull @Schema(description = "At most COHORT_BULK_LIMIT (default 1000) member ids")
                            List<String> spotMemberIds,
                            @Schema(allowableValues = {"include", "exclude"}, description = "Any type when absent")
                            String type) {
    }

    @PostMapping("/v1/groups~previewRule")
    @Operation(operationId = "previewRule", summary = "Preview a rule (Cohort)",
            description = "Body {\"rule\": {...}}. Answers how many members the rule selects now and the first 20, "
                    + "alphabetically. Nothing is saved.")
    SmartGroupPreviews.Preview preview(Caller caller, @RequestBody RuleToPreview body) {
        return previews.preview(caller.spotId(), body.rule());
    }

    @PostMapping("/v1/groups/{groupId}~previewRule")
    @Operation(operationId = "previewGroupRuleChange", summary = "Preview a rule change of a smart group (Cohort)",
            description = "Body {\"rule\": {...}}. Answers the member count the group would have, and who would enter "
                    + "and who would leave (count and first 20 each), exceptions applied. Nothing is saved.")
    SmartGroupPreviews.Change previewChange(Caller caller, @PathVariable UUID groupId,
                                           @RequestBody RuleToPreview body) {
        return previews.preview(caller.spotId(), groupId, body.rule());
    }

    @PostMapping("/v1/groups/{groupId}/exceptions~bulkAdd")
    @Operation(operationId = "bulkAddGroupExceptions",
            summary = "Always include or always exclude members of a smart group (Cohort)",
            description = "Body {\"spotMemberIds\": [...], \"type\": \"include\"|\"exclude\"}. Applied at once. A "
                    + "member has one exception per group: the other type is replaced. failedSpotMemberIds: malformed "
                    + "ids and ids that are not members of the Spot. 409 on a static group.")
    @Errors({409, 413})
    SmartGroupExceptions.ExceptionsAdded addExceptions(Caller caller, @PathVariable UUID groupId,
                                                    @RequestBody AddExceptions body) {
        TooLargeException.check("spotMemberIds", settings.bulkLimit(), body.spotMemberIds());
        return exceptions.addExceptions(caller.spotId(), groupId, body.spotMemberIds(), body.type());
    }

    record RemovedExceptions(int removedCount) {
    }

    @PostMapping("/v1/groups/{groupId}/exceptions~bulkRemove")
    @Operation(operationId = "bulkRemoveGroupExceptions", summary = "Remove exceptions of a smart group (Cohort)",
            description = "Body {\"spotMemberIds\": [...], \"type\"?: \"include\"|\"exclude\"} (any type when "
                    + "absent). The members are then in the group exactly when the rule selects them. Malformed ids "
                    + "are a 400.")
    @Errors(413)
    RemovedExceptions removeExceptions(Caller caller, @PathVariable UUID groupId,
                                       @RequestBody RemoveExceptions body) {
        TooLargeException.check("spotMemberIds", settings.bulkLimit(), body.spotMemberIds());
        List<UUID> parsed = List.copyOf(new LinkedHashSet<>(Ids.parseAll("spotMemberIds", body.spotMemberIds())));
        return new RemovedExceptions(exceptions.removeExceptions(caller.spotId(), groupId, parsed, body.type()));
    }

    @GetMapping("/v1/groups/{groupId}/exceptions")
    @Filtered(value = SmartGroupController.class, member = "EXCEPTION_FILTERS")
    @Operation(operationId = "listGroupExceptions", summary = "List the exceptions of a smart group (Cohort)",
            description = "Filter: type[eq]. Oldest first.")
    ListPage<ExceptionRepository.RuleException> exceptions(Caller caller, @PathVariable UUID groupId,
                                                        @RequestParam MultiValueMap<String, String> query) {
        ListQuery list = ListQuery.read(query, EXCEPTION_FILTERS);
        return exceptions.exceptions(caller.spotId(), groupId, list.where(), list.params(), list.paging());
    }
}
