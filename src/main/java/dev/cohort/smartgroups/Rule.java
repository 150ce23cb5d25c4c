package dev.cohort.smartgroups;

import dev.cohort.web.Ids;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A smart group's rule, parsed and checked ({@link RuleParser}): {@code all}, {@code any}, {@code not} nodes over
 * conditions on member fields. Evaluated set-based in SQL ({@link RuleSql}) for whole Spots and in memory
 * ({@link RuleMatcher}) for the few members one request changes; both give the same answer.
 */
sealed interface Rule {

    record All(List<Rule> rules) implements Rule {
    }

    record Any(List<Rule> rules) implements Rule {
    }

    record Not(Rule rule) implements Rule {
    }

    /**
     * One condition, its values normalised by type: Strings (role, status, registrationSource, tag references,
     * texts and options, email lower-cased), UUIDs (customRoleId), Instants (before/after), Longs (day counts),
     * Booleans, and BigDecimals (numbers, and Date properties in Unix seconds). {@code key} and {@code type} are
     * the custom property's slug and type.
     */
    record Condition(String field, String op, String key, String type, List<Object> values, List<TagRef> tagRefs)
            implements Rule {
        Condition(String field, String op, String key, String type, List<Object> values) {
            this(field, op, key, type, values, "tags".equals(field) ? TagRef.of(values) : List.of());
        }

        Object value() {
            return values.get(0);
        }
    }

    /**
     * A tag reference of a {@code tags} condition, read once when the rule is parsed rather than at every member
     * checked: the id it may be, and the lower-cased name it may be.
     */
    record TagRef(UUID id, String lowerName) {
        static List<TagRef> of(List<Object> refs) {
            return refs.stream().map(ref -> new TagRef(Ids.parse((String) ref),
                    ((String) ref).toLowerCase(Locale.ROOT))).toList();
        }
    }

    /** The fields this rule reads, as member changes name them ("tags", "customProperty:plan", ...). */
    default Set<String> fields() {
        Set<String> fields = new TreeSet<>();
        collect(this, fields);
        return fields;
    }

    /** Whether the rule compares dates with "now", and so must be re-evaluated as time passes. */
    default boolean relative() {
        if (this instanceof Condition c) {
            return c.op().equals("withinLastDays") || c.op().equals("moreThanDaysAgo");
        }
        return children().stream().anyMatch(Rule::relative);
    }

    private static void collect(Rule rule, Set<String> fields) {
        if (rule instanceof Condition c) {
            fields.add(field(c.field(), c.key()));
        }
        rule.children().forEach(child -> collect(child, fields));
    }

    /** The nodes directly under this one. */
    default List<Rule> children() {
        if (this instanceof All all) {
            return all.rules();
        }
        if (this instanceof Any any) {
            return any.rules();
        }
        if (this instanceof Not not) {
            return List.of(not.rule());
        }
        return List.of();
    }

    /** The index name of a field: custom properties are indexed per slug. */
    static String field(String field, String key) {
        return "customProperty".equals(field) ? "customProperty:" + key : field;
    }
}
