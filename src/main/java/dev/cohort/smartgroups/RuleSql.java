package dev.cohort.smartgroups;

import dev.cohort.web.Ids;
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

    private final PropertySql properties;

    private RuleSql(RuleContext context, Instant now) {
        this.context = context;
        this.now = now;
        this.properties = new PropertySql(context, this::param);
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
        return "select v.member_id as id " + properties.valueRows(context.properties().get(c.key()), properties.rowTest(c));
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
        RuleVocabulary.Field field = RuleVocabulary.field(c.field());
        if (field.family() != RuleVocabulary.Family.TAGS && field.family() != RuleVocabulary.Family.PROPERTY) {
            readsMember = true;
        }
        return switch (field.family()) {
            case EQUALITY -> equality(field.column(), c, field.sqlType());
            case TAGS -> tags(c);
            case EMAIL -> email(c);
            case DATE -> date(field.column(), c);
            case PROPERTY -> properties.condition(c);
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

    private String param(Object value) {
        String name = "r" + params.size();
        params.put(name, value);
        return ":" + name;
    }
}
