package dev.cohort.smartgroups;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reading one value of a condition into its normalised type (see {@link Rule.Condition}); null when it does not read. */
final class RuleValues {
    /** Values above this are read as Unix milliseconds rather than seconds, as in the list filters. */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    static Object oneOf(JsonNode value, List<String> allowed) {
        return value.isString() && allowed.contains(value.stringValue()) ? value.stringValue() : null;
    }

    /**
     * The option named (case-insensitively), in its canonical spelling. Reading a saved rule, an option removed
     * since stays as written: it matches no member (their values lost it), and the other values keep working.
     */
    static Object option(JsonNode value, List<String> options, boolean lenient) {
        if (!value.isString()) {
            return null;
        }
        for (String option : options) {
            if (option.equalsIgnoreCase(value.stringValue())) {
                return option;
            }
        }
        return lenient ? value.stringValue() : null;
    }

    /** A Date property's value: Unix seconds, or an ISO date (midnight UTC) or date-time. */
    static Object propertyDate(JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return BigDecimal.valueOf(value.longValue());
        }
        if (!value.isString()) {
            return null;
        }
        String text = value.stringValue().trim();
        try {
            Instant instant = text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
            return BigDecimal.valueOf(instant.getEpochSecond());
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A before/after value: Unix seconds (or milliseconds, above the threshold). */
    static Object timestamp(JsonNode v) {
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            return null;
        }
        long number = v.longValue();
        return Math.abs(number) >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
    }

    private RuleValues() {
    }
}
