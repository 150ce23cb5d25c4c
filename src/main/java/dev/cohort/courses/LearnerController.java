package dev.cohort.courses;

import dev.cohort.spots.Caller;
import dev.cohort.web.Body;
import dev.cohort.web.Errors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Taking a course, with a member token. */
@RestController
@Tag(name = "Me (member token)")
class LearnerController {
    private final LearnerService learner;

    LearnerController(LearnerService learner) {
        this.learner = learner;
    }

    @Body
    @Schema(description = "A quiz's answers")
    record SubmitQuiz(@NotNull @ArraySchema(arraySchema = @Schema(description = "One array of chosen choice indexes "
            + "(from 0) per question, in the quiz's order", example = "[[1], [0, 2]]"))
                      List<List<Integer>> answers) {
    }

    @GetMapping("/v1/me/courses/{courseId}")
    @Operation(operationId = "getMyCourse", summary = "A course as I take it",
            description = "Its steps without the quizzes' correct answers, my status, completion rate and progress. "
                    + "404 for a Draft course and for a secret one I am not an active participant of.")
    LearnerService.MyCourse get(Caller caller, @PathVariable UUID courseId) {
        return learner.course(caller.spotId(), courseId, caller.memberId());
    }

    @PostMapping("/v1/me/courses/{courseId}/steps/{stepId}~complete")
    @Operation(operationId = "completeMyCourseStep", summary = "Complete a content or conclusion step",
            description = "Idempotent. 409 when I am not enrolled, or when the course is Sequential and a previous "
                    + "step is not completed; 400 for a quiz step (submit it instead).")
    @Errors(409)
    LearnerService.MyCourse complete(Caller caller, @PathVariable UUID courseId, @PathVariable UUID stepId) {
        return learner.complete(caller.spotId(), courseId, caller.memberId(), stepId);
    }

    @PostMapping("/v1/me/courses/{courseId}/steps/{stepId}~submitQuiz")
    @Operation(operationId = "submitMyQuiz", summary = "Submit a quiz",
            description = "{answers: [[choice indexes] per question]}. Scored on the server (percentage of questions "
                    + "answered exactly right, rounded down); the step counts as completed, pass or fail. A new "
                    + "submission replaces the score, pass/fail and submission time. 409 as for ~complete.")
    @Errors(409)
    LearnerService.MyCourse submitQuiz(Caller caller, @PathVariable UUID courseId, @PathVariable UUID stepId,
                                       @RequestBody SubmitQuiz body) {
        return learner.submitQuiz(caller.spotId(), courseId, caller.memberId(), stepId, body.answers());
    }

    @PostMapping("/v1/me/courses/{courseId}~enroll")
    @Operation(operationId = "enrollInCourse", summary = "Enrol myself in a public course",
            description = "201 when I was enrolled (or re-enrolled after being Unenrolled: progress starts afresh), "
                    + "200 when I was a participant already; 409 for a private course; 404 for a Draft or secret one.")
    @Errors(409)
    ResponseEntity<LearnerService.MyCourse> enroll(Caller caller, @PathVariable UUID courseId) {
        boolean enrolled = learner.enrol(caller.spotId(), courseId, caller.memberId());
        return ResponseEntity.status(enrolled ? HttpStatus.CREATED : HttpStatus.OK)
                .body(learner.course(caller.spotId(), courseId, caller.memberId()));
    }
}
