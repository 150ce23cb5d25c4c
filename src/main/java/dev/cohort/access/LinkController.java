package dev.cohort.access;

import dev.cohort.errors.TooLargeException;
import dev.cohort.resources.ResourceType;
import dev.cohort.spots.Caller;
import dev.cohort.system.Settings;
import dev.cohort.web.Body;
import dev.cohort.web.Errors;
import dev.cohort.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
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

    @Body
    @Schema(description = "The groups to link, and whether their members are emailed")
    record LinkResourceGroups(
            @NotNull @Schema(description = "At most COHORT_BULK_LIMIT (default 1000) group ids; unknown or malformed "
                    + "ids are a 400 and nothing is linked") List<String> groupIds,
            @Schema(defaultValue = "false", description = "Email the invitation too (to the groups' members now and "
                    + "to those who join them later)") Boolean withEmailNotification) {
    }

    @Body
    @Schema(description = "The groups to unlink")
    record UnlinkResourceGroups(
            @NotNull @Schema(description = "At most COHORT_BULK_LIMIT (default 1000) group ids; ids that are not "
                    + "linked are ignored") List<String> groupIds) {
    }

    @Body(echoes = LinkRepository.Link.class)
    @Schema(description = "A link's invitation-email switch; a link as read can be sent back")
    record ResourceGroupLinkSwitch(
            @NotNull @Schema(description = "Email the invitation to the members who join the group from now on")
            Boolean withEmailNotification) {
    }

    @PostMapping("/v1/" + RESOURCES + "/{resourceId}/groups~bulkAdd")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Parameter(in = ParameterIn.PATH, name = "resources", schema = @Schema(allowableValues = {"lives", "courses", "channels", "forums", "collections"}))
    @Operation(operationId = "bulkLinkResourceGroups", summary = "Link groups to a resource",
            description = "Body {groupIds, withEmailNotification}. Members of a newly linked group are invited at once "
                    + "(in-app notification, and an email when withEmailNotification is true); the switch also applies "
                    + "to members who join the group later. Unknown or malformed group ids are a 400 and nothing is "
                    + "linked. A group linked already takes the new switch. 413 over the bulk limit.")
    @Errors(413)
    void link(Caller caller, @PathVariable String resources, @PathVariable UUID resourceId,
              @RequestBody LinkResourceGroups body) {
        TooLargeException.check("groupIds", settings.bulkLimit(), body.groupIds());
        links.link(caller.spotId(), ResourceType.fromPath(resources), resourceId, body.groupIds(),
                Boolean.TRUE.equals(body.withEmailNotification()));
    }

    @PostMapping("/v1/" + RESOURCES + "/{resourceId}/groups~bulkRemove")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Parameter(in = ParameterIn.PATH, name = "resources", schema = @Schema(allowableValues = {"lives", "courses", "channels", "forums", "collections"}))
    @Operation(operationId = "bulkUnlinkResourceGroups", summary = "Unlink groups from a resource",
            description = "Body {groupIds}. Members lose what only that link gave them; future members are not "
                    + "invited. 413 over the bulk limit.")
    @Errors(413)
    void unlink(Caller caller, @PathVariable String resources, @PathVariable UUID resourceId,
                @RequestBody UnlinkResourceGroups body) {
        TooLargeException.check("groupIds", settings.bulkLimit(), body.groupIds());
        links.unlink(caller.spotId(), ResourceType.fromPath(resources), resourceId, body.groupIds());
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
            description = "Body {withEmailNotification}. Applies to members who join the group from now on. A link "
                    + "as read can be sent back (its other fields are ignored); setting the switch it has changes "
                    + "nothing, updatedAt included.")
    LinkRepository.Link update(Caller caller, @PathVariable String resources, @PathVariable UUID resourceId,
                               @PathVariable UUID groupId, @RequestBody ResourceGroupLinkSwitch body) {
        return links.setSwitch(caller.spotId(), ResourceType.fromPath(resources), resourceId, groupId,
                body.withEmailNotification());
    }
}
