package dev.cohort.resources;

import static dev.cohort.resources.ResourceRepository.setting;
import static dev.cohort.web.Filters.Op.contains;
import static dev.cohort.web.Filters.Op.eq;

import dev.cohort.web.Filters;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fields of a resource that is a name, a description, an emoji and a privacy, nothing more: forums and
 * collections. They differ only in their privacies, their default one and their object (a record of its own each, so
 * that the document keeps naming them ForumView and CollectionView, their properties in their order).
 */
abstract class SimpleResourceFields<V> implements ResourceFields<V> {
    private final ResourceType type;
    private final Filters.Spec filters;
    private final String defaultPrivacy;

    SimpleResourceFields(ResourceType type, Filters.Spec filters, String defaultPrivacy) {
        this.type = type;
        this.filters = filters;
        this.defaultPrivacy = defaultPrivacy;
    }

    /** The list filters: name[eq|contains] and privacy[eq] among {@code privacies}. */
    static Filters.Spec filters(List<String> privacies) {
        return Filters.spec()
                .text("name", "r.name", eq, contains)
                .enumeration("privacy", setting("privacy"), privacies, eq);
    }

    /** The type's object from the fields they share, dates in Unix milliseconds. */
    abstract V object(UUID id, String name, @Nullable String emoji, @Nullable String description, String privacy,
                      long createdAt, long updatedAt);

    @Override
    public ResourceType type() {
        return type;
    }

    @Override
    public Filters.Spec filters() {
        return filters;
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
        defaults.put("privacy", defaultPrivacy);
        return defaults;
    }

    @Override
    public V view(Resource resource) {
        return object(resource.id(), resource.name(), resource.setting("emoji"), resource.setting("description"),
                resource.setting("privacy"), resource.createdAt().toEpochMilli(), resource.updatedAt().toEpochMilli());
    }
}
