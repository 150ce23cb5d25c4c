package dev.cohort.access;

import dev.cohort.errors.NotFoundException;
import dev.cohort.errors.TooLargeException;
import dev.cohort.resources.ResourceType;
import dev.cohort.spots.Caller;
import dev.cohort.system.Settings;
import dev.cohort.web.Body;
import dev.cohort.web.Errors;
import dev.cohort.web.Filtered;
import dev.cohort.web.Ids;
import dev.cohort.web.ListPage;
import dev.cohort.web.Problems;
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
    private List<ParticipantViews.Participant> views(Caller caller, ResourceType type, UUID resourceId,
                                                     List<ParticipantRow> rows) {
        if (type == ResourceType.LIVE) {
            return rows.stream().<ParticipantViews.Participant>map(ParticipantViews.LiveParticipant::of).toList();
        }
        Map<UUID, Integer> rates = completionRates.of(caller.spotId(), resourceId,
                rows.stream().map(ParticipantRow::memberId).toArray(UUID[]::new));
        return rows.stream().<ParticipantViews.Participant>map(p -> ParticipantViews.CourseParticipant.of(p,
                rates.getOrDefault(p.memberId(), 0))).toList();
    }

    @Body
    @Schema(description = "Lives: {member, invitedBySpotMemberId, withEmailNotification}; courses: {spotMemberId, "
            + "invitedBySpotMemberId, withEmailNotification}")
    record InviteParticipant(
            @Schema(description = "Lives (required): a spot member id, or an email (a new email is invited into the "
                    + "Spot)", example = "ada@example.com") String member,
            @Schema(description = "Courses (required): the member to invite") UUID spotMemberId,
            @Schema(description = "The member who invites: a member of the Spot") UUID invitedBySpotMemberId,
            @Schema(defaultValue = "false", description = "Email the invitation too") Boolean withEmailNotification) {
    }

    @Body
    @Schema(description = "Lives: {members: {spotMemberIds, emails}, ...}; courses: {spotMemberIds, ...}; both with "
            + "invitedBySpotMemberId and withEmailNotification. At most COHORT_BULK_LIMIT (default 1000) members")
    record BulkInviteParticipants(
            @Schema(description = "Lives (required): the members to invite") InvitedMembers members,
            @Schema(description = "Courses (required): the members to invite") List<String> spotMemberIds,
            @Schema(description = "The member who invites: a member of the Spot") UUID invitedBySpotMemberId,
            @Schema(defaultValue = "false", description = "Email the invitation too") Boolean withEmailNotification) {
    }

    /** A live's members to invite: by id, and by email (a new email is invited into the Spot). */
    @Body
    record InvitedMembers(@Schema(description = "Spot member ids") List<String> spotMemberIds,
                          @Schema(description = "Emails; one that is not a member's is invited into the Spot")
                          List<String> emails) {
    }

    @GetMapping("/v1/" + LIST_TYPES + "/{resourceId}/participants")
    @Filtered(value = ParticipantFilters.class, member = "LIVE")
    @Parameter(in = ParameterIn.PATH, name = "resources", schema = @Schema(allowableValues = {"lives"}))
    @Operation(operationId = "listResourceParticipants",
            summary = "List the participants of a live, alphabetically, with their sources",
            description = "Filters: firstname[eq|contains], lastname[eq|contains], email[eq|contains], type[eq|in], "
                    + "status[eq|in], search. Each participant carries Cohort's sources: direct, each linked group "
                    + "holding it, selfEnrollment. A course's participants: GET /v1/courses/{courseId}/participants.")
    ListPage<ParticipantViews.LiveParticipant> list(Caller caller, @PathVariable String resources,
                                                    @PathVariable UUID resourceId,
                                                    @RequestParam MultiValueMap<String, String> query) {
        ResourceType type = ResourceType.fromPath(resources);
        ListPage<ParticipantRow> page = participants.list(caller.spotId(), type, resourceId,
                ParticipantFilters.read(type, query));
        return new ListPage<>(page.items().stream().map(ParticipantViews.LiveParticipant::of).toList(), page.total());
    }

    @GetMapping("/v1/" + LIST_TYPES + "/{resourceId}/participants/{participantId}")
    @Parameter(in = ParameterIn.PATH, name = "resources", schema = @Schema(allowableValues = {"lives"}))
    @Operation(operationId = "getResourceParticipant", summary = "Get one participant of a live",
            description = "The participant with the sources that hold it; 404 when the member does not take part.")
    ParticipantViews.LiveParticipant get(Caller caller, @PathVariable String resources, @PathVariable UUID resourceId,
                                         @PathVariable UUID participantId) {
        ResourceType type = ResourceType.fromPath(resources);
        return participants.get(caller.spotId(), type, resourceId, participantId)
                .map(ParticipantViews.LiveParticipant::of)
                .orElseThrow(() -> new NotFoundException("Participant"));
    }

    @PostMapping("/v1/" + TYPES + "/{resourceId}/participants")
    @Parameter(in = ParameterIn.PATH, name = "resources", schema = @Schema(allowableValues = {"lives", "courses"}))
    @Operation(operationId = "inviteResourceParticipant", summary = "Invite one member",
            description = "Lives: {member: spot member id or email (a new email is invited into the Spot), "
                    + "invitedBySpotMemberId, withEmailNotification}; courses: {spotMemberId, invitedBySpotMemberId, "
                    + "withEmailNotification}. 201 with the participant when newly invited; 200 without a body when "
                    + "they were invited already (no second notification or email).")
    ResponseEntity<ParticipantViews.Participant> invite(Caller caller, @PathVariable String resources, @PathVariable UUID resourceId,
                                  @RequestBody InviteParticipant body) {
        ResourceType type = ResourceType.fromPath(resources);
        Problems problems = new Problems();
        List<UUID> ids = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        if (type == ResourceType.LIVE) {
            only(problems, type, "spotMemberId", body.spotMemberId(), "member");
            String member = body.member() == null ? null : body.member().trim();
            UUID id = member == null ? null : Ids.parse(member);
            if (member == null) {
                problems.add("member", "is required");
            } else if (member.isEmpty()) {
                problems.add("member", "must not be empty");
            } else if (id != null) {
                ids.add(id);
            } else if (member.contains("@")) {
                emails.add(member);
            } else {
                problems.add("member", "must be a spot member id or an email");
            }
        } else {
            only(problems, type, "member", body.member(), "spotMemberId");
            if (body.spotMemberId() == null) {
                problems.add("spotMemberId", "is required");
            } else {
                ids.add(body.spotMemberId());
            }
        }
        problems.throwIfAny();
        ParticipantService.Invited invited = participants.invite(caller.spotId(), type, resourceId,
                ids, emails, Boolean.TRUE.equals(body.withEmailNotification()), body.invitedBySpotMemberId());
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
    @Errors(413)
    ResponseEntity<List<ParticipantViews.Participant>> bulkInvite(Caller caller, @PathVariable String resources, @PathVariable UUID resourceId,
                                      @RequestBody BulkInviteParticipants body) {
        ResourceType type = ResourceType.fromPath(resources);
        Problems problems = new Problems();
        List<String> idTexts = List.of();
        List<String> emails = List.of();
        if (type == ResourceType.LIVE) {
            only(problems, type, "spotMemberIds", body.spotMemberIds(), "members");
            if (body.members() == null) {
                problems.add("members", "is required: {spotMemberIds, emails}");
            } else {
                idTexts = body.members().spotMemberIds() == null ? List.of() : body.members().spotMemberIds();
                emails = body.members().emails() == null ? List.of() : body.members().emails();
            }
        } else {
            only(problems, type, "members", body.members(), "spotMemberIds");
            if (body.spotMemberIds() == null) {
                problems.add("spotMemberIds", "is required");
            } else {
                idTexts = body.spotMemberIds();
            }
        }
        problems.throwIfAny();
        if (idTexts.size() + emails.size() > settings.bulkLimit()) {
            throw new TooLargeException("spotMemberIds", settings.bulkLimit(), idTexts.size() + emails.size());
        }
        ParticipantService.Invited invited = participants.invite(caller.spotId(), type, resourceId,
                idTexts.stream().map(Ids::parse).toList(), emails, Boolean.TRUE.equals(body.withEmailNotification()),
                body.invitedBySpotMemberId());
        List<ParticipantViews.Participant> items = views(caller, type, resourceId, invited.participants());
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
                    + "group or self-enrolment stays. removedSpotMembersCount counts those who lost access. Malformed "
                    + "or unknown ids are a 400.")
    @Errors(413)
    ParticipantViews.Removed bulkRemove(Caller caller, @PathVariable String resources, @PathVariable UUID resourceId,
                                        @RequestBody ResourceMemberController.ResourceMemberIds body) {
        TooLargeException.check("spotMemberIds", settings.bulkLimit(), body.spotMemberIds());
        return ParticipantViews.Removed.of(participants.removeDirect(caller.spotId(), ResourceType.fromPath(resources),
                resourceId, body.spotMemberIds().stream().map(Ids::parse).toList()));
    }

    /** A field of the other type's body (a live's "member" sent to a course) is refused, naming the right one. */
    private static void only(Problems problems, ResourceType type, String field, Object value, String instead) {
        if (value != null) {
            problems.add(field, "unknown field for a " + type.label().toLowerCase(java.util.Locale.ROOT)
                    + "; did you mean \"" + instead + "\"?");
        }
    }
}
