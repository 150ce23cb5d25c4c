package dev.cohort.smartgroups;

import java.math.BigDecimal;
import java.util.function.Function;

/**
 * The SQL of custom property conditions, for {@link RuleSql}: tests on the Spot's rows of
 * {@code member_property_value}, read from its typed columns (V13) so that a condition is one index range.
 */
final class PropertySql {
    private final RuleContext context;
    /** Binds a value as the next parameter of the rule's statement; answers its placeholder. */
    private final Function<Object, String> param;

    PropertySql(RuleContext context, Function<Object, String> param) {
        this.context = context;
        this.param = param;
    }

    /** A customProperty condition over the member row {@code m}. */
    String condition(Rule.Condition c) {
        RuleContext.Property property = context.properties().get(c.key());
        if (property == null || !property.type().equals(c.type())) {
            // The property was deleted (or replaced by one of another type) since the rule was saved: no member
            // has a value for it.
            return switch (c.op()) {
                case "neq", "notin", "isEmpty" -> "true";
                default -> "false";
            };
        }
        String values = "exists (select 1 " + valueRows(property, rowTest(c)) + " and v.member_id = m.id)";
        return switch (c.op()) {
            case "isEmpty", "neq", "notin" -> "(not " + values + ")";
            default -> values;
        };
    }

    /**
     * The Spot's rows of member_property_value (alias {@code v}) of the property passing the test, as a from clause.
     */
    String valueRows(RuleContext.Property property, String test) {
        return "from member_property_value v where v.spot_id = :spot and v.property_id = cast(" + param.apply(property.id())
                + " as uuid) and " + test;
    }

    /** What a value row must pass for the condition to hold, or (isEmpty, neq, notin) for it to fail. */
    String rowTest(Rule.Condition c) {
        return switch (c.op()) {
            case "isEmpty", "isNotEmpty" -> NOT_EMPTY;
            case "neq" -> valueTest(c, "eq");
            case "notin" -> valueTest(c, "in");
            default -> valueTest(c, c.op());
        };
    }

    /**
     * Stated for numbers, although it follows from the type: the value index is ordered by value_text before
     * value_number, so that a number condition is a range of it only with value_text's null as a key.
     */
    private static final String NUMBER = "v.value_text is null and ";

    private static final String NOT_EMPTY = "v.value not in ('\"\"'::jsonb, '[]'::jsonb)";

    private String valueTest(Rule.Condition c, String op) {
        String type = c.type();
        if (type.equals("MultipleSelect")) {
            String[] options = c.values().toArray(String[]::new);
            return "jsonb_typeof(v.value) = 'array' and jsonb_exists_any(v.value, cast(" + param.apply(options)
                    + " as text[]))";
        }
        // Booleans are read from the jsonb value; its cast is guarded by case, since PostgreSQL may evaluate the
        // conditions of an "and" in any order and another property's value can be a string.
        if (type.equals("Boolean")) {
            return "case when jsonb_typeof(v.value) = 'boolean' then cast(v.value as boolean) = cast("
                    + param.apply(c.value()) + " as boolean) else false end";
        }
        // Numbers (and dates, stored as Unix seconds) and strings are read from the typed columns (V13), null
        // unless the value has that type, whose index holds the members: the condition is one index range.
        if (type.equals("Number") || type.equals("Date")) {
            if (op.equals("in")) {
                String[] texts = c.values().stream().map(n -> ((BigDecimal) n).toPlainString()).toArray(String[]::new);
                return NUMBER + "v.value_number = any(cast(cast(" + param.apply(texts) + " as text[]) as numeric[]))";
            }
            String operator = switch (op) {
                case "gt" -> " > ";
                case "gte" -> " >= ";
                case "lt" -> " < ";
                case "lte" -> " <= ";
                default -> " = ";
            };
            return NUMBER + "v.value_number" + operator + "cast(" + param.apply(((BigDecimal) c.value()).toPlainString())
                    + " as numeric)";
        }
        if (op.equals("contains")) {
            return "strpos(lower(v.value_text), lower(" + param.apply(c.value()) + ")) > 0";
        }
        return "v.value_text = any(cast(" + param.apply(c.values().toArray(String[]::new)) + " as text[]))";
    }
}
