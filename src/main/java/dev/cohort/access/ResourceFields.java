package dev.cohort.access;

import dev.cohort.web.Filters;
import java.util.UUID;

/** One resource type's HTTP face: its body fields, its list filters and the object it answers with. */
interface ResourceFields<V> {
    ResourceType type();

    /** The list filters, over the {@code resource} table aliased {@code r}. */
    Filters.Spec filters();

    /** Reads the body into {@code reader}'s settings; returns the name (or title), null when absent. */
    String read(SettingsReader reader);

    /** Checks that need the database (a host who must be a member), reported into the reader's body. */
    default void verify(UUID spotId, SettingsReader reader) {
    }

    V view(Resource resource);
}
