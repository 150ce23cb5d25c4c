package dev.cohort.web;

import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.InvalidInputException;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import jakarta.validation.constraints.Size;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a JSON value into a {@link Body} record, strictly: each component from the field of its name, checked for its
 * JSON type and constraints, unknown fields refused (with the closest known name), every problem collected with its
 * path ({@code audience.includeGroupIds[2]}) and thrown together as one {@link InvalidInputException}.
 *
 * <p>Absent and {@code null} read as Java {@code null}, except for {@link Optional} components: absent is
 * {@code null}, {@code null} is {@code Optional.empty()} (a partial update that clears the field).
 */
public final class BodyReader {
    private BodyReader() {
    }

    /** {@code node} as a {@code type} record, or an {@link InvalidInputException} naming every bad field. */
    public static <T> T read(JsonNode node, Class<T> type) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new InvalidInputException("body", "a JSON object is required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Object value = record(node, type, "", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return type.cast(value);
    }

    /**
     * A body record back as the JSON of the fields it was read from: a component that is Java {@code null} (absent,
     * or {@code null} where that means "not given") is left out, {@code Optional.empty()} is {@code null}, a UUID or
     * an enum is its text, a nested record its own object. For code that keeps a body's fields as a JSON document
     * (settings merged field by field).
     */
    public static ObjectNode tree(Object record) {
        if (record == null || !record.getClass().isRecord()) {
            throw new IllegalArgumentException("BodyReader.tree takes a record, not " + record);
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object value;
            try {
                c.getAccessor().setAccessible(true);
                value = c.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + c, e);
            }
            if (value != null) {
                node.set(c.getName(), json(value));
            }
        }
        return node;
    }

    private static JsonNode json(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof Optional<?> optional) {
            return optional.isEmpty() ? nodes.nullNode() : json(optional.get());
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String || value instanceof UUID) {
            return nodes.stringNode(value.toString());
        }
        if (value instanceof Enum<?> constant) {
            return nodes.stringNode(constant.name());
        }
        if (value instanceof Boolean flag) {
            return nodes.booleanNode(flag);
        }
        if (value instanceof Integer number) {
            return nodes.numberNode(number.intValue());
        }
        if (value instanceof Long number) {
            return nodes.numberNode(number.longValue());
        }
        if (value instanceof Double number) {
            return nodes.numberNode(number);
        }
        if (value instanceof Collection<?> items) {
            ArrayNode array = nodes.arrayNode();
            items.forEach(item -> array.add(json(item)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            map.forEach((key, item) -> object.set(String.valueOf(key), json(item)));
            return object;
        }
        if (value.getClass().isRecord()) {
            return tree(value);
        }
        throw new IllegalArgumentException("BodyReader.tree cannot write " + value.getClass());
    }

    private static Object record(JsonNode node, Class<?> type, String prefix, List<FieldProblem> problems) {
        if (!node.isObject()) {
            problems.add(new FieldProblem(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
                    "must be a JSON object"));
            return null;
        }
        BodyShape shape = BodyShape.of(type);
        for (String name : node.propertyNames()) {
            if (!shape.components().containsKey(name) && !shape.ignored().contains(name)) {
                String closest = BodyShape.closest(name, shape.components().keySet());
                problems.add(new FieldProblem(prefix + name, "unknown field"
                        + (closest == null ? "; known fields: " + shape.components().keySet()
                        : "; did you mean \"" + closest + "\"?")));
            }
        }
        Object[] values = new Object[shape.components().size()];
        int i = 0;
        for (BodyShape.Field c : shape.components().values()) {
            values[i++] = component(node.get(c.component().getName()), c, shape.partial(),
                    prefix + c.component().getName(), problems);
        }
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return shape.constructor().newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof InvalidInputException invalid) {
                // A compact constructor's own check: its field names are relative to this record.
                for (FieldProblem p : invalid.problems()) {
                    problems.add(new FieldProblem(prefix + p.field(), p.message()));
                }
                return null;
            }
            throw new IllegalStateException("Cannot build " + type.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type.getSimpleName(), e);
        }
    }

    private static Object component(JsonNode value, BodyShape.Field c, boolean partial, String path,
                                    List<FieldProblem> problems) {
        boolean optional = c.raw() == Optional.class;
        if (value == null) {
            if (c.required() && !partial) {
                problems.add(new FieldProblem(path, "is required"));
            }
            return primitiveDefault(c.raw());
        }
        if (value.isNull()) {
            if (optional) {
                return Optional.empty();
            }
            if (c.required() && !partial) {
                problems.add(new FieldProblem(path, "is required"));
            } else if (partial) {
                problems.add(new FieldProblem(path, "must not be null"));
            }
            return primitiveDefault(c.raw());
        }
        Type type = optional ? BodyShape.argument(c.type(), 0) : c.type();
        Object converted = convert(value, type, c, path, problems);
        if (optional) {
            return converted == null ? null : Optional.of(converted);
        }
        return converted == null ? primitiveDefault(c.raw()) : converted;
    }

    private static Object convert(JsonNode value, Type type, BodyShape.Field c, String path, List<FieldProblem> problems) {
        Class<?> raw = BodyShape.raw(type);
        if (raw == JsonNode.class || raw == Object.class) {
            return value;
        }
        if (BodyScalars.reads(raw)) {
            return BodyScalars.read(value, raw, c, path, problems);
        }
        if (raw == List.class || raw == Set.class) {
            if (!value.isArray()) {
                problems.add(new FieldProblem(path, "must be an array"));
                return null;
            }
            if (c != null && !sized(value.size(), c.component(), path, problems)) {
                return null;
            }
            Type element = BodyShape.argument(type, 0);
            List<Object> items = new ArrayList<>(value.size());
            int before = problems.size();
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (item.isNull()) {
                    problems.add(new FieldProblem(path + "[" + i + "]", "must not be null"));
                    continue;
                }
                Object converted = convert(item, element, null, path + "[" + i + "]", problems);
                if (c != null && c.itemsAllowed() != null && converted instanceof String text
                        && !c.itemsAllowed().contains(text)) {
                    problems.add(new FieldProblem(path + "[" + i + "]", "must be one of " + c.itemsAllowed()));
                }
                items.add(converted);
            }
            if (problems.size() > before) {
                return null;
            }
            return raw == Set.class ? new LinkedHashSet<>(items) : List.copyOf(items);
        }
        if (raw == Map.class) {
            if (!value.isObject()) {
                problems.add(new FieldProblem(path, "must be an object"));
                return null;
            }
            Type element = BodyShape.argument(type, 1);
            Map<String, Object> map = new LinkedHashMap<>();
            int before = problems.size();
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                map.put(entry.getKey(), entry.getValue().isNull() ? null
                        : convert(entry.getValue(), element, null, path + "." + entry.getKey(), problems));
            }
            return problems.size() > before ? null : map;
        }
        if (raw.isRecord()) {
            return record(value, raw, path + ".", problems);
        }
        throw new IllegalStateException("BodyReader cannot read " + type + " (" + path + ")");
    }

    /**
     * Whether a list's length keeps its {@code @Size}. ({@code @ArraySchema(minItems, maxItems)} only documents: a
     * record whose compact constructor or later check reports length rules together with others uses it.)
     */
    private static boolean sized(int length, RecordComponent c, String path, List<FieldProblem> problems) {
        Size size = BodyShape.annotation(c, Size.class);
        if (size == null) {
            return true;
        }
        if (length < size.min()) {
            problems.add(new FieldProblem(path, size.min() == 1 ? "must not be empty"
                    : "must have at least " + size.min() + " items"));
            return false;
        }
        if (length > size.max()) {
            problems.add(new FieldProblem(path, "must have at most " + size.max() + " items"));
            return false;
        }
        return true;
    }

    private static Object primitiveDefault(Class<?> raw) {
        if (raw == boolean.class) {
            return false;
        }
        if (raw == int.class) {
            return 0;
        }
        if (raw == long.class) {
            return 0L;
        }
        return null;
    }
}
