package dev.cohort.courses;

import dev.cohort.spots.Caller;
import dev.cohort.web.Body;
import dev.cohort.web.Errors;
import dev.cohort.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The steps of a course (Cohort's; admin key). */
@RestController
@Tag(name = "Course steps")
class StepController {
    private final StepService steps;

    StepController(StepService steps) {
        this.steps = steps;
    }

    @Body(echoes = Step.View.class)
    @Schema(description = "A new step: content, a quiz (with its quiz) or the course's conclusion")
    record CreateStep(
            @NotNull @Schema(allowableValues = {Step.CONTENT, Step.QUIZ, Step.CONCLUSION}, example = "content")
            String kind,
            @NotBlank @Schema(example = "Welcome") String title,
            @Schema(description = "The step's text", example = "What this course covers and how it works") String body,
            @Schema(description = "A module title shared by consecutive steps; not blank when given",
                    example = "Getting started") String module,
            @Schema(description = "Required for a quiz step, refused for the others") Quiz quiz) {
    }

    @Body(echoes = Step.View.class, partial = true)
    @Schema(description = "The fields to change; absent fields are left as they are")
    record UpdateStep(
            @Schema(allowableValues = {Step.CONTENT, Step.QUIZ, Step.CONCLUSION},
                    description = "The step's kind, which cannot change: accepted only when it is the step's own")
            String kind,
            @NotBlank String title,
            @Schema(description = "null clears it") Optional<String> body,
            @Schema(description = "null clears it; not blank when given") Optional<String> module,
            @Schema(description = "A quiz step's quiz, replaced whole; null is accepted for the other steps only")
            Optional<Quiz> quiz) {
    }

    @Body
    record ReorderSteps(@NotNull @Schema(description = "Every step of the course exactly once, in the new order")
                        List<String> stepIds) {
    }

    @GetMapping("/v1/courses/{courseId}/steps")
    @Operation(operationId = "listCourseSteps",
            summary = "List a course's steps in order, quizzes with their correct answers",
            description = "For operators: quizzes are shown with their correct answers (members never see them).")
    ListPage<Step.View> list(Caller caller, @PathVariable UUID courseId) {
        List<Step.View> items = steps.list(caller.spotId(), courseId).stream().map(Step.View::of).toList();
        return new ListPage<>(items, items.size());
    }

    @PostMapping("/v1/courses/{courseId}/steps")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createCourseStep", summary = "Add a step",
            description = "{kind: content|quiz|conclusion, title, body?, module?, quiz?}. A quiz step needs "
                    + "quiz {passScore 0-100, questions: [{question, choices (2+), correct: [choice indexes]}]}. "
                    + "New steps go last, before the conclusion; a second conclusion is a 400. The steps of a "
                    + "module must be consecutive.")
    Step.View create(Caller caller, @PathVariable UUID courseId, @RequestBody CreateStep body) {
        return Step.View.of(steps.create(caller.spotId(), courseId, body.kind(), body.title(), body.body(),
                body.module(), body.quiz()));
    }

    @PutMapping("/v1/courses/{courseId}/steps/{stepId}")
    @Operation(operationId = "updateCourseStep",
            summary = "Update a step", description = "Every field optional: title, body, module (null clears body "
            + "and module), quiz (quiz steps; replaced whole); the kind cannot change. The read-only fields (id, "
            + "courseId, position) are ignored, so a step read can be sent back; a body that changes nothing changes "
            + "nothing. Progress on the step is kept.")
    Step.View update(Caller caller, @PathVariable UUID courseId, @PathVariable UUID stepId,
                     @RequestBody UpdateStep body) {
        return Step.View.of(steps.update(caller.spotId(), courseId, stepId, body.kind(), body.title(), body.body(),
                body.module(), body.quiz()));
    }

    @DeleteMapping("/v1/courses/{courseId}/steps/{stepId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteCourseStep",
            summary = "Delete a step", description = "Its progress goes; completion rates change at once, "
            + "statuses do not. The conclusion can be deleted only when it is the only step (409).")
    @Errors(409)
    void delete(Caller caller, @PathVariable UUID courseId, @PathVariable UUID stepId) {
        steps.delete(caller.spotId(), courseId, stepId);
    }

    @PostMapping("/v1/courses/{courseId}/steps~reorder")
    @Operation(operationId = "reorderCourseSteps",
            summary = "Reorder the steps", description = "{stepIds}: every step of the course exactly once, the "
            + "conclusion last, each module's steps consecutive; otherwise a 400 and nothing changes.")
    ListPage<Step.View> reorder(Caller caller, @PathVariable UUID courseId, @RequestBody ReorderSteps body) {
        List<Step.View> items = steps.reorder(caller.spotId(), courseId, body.stepIds()).stream()
                .map(Step.View::of).toList();
        return new ListPage<>(items, items.size());
    }
}
