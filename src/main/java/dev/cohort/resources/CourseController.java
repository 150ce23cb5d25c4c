package dev.cohort.resources;

import static dev.cohort.resources.ResourceFields.NAME_MAX;

import dev.cohort.spots.Caller;
import dev.cohort.system.Settings;
import dev.cohort.web.Body;
import dev.cohort.web.Filtered;
import dev.cohort.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Cohort's course endpoints (MeltingSpot documents only the list), over the shared resource table. */
@RestController
@Tag(name = "Courses")
class CourseController {
    private final ResourceEndpoints<CourseFields.CourseView> endpoints;

    CourseController(CourseFields fields, ResourceService resources, Settings settings) {
        this.endpoints = new ResourceEndpoints<>(fields, resources, settings.bulkLimit());
    }

    @Body(echoes = CourseFields.CourseView.class)
    @Schema(description = "A new course: title required")
    record CreateCourse(
            @NotBlank @Size(max = NAME_MAX) @Schema(example = "Onboarding") String title,
            @Schema(example = "Your first week in the community") String description,
            @Schema(allowableValues = {"Public", "Private", "Secret"}, defaultValue = CourseFields.DEFAULT_PRIVACY,
                    description = "Secret restricts the course to its participants") String privacy,
            @Schema(allowableValues = {"Draft", "Published"}, defaultValue = CourseFields.DEFAULT_STATUS,
                    description = "A Draft holds its invitations back until it is published") String status,
            @Schema(allowableValues = {"Flexible", "Sequential"},
                    defaultValue = CourseFields.DEFAULT_NAVIGATION_MODE) String navigationMode,
            @Schema(defaultValue = "true", description = "The Spot's admins are emailed when someone completes the "
                    + "course") Boolean completionEmailToAdmins) {
    }

    @Body(echoes = CourseFields.CourseView.class, partial = true)
    @Schema(description = "The fields to change; absent fields are left as they are")
    record UpdateCourse(
            @NotBlank @Size(max = NAME_MAX) String title,
            @Schema(description = "null clears it") Optional<String> description,
            @Schema(allowableValues = {"Public", "Private", "Secret"}) String privacy,
            @Schema(allowableValues = {"Draft", "Published"}, description = "Published sends the invitations held "
                    + "back while it was a Draft, once") String status,
            @Schema(allowableValues = {"Flexible", "Sequential"}) String navigationMode,
            Boolean completionEmailToAdmins) {
    }

    @GetMapping("/v1/courses")
    @Filtered(CourseFields.class)
    @Operation(operationId = "listCourses", summary = "List courses",
            description = "Filters: status[eq] (Draft|Published), privacy[eq] (Public|Private|Secret), and Cohort's "
                    + "title[eq|contains]. Oldest first.")
    ListPage<CourseFields.CourseView> list(Caller caller, @RequestParam MultiValueMap<String, String> query) {
        return endpoints.list(caller.spotId(), query);
    }

    @GetMapping("/v1/courses/{courseId}")
    @Operation(operationId = "getCourse",
            summary = "Get a course", description = "404 when it does not exist in the caller's Spot.")
    CourseFields.CourseView get(Caller caller, @PathVariable UUID courseId) {
        return endpoints.get(caller.spotId(), courseId);
    }

    @PostMapping("/v1/courses")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createCourse", summary = "Create a course",
            description = "Cohort's: title is required; description, privacy (Public|Private|Secret, default Public),"
                    + " status (Draft|Published, default Draft), navigationMode (Flexible|Sequential, default "
                    + "Flexible), completionEmailToAdmins (default true: the Spot's admins are emailed when someone "
                    + "completes the course) are optional. Restricted when Secret.")
    CourseFields.CourseView create(Caller caller, @RequestBody CreateCourse body) {
        return endpoints.create(caller.spotId(), body);
    }

    @PutMapping("/v1/courses/{courseId}")
    @Operation(operationId = "updateCourse", summary = "Update a course",
            description = "Cohort's: every field optional; null clears the description. Publishing a Draft "
                    + "(status Published) sends the invitations held back while it was a Draft, once. A course as "
                    + "read can be sent back (its id and dates are ignored); a body that changes nothing changes "
                    + "nothing, updatedAt included.")
    CourseFields.CourseView update(Caller caller, @PathVariable UUID courseId, @RequestBody UpdateCourse body) {
        return endpoints.update(caller.spotId(), courseId, body);
    }

    @DeleteMapping("/v1/courses/{courseId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteCourse", summary = "Delete a course",
            description = "Cohort's: deletes the course, its group links and participants.")
    void delete(Caller caller, @PathVariable UUID courseId) {
        endpoints.delete(caller.spotId(), courseId);
    }
}
