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

/** Cohort's Collection object (MeltingSpot documents none), in the style of the Forum object. */
@Component
class CollectionFields implements ResourceFields<CollectionFields.CollectionView> {
    static final List<String> PRIVACIES = List.of("Private", "Public");
    static final String DEFAULT_PRIVACY = "Public";
    private static final Filters.Spec FILTERS = Filters.spec()
            .text("name", "r.name", eq, contains)
            .enumeration("privacy", setting("privacy"), PRIVACIES, eq);

    /** The Collection object, dates in Unix milliseconds. */
    record CollectionView(UUID id, String name, @Nullable String emoji, @Nullable String description,
                          @Schema(allowableValues = {"Private", "Public"}) String privacy,
                          @Schema(description = "Unix milliseconds") long createdAt,
                          @Schema(description = "Unix milliseconds") long updatedAt) {
    }

    @Override
    public ResourceType type() {
        return ResourceType.COLLECTION;
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
    public CollectionView view(Resource collection) {
        return new CollectionView(collection.id(), collection.name(), collection.setting("emoji"),
                collection.setting("description"), collection.setting("privacy"),
                collection.createdAt().toEpochMilli(), collection.updatedAt().toEpochMilli());
    }
}
