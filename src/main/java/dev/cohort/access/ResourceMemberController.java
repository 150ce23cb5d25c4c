package dev.cohort.access;

import dev.cohort.errors.NotFoundException;
import dev.cohort.members.MemberFilters;
import dev.cohort.spots.Caller;
import dev.cohort.system.Settings;
import dev.cohort.web.Ids;
import dev.cohort.web.JsonBody;
import dev.cohort.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The members of channels, forums and collections, as MeltingSpot documents them for channels. */
@RestController
@Tag(name = "Channel, forum and collection members")
class ResourceMemberController {
    private static final String TYPES = "{resources:channels|forums|collections}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ParticipantService participants;
    private final Settings settings;

    ResourceMemberController(ParticipantService participants, Settings settings) {
        this.participants = participants;
        this.settings = settings;
    }

    @GetMapping("/v1/" + TYPES + "/{resourceId}/spotMembers")
    @Parameter(in = ParameterIn.PATH, name = "resources", schema = @Schema(allowableValues = {"channels", "forums", "collections"}))
    @Operation(operationId = "listResourceMembers",
            summary = "List the members of a channel, forum or collection, alphabetically",
            description = "SpotMember objects with Cohort's sources; the filters of the spot members list.")
    ListPage<Map<String, Object>> list(Caller caller, @PathVariable String resources, @PathVariable UUID resourceId,
                                       @RequestParam MultiValueMap<String, String> query) {
        ListPage<ParticipantRepository.ResourceMember> page = participants.members(caller.spotId(),
                ResourceType.fromPath(resources), resourceId, MemberFilters.read(query));
        return new ListPage<>(page.items().stream().map(ResourceMemberController::view).toList(), page.total());
    }

    @PostMapping("/v1/" + TYPES + "/{resourceId}/spotMembers")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Parameter(in = ParameterIn.PATH, name = "resources", schema = @Schema(allowableValues = {"channels", "forums", "collections"}))
    @Operation(operationId = "addResourceMember",
            summary = "Add a member", description = "Body {spotMemberId, withEmailNotification (Cohort, default "
            + "false)}. Adding twice changes nothing; a member who is not one of the Spot's is a 404.")
    void add(Caller caller, @PathVariable String resources, @PathVariable UUID resourceId,
             @RequestBody(required = false) JsonNode body) {
        JsonBody json = JsonBody.of(body);
        String text = json.requiredText("spotMemberId");
        Boolean withEmail = json.bool("withEmailNotification");
        UUID id = text == null ? null : Ids.parse(text);
        if (text != null && id == null) {
            json.problem("spotMemberId", "must be a UUID");
        }
        json.validate();
        ResourceType type = ResourceType.fromPath(resources);
        if (participants.existingMembers(caller.spotId(), List.of(id)).isEmpty()) {
            throw new NotFoundException("Spot member");
        }
        participants.invite(caller.spotId(), type, resourceId, List.of(id), List.of(), Boolean.TRUE.equals(withEmail),
                null);
    }

    record BulkAddResult(List<String> addedSpotMemberIds, List<String> failedSpotMemberIds) {
    }

    @PostMapping("/v1/" + TYPES + "/{resourceId}/spotMembers~bulkAdd")
    @Parameter(in = ParameterIn.PATH, name = "resources", schema = @Schema(allowableValues = {"channels", "forums", "collections"}))
    @Operation(operationId = "bulkAddResourceMembers",
            summary = "Add members", description = "Body {spotMemberIds}. Malformed ids, unknown ids and other "
            + "Spots' members are returned in failedSpotMemberIds; the others are members afterwards.")
    BulkAddResult bulkAdd(Caller caller, @PathVariable String resources, @PathVariable UUID resourceId,
                          @RequestBody(required = false) JsonNode body) {
        JsonBody json = JsonBody.of(body);
        Boolean withEmail = json.bool("withEmailNotification");
        List<String> texts = json.bulkList("spotMemberIds", settings.bulkLimit());
        List<UUID> parsed = texts.stream().map(Ids::parse).filter(java.util.Objects::nonNull).toList();
        Set<UUID> known = participants.existingMembers(caller.spotId(), parsed);
        List<String> added = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String text : texts) {
            UUID id = Ids.parse(text);
            (id != null && known.contains(id) ? added : failed).add(text);
        }
        participants.invite(caller.spotId(), ResourceType.fromPath(resources), resourceId, List.copyOf(known),
                List.of(), Boolean.TRUE.equals(withEmail), null);
        return new BulkAddResult(added, failed);
    }

    record BulkRemoveResult(int removedSpotMembersCount) {
    }

    @PostMapping("/v1/" + TYPES + "/{resourceId}/spotMembers~bulkRemove")
    @Parameter(in = ParameterIn.PATH, name = "resources", schema = @Schema(allowableValues = {"channels", "forums", "collections"}))
    @Operation(operationId = "bulkRemoveResourceMembers",
            summary = "Remove members", description = "Body {spotMemberIds}. Removes the direct membership only: "
            + "members still held by a linked group stay. removedSpotMembersCount counts those who lost access.")
    BulkRemoveResult bulkRemove(Caller caller, @PathVariable String resources, @PathVariable UUID resourceId,
                                @RequestBody(required = false) JsonNode body) {
        List<String> ids = JsonBody.of(body).bulkList("spotMemberIds", settings.bulkLimit());
        GrantRepository.Revoked revoked = participants.removeDirect(caller.spotId(), ResourceType.fromPath(resources),
                resourceId, ids.stream().map(Ids::parse).toList());
        return new BulkRemoveResult(revoked.participantsRemoved());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> view(ParticipantRepository.ResourceMember member) {
        Map<String, Object> view = new LinkedHashMap<>(JSON.convertValue(member.member(), Map.class));
        view.put("sources", member.sources());
        return view;
    }
}
