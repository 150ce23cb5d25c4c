package dev.cohort.smartgroups;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Evaluates a rule on one member in memory, with the same meaning as {@link RuleSql}: used when a request changes a
 * few members, so that a change costs one read of their facts however many smart groups the Spot has.
 */
final class RuleMatcher {
    private RuleMatcher() {
    }

    static boolean matches(Rule rule, MemberFacts member, Instant now) {
        // Loops rather than streams: a large member change checks millions of (member, rule) pairs.
        if (rule instanceof Rule.All all) {
            for (Rule r : all.rules()) {
                if (!matches(r, member, now)) {
                    return false;
                }
            }
            return true;
        }
        if (rule instanceof Rule.Any any) {
            for (Rule r : any.rules()) {
                if (matches(r, member, now)) {
                    return true;
                }
            }
            return false;
        }
        if (rule instanceof Rule.Not not) {
            return !matches(not.rule(), member, now);
        }
        return condition((Rule.Condition) rule, member, now);
    }

    private static boolean condition(Rule.Condition c, MemberFacts m, Instant now) {
        RuleVocabulary.Field field = RuleVocabulary.field(c.field());
        return switch (field.family()) {
            case EQUALITY -> equality(c, field.fact().apply(m));
            case TAGS -> tags(c, m);
            case EMAIL -> email(c, m.email());
            case DATE -> date(c, (Instant) field.fact().apply(m), now);
            case PROPERTY -> property(c, m);
        };
    }

    private static boolean equality(Rule.Condition c, Object value) {
        boolean matches = value != null && c.values().contains(value);
        return c.op().equals("neq") || c.op().equals("notin") ? !matches : matches;
    }

    private static boolean tags(Rule.Condition c, MemberFacts m) {
        String op = c.op();
        for (Rule.TagRef ref : c.tagRefs()) {
            boolean has = hasTag(m, ref);
            if (op.equals("hasAll") && !has) {
                return false;
            }
            if (op.equals("hasAny") && has) {
                return true;
            }
            if (op.equals("hasNone") && has) {
                return false;
            }
        }
        return !op.equals("hasAny");
    }

    private static boolean hasTag(MemberFacts m, Rule.TagRef ref) {
        return (ref.id() != null && m.tags().containsKey(ref.id())) || m.tags().containsValue(ref.lowerName());
    }

    private static boolean email(Rule.Condition c, String email) {
        String value = (String) c.value();
        return switch (c.op()) {
            case "eq" -> email.equals(value);
            case "contains" -> email.contains(value);
            default -> {
                String domain = email.substring(email.indexOf('@') + 1);
                yield domain.equals(value) || domain.endsWith("." + value);
            }
        };
    }

    private static boolean date(Rule.Condition c, Instant date, Instant now) {
        if (date == null) {
            return false;
        }
        return switch (c.op()) {
            case "before" -> date.isBefore((Instant) c.value());
            case "after" -> date.isAfter((Instant) c.value());
            case "withinLastDays" -> !date.isBefore(now.minus((Long) c.value(), ChronoUnit.DAYS));
            default -> date.isBefore(now.minus((Long) c.value(), ChronoUnit.DAYS));
        };
    }

    private static boolean property(Rule.Condition c, MemberFacts m) {
        MemberFacts.Value stored = m.properties().get(c.key());
        JsonNode value = stored == null || !stored.type().equals(c.type()) ? null : stored.value();
        return switch (c.op()) {
            case "isEmpty" -> empty(value);
            case "isNotEmpty" -> !empty(value);
            case "neq" -> !test(c, "eq", value);
            case "notin" -> !test(c, "in", value);
            default -> test(c, c.op(), value);
        };
    }

    private static boolean empty(JsonNode value) {
        return value == null || (value.isString() && value.stringValue().isEmpty())
                || (value.isArray() && value.isEmpty());
    }

    private static boolean test(Rule.Condition c, String op, JsonNode value) {
        if (value == null) {
            return false;
        }
        switch (c.type()) {
            case "MultipleSelect" -> {
                if (!value.isArray()) {
                    return false;
                }
                for (JsonNode item : value) {
                    if (item.isString() && c.values().contains(item.stringValue())) {
                        return true;
                    }
                }
                return false;
            }
            case "Boolean" -> {
                return value.isBoolean() && value.booleanValue() == (Boolean) c.value();
            }
            case "Number", "Date" -> {
                if (!value.isNumber()) {
                    return false;
                }
                BigDecimal number = value.decimalValue();
                if (op.equals("in")) {
                    return c.values().stream().anyMatch(v -> number.compareTo((BigDecimal) v) == 0);
                }
                int order = number.compareTo((BigDecimal) c.value());
                return switch (op) {
                    case "gt" -> order > 0;
                    case "gte" -> order >= 0;
                    case "lt" -> order < 0;
                    case "lte" -> order <= 0;
                    default -> order == 0;
                };
            }
            default -> {
                if (!value.isString()) {
                    return false;
                }
                if (op.equals("contains")) {
                    return value.stringValue().toLowerCase(Locale.ROOT).contains((String) c.value());
                }
                return c.values().contains(value.stringValue());
            }
        }
    }
}
