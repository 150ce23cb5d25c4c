package dev.cohort.resources;

import dev.cohort.web.Filters;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Cohort's Collection object (MeltingSpot documents none), in the style of the Forum object. */
@Component
class CollectionFields extends SimpleResourceFields<CollectionFields.CollectionView> {
    static final List<String> PRIVACIES = List.of("Private", "Public");
    static final String DEFAULT_PRIVACY = "Public";
    private static final Filters.Spec FILTERS = filters(PRIVACIES);

    CollectionFields() {
        super(ResourceType.COLLECTION, FILTERS, DEFAULT_PRIVACY);
    }

    /** The Collection object, dates in Unix milliseconds. */
    record CollectionView(UUID id, String name, @Nullable String emoji, @Nullable String description,
                          @Schema(allowableValues = {"Private", "Public"}) String privacy,
                          @Schema(description = "Unix milliseconds") long createdAt,
                          @Schema(description = "Unix milliseconds") long updatedAt) {
    }

    @Override
    CollectionView object(UUID id, String name, @Nullable String emoji, @Nullable String description,
                          String privacy, long createdAt, long updatedAt) {
        return new CollectionView(id, name, emoji, description, privacy, createdAt, updatedAt);
    }
}
