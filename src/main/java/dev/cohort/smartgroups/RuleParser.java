package dev.cohort.smartgroups;

import static dev.cohort.smartgroups.RuleValues.oneOf;
import static dev.cohort.smartgroups.RuleValues.option;
import static dev.cohort.smartgroups.RuleVocabulary.ROLES;
import static dev.cohort.smartgroups.RuleVocabulary.STATUSES;

import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.InvalidInputException;
import dev.cohort.web.Ids;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Reads a rule from its JSON form and checks it against the Spot (tags, custom properties, roles). Every problem
 * is reported with its place in the tree ({@code rule.all[1].not.value}); a rule with any problem is refused.
 */
final class RuleParser {
    static final int MAX_DEPTH = 10;
    static final int MAX_CONDITIONS = 200;
    static final int MAX_VALUES = 1000;

    private final RuleContext context;
    /** Reading a saved rule: tags, roles and properties deleted since are no error, they match no member. */
    private final boolean lenient;
    private final List<FieldProblem> problems = new ArrayList<>();
    private int conditions;

    private RuleParser(RuleContext context, boolean lenient) {
        this.context = context;
        this.lenient = lenient;
    }

    /** The rule read from {@code node}; a 400 naming each problem under {@code path} otherwise. */
    static Rule parse(JsonNode node, String path, RuleContext context) {
        RuleParser parser = new RuleParser(context, false);
        Rule rule = parser.node(node, path, 1);
        if (parser.conditions > MAX_CONDITIONS) {
            parser.problem(path, "must hold at most " + MAX_CONDITIONS + " conditions");
        }
        if (!parser.problems.isEmpty()) {
            throw new InvalidInputException(parser.problems);
        }
        return rule;
    }

    /**
     * A rule saved earlier, read against the Spot as it is now: references to tags, roles or custom properties that
     * no longer exist (or changed type) are kept and match no member.
     */
    static Rule stored(JsonNode node, RuleContext context) {
        RuleParser parser = new RuleParser(context, true);
        Rule rule = parser.node(node, "rule", 1);
        if (!parser.problems.isEmpty()) {
            throw new IllegalStateException("A saved rule no longer reads: " + parser.problems);
        }
        return rule;
    }

    private Rule node(JsonNode node, String path, int depth) {
        if (node == null || !node.isObject()) {
            return problem(path, "must be an object: {\"all\": [...]}, {\"any\": [...]}, {\"not\": {...}} or a "
                    + "condition {\"field\", \"op\", \"value\"}");
        }
        if (depth > MAX_DEPTH) {
            return problem(path, "is nested too deeply (at most " + MAX_DEPTH + " levels)");
        }
        Set<String> names = new LinkedHashSet<>(node.propertyNames());
        for (String combinator : List.of("all", "any", "not")) {
            if (names.contains(combinator)) {
                if (names.size() > 1) {
                    names.remove(combinator);
                    return problem(path, "a '" + combinator + "' node has no other member; found " + names);
                }
                String at = path + "." + combinator;
                JsonNode child = node.get(combinator);
                if (combinator.equals("not")) {
                    Rule inner = node(child, at, depth + 1);
                    return inner == null ? null : new Rule.Not(inner);
                }
                if (!child.isArray() || child.isEmpty()) {
                    return problem(at, "must be a non-empty array of rules");
                }
                List<Rule> rules = new ArrayList<>();
                for (int i = 0; i < child.size(); i++) {
                    rules.add(node(child.get(i), at + "[" + i + "]", depth + 1));
                }
                if (rules.contains(null)) {
                    return null;
                }
                return combinator.equals("all") ? new Rule.All(rules) : new Rule.Any(rules);
            }
        }
        return condition(node, path, names);
    }

    private Rule condition(JsonNode node, String path, Set<String> names) {
        conditions++;
        for (String name : names) {
            if (!List.of("field", "op", "value", "key").contains(name)) {
                problem(path + "." + name, "is not part of a condition (field, op, value, key)");
            }
        }
        String field = text(node, "field", path);
        String op = text(node, "op", path);
        if (field == null || op == null) {
            return null;
        }
        if (RuleVocabulary.field(field) == null) {
            return problem(path + ".field", "must be one of " + RuleVocabulary.names());
        }
        JsonNode value = node.get("value");
        String valuePath = path + ".value";
        if (field.equals("customProperty")) {
            return property(node, path, op, value);
        }
        if (node.has("key")) {
            return problem(path + ".key", "only customProperty conditions have a key");
        }
        List<String> ops = RuleVocabulary.field(field).ops();
        if (!ops.contains(op)) {
            return problem(path + ".op", "must be one of " + ops + " for " + field);
        }
        List<Object> values = switch (field) {
            case "role" -> equality(value, valuePath, op, v -> oneOf(v, ROLES), "one of " + ROLES);
            case "status" -> equality(value, valuePath, op, v -> oneOf(v, STATUSES), "one of " + STATUSES);
            case "registrationSource" -> equality(value, valuePath, op, v -> v.isString() ? v.stringValue() : null,
                    "a string (the registration source's utm_source)");
            case "customRoleId" -> equality(value, valuePath, op, this::customRole,
                    "the id of a custom role of this Spot");
            case "tags" -> list(value, valuePath, this::tag, "ids or names of tags of this Spot");
            case "email" -> single(value, valuePath, v -> v.isString() && !v.stringValue().isBlank()
                    ? v.stringValue().trim().toLowerCase(Locale.ROOT) : null, "a non-empty string");
            default -> dates(value, valuePath, op);
        };
        return values == null ? null : new Rule.Condition(field, op, null, null, values);
    }

    private Rule property(JsonNode node, String path, String op, JsonNode value) {
        JsonNode keyNode = node.get("key");
        if (keyNode == null || !keyNode.isString()) {
            return problem(path + ".key", "is required for customProperty: the property's slug");
        }
        String key = keyNode.stringValue();
        RuleContext.Property property = context.properties().get(key);
        int problemsBefore = problems.size();
        Rule.Condition gone = new Rule.Condition("customProperty", op, key, null, List.of());
        if (property == null) {
            return lenient ? gone : problem(path + ".key", "no custom property '" + key + "' in this Spot");
        }
        String type = property.type();
        List<String> ops = RuleVocabulary.PROPERTY_OPS.get(type);
        if (!ops.contains(op)) {
            return lenient ? gone
                    : problem(path + ".op", "must be one of " + ops + " for the " + type + " property '" + key + "'");
        }
        String valuePath = path + ".value";
        List<Object> values;
        if (op.equals("isEmpty") || op.equals("isNotEmpty")) {
            if (value != null) {
                return problem(valuePath, "must be absent for " + op);
            }
            values = List.of();
        } else {
            java.util.function.Function<JsonNode, Object> reader = switch (type) {
                case "Text" -> v -> v.isString() ? v.stringValue() : null;
                case "SingleSelect", "MultipleSelect" -> v -> option(v, property.options(), lenient);
                case "Boolean" -> v -> v.isBoolean() ? (Object) v.booleanValue() : null;
                case "Number" -> v -> v.isNumber() ? v.decimalValue() : null;
                default -> RuleValues::propertyDate;
            };
            String expected = switch (type) {
                case "Text" -> "a string";
                case "SingleSelect", "MultipleSelect" -> "one of " + property.options();
                case "Boolean" -> "true or false";
                case "Number" -> "a number";
                default -> "a date: Unix seconds or an ISO date such as 2024-05-31";
            };
            expected += " (the property '" + key + "' is " + type + ")";
            boolean many = op.equals("in") || op.equals("notin");
            values = many ? list(value, valuePath, reader, expected) : single(value, valuePath, reader, expected);
            if (values != null && op.equals("contains") && type.equals("Text")) {
                values = List.of(((String) values.get(0)).toLowerCase(Locale.ROOT));
            }
        }
        if (values == null && lenient) {
            problems.subList(problemsBefore, problems.size()).clear();
            return gone;
        }
        return values == null ? null : new Rule.Condition("customProperty", op, key, type, values);
    }

    private List<Object> equality(JsonNode value, String path, String op,
                                  java.util.function.Function<JsonNode, Object> reader, String expected) {
        return op.equals("in") || op.equals("notin") ? list(value, path, reader, expected)
                : single(value, path, reader, expected);
    }

    private List<Object> dates(JsonNode value, String path, String op) {
        if (op.equals("before") || op.equals("after")) {
            return single(value, path, RuleValues::timestamp, "a Unix timestamp (seconds)");
        }
        return single(value, path, v -> v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0
                && v.longValue() <= 100_000 ? (Object) v.longValue() : null, "a whole number of days (0 to 100000)");
    }

    private List<Object> single(JsonNode value, String path, java.util.function.Function<JsonNode, Object> reader,
                                String expected) {
        if (value == null || value.isNull()) {
            problem(path, "is required: " + expected);
            return null;
        }
        if (value.isArray()) {
            problem(path, "must be a single value (" + expected + "), not an array");
            return null;
        }
        Object read = reader.apply(value);
        if (read == null) {
            if (!problems.isEmpty() && problems.get(problems.size() - 1).field().equals(path)) {
                return null;
            }
            problem(path, "must be " + expected);
            return null;
        }
        List<Object> values = new ArrayList<>();
        values.add(read);
        return values;
    }

    private List<Object> list(JsonNode value, String path, java.util.function.Function<JsonNode, Object> reader,
                              String expected) {
        if (value == null || !value.isArray() || value.isEmpty()) {
            problem(path, "must be a non-empty array of " + expected);
            return null;
        }
        if (value.size() > MAX_VALUES) {
            problem(path, "must hold at most " + MAX_VALUES + " values");
            return null;
        }
        List<Object> values = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < value.size(); i++) {
            int before = problems.size();
            Object read = reader.apply(value.get(i));
            if (read == null) {
                if (problems.size() == before) {
                    problem(path + "[" + i + "]", "must be " + expected);
                }
                ok = false;
            } else if (!values.contains(read)) {
                values.add(read);
            }
        }
        return ok ? values : null;
    }

    private Object customRole(JsonNode value) {
        UUID id = value.isString() ? Ids.parse(value.stringValue()) : null;
        return id != null && (lenient || context.customRoles().contains(id)) ? id : null;
    }

    private Object tag(JsonNode value) {
        if (!value.isString()) {
            return null;
        }
        String ref = value.stringValue();
        if (lenient) {
            return ref;
        }
        UUID id = Ids.parse(ref);
        if ((id != null && context.tags().containsKey(id))
                || context.tagsByName().containsKey(ref.toLowerCase(Locale.ROOT))) {
            return ref;
        }
        return null;
    }

    private String text(JsonNode node, String name, String path) {
        JsonNode value = node.get(name);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            problem(path + "." + name, "is required: a string");
            return null;
        }
        return value.stringValue();
    }

    private Rule problem(String path, String message) {
        problems.add(new FieldProblem(path, message));
        return null;
    }
}
