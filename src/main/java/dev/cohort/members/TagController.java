package dev.cohort.members;

import dev.cohort.errors.TooLargeException;
import dev.cohort.spots.Caller;
import dev.cohort.system.Settings;
import dev.cohort.web.Ids;
import dev.cohort.web.JsonBody;
import dev.cohort.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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

    @GetMapping("/tags")
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
    Tag create(Caller caller, @RequestBody(required = false) JsonNode body) {
        JsonBody json = JsonBody.of(body);
        TagService.NewTag tag = newTag(json);
        json.validate();
        return tags.create(caller.spotId(), tag);
    }

    record BulkCreateResult(List<Tag> created, List<JsonNode> failed) {
    }

    @PostMapping("/tags~bulkCreate")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "bulkCreateTags", summary = "Create several tags",
            description = "The body is an array of {name, emoji}. Invalid items, names already taken and names "
                    + "repeated in the array (after their first occurrence) are returned in 'failed' as they were "
                    + "sent. 413 over the bulk limit (COHORT_BULK_LIMIT, default 1000).")
    BulkCreateResult bulkCreate(Caller caller, @RequestBody(required = false) JsonNode body) {
        List<JsonNode> items = JsonBody.array(body);
        TooLargeException.check("body", settings.bulkLimit(), items);
        // Each item's tag when it is valid and its name is the first of its kind in the array, else null.
        List<TagService.NewTag> candidates = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode item : items) {
            TagService.NewTag tag = null;
            if (item.isObject()) {
                JsonBody json = JsonBody.of(item);
                tag = newTag(json);
                if (!json.valid() || !names.add(tag.name().toLowerCase(Locale.ROOT))) {
                    tag = null;
                }
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
        return new BulkCreateResult(created, failed);
    }

    @GetMapping("/tags/{tagId}")
    @Operation(operationId = "getTag", summary = "Get a tag",
            description = "404 when the tag does not exist in the caller's Spot.")
    Tag get(Caller caller, @PathVariable UUID tagId) {
        return tags.get(caller.spotId(), tagId);
    }

    @PutMapping("/tags/{tagId}")
    @Operation(operationId = "updateTag", summary = "Update a tag",
            description = "name and emoji are optional; null clears emoji. A name taken by another tag is a 409.")
    Tag update(Caller caller, @PathVariable UUID tagId, @RequestBody(required = false) JsonNode body) {
        JsonBody json = JsonBody.of(body);
        Map<String, Object> columns = new LinkedHashMap<>();
        if (json.has("name")) {
            if (json.node().get("name").isNull()) {
                json.problem("name", "must not be null");
            } else {
                columns.put("name", name(json));
            }
        }
        if (json.has("emoji")) {
            columns.put("emoji", emoji(json));
        }
        json.validate();
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
    @Operation(operationId = "listTagMembers",
            summary = "List the members who have a tag, alphabetically (last name, first name, email)",
            description = "Filters as the spot members list: email[in], firstname[in], lastname[in], customRoleId[eq], "
                    + "registrationDate[before|after], role[in], status[in], tags[in|notin], search, ...")
    ListPage<SpotMember> members(Caller caller, @PathVariable UUID tagId,
                                 @RequestParam MultiValueMap<String, String> query) {
        return tags.members(caller.spotId(), tagId, query);
    }

    @PostMapping("/tags/{tagId}/spotMembers~bulkAssign")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "bulkAssignTag", summary = "Tag members",
            description = "Body {spotMemberIds: string[]}. Members who have the tag already are left as they are. "
                    + "A malformed id, or one that is not a member of the Spot, is a 400 naming spotMemberIds[i], "
                    + "and nobody is tagged. 413 over the bulk limit.")
    void bulkAssign(Caller caller, @PathVariable UUID tagId, @RequestBody(required = false) JsonNode body) {
        tags.assign(caller.spotId(), tagId, memberIds(body), "spotMemberIds");
    }

    @PostMapping("/tags/{tagId}/spotMembers~bulkUnassign")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "bulkUnassignTag", summary = "Untag members",
            description = "Body {spotMemberIds: string[]}. Members without the tag are left as they are. Same id "
                    + "rules as ~bulkAssign: a malformed or unknown id is a 400 and nothing changes.")
    void bulkUnassign(Caller caller, @PathVariable UUID tagId, @RequestBody(required = false) JsonNode body) {
        tags.unassign(caller.spotId(), tagId, memberIds(body), "spotMemberIds");
    }

    /** The ids sent, null where one is not a UUID. */
    private List<UUID> memberIds(JsonNode body) {
        List<String> texts = JsonBody.of(body).bulkList("spotMemberIds", settings.bulkLimit());
        // Malformed ids stay as nulls, so that they are reported with the unknown ones, at their index.
        return texts.stream().map(Ids::parse).toList();
    }

    private static TagService.NewTag newTag(JsonBody json) {
        return new TagService.NewTag(name(json), emoji(json));
    }

    private static String name(JsonBody json) {
        String name = json.requiredText("name");
        if (name != null && name.length() > NAME_MAX) {
            json.problem("name", "must be at most " + NAME_MAX + " characters");
        }
        return name;
    }

    private static String emoji(JsonBody json) {
        String emoji = json.text("emoji");
        if (emoji != null && emoji.length() > EMOJI_MAX) {
            json.problem("emoji", "must be at most " + EMOJI_MAX + " characters");
        }
        return emoji;
    }
}
