package dev.cohort.web;

import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.InvalidInputException;
import dev.cohort.errors.TooLargeException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON object field by field, collecting every problem with its path, so that a bad request is
 * answered with all of its mistakes at once. Absent and {@code null} are told apart for partial updates.
 */
public final class JsonBody {
    private final JsonNode node;
    private final String prefix;
    private final List<FieldProblem> problems;

    private JsonBody(JsonNode node, String prefix, List<FieldProblem> problems) {
        this.node = node;
        this.prefix = prefix;
        this.problems = problems;
    }

    /** The body must be a JSON object. */
    public static JsonBody of(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new InvalidInputException("body", "a JSON object is required");
        }
        if (!node.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        return new JsonBody(node, "", new ArrayList<>());
    }

    /** A nested object read into the same problem list, its fields named {@code prefix.field}. */
    public JsonBody nested(JsonNode child, String path) {
        return new JsonBody(child, path + ".", problems);
    }

    /** The body must be a JSON array; returns its elements. */
    public static List<JsonNode> array(JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new InvalidInputException("body", "must be a JSON array");
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    public JsonNode node() {
        return node;
    }

    public boolean has(String field) {
        return node.has(field);
    }

    public void problem(String field, String message) {
        problems.add(new FieldProblem(prefix + field, message));
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** Throws the collected problems, if any. */
    public void validate() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** A non-blank string that must be present. */
    public String requiredText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            problem(field, "is required");
            return null;
        }
        if (!value.isString()) {
            problem(field, "must be a string");
            return null;
        }
        if (value.stringValue().isBlank()) {
            problem(field, "must not be empty");
            return null;
        }
        return value.stringValue().trim();
    }

    /** A string or null; absent reads as null (use {@link #has} to tell them apart). */
    public String text(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problem(field, "must be a string");
            return null;
        }
        return value.stringValue();
    }

    /** A string that, when present, must not be null or blank (a name in a partial update). */
    public String nonBlankIfPresent(String field) {
        if (!node.has(field)) {
            return null;
        }
        return requiredText(field);
    }

    /** One of the allowed values, or null when absent. */
    public String oneOf(String field, Collection<String> allowed) {
        String value = text(field);
        if (value != null && !allowed.contains(value)) {
            problem(field, "must be one of " + allowed);
            return null;
        }
        return value;
    }

    public Boolean bool(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            problem(field, "must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    public Long integer(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problem(field, "must be an integer");
            return null;
        }
        return value.longValue();
    }

    public UUID uuid(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        UUID id = Ids.parse(value);
        if (id == null) {
            problem(field, "must be a UUID");
        }
        return id;
    }

    /**
     * A required array of at most {@code limit} strings, as a bulk call carries: the body's other problems are
     * thrown first, then a {@link TooLargeException} when the array is longer.
     */
    public List<String> bulkList(String field, int limit) {
        List<String> items = textList(field, true);
        validate();
        TooLargeException.check(prefix + field, limit, items);
        return items;
    }

    /** An array of strings; null when absent (and a problem when {@code required}). */
    public List<String> textList(String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problem(field, "is required");
            }
            return null;
        }
        if (!value.isArray()) {
            problem(field, "must be an array of strings");
            return null;
        }
        List<String> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isString()) {
                problem(field + "[" + i + "]", "must be a string");
            } else {
                items.add(item.stringValue());
            }
        }
        return items;
    }
}
