package dev.cohort.courses;

import dev.cohort.spots.Caller;
import dev.cohort.system.Settings;
import dev.cohort.errors.TooLargeException;
import dev.cohort.web.Body;
import dev.cohort.web.Errors;
import dev.cohort.web.Filtered;
import dev.cohort.web.Ids;
import dev.cohort.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The participants table of a course and unenrolment (admin key); invitations are the access module's. */
@RestController
@Tag(name = "Participants")
class CourseParticipantController {
    private final CourseParticipantService participants;
    private final Settings settings;

    CourseParticipantController(CourseParticipantService participants, Settings settings) {
        this.participants = participants;
        this.settings = settings;
    }

    @Body
    record UnenrollParticipants(@NotNull @Schema(description = "At most COHORT_BULK_LIMIT (default 1000) member ids")
                                List<String> spotMemberIds) {
    }

    /** The answer of ~bulkUnenroll. */
    record Unenrolled(int unenrolledSpotMembersCount) {
    }

    @GetMapping("/v1/courses/{courseId}/participants")
    @Operation(operationId = "listCourseParticipants", summary = "The participants table of a course",
            description = "MeltingSpot's CourseParticipant objects (status, invitedAt, startedAt, completedAt, "
                    + "unenrolledAt, lastActivityAt, completionRate = completed current steps / current steps, an "
                    + "integer percentage rounded down) plus Cohort's sources and steps (one entry per current step: "
                    + "completed, completedAt, and for a quiz score, passed, submittedAt). Filters: firstname, "
                    + "lastname, email [eq|contains|in], status[eq|in|neq|notin], search. sort = name (default), "
                    + "status, completionRate or invitedAt, '-' prefix for descending.")
    @Filtered(ParticipantTable.class)
    ListPage<CourseParticipantView> list(Caller caller, @PathVariable UUID courseId,
                                         @RequestParam MultiValueMap<String, String> query) {
        return participants.list(caller.spotId(), courseId, ParticipantTable.Query.read(query));
    }

    @GetMapping("/v1/courses/{courseId}/participants/{participantId}")
    @Operation(operationId = "getCourseParticipant", summary = "Get one course participant, with its steps",
            description = "The participant's progress and each step's state; 404 when the member is not a participant.")
    CourseParticipantView get(Caller caller, @PathVariable UUID courseId, @PathVariable UUID participantId) {
        return participants.get(caller.spotId(), courseId, participantId);
    }

    @PostMapping("/v1/courses/{courseId}/participants~bulkUnenroll")
    @Operation(operationId = "bulkUnenrollCourseParticipants", summary = "Unenrol participants (Cohort)",
            description = "{spotMemberIds}. From any status to Unenrolled; completion data stays shown; a secret "
                    + "course is no longer reachable; they can be re-invited (which starts the course afresh). "
                    + "Unknown or malformed ids are a 400 and nobody is unenrolled. 413 over the bulk limit.")
    @Errors(413)
    Unenrolled bulkUnenroll(Caller caller, @PathVariable UUID courseId, @RequestBody UnenrollParticipants body) {
        List<String> ids = body.spotMemberIds();
        TooLargeException.check("spotMemberIds", settings.bulkLimit(), ids);
        return new Unenrolled(participants.unenrol(caller.spotId(), courseId, ids.stream().map(Ids::parse).toList()));
    }
}
