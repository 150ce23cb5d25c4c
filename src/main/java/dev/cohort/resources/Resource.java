package dev.cohort.resources;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A live, course, channel, forum or collection: {@code name} is a live's or course's title, {@code settings} holds
 * the type's own fields, {@code restricted} is derived from them (only participants reach a restricted resource).
 */
public record Resource(UUID id, ResourceType type, String name, boolean restricted, JsonNode settings,
                       Instant createdAt, Instant updatedAt) {

    /** A text setting, or null when absent or null. */
    public String setting(String field) {
        JsonNode value = settings.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
