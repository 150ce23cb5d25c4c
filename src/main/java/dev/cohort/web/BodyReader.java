package dev.cohort.web;

import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.InvalidInputException;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

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

    private record Component(RecordComponent component, Type type, Class<?> raw, boolean required,
                             List<String> allowed, List<String> itemsAllowed) {
    }

    private record Shape(Map<String, Component> components, Set<String> ignored, boolean partial,
                         Constructor<?> constructor) {
    }

    private static Shape shape(Class<?> type) {
        return SHAPES.computeIfAbsent(type, BodyReader::describe);
    }

    private static Shape describe(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record");
        }
        Body body = type.getAnnotation(Body.class);
        Map<String, Component> components = new LinkedHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            boolean required = has(c, NotNull.class) || has(c, NotBlank.class) || has(c, NotEmpty.class);
            Schema schema = annotation(c, Schema.class);
            if (schema != null && schema.requiredMode() == Schema.RequiredMode.REQUIRED) {
                required = true;
            }
            List<String> allowed = schema == null || schema.allowableValues().length == 0 ? null
                    : List.of(schema.allowableValues());
            ArraySchema array = annotation(c, ArraySchema.class);
            List<String> itemsAllowed = array == null || array.schema().allowableValues().length == 0 ? null
                    : List.of(array.schema().allowableValues());
            components.put(c.getName(), new Component(c, c.getGenericType(), c.getType(), required, allowed,
                    itemsAllowed));
        }
        Set<String> ignored = new LinkedHashSet<>();
        if (body != null) {
            for (Class<?> echoed : body.echoes()) {
                for (RecordComponent c : echoed.getRecordComponents()) {
                    if (!components.containsKey(c.getName())) {
                        ignored.add(c.getName());
                    }
                }
            }
        }
        Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return new Shape(components, ignored, body != null && body.partial(), constructor);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("No canonical constructor on " + type, e);
        }
    }

    private static Object record(JsonNode node, Class<?> type, String prefix, List<FieldProblem> problems) {
        if (!node.isObject()) {
            problems.add(new FieldProblem(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
                    "must be a JSON object"));
            return null;
        }
        Shape shape = shape(type);
        for (String name : node.propertyNames()) {
            if (!shape.components().containsKey(name) && !shape.ignored().contains(name)) {
                String closest = closest(name, shape.components().keySet());
                problems.add(new FieldProblem(prefix + name, "unknown field"
                        + (closest == null ? "; known fields: " + shape.components().keySet()
                        : "; did you mean \"" + closest + "\"?")));
            }
        }
        Object[] values = new Object[shape.components().size()];
        int i = 0;
        for (Component c : shape.components().values()) {
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

    private static Object component(JsonNode value, Component c, boolean partial, String path,
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
        Type type = optional ? argument(c.type(), 0) : c.type();
        Object converted = convert(value, type, c, path, problems);
        if (optional) {
            return converted == null ? null : Optional.of(converted);
        }
        return converted == null ? primitiveDefault(c.raw()) : converted;
    }

    private static Object convert(JsonNode value, Type type, Component c, String path, List<FieldProblem> problems) {
        Class<?> raw = raw(type);
        if (raw == JsonNode.class || raw == Object.class) {
            return value;
        }
        if (raw == String.class) {
            if (!value.isString()) {
                problems.add(new FieldProblem(path, "must be a string"));
                return null;
            }
            String text = value.stringValue();
            if (c != null && has(c.component(), NotBlank.class)) {
                if (text.isBlank()) {
                    problems.add(new FieldProblem(path, "must not be empty"));
                    return null;
                }
                text = text.trim();
            }
            if (c != null && c.allowed() != null && !c.allowed().contains(text)) {
                problems.add(new FieldProblem(path, "must be one of " + c.allowed()));
                return null;
            }
            Size size = c == null ? null : annotation(c.component(), Size.class);
            if (size != null && text.length() > size.max()) {
                problems.add(new FieldProblem(path, "must be at most " + size.max() + " characters"));
                return null;
            }
            if (size != null && text.length() < size.min()) {
                problems.add(new FieldProblem(path, "must be at least " + size.min() + " characters"));
                return null;
            }
            return text;
        }
        if (raw == Boolean.class || raw == boolean.class) {
            if (!value.isBoolean()) {
                problems.add(new FieldProblem(path, "must be true or false"));
                return null;
            }
            return value.booleanValue();
        }
        if (raw == Long.class || raw == long.class || raw == Integer.class || raw == int.class) {
            boolean small = raw == Integer.class || raw == int.class;
            if (!value.isIntegralNumber() || !(small ? value.canConvertToInt() : value.canConvertToLong())) {
                problems.add(new FieldProblem(path, "must be an integer"));
                return null;
            }
            long number = value.longValue();
            Min min = c == null ? null : annotation(c.component(), Min.class);
            Max max = c == null ? null : annotation(c.component(), Max.class);
            if ((min != null && number < min.value()) || (max != null && number > max.value())) {
                problems.add(new FieldProblem(path, min != null && max != null
                        ? "must be between " + min.value() + " and " + max.value()
                        : min != null ? "must be at least " + min.value() : "must be at most " + max.value()));
                return null;
            }
            if (small) {
                return Integer.valueOf((int) number); // not a ?: with a Long, which would promote it to a Long
            }
            return Long.valueOf(number);
        }
        if (raw == Double.class || raw == double.class) {
            if (!value.isNumber()) {
                problems.add(new FieldProblem(path, "must be a number"));
                return null;
            }
            return value.doubleValue();
        }
        if (raw == UUID.class) {
            UUID id = value.isString() ? Ids.parse(value.stringValue()) : null;
            if (id == null) {
                problems.add(new FieldProblem(path, "must be a UUID"));
            }
            return id;
        }
        if (raw.isEnum()) {
            if (value.isString()) {
                for (Object constant : raw.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(value.stringValue())) {
                        return constant;
                    }
                }
            }
            problems.add(new FieldProblem(path, "must be one of " + Arrays.toString(raw.getEnumConstants())));
            return null;
        }
        if (raw == List.class || raw == Set.class) {
            if (!value.isArray()) {
                problems.add(new FieldProblem(path, "must be an array"));
                return null;
            }
            if (c != null && !sized(value.size(), c.component(), path, problems)) {
                return null;
            }
            Type element = argument(type, 0);
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
            Type element = argument(type, 1);
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
        Size size = annotation(c, Size.class);
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

    /**
     * A component's annotation: constraint annotations do not target record components, so Java puts them on the
     * accessor and the field instead.
     */
    private static <A extends java.lang.annotation.Annotation> A annotation(RecordComponent c, Class<A> type) {
        A found = c.getAnnotation(type);
        if (found == null) {
            found = c.getAccessor().getAnnotation(type);
        }
        if (found == null) {
            try {
                found = c.getDeclaringRecord().getDeclaredField(c.getName()).getAnnotation(type);
            } catch (NoSuchFieldException e) {
                return null;
            }
        }
        return found;
    }

    private static boolean has(RecordComponent c, Class<? extends java.lang.annotation.Annotation> type) {
        return annotation(c, type) != null;
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

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    /** The known name closest to {@code name} (a typo, a case slip), or null when none is near. */
    static String closest(String name, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = candidate.equalsIgnoreCase(name) ? 0 : distance(name.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        int allowed = Math.max(1, Math.min(3, name.length() / 3));
        return bestDistance <= allowed ? best : null;
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
