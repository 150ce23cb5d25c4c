package dev.cohort.groups;

import dev.cohort.web.Ids;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A rule as a SQL predicate over the member row {@code m} (binding {@code :spot}), for set-based evaluation over a
 * whole Spot. Every condition yields true or false, never null, so that {@code not} is plain negation. Tags and
 * custom property values are read through {@code exists (...)} subqueries: at the top of the rule PostgreSQL plans
 * them as (hash) semi- or anti-joins, one pass over the values; under {@code or} and {@code not} as hashed subplans
 * when the values fit in memory (evaluations raise {@code work_mem}) and else as an index lookup per member, so
 * that no rule shape is worse than linear.
 */
final class RuleSql {
    /** The name a member's registration source is known by in rules. */
    static final String SOURCE = "coalesce(m.registration_source->>'utm_source', m.registration_source->>'source')";

    /**
     * A predicate over the member row {@code m} and its parameters; and, for a rule that reads only tags and property
     * values and requires one of them at its top level, a narrower form: {@code driver}, a query selecting the
     * {@code id}s of the Spot's members holding that tag or value (each once), and {@code rest}, the rule's other
     * conditions over {@code m.id}. Every member the rule selects is among the driver's, and the fact tables hold
     * rows of the Spot's members only (V11), so the evaluation need not read the member table at all.
     */
    record Predicate(String sql, Map<String, Object> params, String driver, String rest) {
    }

    private final RuleContext context;
    private final Instant now;
    private final Map<String, Object> params = new HashMap<>();
    /** Whether a compiled condition reads a column of the member row other than its id. */
    private boolean readsMember;

    private RuleSql(RuleContext context, Instant now) {
        this.context = context;
        this.now = now;
    }

    static Predicate compile(Rule rule, RuleContext context, Instant now) {
        RuleSql sql = new RuleSql(context, now);
        String predicate = sql.node(rule);
        List<Rule> conjuncts = rule instanceof Rule.All all ? all.rules() : List.of(rule);
        Rule.Condition driver = sql.readsMember ? null : sql.driver(conjuncts);
        if (driver == null) {
            return new Predicate(predicate, sql.params, null, null);
        }
        String source = sql.members(driver);
        // A hasAll of several tags is read from its first tag's holders, and stays in the rest for the others.
        boolean whole = !(driver.op().equals("hasAll") && sql.tagIds(driver).size() > 1);
        List<Rule> others = conjuncts.stream().filter(r -> r != driver || !whole).toList();
        String rest = others.isEmpty() ? "true" : sql.node(new Rule.All(others));
        return new Predicate(predicate, sql.params, source, rest);
    }

    /**
     * The top-level condition to read the candidate members from: one that holds only for members with a given
     * property value or tag, preferring an equality on a value (usually the fewest members), then tags, then other
     * value tests; null when there is none.
     */
    private Rule.Condition driver(List<Rule> conjuncts) {
        Rule.Condition best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Rule r : conjuncts) {
            if (r instanceof Rule.Condition c) {
                int rank = driverRank(c);
                if (rank < bestRank) {
                    best = c;
                    bestRank = rank;
                }
            }
        }
        return best;
    }

    private int driverRank(Rule.Condition c) {
        if (c.field().equals("tags")) {
            return switch (c.op()) {
                case "hasAll" -> allTagsExist(c) ? 1 : Integer.MAX_VALUE;
                case "hasAny" -> tagIds(c).isEmpty() ? Integer.MAX_VALUE : 2;
                default -> Integer.MAX_VALUE;
            };
        }
        if (!c.field().equals("customProperty")) {
            return Integer.MAX_VALUE;
        }
        RuleContext.Property property = context.properties().get(c.key());
        if (property == null || !property.type().equals(c.type())) {
            return Integer.MAX_VALUE;
        }
        return switch (c.op()) {
            case "eq" -> c.type().equals("Boolean") ? 3 : 0;
            case "in" -> 0;
            case "contains", "gt", "gte", "lt", "lte" -> 3;
            case "isNotEmpty" -> 4;
            default -> Integer.MAX_VALUE;
        };
    }

    /** The members of the Spot a driver condition holds for, each once, as a query selecting {@code id}. */
    private String members(Rule.Condition c) {
        if (c.field().equals("tags")) {
            List<UUID> ids = tagIds(c);
            // hasAll: the holders of its first tag (the condition itself stays with the rest of the rule).
            List<UUID> read = c.op().equals("hasAll") ? ids.subList(0, 1) : ids;
            return (read.size() == 1 ? "select " : "select distinct ") + "t.member_id as id " + tagRows(read);
        }
        return "select v.member_id as id " + valueRows(context.properties().get(c.key()), rowTest(c));
    }

    private String node(Rule rule) {
        if (rule instanceof Rule.All all) {
            return all.rules().stream().map(this::node).collect(Collectors.joining(" and ", "(", ")"));
        }
        if (rule instanceof Rule.Any any) {
            return any.rules().stream().map(this::node).collect(Collectors.joining(" or ", "(", ")"));
        }
        if (rule instanceof Rule.Not not) {
            return "(not " + node(not.rule()) + ")";
        }
        return condition((Rule.Condition) rule);
    }

    private String condition(Rule.Condition c) {
        if (!c.field().equals("tags") && !c.field().equals("customProperty")) {
            readsMember = true;
        }
        return switch (c.field()) {
            case "role" -> equality("m.role", c, "text");
            case "status" -> equality("m.status", c, "text");
            case "registrationSource" -> equality(SOURCE, c, "text");
            case "customRoleId" -> equality("m.custom_role_id", c, "uuid");
            case "tags" -> tags(c);
            case "email" -> email(c);
            case "registrationDate" -> date("m.registration_date", c);
            case "invitationDate" -> date("m.invitation_date", c);
            case "lastActivityAt" -> date("m.last_activity_at", c);
            default -> property(c);
        };
    }

    /** eq/in and their negations, null-safe: a member without a value matches neq and notin. */
    private String equality(String column, Rule.Condition c, String type) {
        String matches;
        if (c.values().size() == 1) {
            matches = "coalesce(" + column + " = cast(" + param(c.value()) + " as " + type + "), false)";
        } else {
            Object array = type.equals("uuid") ? c.values().toArray(UUID[]::new) : c.values().toArray(String[]::new);
            matches = "coalesce(" + column + " = any(cast(" + param(array) + " as " + type + "[])), false)";
        }
        return c.op().equals("neq") || c.op().equals("notin") ? "(not " + matches + ")" : matches;
    }

    /** The tags a condition names that exist now, each once, in the order named. */
    private List<UUID> tagIds(Rule.Condition c) {
        List<UUID> ids = new ArrayList<>();
        for (Object ref : c.values()) {
            UUID id = resolveTag((String) ref);
            if (id != null && !ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Whether every tag the condition names exists now. */
    private boolean allTagsExist(Rule.Condition c) {
        return c.values().stream().allMatch(ref -> resolveTag((String) ref) != null);
    }

    /** The Spot's rows of member_tag (alias {@code t}) for any of the tags, as a from clause. */
    private String tagRows(List<UUID> ids) {
        String tags = ids.size() == 1 ? "= cast(" + param(ids.get(0)) + " as uuid)"
                : "= any(cast(" + param(ids.toArray(UUID[]::new)) + " as uuid[]))";
        return "from member_tag t where t.spot_id = :spot and t.tag_id " + tags;
    }

    private String tags(Rule.Condition c) {
        List<UUID> ids = tagIds(c);
        if (c.op().equals("hasAll")) {
            if (!allTagsExist(c)) {
                return "false";
            }
            return ids.stream().map(id -> "exists (select 1 " + tagRows(List.of(id)) + " and t.member_id = m.id)")
                    .collect(Collectors.joining(" and ", "(", ")"));
        }
        String any = ids.isEmpty() ? "false" : "exists (select 1 " + tagRows(ids) + " and t.member_id = m.id)";
        return c.op().equals("hasNone") ? "(not " + any + ")" : any;
    }

    /** A reference is a tag's id, or else its name (case-insensitive); null when no such tag exists now. */
    private UUID resolveTag(String ref) {
        UUID id = Ids.parse(ref);
        if (id != null && context.tags().containsKey(id)) {
            return id;
        }
        return context.tagsByName().get(ref.toLowerCase(Locale.ROOT));
    }

    private String email(Rule.Condition c) {
        String value = param(c.value());
        return switch (c.op()) {
            case "eq" -> "(lower(m.email) = lower(" + value + "))";
            case "contains" -> "(strpos(lower(m.email), lower(" + value + ")) > 0)";
            default -> "(" + DOMAIN + " = lower(" + value + ") or right(" + DOMAIN + ", length(" + value
                    + ") + 1) = '.' || lower(" + value + "))";
        };
    }

    /** The part of the address after its first '@'. */
    static final String DOMAIN = "substr(lower(m.email), strpos(m.email, '@') + 1)";

    private String date(String column, Rule.Condition c) {
        Instant instant = switch (c.op()) {
            case "before", "after" -> (Instant) c.value();
            default -> now.minus((Long) c.value(), ChronoUnit.DAYS);
        };
        String value = "cast(" + param(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)) + " as timestamptz)";
        String comparison = switch (c.op()) {
            case "before", "moreThanDaysAgo" -> " < ";
            case "after" -> " > ";
            default -> " >= ";
        };
        return "coalesce(" + column + comparison + value + ", false)";
    }

    private String property(Rule.Condition c) {
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
    private String valueRows(RuleContext.Property property, String test) {
        return "from member_property_value v where v.spot_id = :spot and v.property_id = cast(" + param(property.id())
                + " as uuid) and " + test;
    }

    /** What a value row must pass for the condition to hold, or (isEmpty, neq, notin) for it to fail. */
    private String rowTest(Rule.Condition c) {
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
            return "jsonb_typeof(v.value) = 'array' and jsonb_exists_any(v.value, cast(" + param(options)
                    + " as text[]))";
        }
        // Booleans are read from the jsonb value; its cast is guarded by case, since PostgreSQL may evaluate the
        // conditions of an "and" in any order and another property's value can be a string.
        if (type.equals("Boolean")) {
            return "case when jsonb_typeof(v.value) = 'boolean' then cast(v.value as boolean) = cast("
                    + param(c.value()) + " as boolean) else false end";
        }
        // Numbers (and dates, stored as Unix seconds) and strings are read from the typed columns (V13), null
        // unless the value has that type, whose index holds the members: the condition is one index range.
        if (type.equals("Number") || type.equals("Date")) {
            if (op.equals("in")) {
                String[] texts = c.values().stream().map(n -> ((BigDecimal) n).toPlainString()).toArray(String[]::new);
                return NUMBER + "v.value_number = any(cast(cast(" + param(texts) + " as text[]) as numeric[]))";
            }
            String operator = switch (op) {
                case "gt" -> " > ";
                case "gte" -> " >= ";
                case "lt" -> " < ";
                case "lte" -> " <= ";
                default -> " = ";
            };
            return NUMBER + "v.value_number" + operator + "cast(" + param(((BigDecimal) c.value()).toPlainString())
                    + " as numeric)";
        }
        if (op.equals("contains")) {
            return "strpos(lower(v.value_text), lower(" + param(c.value()) + ")) > 0";
        }
        return "v.value_text = any(cast(" + param(c.values().toArray(String[]::new)) + " as text[]))";
    }

    private String param(Object value) {
        String name = "r" + params.size();
        params.put(name, value);
        return ":" + name;
    }
}
