package dev.cohort.access;

import static dev.cohort.access.ResourceRepository.setting;
import static dev.cohort.web.Filters.Op.contains;
import static dev.cohort.web.Filters.Op.eq;

import dev.cohort.web.Filters;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The Course object of the MeltingSpot API; the title is the resource's name. */
@Component
class CourseFields implements ResourceFields<CourseFields.CourseView> {
    static final List<String> PRIVACIES = List.of("Public", "Private", "Secret");
    static final List<String> STATUSES = List.of("Draft", "Published");
    static final List<String> NAVIGATION_MODES = List.of("Flexible", "Sequential");
    private static final Filters.Spec FILTERS = Filters.spec()
            .enumeration("status", setting("status"), STATUSES, eq)
            .enumeration("privacy", setting("privacy"), PRIVACIES, eq)
            .text("title", "r.name", eq, contains);

    /** The Course object, dates ISO 8601. */
    record CourseView(UUID id, String title, String description, String privacy, String status,
                      String navigationMode, boolean completionEmailToAdmins, String createdAt, String updatedAt) {
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
    public String read(SettingsReader reader) {
        String title = reader.name("title");
        reader.text("description");
        reader.choice("privacy", PRIVACIES, "Public");
        reader.choice("status", STATUSES, "Draft");
        reader.choice("navigationMode", NAVIGATION_MODES, "Flexible");
        reader.flag("completionEmailToAdmins", true);
        return title;
    }

    @Override
    public CourseView view(Resource course) {
        return new CourseView(course.id(), course.name(), course.setting("description"), course.setting("privacy"),
                course.setting("status"), course.setting("navigationMode"),
                !"false".equals(course.setting("completionEmailToAdmins")), course.createdAt().toString(),
                course.updatedAt().toString());
    }
}
