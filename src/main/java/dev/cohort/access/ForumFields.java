package dev.cohort.access;

import static dev.cohort.access.ResourceRepository.setting;
import static dev.cohort.web.Filters.Op.contains;
import static dev.cohort.web.Filters.Op.eq;

import dev.cohort.web.Filters;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The Forum object of the MeltingSpot API. */
@Component
class ForumFields implements ResourceFields<ForumFields.ForumView> {
    static final List<String> PRIVACIES = List.of("Private", "Secret");
    private static final Filters.Spec FILTERS = Filters.spec()
            .text("name", "r.name", eq, contains)
            .enumeration("privacy", setting("privacy"), PRIVACIES, eq);

    /** The Forum object; {@code createdAt} (and Cohort's {@code updatedAt}) in Unix milliseconds. */
    record ForumView(UUID id, String name, String emoji, String description, long createdAt, String privacy,
                     long updatedAt) {
    }

    @Override
    public ResourceType type() {
        return ResourceType.FORUM;
    }

    @Override
    public Filters.Spec filters() {
        return FILTERS;
    }

    @Override
    public String read(SettingsReader reader) {
        String name = reader.name("name");
        reader.text("description");
        reader.text("emoji");
        reader.choice("privacy", PRIVACIES, "Private");
        return name;
    }

    @Override
    public ForumView view(Resource forum) {
        return new ForumView(forum.id(), forum.name(), forum.setting("emoji"), forum.setting("description"),
                forum.createdAt().toEpochMilli(), forum.setting("privacy"), forum.updatedAt().toEpochMilli());
    }
}
