package dev.cohort.smartgroups;

import static dev.cohort.smartgroups.PropertyFixtures.DAY;
import static dev.cohort.smartgroups.PropertyFixtures.texts;

import dev.cohort.smartgroups.PropertyModel.Member;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The evaluator's conditions on member fields, for {@link PropertyOracle}: role, customRoleId, status and
 * registrationSource (eq neq in notin, case-sensitive), email (eq contains domainIs, case-insensitive) and the
 * member dates (before after withinLastDays moreThanDaysAgo).
 */
final class MemberFieldConditions {
    private MemberFieldConditions() {
    }

    /** eq/in need a value; neq is exactly not eq and notin exactly not in. Case-sensitive. */
    static boolean strings(String op, String actual, JsonNode value) {
        return switch (op) {
            case "eq" -> actual != null && actual.equals(value.asString());
            case "neq" -> !strings("eq", actual, value);
            case "in" -> actual != null && texts(value).contains(actual);
            case "notin" -> !strings("in", actual, value);
            default -> throw new IllegalStateException(op);
        };
    }

    /** registrationSource.utm_source, or .source when there is no utm_source. */
    static String source(Member m) {
        JsonNode source = m.registrationSource();
        if (source == null) {
            return null;
        }
        if (source.path("utm_source").isString()) {
            return source.path("utm_source").asString();
        }
        return source.path("source").isString() ? source.path("source").asString() : null;
    }

    static boolean email(String op, String email, String value) {
        String e = email.toLowerCase(Locale.ROOT);
        String v = value.toLowerCase(Locale.ROOT);
        return switch (op) {
            case "eq" -> e.equals(v);
            case "contains" -> e.contains(v);
            case "domainIs" -> {
                String domain = e.substring(e.lastIndexOf('@') + 1);
                yield domain.equals(v) || domain.endsWith("." + v);
            }
            default -> throw new IllegalStateException(op);
        };
    }

    /** Dates in Unix ms; rule values in seconds (ms from 1e11). Null never matches. */
    static boolean date(String op, Long date, JsonNode value) {
        if (date == null) {
            return false;
        }
        long v = value.asLong();
        long now = System.currentTimeMillis();
        return switch (op) {
            case "before" -> date < (v >= 100_000_000_000L ? v : v * 1000);
            case "after" -> date > (v >= 100_000_000_000L ? v : v * 1000);
            case "withinLastDays" -> date >= now - v * DAY;
            case "moreThanDaysAgo" -> date < now - v * DAY;
            default -> throw new IllegalStateException(op);
        };
    }
}
