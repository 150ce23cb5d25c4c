package dev.cohort.resources;

import dev.cohort.web.Filters;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The Forum object of the MeltingSpot API. */
@Component
class ForumFields extends SimpleResourceFields<ForumFields.ForumView> {
    static final List<String> PRIVACIES = List.of("Private", "Secret");
    static final String DEFAULT_PRIVACY = "Private";
    private static final Filters.Spec FILTERS = filters(PRIVACIES);

    ForumFields() {
        super(ResourceType.FORUM, FILTERS, DEFAULT_PRIVACY);
    }

    /** The Forum object; {@code createdAt} (and Cohort's {@code updatedAt}) in Unix milliseconds. */
    record ForumView(UUID id, String name, @Nullable String emoji, @Nullable String description,
                     @Schema(description = "Unix milliseconds") long createdAt,
                     @Schema(allowableValues = {"Private", "Secret"}) String privacy,
                     @Schema(description = "Unix milliseconds") long updatedAt) {
    }

    @Override
    ForumView object(UUID id, String name, @Nullable String emoji, @Nullable String description, String privacy,
                     long createdAt, long updatedAt) {
        return new ForumView(id, name, emoji, description, createdAt, privacy, updatedAt);
    }
}
