package dev.cohort.access;

import dev.cohort.spots.Caller;
import dev.cohort.system.Settings;
import dev.cohort.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import tools.jackson.databind.JsonNode;

/** Cohort's course endpoints (MeltingSpot documents only the list), over the shared resource table. */
@RestController
@Tag(name = "Courses")
class CourseController {
    private final ResourceEndpoints<CourseFields.CourseView> endpoints;

    CourseController(CourseFields fields, ResourceService resources, Settings settings) {
        this.endpoints = new ResourceEndpoints<>(fields, resources, settings.bulkLimit());
    }

    @GetMapping("/v1/courses")
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
    CourseFields.CourseView create(Caller caller, @RequestBody(required = false) JsonNode body) {
        return endpoints.create(caller.spotId(), body);
    }

    @PutMapping("/v1/courses/{courseId}")
    @Operation(operationId = "updateCourse", summary = "Update a course",
            description = "Cohort's: every field optional; null clears the description. Publishing a Draft "
                    + "(status Published) sends the invitations held back while it was a Draft, once.")
    CourseFields.CourseView update(Caller caller, @PathVariable UUID courseId,
                    @RequestBody(required = false) JsonNode body) {
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
