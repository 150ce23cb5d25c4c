package dev.cohort.access;

import dev.cohort.spots.Caller;
import dev.cohort.system.Settings;
import dev.cohort.web.JsonBody;
import dev.cohort.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Group links on every resource type, as MeltingSpot documents them for courses. */
@RestController
@Tag(name = "Group links")
class LinkController {
    static final String RESOURCES = "{resources:lives|courses|channels|forums|collections}";

    private final LinkService links;
    private final Settings settings;

    LinkController(LinkService links, Settings settings) {
        this.links = links;
        this.settings = settings;
    }

    @PostMapping("/v1/" + RESOURCES + "/{resourceId}/groups~bulkAdd")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Parameter(in = ParameterIn.PATH, name = "resources", schema = @Schema(allowableValues = {"lives", "courses", "channels", "forums", "collections"}))
    @Operation(operationId = "bulkLinkResourceGroups", summary = "Link groups to a resource",
            description = "Body {groupIds, withEmailNotification}. Members of a newly linked group are invited at once "
                    + "(in-app notification, and an email when withEmailNotification is true); the switch also applies "
                    + "to members who join the group later. Unknown or malformed group ids are a 400 and nothing is "
                    + "linked. A group linked already takes the new switch.")
    void link(Caller caller, @PathVariable String resources, @PathVariable UUID resourceId,
              @RequestBody(required = false) JsonNode body) {
        JsonBody json = JsonBody.of(body);
        Boolean withEmail = json.bool("withEmailNotification");
        List<String> groupIds = json.bulkList("groupIds", settings.bulkLimit());
        links.link(caller.spotId(), ResourceType.fromPath(resources), resourceId, groupIds,
                withEmail != null && withEmail);
    }

    @PostMapping("/v1/" + RESOURCES + "/{resourceId}/groups~bulkRemove")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Parameter(in = ParameterIn.PATH, name = "resources", schema = @Schema(allowableValues = {"lives", "courses", "channels", "forums", "collections"}))
    @Operation(operationId = "bulkUnlinkResourceGroups", summary = "Unlink groups from a resource",
            description = "Body {groupIds}. Members lose what only that link gave them; future members are not invited.")
    void unlink(Caller caller, @PathVariable String resources, @PathVariable UUID resourceId,
                @RequestBody(required = false) JsonNode body) {
        List<String> groupIds = JsonBody.of(body).bulkList("groupIds", settings.bulkLimit());
        links.unlink(caller.spotId(), ResourceType.fromPath(resources), resourceId, groupIds);
    }

    @GetMapping("/v1/" + RESOURCES + "/{resourceId}/groups")
    @Parameter(in = ParameterIn.PATH, name = "resources", schema = @Schema(allowableValues = {"lives", "courses", "channels", "forums", "collections"}))
    @Operation(operationId = "listResourceGroups",
            summary = "List the groups linked to a resource, with their email switch (Cohort)",
            description = "Each linked group with withEmailNotification, as set when it was linked. 404 when the resource does not exist in the caller's Spot.")
    ListPage<LinkRepository.Link> list(Caller caller, @PathVariable String resources, @PathVariable UUID resourceId) {
        List<LinkRepository.Link> items = links.links(caller.spotId(), ResourceType.fromPath(resources), resourceId);
        return new ListPage<>(items, items.size());
    }

    @PutMapping("/v1/" + RESOURCES + "/{resourceId}/groups/{groupId}")
    @Parameter(in = ParameterIn.PATH, name = "resources", schema = @Schema(allowableValues = {"lives", "courses", "channels", "forums", "collections"}))
    @Operation(operationId = "updateResourceGroupLink", summary = "Change a link's invitation-email switch (Cohort)",
            description = "Body {withEmailNotification}. Applies to members who join the group from now on.")
    LinkRepository.Link update(Caller caller, @PathVariable String resources, @PathVariable UUID resourceId,
                               @PathVariable UUID groupId, @RequestBody(required = false) JsonNode body) {
        JsonBody json = JsonBody.of(body);
        Boolean withEmail = json.bool("withEmailNotification");
        if (withEmail == null && json.valid()) {
            json.problem("withEmailNotification", "is required");
        }
        json.validate();
        return links.setSwitch(caller.spotId(), ResourceType.fromPath(resources), resourceId, groupId, withEmail);
    }
}
