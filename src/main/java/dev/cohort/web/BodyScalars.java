package dev.cohort.web;

import dev.cohort.errors.FieldProblem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The single values of a body, as {@link BodyReader} reads them: strings (trimmed when {@code @NotBlank}, within
 * their {@code @Size} and allowed values), booleans, integers within {@code @Min}/{@code @Max}, numbers, UUIDs and
 * enum constants. A value of the wrong JSON type is a problem at its path, and reads as {@code null}.
 */
final class BodyScalars {
    private BodyScalars() {
    }

    static boolean reads(Class<?> raw) {
        return raw == String.class || raw == Boolean.class || raw == boolean.class || raw == Long.class
                || raw == long.class || raw == Integer.class || raw == int.class || raw == Double.class
                || raw == double.class || raw == UUID.class || raw.isEnum();
    }

    /** {@code value} as a {@code raw}; {@code c} is the field's rules, or null for a list's or a map's item. */
    static Object read(JsonNode value, Class<?> raw, BodyShape.Field c, String path, List<FieldProblem> problems) {
        if (raw == String.class) {
            if (!value.isString()) {
                problems.add(new FieldProblem(path, "must be a string"));
                return null;
            }
            String text = value.stringValue();
            if (c != null && c.annotation(NotBlank.class) != null) {
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
            Size size = c == null ? null : c.annotation(Size.class);
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
            Min min = c == null ? null : c.annotation(Min.class);
            Max max = c == null ? null : c.annotation(Max.class);
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
        throw new IllegalArgumentException("not a single value: " + raw);
    }
}
