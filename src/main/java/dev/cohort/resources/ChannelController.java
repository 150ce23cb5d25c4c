package dev.cohort.resources;

import static dev.cohort.resources.ResourceFields.NAME_MAX;

import dev.cohort.spots.Caller;
import dev.cohort.system.Settings;
import dev.cohort.web.Body;
import dev.cohort.web.Errors;
import dev.cohort.web.Filtered;
import dev.cohort.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
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

/** The MeltingSpot channel endpoints, over the shared resource table. */
@RestController
@Tag(name = "Channels")
class ChannelController {
    private final ResourceEndpoints<ChannelFields.ChannelView> endpoints;

    ChannelController(ChannelFields fields, ResourceService resources, Settings settings) {
        this.endpoints = new ResourceEndpoints<>(fields, resources, settings.bulkLimit());
    }

    @Body(echoes = ChannelFields.ChannelView.class)
    @Schema(description = "A new channel: name, autoJoin, showMembers and privacy required")
    record CreateChannel(
            @NotBlank @Size(max = NAME_MAX) @Schema(example = "general") String name,
            @Schema(example = "Say hi") String description,
            @Schema(example = "💬") String emoji,
            @NotNull @Schema(description = "New members join it at once", example = "true") Boolean autoJoin,
            @NotNull @Schema(example = "true") Boolean showMembers,
            @NotNull @Schema(allowableValues = {"Private", "Public"}, example = "Public",
                    description = "Private restricts the channel to its members") String privacy,
            @Schema(defaultValue = "false") Boolean readonly) {
    }

    @Body(echoes = ChannelFields.ChannelView.class, partial = true)
    @Schema(description = "The fields to change; absent fields are left as they are")
    record UpdateChannel(
            @NotBlank @Size(max = NAME_MAX) String name,
            @Schema(description = "null clears it") Optional<String> description,
            @Schema(description = "null clears it") Optional<String> emoji,
            Boolean autoJoin,
            Boolean showMembers,
            @Schema(allowableValues = {"Private", "Public"}) String privacy,
            Boolean readonly) {
    }

    @GetMapping("/v1/channels")
    @Filtered(ChannelFields.class)
    @Operation(operationId = "listChannels", summary = "List channels",
            description = "Filters (Cohort's): name[eq], name[contains], privacy[eq] (Private|Public). Oldest first.")
    ListPage<ChannelFields.ChannelView> list(Caller caller, @RequestParam MultiValueMap<String, String> query) {
        return endpoints.list(caller.spotId(), query);
    }

    @GetMapping("/v1/channels/{channelId}")
    @Operation(operationId = "getChannel",
            summary = "Get a channel", description = "404 when it does not exist in the caller's Spot.")
    ChannelFields.ChannelView get(Caller caller, @PathVariable UUID channelId) {
        return endpoints.get(caller.spotId(), channelId);
    }

    @PostMapping("/v1/channels")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createChannel", summary = "Create a channel",
            description = "name, autoJoin, showMembers and privacy (Private|Public) are required; description, emoji "
                    + "and readonly (default false) are optional. Restricted when Private.")
    ChannelFields.ChannelView create(Caller caller, @RequestBody CreateChannel body) {
        return endpoints.create(caller.spotId(), body);
    }

    @PostMapping("/v1/channels~bulkCreate")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "bulkCreateChannels", summary = "Create several channels",
            description = "The body is an array of channel bodies; invalid items are returned in 'failed' as they "
                    + "were sent. 413 over the bulk limit (COHORT_BULK_LIMIT, default 1000).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    array = @ArraySchema(schema = @Schema(implementation = CreateChannel.class)))))
    @Errors(413)
    ResourceEndpoints.BulkCreateResult<ChannelFields.ChannelView> bulkCreate(Caller caller,
                                                                             @RequestBody List<JsonNode> items) {
        return endpoints.bulkCreate(caller.spotId(), items, CreateChannel.class);
    }

    @PutMapping("/v1/channels/{channelId}")
    @Operation(operationId = "updateChannel",
            summary = "Update a channel", description = "Every field optional; null clears description and emoji. "
                    + "A channel as read can be sent back (its id and dates are ignored); a body that changes "
                    + "nothing changes nothing, updatedAt included.")
    ChannelFields.ChannelView update(Caller caller, @PathVariable UUID channelId, @RequestBody UpdateChannel body) {
        return endpoints.update(caller.spotId(), channelId, body);
    }

    @DeleteMapping("/v1/channels/{channelId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteChannel", summary = "Delete a channel",
            description = "Cohort's: deletes the channel, its group links and participants.")
    void delete(Caller caller, @PathVariable UUID channelId) {
        endpoints.delete(caller.spotId(), channelId);
    }
}
