package dev.cohort.smartgroups;

import static dev.cohort.smartgroups.PropertyFixtures.prop;
import static dev.cohort.smartgroups.PropertyFixtures.texts;

import dev.cohort.smartgroups.PropertyModel.Member;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The evaluator's conditions on custom property values, for {@link PropertyOracle}: one set of operators per
 * property type (Text, SingleSelect, MultipleSelect, Boolean, Number, Date), with isEmpty/isNotEmpty for all.
 */
final class PropertyConditions {
    private PropertyConditions() {
    }

    static boolean property(String slug, String op, Member m, JsonNode value) {
        JsonNode actual = m.values().get(slug);
        boolean empty = actual == null || actual.isNull() || (actual.isString() && actual.asString().isEmpty())
                || (actual.isArray() && actual.isEmpty());
        if (op.equals("isEmpty")) {
            return empty;
        }
        if (op.equals("isNotEmpty")) {
            return !empty;
        }
        if (op.equals("neq")) {
            return !property(slug, "eq", m, value);
        }
        if (op.equals("notin")) {
            return !property(slug, "in", m, value);
        }
        if (actual == null) {
            return false;
        }
        String type = prop(slug).type();
        switch (type) {
            case "Text" -> {
                String text = actual.asString();
                return switch (op) {
                    case "eq" -> text.equals(value.asString());
                    case "in" -> texts(value).contains(text);
                    case "contains" -> text.toLowerCase(Locale.ROOT).contains(value.asString()
                            .toLowerCase(Locale.ROOT));
                    default -> throw new IllegalStateException(op);
                };
            }
            case "SingleSelect" -> {
                String text = actual.asString();
                return switch (op) {
                    case "eq" -> text.equalsIgnoreCase(value.asString());
                    case "in" -> texts(value).stream().anyMatch(text::equalsIgnoreCase);
                    default -> throw new IllegalStateException(op);
                };
            }
            case "MultipleSelect" -> {
                List<String> has = texts(actual);
                return switch (op) {
                    case "contains" -> has.stream().anyMatch(value.asString()::equalsIgnoreCase);
                    case "in" -> texts(value).stream().anyMatch(v -> has.stream().anyMatch(v::equalsIgnoreCase));
                    default -> throw new IllegalStateException(op);
                };
            }
            case "Boolean" -> {
                if (!op.equals("eq")) {
                    throw new IllegalStateException(op);
                }
                return actual.isBoolean() && actual.booleanValue() == value.booleanValue();
            }
            case "Number" -> {
                BigDecimal n = new BigDecimal(actual.toString());
                return switch (op) {
                    case "eq" -> n.compareTo(new BigDecimal(value.toString())) == 0;
                    case "in" -> {
                        boolean any = false;
                        for (JsonNode v : value) {
                            any |= n.compareTo(new BigDecimal(v.toString())) == 0;
                        }
                        yield any;
                    }
                    default -> compare(op, n.compareTo(new BigDecimal(value.toString())));
                };
            }
            default -> {
                long seconds = actual.asLong();
                long v = value.isString()
                        ? LocalDate.parse(value.asString()).atStartOfDay(ZoneOffset.UTC).toEpochSecond()
                        : value.asLong();
                return op.equals("eq") ? seconds == v : compare(op, Long.compare(seconds, v));
            }
        }
    }

    static boolean compare(String op, int cmp) {
        return switch (op) {
            case "gt" -> cmp > 0;
            case "gte" -> cmp >= 0;
            case "lt" -> cmp < 0;
            case "lte" -> cmp <= 0;
            default -> throw new IllegalStateException(op);
        };
    }
}
