package dev.cohort.members;

import dev.cohort.errors.InvalidInputException;
import dev.cohort.errors.TooLargeException;
import dev.cohort.spots.Caller;
import dev.cohort.system.Settings;
import dev.cohort.web.Body;
import dev.cohort.web.BodyReader;
import dev.cohort.web.Errors;
import dev.cohort.web.Filtered;
import dev.cohort.web.Ids;
import dev.cohort.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The tag endpoints of the MeltingSpot API. Paths are written in full under {@code /v1}: a class-level
 * {@code /v1/tags} would put {@code ~bulkCreate} after a slash.
 */
@RestController
@RequestMapping("/v1")
@io.swagger.v3.oas.annotations.tags.Tag(name = "Tags")
class TagController {
    static final int NAME_MAX = 255;
    static final int EMOJI_MAX = 64;

    private final TagService tags;
    private final Settings settings;

    TagController(TagService tags, Settings settings) {
        this.tags = tags;
        this.settings = settings;
    }

    @Body(echoes = Tag.class)
    @Schema(description = "A new tag")
    record CreateTag(@NotBlank @Size(max = NAME_MAX) @Schema(example = "VIP",
                             description = "Unique in the Spot, case-insensitively") String name,
                     @Size(max = EMOJI_MAX) @Schema(example = "⭐") String emoji) {
    }

    @GetMapping("/tags")
    @Filtered(TagService.class)
    @Operation(operationId = "listTags", summary = "List tags, by position",
            description = "Filters: name[eq], name[contains], and Cohort's name[in]; name comparisons ignore case.")
    ListPage<Tag> list(Caller caller, @RequestParam MultiValueMap<String, String> query) {
        return tags.list(caller.spotId(), query);
    }

    @PostMapping("/tags")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createTag", summary = "Create a tag",
            description = "name is required and unique in the Spot regardless of case (409 otherwise); emoji is "
                    + "optional. The tag takes the next position (order, from 1).")
    @Errors(409)
    Tag create(Caller caller, @RequestBody CreateTag body) {
        return tags.create(caller.spotId(), new TagService.NewTag(body.name(), body.emoji()));
    }

    record BulkCreateTagsResult(List<Tag> created,
                                @Schema(description = "The items that were not created, as they were sent")
                                List<JsonNode> failed) {
    }

    @PostMapping("/tags~bulkCreate")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "bulkCreateTags", summary = "Create several tags",
            description = "The body is an array of {name, emoji}. Invalid items, names already taken and names "
                    + "repeated in the array (after their first occurrence) are returned in 'failed' as they were "
                    + "sent. 413 over the bulk limit (COHORT_BULK_LIMIT, default 1000).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    array = @ArraySchema(schema = @Schema(implementation = CreateTag.class)))))
    @Errors(413)
    BulkCreateTagsResult bulkCreate(Caller caller, @RequestBody List<JsonNode> items) {
        TooLargeException.check("body", settings.bulkLimit(), items);
        // Each item's tag when it is valid and its name is the first of its kind in the array, else null.
        List<TagService.NewTag> candidates = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode item : items) {
            TagService.NewTag tag = null;
            try {
                CreateTag body = BodyReader.read(item, CreateTag.class);
                if (names.add(body.name().toLowerCase(Locale.ROOT))) {
                    tag = new TagService.NewTag(body.name(), body.emoji());
                }
            } catch (InvalidInputException e) {
                // answered in 'failed', as sent
            }
            candidates.add(tag);
        }
        List<Tag> created = tags.createAll(caller.spotId(),
                candidates.stream().filter(Objects::nonNull).toList());
        Set<String> createdNames = new HashSet<>();
        created.forEach(tag -> createdNames.add(tag.name()));
        List<JsonNode> failed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (candidates.get(i) == null || !createdNames.contains(candidates.get(i).name())) {
                failed.add(items.get(i));
            }
        }
        return new BulkCreateTagsResult(created, failed);
    }

    @GetMapping("/tags/{tagId}")
    @Operation(operationId = "getTag", summary = "Get a tag",
            description = "404 when the tag does not exist in the caller's Spot.")
    Tag get(Caller caller, @PathVariable UUID tagId) {
        return tags.get(caller.spotId(), tagId);
    }

    @Body(echoes = Tag.class, partial = true)
    @Schema(description = "The fields to change; absent fields are left as they are")
    record UpdateTag(@NotBlank @Size(max = NAME_MAX) String name,
                     @Size(max = EMOJI_MAX) @Schema(description = "null clears it") Optional<String> emoji) {
    }

    @PutMapping("/tags/{tagId}")
    @Operation(operationId = "updateTag", summary = "Update a tag",
            description = "name and emoji are optional; null clears emoji. A name taken by another tag is a 409. "
                    + "The read-only fields of the Tag (id, order) are ignored, so a tag read can be sent back.")
    @Errors(409)
    Tag update(Caller caller, @PathVariable UUID tagId, @RequestBody UpdateTag body) {
        Map<String, Object> columns = new LinkedHashMap<>();
        if (body.name() != null) {
            columns.put("name", body.name());
        }
        if (body.emoji() != null) {
            columns.put("emoji", body.emoji().orElse(null));
        }
        return tags.update(caller.spotId(), tagId, columns);
    }

    @DeleteMapping("/tags/{tagId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteTag",
            summary = "Delete a tag", description = "Members who had it lose it; they stay in the Spot.")
    void delete(Caller caller, @PathVariable UUID tagId) {
        tags.delete(caller.spotId(), tagId);
    }

    @GetMapping("/tags/{tagId}/spotMembers")
    @Filtered(MemberFilters.class)
    @Operation(operationId = "listTagMembers",
            summary = "List the members who have a tag, alphabetically (last name, first name, email)",
            description = "Filters as the spot members list: email[in], firstname[in], lastname[in], customRoleId[eq], "
                    + "registrationDate[before|after], role[in], status[in], tags[in|notin], search, ...")
    ListPage<SpotMember> members(Caller caller, @PathVariable UUID tagId,
                                 @RequestParam MultiValueMap<String, String> query) {
        return tags.members(caller.spotId(), tagId, query);
    }

    @Body
    record TagMemberIds(@NotNull @Schema(description = "At most COHORT_BULK_LIMIT (default 1000) member ids")
                        List<String> spotMemberIds) {
    }

    @PostMapping("/tags/{tagId}/spotMembers~bulkAssign")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "bulkAssignTag", summary = "Tag members",
            description = "Body {spotMemberIds: string[]}. Members who have the tag already are left as they are. "
                    + "A malformed id, or one that is not a member of the Spot, is a 400 naming spotMemberIds[i], "
                    + "and nobody is tagged. 413 over the bulk limit.")
    @Errors(413)
    void bulkAssign(Caller caller, @PathVariable UUID tagId, @RequestBody TagMemberIds body) {
        tags.assign(caller.spotId(), tagId, memberIds(body), "spotMemberIds");
    }

    @PostMapping("/tags/{tagId}/spotMembers~bulkUnassign")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "bulkUnassignTag", summary = "Untag members",
            description = "Body {spotMemberIds: string[]}. Members without the tag are left as they are. Same id "
                    + "rules as ~bulkAssign: a malformed or unknown id is a 400 and nothing changes.")
    @Errors(413)
    void bulkUnassign(Caller caller, @PathVariable UUID tagId, @RequestBody TagMemberIds body) {
        tags.unassign(caller.spotId(), tagId, memberIds(body), "spotMemberIds");
    }

    /** The ids sent, null where one is not a UUID. */
    private List<UUID> memberIds(TagMemberIds body) {
        TooLargeException.check("spotMemberIds", settings.bulkLimit(), body.spotMemberIds());
        // Malformed ids stay as nulls, so that they are reported with the unknown ones, at their index.
        return body.spotMemberIds().stream().map(Ids::parse).toList();
    }
}
