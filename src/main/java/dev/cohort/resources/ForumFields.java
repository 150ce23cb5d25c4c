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

/** The Forum object of the MeltingSpot API. */
@Component
class ForumFields implements ResourceFields<ForumFields.ForumView> {
    static final List<String> PRIVACIES = List.of("Private", "Secret");
    static final String DEFAULT_PRIVACY = "Private";
    private static final Filters.Spec FILTERS = Filters.spec()
            .text("name", "r.name", eq, contains)
            .enumeration("privacy", setting("privacy"), PRIVACIES, eq);

    /** The Forum object; {@code createdAt} (and Cohort's {@code updatedAt}) in Unix milliseconds. */
    record ForumView(UUID id, String name, @Nullable String emoji, @Nullable String description,
                     @Schema(description = "Unix milliseconds") long createdAt,
                     @Schema(allowableValues = {"Private", "Secret"}) String privacy,
                     @Schema(description = "Unix milliseconds") long updatedAt) {
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
    public String nameField() {
        return "name";
    }

    @Override
    public ObjectNode defaults() {
        ObjectNode defaults = JsonNodeFactory.instance.objectNode();
        defaults.putNull("description");
        defaults.putNull("emoji");
        defaults.put("privacy", DEFAULT_PRIVACY);
        return defaults;
    }

    @Override
    public ForumView view(Resource forum) {
        return new ForumView(forum.id(), forum.name(), forum.setting("emoji"), forum.setting("description"),
                forum.createdAt().toEpochMilli(), forum.setting("privacy"), forum.updatedAt().toEpochMilli());
    }
}
