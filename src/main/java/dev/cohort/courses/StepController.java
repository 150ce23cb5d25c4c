package dev.cohort.courses;

import dev.cohort.spots.Caller;
import dev.cohort.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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
import tools.jackson.databind.JsonNode;

/** The steps of a course (Cohort's; admin key). */
@RestController
@Tag(name = "Course steps")
class StepController {
    private final StepService steps;

    StepController(StepService steps) {
        this.steps = steps;
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
    Step.View create(Caller caller, @PathVariable UUID courseId, @RequestBody(required = false) JsonNode body) {
        return Step.View.of(steps.create(caller.spotId(), courseId, body));
    }

    @PutMapping("/v1/courses/{courseId}/steps/{stepId}")
    @Operation(operationId = "updateCourseStep",
            summary = "Update a step", description = "title (required), body, module, quiz (quiz steps); the "
            + "kind cannot change. Progress on the step is kept.")
    Step.View update(Caller caller, @PathVariable UUID courseId, @PathVariable UUID stepId,
                     @RequestBody(required = false) JsonNode body) {
        return Step.View.of(steps.update(caller.spotId(), courseId, stepId, body));
    }

    @DeleteMapping("/v1/courses/{courseId}/steps/{stepId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteCourseStep",
            summary = "Delete a step", description = "Its progress goes; completion rates change at once, "
            + "statuses do not. The conclusion can be deleted only when it is the only step (409).")
    void delete(Caller caller, @PathVariable UUID courseId, @PathVariable UUID stepId) {
        steps.delete(caller.spotId(), courseId, stepId);
    }

    @PostMapping("/v1/courses/{courseId}/steps~reorder")
    @Operation(operationId = "reorderCourseSteps",
            summary = "Reorder the steps", description = "{stepIds}: every step of the course exactly once, the "
            + "conclusion last, each module's steps consecutive; otherwise a 400 and nothing changes.")
    ListPage<Step.View> reorder(Caller caller, @PathVariable UUID courseId,
                                @RequestBody(required = false) JsonNode body) {
        List<Step.View> items = steps.reorder(caller.spotId(), courseId, body).stream().map(Step.View::of).toList();
        return new ListPage<>(items, items.size());
    }
}
