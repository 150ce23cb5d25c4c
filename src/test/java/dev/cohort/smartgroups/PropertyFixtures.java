package dev.cohort.smartgroups;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The fixed vocabulary of {@link SmartGroupPropertyApiTest}: the roles, statuses, tags, custom roles, sources,
 * email domains and custom properties its members and rules draw from, and the small static helpers on rule
 * trees and JSON values that its other classes share.
 */
final class PropertyFixtures {
    private PropertyFixtures() {
    }

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final long DAY = 86_400_000L;

    static final List<String> ROLES = List.of("Member", "Admin");
    static final List<String> STATUSES = List.of("Accepted", "Deactivated", "DeclinedInvitation", "Invited",
            "Left", "Pending", "Rejected");
    static final List<String> TAG_NAMES = List.of("VIP", "early", "Speaker", "beta-tester", "Alumni");
    static final List<String> CUSTOM_ROLES = List.of("Coach", "Mentor", "Moderator");
    static final List<String> SOURCES = List.of("google", "Google", "newsletter", "partner-x");
    static final List<String> DOMAINS = List.of("example.com", "a.example.com", "x.b.example.com",
            "badexample.com", "example.org", "mail.example.org", "EXAMPLE.com", "Sub.Example.Org", "other.net");
    static final List<String> DOMAIN_RULES = List.of("example.com", "Example.COM", "a.example.com",
            "b.example.com", "badexample.com", "example.org", "MAIL.example.org", "xample.com", "other.net",
            "nowhere.io");
    static final List<String> EMAIL_FRAGMENTS = List.of("ample", "A.EX", "@a.", ".org", "u1", "bad", "@");

    static final List<String> TEXTS = List.of("ACME", "acme", "Acme Corp", "Globex", "initech",
            "Big, \"Inc.\"");
    static final List<String> TEXT_RULES = List.of("ACME", "acme", "Globex", "Acme Corp", "Big, \"Inc.\"",
            "none");
    static final List<String> TEXT_CONTAINS = List.of("acme", "CORP", "ob", "zzz", "I", "\"inc");
    static final List<String> PLAN = List.of("Free", "Pro", "Team");
    static final List<String> TOPICS = List.of("Java", "Go", "Rust", "Python");
    static final List<Double> NUMBERS = List.of(-3.0, 0.0, 1.0, 2.5, 7.0, 10.0, 100.0);
    static final List<Double> NUMBER_RULES = List.of(-3.0, -1.0, 0.0, 1.0, 2.5, 5.0, 7.0, 10.0, 100.0);
    /** 2023-01-15, 2024-05-01, 2024-05-01T12:00:00Z, 2025-01-01 (Unix seconds). */
    static final List<Long> DATES = List.of(1_673_740_800L, 1_714_521_600L, 1_714_564_800L, 1_735_689_600L);

    static final List<Prop> PROPS = List.of(
            new Prop("company", "Company", "Text", null),
            new Prop("plan", "Plan", "SingleSelect", PLAN),
            new Prop("topics", "Topics", "MultipleSelect", TOPICS),
            new Prop("newsletter", "Newsletter", "Boolean", null),
            new Prop("seats", "Seats", "Number", null),
            new Prop("renewal", "Renewal", "Date", null));

    /** Fields with weights: each custom property type weighs about as much as a member field. */
    static final List<String> MEMBER_FIELDS = weighted(Map.of("role", 2, "customRoleId", 2, "status", 3,
            "registrationSource", 3, "tags", 4, "email", 5, "registrationDate", 2, "invitationDate", 2,
            "lastActivityAt", 1, "customProperty", 12));

    record Prop(String slug, String label, String type, List<String> options) {
    }

    static List<String> weighted(Map<String, Integer> weights) {
        List<String> list = new ArrayList<>();
        new TreeMap<>(weights).forEach((name, weight) -> {
            for (int i = 0; i < weight; i++) {
                list.add(name);
            }
        });
        return List.copyOf(list);
    }

    static Prop prop(String slug) {
        return PROPS.stream().filter(p -> p.slug().equals(slug)).findFirst().orElseThrow();
    }

    static JsonNode number(double n) {
        return n == Math.rint(n) ? NODES.numberNode((long) n) : NODES.numberNode(n);
    }

    static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }

    static String textOrNull(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asString();
    }

    static Long longOrNull(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asLong();
    }

    static String showDate(Long millis) {
        return millis == null ? "null" : millis + " (" + Instant.ofEpochMilli(millis) + ")";
    }

    static Set<String> union(Collection<String> a, Collection<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    static void collectConditions(JsonNode node, List<JsonNode> out) {
        if (node.has("all") || node.has("any")) {
            node.get(node.has("all") ? "all" : "any").forEach(child -> collectConditions(child, out));
        } else if (node.has("not")) {
            collectConditions(node.get("not"), out);
        } else {
            out.add(node);
        }
    }

    static void collectTagNames(JsonNode rule, Set<String> names) {
        List<JsonNode> conditions = new ArrayList<>();
        collectConditions(rule, conditions);
        for (JsonNode c : conditions) {
            if ("tags".equals(c.path("field").asString())) {
                for (JsonNode v : c.path("value")) {
                    String text = v.asString();
                    if (!text.matches("[0-9a-fA-F-]{36}")) {
                        names.add(text.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
