package dev.cohort.smartgroups;

import static dev.cohort.smartgroups.PropertyFixtures.DATES;
import static dev.cohort.smartgroups.PropertyFixtures.DAY;
import static dev.cohort.smartgroups.PropertyFixtures.DOMAIN_RULES;
import static dev.cohort.smartgroups.PropertyFixtures.EMAIL_FRAGMENTS;
import static dev.cohort.smartgroups.PropertyFixtures.MEMBER_FIELDS;
import static dev.cohort.smartgroups.PropertyFixtures.NODES;
import static dev.cohort.smartgroups.PropertyFixtures.NUMBER_RULES;
import static dev.cohort.smartgroups.PropertyFixtures.PROPS;
import static dev.cohort.smartgroups.PropertyFixtures.ROLES;
import static dev.cohort.smartgroups.PropertyFixtures.SOURCES;
import static dev.cohort.smartgroups.PropertyFixtures.STATUSES;
import static dev.cohort.smartgroups.PropertyFixtures.TEXT_CONTAINS;
import static dev.cohort.smartgroups.PropertyFixtures.TEXT_RULES;
import static dev.cohort.smartgroups.PropertyFixtures.collectConditions;
import static dev.cohort.smartgroups.PropertyFixtures.number;
import static dev.cohort.smartgroups.PropertyFixtures.texts;

import dev.cohort.smartgroups.PropertyFixtures.Prop;
import dev.cohort.support.Api;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The random rules of {@link SmartGroupPropertyApiTest}: nested all/any/not trees whose conditions cover every
 * field and every operator valid for it, drawn over the round's current state; the one-condition edits of a
 * rule; and whether a rule can still be saved (every tag, custom role and option it names exists).
 */
abstract class PropertyRules extends PropertyModel {
    PropertyRules(long roundSeed, Supplier<Api.SpotClient> newSpot) {
        super(roundSeed, newSpot);
    }

    /** A random rule over the current state (reloaded by the caller). */
    JsonNode randomRule() {
        // Shallow rules are the most sensitive to each operator; deep ones check the combinations.
        int roll = rnd.nextInt(100);
        return node(0, roll < 30 ? 0 : roll < 65 ? 1 : roll < 85 ? 2 : 3);
    }

    JsonNode node(int depth, int maxDepth) {
        int roll = rnd.nextInt(100);
        if (depth >= maxDepth || (depth > 0 && roll < 20)) {
            return condition();
        }
        ObjectNode node = NODES.objectNode();
        if (roll < 80) {
            ArrayNode children = node.putArray(roll % 2 == 0 ? "all" : "any");
            for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
                children.add(node(depth + 1, maxDepth));
            }
        } else {
            node.set("not", node(depth + 1, maxDepth));
        }
        return node;
    }

    JsonNode condition() {
        String field = pick(MEMBER_FIELDS);
        ObjectNode c = NODES.objectNode();
        c.put("field", field);
        switch (field) {
            case "role" -> stringChoice(c, ROLES, List.of());
            case "customRoleId" -> stringChoice(c, customRoleIds, List.of());
            case "status" -> stringChoice(c, STATUSES, List.of());
            case "registrationSource" -> stringChoice(c, SOURCES, List.of("nope", "email"));
            case "tags" -> {
                c.put("op", pick(List.of("hasAny", "hasAll", "hasNone")));
                ArrayNode values = c.putArray("value");
                Set<String> chosen = new HashSet<>();
                for (int i = 1 + rnd.nextInt(Math.min(3, tags.size())); i > 0; i--) {
                    Tag t = pick(tags);
                    boolean byName = rnd.nextBoolean();
                    if (chosen.add(t.id())) {
                        values.add(byName ? flipCase(t.name()) : t.id());
                    }
                }
            }
            case "email" -> {
                String op = pick(List.of("eq", "contains", "domainIs"));
                c.put("op", op);
                Member someone = members.isEmpty() ? null : members.get(pick(new ArrayList<>(members.keySet())));
                String value = switch (op) {
                    case "eq" -> someone == null || rnd.nextInt(5) == 0 ? "nobody@example.com"
                            : flipCase(someone.email());
                    case "contains" -> {
                        if (someone == null || rnd.nextBoolean()) {
                            yield pick(EMAIL_FRAGMENTS);
                        }
                        String email = someone.email();
                        int from = rnd.nextInt(email.length() - 1);
                        yield flipCase(email.substring(from, Math.min(email.length(), from + 2 + rnd.nextInt(5))));
                    }
                    default -> pick(DOMAIN_RULES);
                };
                c.put("value", value);
            }
            case "registrationDate", "invitationDate", "lastActivityAt" -> dateCondition(c);
            default -> propertyCondition(c);
        }
        return c;
    }

    void stringChoice(ObjectNode c, List<String> pool, List<String> extra) {
        List<String> all = new ArrayList<>(pool);
        all.addAll(extra);
        String op = pick(List.of("eq", "neq", "in", "notin"));
        c.put("op", op);
        if (op.equals("eq") || op.equals("neq")) {
            c.put("value", pick(all));
        } else {
            ArrayNode values = c.putArray("value");
            subset(all, 1).forEach(values::add);
        }
    }

    void dateCondition(ObjectNode c) {
        String op = pick(List.of("before", "after", "withinLastDays", "moreThanDaysAgo"));
        c.put("op", op);
        int kind = rnd.nextInt(3);
        int days = 1 + rnd.nextInt(1000);
        double position = rnd.nextDouble();
        boolean millis = rnd.nextBoolean();
        if (op.equals("withinLastDays") || op.equals("moreThanDaysAgo")) {
            c.put("value", kind == 0 ? 1 : days);
            return;
        }
        long now = System.currentTimeMillis();
        long threshold = switch (kind) {
            case 0 -> now - days * DAY;
            case 1 -> now + days * DAY;
            default -> safeSplit(now, position);
        };
        threshold = threshold / 1000 * 1000;
        c.put("value", millis ? threshold : threshold / 1000);
    }

    /**
     * A whole second at least 1 s away from every member date and from now: between two of the members' dates
     * (or between the last one and now), so that members fall on both sides; later dates are all "now", later.
     */
    long safeSplit(long now, double position) {
        TreeSet<Long> dates = new TreeSet<>();
        for (Member m : members.values()) {
            for (Long d : new Long[] {m.registrationDate(), m.invitationDate(), m.lastActivityAt()}) {
                if (d != null) {
                    dates.add(d);
                }
            }
        }
        dates.add(now);
        List<Long> candidates = new ArrayList<>();
        Long previous = null;
        for (long d : dates) {
            if (previous != null) {
                for (long s = (previous + 1_999) / 1000 * 1000; s <= d - 1_000; s += 1000) {
                    candidates.add(s);
                }
            }
            previous = d;
        }
        if (candidates.isEmpty()) {
            return now - DAY;
        }
        return candidates.get((int) (position * candidates.size()));
    }

    void propertyCondition(ObjectNode c) {
        Prop p = pick(PROPS);
        c.put("key", p.slug());
        List<String> ops = switch (p.type()) {
            case "Text" -> List.of("eq", "neq", "in", "notin", "contains", "isEmpty", "isNotEmpty");
            case "SingleSelect" -> List.of("eq", "neq", "in", "notin", "isEmpty", "isNotEmpty");
            case "MultipleSelect" -> List.of("contains", "in", "notin", "isEmpty", "isNotEmpty");
            case "Boolean" -> List.of("eq", "neq", "isEmpty", "isNotEmpty");
            case "Number" -> List.of("eq", "neq", "in", "notin", "gt", "gte", "lt", "lte", "isEmpty", "isNotEmpty");
            default -> List.of("eq", "neq", "gt", "gte", "lt", "lte", "isEmpty", "isNotEmpty");
        };
        String op = pick(ops);
        c.put("op", op);
        if (op.equals("isEmpty") || op.equals("isNotEmpty")) {
            return;
        }
        boolean list = op.equals("in") || op.equals("notin");
        Supplier<JsonNode> one = switch (p.type()) {
            case "Text" -> op.equals("contains") ? () -> NODES.stringNode(pick(TEXT_CONTAINS))
                    : () -> NODES.stringNode(pick(TEXT_RULES));
            case "SingleSelect" -> () -> NODES.stringNode(flipCase(pick(options.get("plan"))));
            case "MultipleSelect" -> () -> NODES.stringNode(pick(options.get("topics")));
            case "Boolean" -> () -> NODES.booleanNode(rnd.nextBoolean());
            case "Number" -> () -> number(pick(NUMBER_RULES));
            default -> () -> {
                long date = pick(DATES);
                return date % 86_400 == 0 && rnd.nextBoolean()
                        ? NODES.stringNode(LocalDate.ofEpochDay(date / 86_400).toString()) : NODES.numberNode(date);
            };
        };
        if (list) {
            ArrayNode values = c.putArray("value");
            for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
                values.add(one.get());
            }
        } else {
            c.set("value", one.get());
        }
    }

    /** A copy of a rule with one condition replaced (small edits make small entering/leaving sets). */
    JsonNode mutate(JsonNode rule) {
        List<JsonNode> conditions = new ArrayList<>();
        collectConditions(rule, conditions);
        JsonNode target = conditions.get(rnd.nextInt(conditions.size()));
        return replace(rule, target, condition());
    }

    JsonNode replace(JsonNode node, JsonNode target, JsonNode with) {
        if (node == target) {
            return with;
        }
        if (node.has("all") || node.has("any")) {
            String key = node.has("all") ? "all" : "any";
            ObjectNode copy = NODES.objectNode();
            ArrayNode children = copy.putArray(key);
            node.get(key).forEach(child -> children.add(replace(child, target, with)));
            return copy;
        }
        if (node.has("not")) {
            ObjectNode copy = NODES.objectNode();
            copy.set("not", replace(node.get("not"), target, with));
            return copy;
        }
        return node;
    }

    /** Whether every tag, custom role and select option the rule names still exists (it can be saved again). */
    boolean stillValid(JsonNode rule) {
        List<JsonNode> conditions = new ArrayList<>();
        collectConditions(rule, conditions);
        for (JsonNode c : conditions) {
            List<String> values = c.path("value").isArray() ? texts(c.path("value"))
                    : List.of(c.path("value").asString());
            String field = c.path("field").asString();
            for (String v : values) {
                boolean exists = switch (field) {
                    case "tags" -> tags.stream().anyMatch(t -> t.id().equalsIgnoreCase(v)
                            || t.name().equalsIgnoreCase(v));
                    case "customRoleId" -> customRoleIds.contains(v);
                    case "customProperty" -> !options.containsKey(c.path("key").asString())
                            || c.path("value").isMissingNode()
                            || options.get(c.path("key").asString()).stream().anyMatch(v::equalsIgnoreCase);
                    default -> true;
                };
                if (!exists) {
                    return false;
                }
            }
        }
        return true;
    }
}
