package dev.cohort.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a {@link Body} record looks like to {@link BodyReader}, read once per type from its annotations: its fields
 * (required or not, their allowed values), the read-only fields of the answers it echoes (ignored), whether it is a
 * partial update, and the constructor that builds it.
 */
record BodyShape(Map<String, Field> components, Set<String> ignored, boolean partial, Constructor<?> constructor) {
    private static final Map<Class<?>, BodyShape> SHAPES = new ConcurrentHashMap<>();

    /** One field of a body: its component, its (generic) type, and the rules its annotations set. */
    record Field(RecordComponent component, Type type, Class<?> raw, boolean required, List<String> allowed,
                 List<String> itemsAllowed) {
        <A extends Annotation> A annotation(Class<A> annotation) {
            return BodyShape.annotation(component, annotation);
        }
    }

    static BodyShape of(Class<?> type) {
        return SHAPES.computeIfAbsent(type, BodyShape::describe);
    }

    private static BodyShape describe(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record");
        }
        Body body = type.getAnnotation(Body.class);
        Map<String, Field> components = new LinkedHashMap<>();
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
            components.put(c.getName(), new Field(c, c.getGenericType(), c.getType(), required, allowed,
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
            return new BodyShape(components, ignored, body != null && body.partial(), constructor);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("No canonical constructor on " + type, e);
        }
    }

    /**
     * A component's annotation: constraint annotations do not target record components, so Java puts them on the
     * accessor and the field instead.
     */
    static <A extends Annotation> A annotation(RecordComponent c, Class<A> type) {
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

    static boolean has(RecordComponent c, Class<? extends Annotation> type) {
        return annotation(c, type) != null;
    }

    /** The type argument {@code index} of a generic type ({@code Object} when it has none). */
    static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    static Class<?> raw(Type type) {
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
