package dev.cohort.access;

import dev.cohort.web.JsonBody;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a resource body into its settings, problems into the {@link JsonBody}. Creating, absent fields take their
 * defaults (or are required when they have none); updating, only the fields present are written, and null clears
 * only the fields that may be null.
 */
final class SettingsReader {
    static final int NAME_MAX = 255;

    private final JsonBody json;
    private final boolean creating;
    private final ObjectNode settings = JsonNodeFactory.instance.objectNode();

    SettingsReader(JsonBody json, boolean creating) {
        this.json = json;
        this.creating = creating;
    }

    JsonBody json() {
        return json;
    }

    boolean creating() {
        return creating;
    }

    ObjectNode settings() {
        return settings;
    }

    /** The name or title: required when creating, non-blank when present; null when absent from an update. */
    String name(String field) {
        String name = creating ? json.requiredText(field) : json.nonBlankIfPresent(field);
        if (name != null && name.length() > NAME_MAX) {
            json.problem(field, "must be at most " + NAME_MAX + " characters");
            return null;
        }
        return name;
    }

    /** A string that may be null. */
    void text(String field) {
        if (json.has(field) || creating) {
            put(field, json.text(field));
        }
    }

    /** One of {@code allowed}; {@code fallback} when absent on creation, required when {@code fallback} is null. */
    void choice(String field, List<String> allowed, String fallback) {
        if (!present(field, fallback != null)) {
            if (creating) {
                put(field, fallback);
            }
            return;
        }
        put(field, json.oneOf(field, allowed));
    }

    /** One of {@code allowed} or null. */
    void nullableChoice(String field, List<String> allowed) {
        if (json.has(field) || creating) {
            put(field, json.oneOf(field, allowed));
        }
    }

    /** A boolean; {@code fallback} when absent on creation, required when {@code fallback} is null. */
    void flag(String field, Boolean fallback) {
        if (!present(field, fallback != null)) {
            if (creating && fallback != null) {
                settings.put(field, fallback);
            }
            return;
        }
        Boolean value = json.bool(field);
        if (value != null) {
            settings.put(field, value);
        }
    }

    /** A Unix timestamp in seconds, required when creating. */
    void timestamp(String field) {
        if (!present(field, false)) {
            return;
        }
        Long value = json.integer(field);
        if (value == null) {
            return;
        }
        if (value < 0 || value > 253_402_300_799L) {
            json.problem(field, "must be a Unix timestamp in seconds");
            return;
        }
        settings.put(field, value);
    }

    /** A string or a JSON object, or null: a video URL. */
    void stringOrObject(String field) {
        JsonNode value = json.node().get(field);
        if (value == null && !creating) {
            return;
        }
        if (value == null || value.isNull() || value.isString() || value.isObject()) {
            settings.set(field, value == null ? JsonNodeFactory.instance.nullNode() : value);
        } else {
            json.problem(field, "must be a string, an object or null");
        }
    }

    /**
     * Whether the field is to be read from the body. Absent on creation: a problem unless {@code optional}; absent
     * on update: skipped. Null where null is not allowed: a problem.
     */
    private boolean present(String field, boolean optional) {
        JsonNode value = json.node().get(field);
        if (value == null) {
            if (creating && !optional) {
                json.problem(field, "is required");
            }
            return false;
        }
        if (value.isNull()) {
            if (creating && optional) {
                return false;
            }
            json.problem(field, creating ? "is required" : "must not be null");
            return false;
        }
        return true;
    }

    private void put(String field, String value) {
        if (value == null) {
            settings.putNull(field);
        } else {
            settings.put(field, value);
        }
    }
}
