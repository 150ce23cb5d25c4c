package dev.cohort.access;

import dev.cohort.errors.NotFoundException;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The participants of lives and courses: MeltingSpot's list, get, invite and bulk invite, and Cohort's removal. */
@RestController
@Tag(name = "Participants")
class ParticipantController {
    private static final String TYPES = "{resources:lives|courses}";
    /** The course participant list and get are the courses module's (with completion data). */
    private static final String LIST_TYPES = "{resources:lives}";

    private final ParticipantService participants;
    private final Settings settings;
    private final CompletionRates completionRates;

    ParticipantController(ParticipantService participants, Settings settings, CompletionRates completionRates) {
        this.participants = participants;
        this.settings = settings;
        this.completionRates = completionRates;
    }

    /** LiveParticipant or CourseParticipant objects, the latter with their completion rates. */
    private List<Object> views(Caller caller, ResourceType type, UUID resourceId, List<ParticipantRow> rows) {
        if (type == ResourceType.LIVE) {
            return rows.stream().<Object>map(ParticipantViews.LiveParticipant::of).toList();
        }
        Map<UUID, Integer> rates = completionRates.of(caller.spotId(), resourceId,
                rows.stream().map(ParticipantRow::memberId).toArray(UUID[]::new));
        return rows.stream().<Object>map(p -> ParticipantViews.CourseParticipant.of(p,
                rates.getOrDefault(p.memberId(), 0))).toList();
    }

    @GetMapping("/v1/" + LIST_TYPES + "/{resourceId}/participants")
    @Parameter(in = ParameterIn.PATH, name = "resources", schema = @Schema(allowableValues = {"lives"}))
    @Operation(operationId = "listResourceParticipants",
            summary = "List the participants of a live or course, alphabetically, with their sources",
            description = "Lives: firstname[eq|contains], lastname[eq|contains], email[eq|contains], type[eq|in], "
                    + "status[eq|in]; courses: firstname[in], lastname[in], email[in], status[eq|in]; both: search. "
                    + "Each participant carries Cohort's sources: direct, each linked group holding it, selfEnrollment.")
    ListPage<Object> list(Caller caller, @PathVariable String resources, @PathVariable UUID resourceId,
                          @RequestParam MultiValueMap<String, String> query) {
        ResourceType type = ResourceType.fromPath(resources);
        ListPage<ParticipantRow> page = participants.list(caller.spotId(), type, resourceId,
                ParticipantFilters.read(type, query));
        return new ListPage<>(views(caller, type, resourceId, page.items()), page.total());
    }

    @GetMapping("/v1/" + LIST_TYPES + "/{resourceId}/participants/{participantId}")
    @Parameter(in = ParameterIn.PATH, name = "resources", schema = @Schema(allowableValues = {"lives"}))
    @Operation(operationId = "getResourceParticipant", summary = "Get one participant of a live or course",
            description = "The participant with the sources that hold it; 404 when the member does not take part.")
    Object get(Caller caller, @PathVariable String resources, @PathVariable UUID resourceId,
               @PathVariable UUID participantId) {
        ResourceType type = ResourceType.fromPath(resources);
        return participants.get(caller.spotId(), type, resourceId, participantId)
                .map(p -> views(caller, type, resourceId, List.of(p)).get(0))
                .orElseThrow(() -> new NotFoundException("Participant"));
    }

    @PostMapping("/v1/" + TYPES + "/{resourceId}/participants")
    @Parameter(in = ParameterIn.PATH, name = "resources", schema = @Schema(allowableValues = {"lives", "courses"}))
    @Operation(operationId = "inviteResourceParticipant", summary = "Invite one member",
            description = "Lives: {member: spot member id or email (a new email is invited into the Spot), "
                    + "invitedBySpotMemberId, withEmailNotification}; courses: {spotMemberId, invitedBySpotMemberId, "
                    + "withEmailNotification}. 201 with the participant when newly invited; 200 without a body when "
                    + "they were invited already (no second notification or email).")
    ResponseEntity<Object> invite(Caller caller, @PathVariable String resources, @PathVariable UUID resourceId,
                                  @RequestBody(required = false) JsonNode body) {
        ResourceType type = ResourceType.fromPath(resources);
        JsonBody json = JsonBody.of(body);
        List<UUID> ids = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        String field = type == ResourceType.LIVE ? "member" : "spotMemberId";
        String member = json.requiredText(field);
        if (member != null) {
            UUID id = Ids.parse(member);
            if (id != null) {
                ids.add(id);
            } else if (type == ResourceType.LIVE && member.contains("@")) {
                emails.add(member);
            } else {
                json.problem(field, type == ResourceType.LIVE ? "must be a spot member id or an email" : "must be a UUID");
            }
        }
        Options options = options(json);
        ParticipantService.Invited invited = participants.invite(caller.spotId(), type, resourceId,
                ids, emails, options.withEmail(), options.invitedBy());
        if (invited.newlyInvited() == 0) {
            return ResponseEntity.ok().build();
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(views(caller, type, resourceId, invited.participants()).get(0));
    }

    @PostMapping("/v1/" + TYPES + "/{resourceId}/participants~bulkInvite")
    @Parameter(in = ParameterIn.PATH, name = "resources", schema = @Schema(allowableValues = {"lives", "courses"}))
    @Operation(operationId = "bulkInviteResourceParticipants", summary = "Invite many members",
            description = "Lives: {members: {spotMemberIds, emails}, ...}; courses: {spotMemberIds, ...}; both with "
                    + "invitedBySpotMemberId and withEmailNotification. Unknown or malformed ids are a 400 and nobody "
                    + "is invited. Lives answer 200 with the participants; courses 201 with them, or 200 without a "
                    + "body when all were invited already.")
    ResponseEntity<Object> bulkInvite(Caller caller, @PathVariable String resources, @PathVariable UUID resourceId,
                                      @RequestBody(required = false) JsonNode body) {
        ResourceType type = ResourceType.fromPath(resources);
        JsonBody json = JsonBody.of(body);
        List<String> idTexts;
        List<String> emails = List.of();
        if (type == ResourceType.LIVE) {
            JsonNode members = json.node().get("members");
            if (members == null || !members.isObject()) {
                json.problem("members", "must be an object {spotMemberIds, emails}");
                json.validate();
            }
            JsonBody inner = json.nested(members, "members");
            idTexts = inner.textList("spotMemberIds", false);
            emails = inner.textList("emails", false);
            idTexts = idTexts == null ? List.of() : idTexts;
            emails = emails == null ? List.of() : emails;
        } else {
            idTexts = json.textList("spotMemberIds", true);
        }
        Options options = options(json);
        if (idTexts.size() + emails.size() > settings.bulkLimit()) {
            throw new dev.cohort.errors.TooLargeException("spotMemberIds", settings.bulkLimit(),
                    idTexts.size() + emails.size());
        }
        ParticipantService.Invited invited = participants.invite(caller.spotId(), type, resourceId,
                idTexts.stream().map(Ids::parse).toList(), emails, options.withEmail(), options.invitedBy());
        List<Object> items = views(caller, type, resourceId, invited.participants());
        if (type == ResourceType.LIVE) {
            return ResponseEntity.ok(items);
        }
        return invited.newlyInvited() == 0 ? ResponseEntity.ok().build()
                : ResponseEntity.status(HttpStatus.CREATED).body(items);
    }

    @PostMapping("/v1/" + TYPES + "/{resourceId}/participants~bulkRemove")
    @Parameter(in = ParameterIn.PATH, name = "resources", schema = @Schema(allowableValues = {"lives", "courses"}))
    @Operation(operationId = "bulkRemoveResourceParticipants", summary = "Remove direct invitations (Cohort)",
            description = "Body {spotMemberIds}. Only the direct source goes: a participant still held by a linked "
                    + "group or self-enrolment stays. removedSpotMembersCount counts those who lost access.")
    ParticipantViews.Removed bulkRemove(Caller caller, @PathVariable String resources, @PathVariable UUID resourceId,
                                        @RequestBody(required = false) JsonNode body) {
        List<String> ids = JsonBody.of(body).bulkList("spotMemberIds", settings.bulkLimit());
        return ParticipantViews.Removed.of(participants.removeDirect(caller.spotId(), ResourceType.fromPath(resources),
                resourceId, ids.stream().map(Ids::parse).toList()));
    }

    private record Options(boolean withEmail, UUID invitedBy) {
    }

    private static Options options(JsonBody json) {
        Boolean withEmail = json.bool("withEmailNotification");
        UUID invitedBy = json.uuid("invitedBySpotMemberId");
        json.validate();
        return new Options(withEmail != null && withEmail, invitedBy);
    }
}
