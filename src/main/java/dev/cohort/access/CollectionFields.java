package dev.cohort.access;

import static dev.cohort.access.ResourceRepository.setting;
import static dev.cohort.web.Filters.Op.contains;
import static dev.cohort.web.Filters.Op.eq;

import dev.cohort.web.Filters;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Cohort's Collection object (MeltingSpot documents none), in the style of the Forum object. */
@Component
class CollectionFields implements ResourceFields<CollectionFields.CollectionView> {
    static final List<String> PRIVACIES = List.of("Private", "Public");
    private static final Filters.Spec FILTERS = Filters.spec()
            .text("name", "r.name", eq, contains)
            .enumeration("privacy", setting("privacy"), PRIVACIES, eq);

    /** The Collection object, dates in Unix milliseconds. */
    record CollectionView(UUID id, String name, String emoji, String description, String privacy, long createdAt,
                          long updatedAt) {
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
    public String read(SettingsReader reader) {
        String name = reader.name("name");
        reader.text("description");
        reader.text("emoji");
        reader.choice("privacy", PRIVACIES, "Public");
        return name;
    }

    @Override
    public CollectionView view(Resource collection) {
        return new CollectionView(collection.id(), collection.name(), collection.setting("emoji"),
                collection.setting("description"), collection.setting("privacy"),
                collection.createdAt().toEpochMilli(), collection.updatedAt().toEpochMilli());
    }
}
