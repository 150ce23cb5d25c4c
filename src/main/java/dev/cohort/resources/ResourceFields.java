package dev.cohort.resources;

import dev.cohort.web.Filters;
import dev.cohort.web.Problems;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/** One resource type's HTTP face: its body fields, its list filters and the object it answers with. */
interface ResourceFields<V> {
    /** The longest name (or title) a resource takes. */
    int NAME_MAX = 255;

    ResourceType type();

    /** The list filters, over the {@code resource} table aliased {@code r}. */
    Filters.Spec filters();

    /** The body field that is the resource's name: {@code title} for lives and courses, {@code name} otherwise. */
    String nameField();

    /**
     * The settings a new resource starts from, before its body's fields: each field with its default, {@code null}
     * for a field that has none. (A required field is absent: its body record requires it.)
     */
    ObjectNode defaults();

    /**
     * The checks a body needs beyond its types, on the fields it gave ({@code fields}: the read body as JSON, its
     * name taken out; {@code null} clears a field): those that need the database (a live's host must be a member of
     * the Spot), and the fields given in another form than they are kept (a live's dates as read), rewritten in place.
     * Problems go into {@code problems}, to be answered together.
     */
    default void prepare(UUID spotId, ObjectNode fields, Problems problems) {
    }

    V view(Resource resource);
}
