package dev.cohort.resources;

import static dev.cohort.resources.ResourceFields.NAME_MAX;

import dev.cohort.spots.Caller;
import dev.cohort.system.Settings;
import dev.cohort.web.Body;
import dev.cohort.web.Filtered;
import dev.cohort.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

/** The MeltingSpot live endpoints, over the shared resource table. */
@RestController
@Tag(name = "Lives")
class LiveController {
    private final ResourceEndpoints<LiveFields.LiveView> endpoints;

    LiveController(LiveFields fields, ResourceService resources, Settings settings) {
        this.endpoints = new ResourceEndpoints<>(fields, resources, settings.bulkLimit());
    }

    @Body(echoes = LiveFields.LiveView.class)
    @Schema(description = "A new live: title, host, dates and solution required")
    record CreateLive(
            @NotBlank @Size(max = NAME_MAX) @Schema(example = "Kick-off") String title,
            @Schema(description = "Markdown; answered as rich-text paragraphs, one per line",
                    example = "Welcome!\nAgenda: introductions, then questions") String description,
            @NotNull @Schema(description = "The host: a member of the Spot") UUID spotMemberHostId,
            @NotNull @Min(0) @Max(LiveFields.MAX_SECONDS) @Schema(description = "Unix seconds", example = "1767261600")
            Long startDate,
            @NotNull @Min(0) @Max(LiveFields.MAX_SECONDS)
            @Schema(description = "Unix seconds, after startDate", example = "1767265200") Long endDate,
            @NotNull @Schema(allowableValues = {"Youtube", "Vimeo", "BuiltIn", "NoSolution"}, example = "BuiltIn")
            String solution,
            @Schema(allowableValues = {"Workshop", "Conference"}, description = "When BuiltIn") String builtInType,
            @Schema(types = {"string", "object"}, description = "The video (Youtube, Vimeo): a URL or an object")
            JsonNode videoUrl,
            @Schema(allowableValues = {"Display", "Hidden"}, defaultValue = LiveFields.DEFAULT_DISPLAY)
            String chatVisibility,
            @Schema(allowableValues = {"Display", "Hidden"}, defaultValue = LiveFields.DEFAULT_DISPLAY)
            String participantsVisibility,
            @Schema(allowableValues = {"AnyOne", "OnlySpotMembers", "InvitedMembersOnly"},
                    defaultValue = LiveFields.DEFAULT_VISIBILITY,
                    description = "InvitedMembersOnly restricts the live to its participants") String visibility,
            @Schema(allowableValues = {"AnySpotMembers", "InvitedMembersOnly"},
                    defaultValue = LiveFields.DEFAULT_PARTICIPATION,
                    description = "InvitedMembersOnly restricts the live to its participants") String participation,
            @Schema(defaultValue = "false") Boolean record,
            @Schema(defaultValue = "false", description = "BuiltIn Workshop only") Boolean enableBreakoutRooms) {
    }

    @Body(echoes = LiveFields.LiveView.class, partial = true)
    @Schema(description = "The fields to change; absent fields are left as they are. A live as read can be sent back: "
            + "its dates (ISO 8601) and description (rich-text paragraphs) are taken in that form too, and its "
            + "read-only fields (id, status, privacy, config, metrics, dates of the record) are ignored")
    record UpdateLive(
            @NotBlank @Size(max = NAME_MAX) String title,
            @Schema(types = {"string", "array"}, description = "Markdown, or the rich-text paragraphs the Live "
                    + "object carries; null clears it") Optional<JsonNode> description,
            @Schema(description = "The host: a member of the Spot") UUID spotMemberHostId,
            @Schema(types = {"integer", "string"}, description = "Unix seconds, or the ISO 8601 date-time the Live "
                    + "object carries") JsonNode startDate,
            @Schema(types = {"integer", "string"}, description = "Unix seconds, or the ISO 8601 date-time the Live "
                    + "object carries; the merged dates must end after they start") JsonNode endDate,
            @Schema(allowableValues = {"Youtube", "Vimeo", "BuiltIn", "NoSolution"}) String solution,
            @Schema(allowableValues = {"Workshop", "Conference"}, description = "null clears it")
            Optional<String> builtInType,
            @Schema(types = {"string", "object"}, description = "A URL or an object; null clears it")
            Optional<JsonNode> videoUrl,
            @Schema(allowableValues = {"Display", "Hidden"}) String chatVisibility,
            @Schema(allowableValues = {"Display", "Hidden"}) String participantsVisibility,
            @Schema(allowableValues = {"AnyOne", "OnlySpotMembers", "InvitedMembersOnly"}) String visibility,
            @Schema(allowableValues = {"AnySpotMembers", "InvitedMembersOnly"}) String participation,
            Boolean record,
            Boolean enableBreakoutRooms) {
    }

    @GetMapping("/v1/lives")
    @Filtered(LiveFields.class)
    @Operation(operationId = "listLives", summary = "List lives",
            description = "Filters: title[eq], title[contains], status[eq] (Ended|Planned|Live, from the dates and "
                    + "now), startDate[lt|lte|gt|gte|eq] (Unix seconds), solution[in|eq], builtInType[in|eq]. "
                    + "Oldest first.")
    ListPage<LiveFields.LiveView> list(Caller caller, @RequestParam MultiValueMap<String, String> query) {
        return endpoints.list(caller.spotId(), query);
    }

    @GetMapping("/v1/lives/{liveId}")
    @Operation(operationId = "getLive",
            summary = "Get a live", description = "404 when it does not exist in the caller's Spot.")
    LiveFields.LiveView get(Caller caller, @PathVariable UUID liveId) {
        return endpoints.get(caller.spotId(), liveId);
    }

    @PostMapping("/v1/lives")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createLive", summary = "Create a live",
            description = "title, spotMemberHostId (a member of the Spot), startDate and endDate (Unix seconds, end "
                    + "after start) and solution are required; description (Markdown, answered as rich-text "
                    + "paragraphs), builtInType, videoUrl, chatVisibility, participantsVisibility, visibility "
                    + "(default OnlySpotMembers), participation (default AnySpotMembers), record, "
                    + "enableBreakoutRooms are optional. Restricted when visibility or participation is "
                    + "InvitedMembersOnly.")
    LiveFields.LiveView create(Caller caller, @RequestBody CreateLive body) {
        return endpoints.create(caller.spotId(), body);
    }

    @PutMapping("/v1/lives/{liveId}")
    @Operation(operationId = "updateLive", summary = "Update a live",
            description = "Every field optional in Cohort (MeltingSpot requires title, dates and solution); null "
                    + "clears description, builtInType and videoUrl; the merged dates must still end after they start. "
                    + "A live as read can be sent back (its read-only fields are ignored, its dates and description "
                    + "taken in the form it carries them); a body that changes nothing changes nothing, updatedAt "
                    + "included.")
    LiveFields.LiveView update(Caller caller, @PathVariable UUID liveId, @RequestBody UpdateLive body) {
        return endpoints.update(caller.spotId(), liveId, body);
    }

    @DeleteMapping("/v1/lives/{liveId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteLive",
            summary = "Delete a live", description = "Cohort's: deletes the live, its group links and participants.")
    void delete(Caller caller, @PathVariable UUID liveId) {
        endpoints.delete(caller.spotId(), liveId);
    }
}
