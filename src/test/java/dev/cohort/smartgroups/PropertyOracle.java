package dev.cohort.smartgroups;

import static dev.cohort.smartgroups.MemberFieldConditions.date;
import static dev.cohort.smartgroups.MemberFieldConditions.email;
import static dev.cohort.smartgroups.MemberFieldConditions.source;
import static dev.cohort.smartgroups.MemberFieldConditions.strings;
import static dev.cohort.smartgroups.PropertyConditions.property;
import static dev.cohort.smartgroups.PropertyFixtures.showDate;

import dev.cohort.support.Api;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The independent evaluator of {@link SmartGroupPropertyApiTest}, written from the contract alone: whether a
 * rule matches a modelled member (the conditions on member fields in {@link MemberFieldConditions}, on custom
 * properties in {@link PropertyConditions}, on tags here, since tag names resolve against the Spot's tags), the
 * membership a rule and its exceptions give, and the descriptions of members and evaluations that failure
 * messages show.
 */
abstract class PropertyOracle extends PropertyRules {
    PropertyOracle(long roundSeed, Supplier<Api.SpotClient> newSpot) {
        super(roundSeed, newSpot);
    }

    boolean matches(JsonNode node, Member m) {
        if (node.has("all")) {
            for (JsonNode child : node.get("all")) {
                if (!matches(child, m)) {
                    return false;
                }
            }
            return true;
        }
        if (node.has("any")) {
            for (JsonNode child : node.get("any")) {
                if (matches(child, m)) {
                    return true;
                }
            }
            return false;
        }
        if (node.has("not")) {
            return !matches(node.get("not"), m);
        }
        String op = node.path("op").asString();
        JsonNode value = node.path("value");
        return switch (node.path("field").asString()) {
            case "role" -> strings(op, m.role(), value);
            case "customRoleId" -> strings(op, m.customRoleId(), value);
            case "status" -> strings(op, m.status(), value);
            case "registrationSource" -> strings(op, source(m), value);
            case "tags" -> tagsMatch(op, m, value);
            case "email" -> email(op, m.email(), value.asString());
            case "registrationDate" -> date(op, m.registrationDate(), value);
            case "invitationDate" -> date(op, m.invitationDate(), value);
            case "lastActivityAt" -> date(op, m.lastActivityAt(), value);
            case "customProperty" -> property(node.path("key").asString(), op, m, value);
            default -> throw new IllegalStateException("the generator made an unknown field: " + node);
        };
    }

    boolean tagsMatch(String op, Member m, JsonNode value) {
        Set<String> wanted = new HashSet<>();
        for (JsonNode v : value) {
            String text = v.asString();
            String id = "missing:" + text;
            for (Tag t : tags) {
                if (t.id().equalsIgnoreCase(text) || t.name().equalsIgnoreCase(text)) {
                    id = t.id();
                    break;
                }
            }
            wanted.add(id);
        }
        Set<String> has = new HashSet<>(m.tagIds());
        return switch (op) {
            case "hasAny" -> wanted.stream().anyMatch(has::contains);
            case "hasAll" -> has.containsAll(wanted);
            case "hasNone" -> wanted.stream().noneMatch(has::contains);
            default -> throw new IllegalStateException(op);
        };
    }

    /** Each node of the rule with what it evaluates to for the member, for failure messages. */
    void trace(JsonNode node, Member m, String path, StringBuilder out) {
        if (node.has("all") || node.has("any")) {
            String key = node.has("all") ? "all" : "any";
            out.append("    ").append(path).append(" (").append(key).append(") = ").append(matches(node, m))
                    .append('\n');
            for (int i = 0; i < node.get(key).size(); i++) {
                trace(node.get(key).get(i), m, path + "." + key + "[" + i + "]", out);
            }
        } else if (node.has("not")) {
            out.append("    ").append(path).append(" (not) = ").append(matches(node, m)).append('\n');
            trace(node.get("not"), m, path + ".not", out);
        } else {
            out.append("    ").append(path).append(' ').append(node).append(" = ").append(matches(node, m))
                    .append('\n');
        }
    }

    Set<String> expected(SmartGroup g) {
        return expected(g.rule, g.exceptions);
    }

    /** Membership = (rule matches AND not excluded) OR included. */
    Set<String> expected(JsonNode rule, Map<String, String> exceptions) {
        Set<String> result = new TreeSet<>();
        for (Member m : members.values()) {
            String exception = exceptions.get(m.id());
            if ("include".equals(exception) || (!"exclude".equals(exception) && matches(rule, m))) {
                result.add(m.id());
            }
        }
        return result;
    }

    Set<String> matching(JsonNode rule) {
        Set<String> result = new TreeSet<>();
        for (Member m : members.values()) {
            if (matches(rule, m)) {
                result.add(m.id());
            }
        }
        return result;
    }

    String describeMembers(Set<String> ids, JsonNode rule, Map<String, String> exceptions) {
        StringBuilder out = new StringBuilder();
        for (String id : ids) {
            Member m = members.get(id);
            out.append("member ").append(id);
            if (m == null) {
                out.append(": not a member of the Spot (any more)\n");
                continue;
            }
            if (rule == null) {
                out.append("\n  ").append(describe(m)).append('\n');
                continue;
            }
            out.append(": exception ").append(exceptions.get(id)).append(", rule ").append(matches(rule, m))
                    .append("\n  ").append(describe(m)).append("\n  evaluation:\n");
            trace(rule, m, "rule", out);
        }
        return out.toString();
    }

    String describe(Member m) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("email", m.email());
        data.put("role", m.role());
        data.put("customRoleId", m.customRoleId() == null ? null
                : m.customRoleId() + " (" + roleLabels.getOrDefault(m.customRoleId(), "?") + ")");
        data.put("status", m.status());
        data.put("registrationSource", m.registrationSource());
        List<String> tagNames = new ArrayList<>();
        for (String t : m.tagIds()) {
            tagNames.add(t + " (" + tags.stream().filter(x -> x.id().equals(t)).map(Tag::name).findFirst()
                    .orElse("?") + ")");
        }
        data.put("tags", tagNames);
        data.put("registrationDate", showDate(m.registrationDate()));
        data.put("invitationDate", showDate(m.invitationDate()));
        data.put("lastActivityAt", showDate(m.lastActivityAt()));
        data.put("values", m.values().toString());
        return data.toString();
    }
}
