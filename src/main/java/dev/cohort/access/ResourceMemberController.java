package dev.cohort.access;

import dev.cohort.errors.NotFoundException;
import dev.cohort.errors.TooLargeException;
import dev.cohort.members.MemberFilters;
import dev.cohort.resources.ResourceType;
import dev.cohort.spots.Caller;
import dev.cohort.system.Settings;
import dev.cohort.web.Body;
import dev.cohort.web.Errors;
import dev.cohort.web.Filtered;
import dev.cohort.web.Ids;
import dev.cohort.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The members of channels, forums and collections, as MeltingSpot documents them for channels. */
@RestController
@Tag(name = "Channel, forum and collection members")
class ResourceMemberController {
    private static final String TYPES = "{resources:channels|forums|collections}";

    private final ParticipantService participants;
    private final Settings settings;

    ResourceMemberController(ParticipantService participants, Settings settings) {
        this.participants = participants;
        this.settings = settings;
    }

    @Body
    @Schema(description = "The member to add")
    record AddResourceMember(
            @NotNull @Schema(description = "A member of the Spot") UUID spotMemberId,
            @Schema(defaultValue = "false", description = "Cohort: email the invitation too")
            Boolean withEmailNotification) {
    }

    @Body
    @Schema(description = "The members to add")
    record AddResourceMembers(
            @NotNull @Schema(description = "At most COHORT_BULK_LIMIT (default 1000) member ids")
            List<String> spotMemberIds,
            @Schema(defaultValue = "false", description = "Cohort: email the invitation too")
            Boolean withEmailNotification) {
    }

    /** Member ids, as the removals take them (channel, forum and collection members; direct participants). */
    @Body
    record ResourceMemberIds(
            @NotNull @Schema(description = "At most COHORT_BULK_LIMIT (default 1000) member ids")
            List<String> spotMemberIds) {
    }

    @GetMapping("/v1/" + TYPES + "/{resourceId}/spotMembers")
    @Filtered(MemberFilters.class)
    @Parameter(in = ParameterIn.PATH, name = "resources", schema = @Schema(allowableValues = {"channels", "forums", "collections"}))
    @Operation(operationId = "listResourceMembers",
            summary = "List the members of a channel, forum or collection, alphabetically",
            description = "SpotMember objects with Cohort's sources; the filters of the spot members list.")
    ListPage<ParticipantRepository.ResourceMember> list(Caller caller, @PathVariable String resources,
                                                        @PathVariable UUID resourceId,
                                                        @RequestParam MultiValueMap<String, String> query) {
        return participants.members(caller.spotId(), ResourceType.fromPath(resources), resourceId,
                MemberFilters.read(query));
    }

    @PostMapping("/v1/" + TYPES + "/{resourceId}/spotMembers")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Parameter(in = ParameterIn.PATH, name = "resources", schema = @Schema(allowableValues = {"channels", "forums", "collections"}))
    @Operation(operationId = "addResourceMember",
            summary = "Add a member", description = "Body {spotMemberId, withEmailNotification (Cohort, default "
            + "false)}. Adding twice changes nothing; a member who is not one of the Spot's is a 404.")
    void add(Caller caller, @PathVariable String resources, @PathVariable UUID resourceId,
             @RequestBody AddResourceMember body) {
        ResourceType type = ResourceType.fromPath(resources);
        UUID id = body.spotMemberId();
        if (participants.existingMembers(caller.spotId(), List.of(id)).isEmpty()) {
            throw new NotFoundException("Spot member");
        }
        participants.invite(caller.spotId(), type, resourceId, List.of(id), List.of(),
                Boolean.TRUE.equals(body.withEmailNotification()), null);
    }

    record BulkAddResult(List<String> addedSpotMemberIds, List<String> failedSpotMemberIds) {
    }

    @PostMapping("/v1/" + TYPES + "/{resourceId}/spotMembers~bulkAdd")
    @Parameter(in = ParameterIn.PATH, name = "resources", schema = @Schema(allowableValues = {"channels", "forums", "collections"}))
    @Operation(operationId = "bulkAddResourceMembers",
            summary = "Add members", description = "Body {spotMemberIds}. Malformed ids, unknown ids and other "
            + "Spots' members are returned in failedSpotMemberIds; the others are members afterwards. 413 over "
            + "the bulk limit.")
    @Errors(413)
    BulkAddResult bulkAdd(Caller caller, @PathVariable String resources, @PathVariable UUID resourceId,
                          @RequestBody AddResourceMembers body) {
        List<String> texts = body.spotMemberIds();
        TooLargeException.check("spotMemberIds", settings.bulkLimit(), texts);
        List<UUID> parsed = texts.stream().map(Ids::parse).filter(java.util.Objects::nonNull).toList();
        Set<UUID> known = participants.existingMembers(caller.spotId(), parsed);
        List<String> added = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String text : texts) {
            UUID id = Ids.parse(text);
            (id != null && known.contains(id) ? added : failed).add(text);
        }
        participants.invite(caller.spotId(), ResourceType.fromPath(resources), resourceId, List.copyOf(known),
                List.of(), Boolean.TRUE.equals(body.withEmailNotification()), null);
        return new BulkAddResult(added, failed);
    }

    record BulkRemoveResult(int removedSpotMembersCount) {
    }

    @PostMapping("/v1/" + TYPES + "/{resourceId}/spotMembers~bulkRemove")
    @Parameter(in = ParameterIn.PATH, name = "resources", schema = @Schema(allowableValues = {"channels", "forums", "collections"}))
    @Operation(operationId = "bulkRemoveResourceMembers",
            summary = "Remove members", description = "Body {spotMemberIds}. Removes the direct membership only: "
            + "members still held by a linked group stay. removedSpotMembersCount counts those who lost access. "
            + "Malformed or unknown ids are a 400.")
    @Errors(413)
    BulkRemoveResult bulkRemove(Caller caller, @PathVariable String resources, @PathVariable UUID resourceId,
                                @RequestBody ResourceMemberIds body) {
        List<String> ids = body.spotMemberIds();
        TooLargeException.check("spotMemberIds", settings.bulkLimit(), ids);
        GrantRepository.Revoked revoked = participants.removeDirect(caller.spotId(), ResourceType.fromPath(resources),
                resourceId, ids.stream().map(Ids::parse).toList());
        return new BulkRemoveResult(revoked.participantsRemoved());
    }
}
