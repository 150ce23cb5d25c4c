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

/** The MeltingSpot forum endpoints, over the shared resource table. */
@RestController
@Tag(name = "Forums")
class ForumController {
    private final ResourceEndpoints<ForumFields.ForumView> endpoints;

    ForumController(ForumFields fields, ResourceService resources, Settings settings) {
        this.endpoints = new ResourceEndpoints<>(fields, resources, settings.bulkLimit());
    }

    @Body(echoes = ForumFields.ForumView.class)
    @Schema(description = "A new forum: name required")
    record CreateForum(
            @NotBlank @Size(max = NAME_MAX) @Schema(example = "Ideas") String name,
            @Schema(example = "Share what you would like to see") String description,
            @Schema(example = "💡") String emoji,
            @Schema(allowableValues = {"Private", "Secret"}, defaultValue = ForumFields.DEFAULT_PRIVACY,
                    description = "Secret restricts the forum to its members") String privacy) {
    }

    @Body(echoes = ForumFields.ForumView.class, partial = true)
    @Schema(description = "The fields to change; absent fields are left as they are")
    record UpdateForum(
            @NotBlank @Size(max = NAME_MAX) String name,
            @Schema(description = "null clears it") Optional<String> description,
            @Schema(description = "null clears it") Optional<String> emoji,
            @Schema(allowableValues = {"Private", "Secret"}) String privacy) {
    }

    @GetMapping("/v1/forums")
    @Filtered(ForumFields.class)
    @Operation(operationId = "listForums", summary = "List forums",
            description = "Filters: name[eq], name[contains], and Cohort's privacy[eq] (Private|Secret). Oldest "
                    + "first.")
    ListPage<ForumFields.ForumView> list(Caller caller, @RequestParam MultiValueMap<String, String> query) {
        return endpoints.list(caller.spotId(), query);
    }

    @GetMapping("/v1/forums/{forumId}")
    @Operation(operationId = "getForum",
            summary = "Get a forum", description = "404 when it does not exist in the caller's Spot.")
    ForumFields.ForumView get(Caller caller, @PathVariable UUID forumId) {
        return endpoints.get(caller.spotId(), forumId);
    }

    @PostMapping("/v1/forums")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createForum", summary = "Create a forum",
            description = "name is required; description, emoji and privacy (Private|Secret, default Private) are "
                    + "optional. Restricted when Secret.")
    ForumFields.ForumView create(Caller caller, @RequestBody CreateForum body) {
        return endpoints.create(caller.spotId(), body);
    }

    @PostMapping("/v1/forums~bulkCreate")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "bulkCreateForums", summary = "Create several forums",
            description = "The body is an array of forum bodies; invalid items are returned in 'failed' as they "
                    + "were sent. 413 over the bulk limit (COHORT_BULK_LIMIT, default 1000).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    array = @ArraySchema(schema = @Schema(implementation = CreateForum.class)))))
    @Errors(413)
    ResourceEndpoints.BulkCreateResult<ForumFields.ForumView> bulkCreate(Caller caller,
                                                                         @RequestBody List<JsonNode> items) {
        return endpoints.bulkCreate(caller.spotId(), items, CreateForum.class);
    }

    @PutMapping("/v1/forums/{forumId}")
    @Operation(operationId = "updateForum",
            summary = "Update a forum", description = "Every field optional; null clears description and emoji. "
                    + "A forum as read can be sent back (its id and dates are ignored); a body that changes nothing "
                    + "changes nothing, updatedAt included.")
    ForumFields.ForumView update(Caller caller, @PathVariable UUID forumId, @RequestBody UpdateForum body) {
        return endpoints.update(caller.spotId(), forumId, body);
    }

    @DeleteMapping("/v1/forums/{forumId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteForum",
            summary = "Delete a forum", description = "Deletes the forum, its group links and members.")
    void delete(Caller caller, @PathVariable UUID forumId) {
        endpoints.delete(caller.spotId(), forumId);
    }
}
