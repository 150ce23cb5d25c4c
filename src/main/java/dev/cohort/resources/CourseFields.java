package dev.cohort.resources;

import static dev.cohort.resources.ResourceRepository.setting;
import static dev.cohort.web.Filters.Op.contains;
import static dev.cohort.web.Filters.Op.eq;

import dev.cohort.web.Filters;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The Course object of the MeltingSpot API; the title is the resource's name. */
@Component
class CourseFields implements ResourceFields<CourseFields.CourseView> {
    static final List<String> PRIVACIES = List.of("Public", "Private", "Secret");
    static final List<String> STATUSES = List.of("Draft", "Published");
    static final List<String> NAVIGATION_MODES = List.of("Flexible", "Sequential");
    static final String DEFAULT_PRIVACY = "Public";
    static final String DEFAULT_STATUS = "Draft";
    static final String DEFAULT_NAVIGATION_MODE = "Flexible";
    private static final Filters.Spec FILTERS = Filters.spec()
            .enumeration("status", setting("status"), STATUSES, eq)
            .enumeration("privacy", setting("privacy"), PRIVACIES, eq)
            .text("title", "r.name", eq, contains);

    /** The Course object, dates ISO 8601. */
    record CourseView(UUID id, String title, @Nullable String description,
                      @Schema(allowableValues = {"Public", "Private", "Secret"}) String privacy,
                      @Schema(allowableValues = {"Draft", "Published"}) String status,
                      @Schema(allowableValues = {"Flexible", "Sequential"}) String navigationMode,
                      boolean completionEmailToAdmins, @Schema(format = "date-time") String createdAt,
                      @Schema(format = "date-time") String updatedAt) {
    }

    @Override
    public ResourceType type() {
        return ResourceType.COURSE;
    }

    @Override
    public Filters.Spec filters() {
        return FILTERS;
    }

    @Override
    public String nameField() {
        return "title";
    }

    @Override
    public ObjectNode defaults() {
        ObjectNode defaults = JsonNodeFactory.instance.objectNode();
        defaults.putNull("description");
        defaults.put("privacy", DEFAULT_PRIVACY);
        defaults.put("status", DEFAULT_STATUS);
        defaults.put("navigationMode", DEFAULT_NAVIGATION_MODE);
        defaults.put("completionEmailToAdmins", true);
        return defaults;
    }

    @Override
    public CourseView view(Resource course) {
        return new CourseView(course.id(), course.name(), course.setting("description"), course.setting("privacy"),
                course.setting("status"), course.setting("navigationMode"),
                !"false".equals(course.setting("completionEmailToAdmins")), course.createdAt().toString(),
                course.updatedAt().toString());
    }
}
