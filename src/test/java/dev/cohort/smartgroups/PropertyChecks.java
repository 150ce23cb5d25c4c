package dev.cohort.smartgroups;

import static dev.cohort.smartgroups.PropertyFixtures.union;

import dev.cohort.support.Api;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The checks of {@link SmartGroupPropertyApiTest} after each step: every smart group as stored (members,
 * membershipSource, membersCount, kind, rule as sent, ruleEvaluatedAt, exceptions) against the evaluator, the
 * smart groups turned static against the members they kept, and the answers of group creates and updates.
 */
abstract class PropertyChecks extends PropertyOracle {
    PropertyChecks(long roundSeed, Supplier<Api.SpotClient> newSpot) {
        super(roundSeed, newSpot);
    }

    /**
     * Every smart group against the evaluator. The groups come from one list call ({@code kind[eq]=smart}); their
     * exceptions are compared after a step that touched exceptions or deleted a member, and every fifth check.
     */
    void check() {
        reload();
        Map<String, JsonNode> listed = new HashMap<>();
        for (int page = 1; ; page++) {
            JsonNode body = get("/v1/groups?kind%5Beq%5D=smart&limit=100&page=" + page).expect(200).body();
            body.path("items").forEach(g -> listed.put(g.path("id").asString(), g));
            if (body.path("items").size() < 100) {
                break;
            }
        }
        boolean exceptions = exceptionsTouched || ++exceptionChecks % 5 == 0;
        for (SmartGroup g : groups) {
            JsonNode group = listed.get(g.id);
            if (group == null) {
                throw new AssertionError("smart group " + g.id + " is missing from GET /v1/groups?kind[eq]=smart: "
                        + listed.keySet());
            }
            checkGroup(g, group, exceptions);
        }
        if (listed.size() != groups.size()) {
            throw new AssertionError("GET /v1/groups?kind[eq]=smart lists " + listed.keySet() + " but the smart "
                    + "groups are " + groups.stream().map(g -> g.id).toList());
        }
        exceptionsTouched = false;
        frozen.forEach(this::checkFrozen);
    }

    /** A smart group turned static keeps the members it had (less the deleted ones), whatever changes since. */
    void checkFrozen(String id, Set<String> kept) {
        Set<String> expected = new TreeSet<>(kept);
        expected.retainAll(members.keySet());
        Map<String, String> stored = storedMembers(id);
        JsonNode group = get("/v1/groups/" + id).expect(200).body();
        List<String> problems = new ArrayList<>();
        if (!stored.keySet().equals(expected)) {
            problems.add("members " + stored.keySet() + " but it kept " + expected);
        }
        if (group.path("membersCount").asLong(-1) != expected.size()) {
            problems.add("membersCount " + group.path("membersCount"));
        }
        if (!"static".equals(group.path("kind").asString()) || !group.path("rule").isNull()) {
            problems.add("kind " + group.path("kind") + ", rule " + group.path("rule"));
        }
        if (stored.values().stream().anyMatch(source -> !"manual".equals(source))) {
            problems.add("membershipSource of its members: " + stored);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("group " + id + ", turned static from smart, after step " + step + " ["
                    + stepDescription + "]: " + problems + "\n" + describeMembers(union(stored.keySet(), expected), null,
                    Map.of()));
        }
    }

    /** The members of a group as listed (all pages), with their membershipSource. */
    Map<String, String> storedMembers(String id) {
        Map<String, String> stored = new TreeMap<>();
        for (int page = 1; ; page++) {
            JsonNode body = get("/v1/groups/" + id + "/spotMembers?limit=100&page=" + page).expect(200)
                    .body();
            body.path("items").forEach(m -> stored.put(m.path("id").asString(), m.path("membershipSource")
                    .asString()));
            if (body.path("items").size() < 100) {
                return stored;
            }
        }
    }

    void checkGroup(SmartGroup g) {
        checkGroup(g, get("/v1/groups/" + g.id).expect(200).body(), true);
    }

    void checkGroup(SmartGroup g, JsonNode group, boolean exceptions) {
        Set<String> matched = matching(g.rule);
        Set<String> expected = expected(g.rule, g.exceptions);
        Map<String, String> stored = new TreeMap<>();
        long total = -1;
        for (int page = 1; ; page++) {
            JsonNode body = get("/v1/groups/" + g.id + "/spotMembers?limit=100&page=" + page).expect(200)
                    .body();
            total = body.path("total").asLong();
            body.path("items").forEach(m -> stored.put(m.path("id").asString(), m.path("membershipSource")
                    .asString()));
            if (body.path("items").size() < 100) {
                break;
            }
        }
        long count = group.path("membersCount").asLong(-1);

        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(stored.keySet());
        Set<String> unexpected = new TreeSet<>(stored.keySet());
        unexpected.removeAll(expected);
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            problems.add("stored membership differs from the rule evaluated afresh: " + missing.size()
                    + " missing (expected, not stored) " + missing + ", " + unexpected.size()
                    + " unexpected (stored, not expected) " + unexpected);
        }
        if (count != expected.size() || total != stored.size()) {
            problems.add("membersCount " + count + ", list total " + total + ", listed " + stored.size()
                    + ", expected " + expected.size());
        }
        for (Map.Entry<String, String> e : stored.entrySet()) {
            String id = e.getKey();
            boolean byRule = matched.contains(id) && !"exclude".equals(g.exceptions.get(id));
            boolean byException = "include".equals(g.exceptions.get(id));
            if (byRule && !byException && !"rule".equals(e.getValue())) {
                problems.add("member " + id + " is there by the rule only but membershipSource is " + e.getValue());
            } else if (byException && !byRule && !"exception".equals(e.getValue())) {
                problems.add("member " + id + " is there by an include exception only but membershipSource is "
                        + e.getValue());
            }
        }
        if (!"smart".equals(group.path("kind").asString())) {
            problems.add("kind is " + group.path("kind"));
        }
        if (!Api.JSON.readTree(Api.JSON.writeValueAsString(g.rule)).equals(group.path("rule"))) {
            problems.add("rule is returned as " + group.path("rule") + ", not as sent");
        }
        if (group.path("ruleEvaluatedAt").isNull() || group.path("ruleEvaluatedAt").isMissingNode()) {
            problems.add("ruleEvaluatedAt is " + group.path("ruleEvaluatedAt"));
        }
        Map<String, String> storedExceptions = new TreeMap<>(g.exceptions);
        for (int page = 1; exceptions; page++) {
            if (page == 1) {
                storedExceptions.clear();
            }
            JsonNode body = get("/v1/groups/" + g.id + "/exceptions?limit=100&page=" + page).expect(200)
                    .body();
            body.path("items").forEach(x -> storedExceptions.put(x.path("spotMemberId").asString(),
                    x.path("type").asString()));
            if (body.path("items").size() < 100) {
                break;
            }
        }
        if (!storedExceptions.equals(g.exceptions)) {
            problems.add("stored exceptions " + storedExceptions + " differ from those added and removed "
                    + g.exceptions);
        }
        checks++;
        membershipSum += expected.size();
        if (expected.isEmpty()) {
            emptyGroups++;
        } else if (expected.size() == members.size()) {
            fullGroups++;
        }
        if (!problems.isEmpty()) {
            Set<String> differing = union(missing, unexpected);
            throw new AssertionError("smart group " + g.id + " (" + g.name + ") after step " + step + " ["
                    + stepDescription + "]:\n- " + String.join("\n- ", problems) + "\nrule: " + g.rule
                    + "\nexceptions: " + g.exceptions + "\nstored (id=source): " + stored + "\n"
                    + describeMembers(differing, g.rule, g.exceptions));
        }
    }

    /** The membersCount a create or update answered; a wrong one is reported with the membership's details. */
    void expectCount(SmartGroup group, JsonNode answer, Set<String> expected, String request) {
        long count = answer.path("membersCount").asLong(-1);
        if (count != expected.size()) {
            checkGroup(group);
            throw new AssertionError(request + " answered membersCount " + count + " but " + expected.size()
                    + " members are expected (the group as stored now is right); rule " + group.rule);
        }
    }

    void expectRuleEcho(JsonNode group, JsonNode rule, String request) {
        JsonNode sent = Api.JSON.readTree(Api.JSON.writeValueAsString(rule));
        if (!sent.equals(group.path("rule")) || !"smart".equals(group.path("kind").asString())) {
            throw new AssertionError(request + " answered kind " + group.path("kind") + " and rule "
                    + group.path("rule") + "; sent rule " + sent);
        }
    }
}
