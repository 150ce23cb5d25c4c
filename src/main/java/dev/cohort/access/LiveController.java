package dev.cohort.access;

import dev.cohort.spots.Caller;
import dev.cohort.system.Settings;
import dev.cohort.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

    @GetMapping("/v1/lives")
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
    LiveFields.LiveView create(Caller caller, @RequestBody(required = false) JsonNode body) {
        return endpoints.create(caller.spotId(), body);
    }

    @PutMapping("/v1/lives/{liveId}")
    @Operation(operationId = "updateLive", summary = "Update a live",
            description = "Every field optional in Cohort (MeltingSpot requires title, dates and solution); the "
                    + "merged dates must still end after they start.")
    LiveFields.LiveView update(Caller caller, @PathVariable UUID liveId, @RequestBody(required = false) JsonNode body) {
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
