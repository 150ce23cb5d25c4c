package dev.cohort.members;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The one place a custom property value is checked against its property's type, whether it comes as JSON (the API)
 * or as CSV text (the import). A valid value is returned in its stored form: Text and SingleSelect a string,
 * MultipleSelect an array of distinct strings, Boolean a boolean, Number a number, Date Unix seconds.
 */
final class PropertyValues {
    static final int TEXT_MAX = 10_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long MIN_SECONDS = -62_135_596_800L; // 0001-01-01T00:00:00Z
    private static final long MAX_SECONDS = 253_402_300_799L; // 9999-12-31T23:59:59Z

    /** A value in its stored form, or why it was refused. */
    record Checked(JsonNode value, String problem) {
        static Checked ok(JsonNode value) {
            return new Checked(value, null);
        }

        static Checked bad(String problem) {
            return new Checked(null, problem);
        }

        boolean valid() {
            return problem == null;
        }
    }

    private PropertyValues() {
    }

    /** A JSON value sent to the API (never null: null clears and is handled by the caller). */
    static Checked fromJson(CustomProperty property, JsonNode value) {
        return switch (property.type()) {
            case CustomProperty.TEXT -> value.isString() ? text(value.stringValue()) : Checked.bad("must be a string");
            case CustomProperty.SINGLE_SELECT -> value.isString()
                    ? choice(property, value.stringValue(), false)
                    : Checked.bad("must be a string, one of " + property.possibleValues());
            case CustomProperty.MULTIPLE_SELECT -> multiple(property, value);
            case CustomProperty.BOOLEAN -> value.isBoolean() ? Checked.ok(value) : Checked.bad("must be true or false");
            case CustomProperty.NUMBER -> value.isNumber() ? Checked.ok(value) : Checked.bad("must be a number");
            case CustomProperty.DATE -> date(value);
            default -> Checked.bad("has an unknown property type " + property.type());
        };
    }

    /** A non-empty CSV cell, already trimmed. */
    static Checked fromText(CustomProperty property, String cell) {
        return switch (property.type()) {
            case CustomProperty.TEXT -> text(cell);
            case CustomProperty.SINGLE_SELECT -> choice(property, cell, true);
            case CustomProperty.MULTIPLE_SELECT -> multipleText(property, cell);
            case CustomProperty.BOOLEAN -> switch (cell.toLowerCase(Locale.ROOT)) {
                case "true" -> Checked.ok(NODES.booleanNode(true));
                case "false" -> Checked.ok(NODES.booleanNode(false));
                default -> Checked.bad("must be true or false; got '" + cell + "'");
            };
            case CustomProperty.NUMBER -> number(cell);
            case CustomProperty.DATE -> cell.matches("-?\\d+") ? seconds(cell) : isoDate(cell);
            default -> Checked.bad("has an unknown property type " + property.type());
        };
    }

    private static Checked text(String text) {
        return text.length() > TEXT_MAX ? Checked.bad("must be at most " + TEXT_MAX + " characters")
                : Checked.ok(NODES.stringNode(text));
    }

    private static Checked choice(CustomProperty property, String value, boolean ignoreCase) {
        for (String allowed : property.possibleValues()) {
            if (ignoreCase ? allowed.equalsIgnoreCase(value) : allowed.equals(value)) {
                return Checked.ok(NODES.stringNode(allowed));
            }
        }
        return Checked.bad("must be one of " + property.possibleValues() + "; got '" + value + "'");
    }

    private static Checked multiple(CustomProperty property, JsonNode value) {
        if (!value.isArray()) {
            return Checked.bad("must be an array of strings among " + property.possibleValues());
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isString()) {
                return Checked.bad("must be an array of strings among " + property.possibleValues());
            }
            items.add(item.stringValue());
        }
        return choices(property, items, false);
    }

    private static Checked multipleText(CustomProperty property, String cell) {
        List<String> items = new ArrayList<>();
        for (String part : cell.split(";")) {
            if (!part.isBlank()) {
                items.add(part.trim());
            }
        }
        return choices(property, items, true);
    }

    private static Checked choices(CustomProperty property, List<String> items, boolean ignoreCase) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String item : items) {
            Checked one = choice(property, item, ignoreCase);
            if (!one.valid()) {
                return Checked.bad("each item " + one.problem());
            }
            chosen.add(one.value().stringValue());
        }
        ArrayNode array = NODES.arrayNode();
        chosen.forEach(array::add);
        return Checked.ok(array);
    }

    private static Checked number(String cell) {
        try {
            return Checked.ok(NODES.numberNode(new BigDecimal(cell)));
        } catch (NumberFormatException e) {
            return Checked.bad("must be a number (digits, '.' as decimal separator); got '" + cell + "'");
        }
    }

    private static Checked date(JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return seconds(Long.toString(value.longValue()));
        }
        if (value.isString()) {
            return isoDate(value.stringValue().trim());
        }
        return Checked.bad("must be a Unix timestamp in seconds or an ISO-8601 date or date-time string");
    }

    private static Checked seconds(String digits) {
        try {
            long seconds = Long.parseLong(digits);
            if (seconds >= MIN_SECONDS && seconds <= MAX_SECONDS) {
                return Checked.ok(NODES.numberNode(seconds));
            }
        } catch (NumberFormatException e) {
            // out of range, answered below
        }
        return Checked.bad("must be a Unix timestamp in seconds between years 1 and 9999; got " + digits);
    }

    /** {@code 2024-05-01}, {@code 2024-05-01T10:00:00Z}, with an offset, or without one (read as UTC). */
    private static Checked isoDate(String text) {
        try {
            Instant instant;
            if (text.length() == 10) {
                instant = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d(:?\\d\\d)?$")) {
                instant = OffsetDateTime.parse(text).toInstant();
            } else {
                instant = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            }
            return Checked.ok(NODES.numberNode(instant.getEpochSecond()));
        } catch (DateTimeException e) {
            return Checked.bad("must be a Unix timestamp in seconds or an ISO-8601 date (2024-05-31) or date-time "
                    + "(2024-05-31T09:30:00Z); got '" + text + "'");
        }
    }
}
