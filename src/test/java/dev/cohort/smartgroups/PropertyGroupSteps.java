package dev.cohort.smartgroups;

import static dev.cohort.smartgroups.PropertyFixtures.NODES;
import static dev.cohort.smartgroups.PropertyFixtures.texts;
import static dev.cohort.smartgroups.PropertyFixtures.union;

import dev.cohort.support.Api;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The steps of {@link SmartGroupPropertyApiTest} that change smart groups, each one HTTP operation checked
 * against the evaluator: create a smart group, change its rule (with its previews), add and remove exceptions,
 * turn a static group smart or a smart one static, a refused manual edit, and the previews of random rules.
 */
abstract class PropertyGroupSteps extends PropertyMemberSteps {
    PropertyGroupSteps(long roundSeed, Supplier<Api.SpotClient> newSpot) {
        super(roundSeed, newSpot);
    }

    /** PUT {"kind": "static"}: the group keeps its members and no longer follows its rule. */
    void freezeGroup() {
        if (groups.size() <= 4 || frozen.size() >= 3) {
            changeRule();
            return;
        }
        SmartGroup group = pick(groups);
        reload();
        Set<String> members = expected(group);
        Api.Response response = put("/v1/groups/" + group.id, Map.of("kind", "static"));
        stepDescription = "turn smart group " + group.id + " static (keeping " + members.size() + " members)";
        if (response.status() != 200 || !"static".equals(response.body().path("kind").asString())
                || !response.body().path("rule").isNull()
                || response.body().path("membersCount").asLong(-1) != members.size()) {
            throw new AssertionError("PUT {\"kind\": \"static\"} on smart group " + group.id + " with "
                    + members.size() + " members answered " + response.status() + " " + response.raw().body());
        }
        groups.remove(group);
        frozen.put(group.id, members);
    }

    /** A static group with hand-picked members turned smart: its members are then the rule's. */
    void convertStaticGroup() {
        reload();
        List<String> manual = pickMembers(rnd.nextInt(8));
        String name = "Static " + (++groupCounter);
        String id = post("/v1/groups", Map.of("name", name, "spotMemberIds", manual)).expect(201).text("id");
        JsonNode rule = randomRule();
        ObjectNode body = NODES.objectNode();
        body.put("kind", "smart");
        body.set("rule", rule);
        Api.Response response = put("/v1/groups/" + id, body);
        stepDescription = "static group " + id + " with " + manual + " turned smart with rule " + rule;
        if (response.status() != 200) {
            throw new AssertionError("PUT {\"kind\": \"smart\", \"rule\": ...} on static group " + id + " answered "
                    + response.status() + ": " + response.raw().body() + "\nrule: " + rule);
        }
        SmartGroup group = new SmartGroup(id, name, rule);
        groups.add(group);
        expectRuleEcho(response.body(), rule, "PUT /v1/groups/" + id);
        expectCount(group, response.body(), expected(rule, Map.of()), "PUT /v1/groups/" + id);
    }

    /** Adding or removing members by hand is refused on a smart group, naming the exceptions endpoint. */
    void manualEdit() {
        SmartGroup group = pick(groups);
        String member = pick(known);
        Api.Response response = switch (rnd.nextInt(3)) {
            case 0 -> post("/v1/groups/" + group.id + "/spotMembers", Map.of("spotMemberId", member));
            case 1 -> post("/v1/groups/" + group.id + "/spotMembers~bulkAdd", Map.of("spotMemberIds",
                    List.of(member)));
            default -> post("/v1/groups/" + group.id + "/spotMembers~bulkRemove", Map.of("spotMemberIds",
                    List.of(member)));
        };
        stepDescription = "manual " + response.raw().request().uri().getPath() + " of " + member + " on smart group";
        if (response.status() != 409 || !response.body().path("detail").asString()
                .contains("/v1/groups/" + group.id + "/exceptions~bulkAdd")) {
            throw new AssertionError(stepDescription + " answered " + response.status() + " "
                    + response.raw().body() + "; expected a 409 whose detail names /v1/groups/" + group.id
                    + "/exceptions~bulkAdd");
        }
    }

    /** A random condition or shallow rule previewed over the Spot (set-based SQL) against the evaluator. */
    void probe() {
        JsonNode rule = rnd.nextInt(10) < 7 ? condition() : node(0, 1);
        stepDescription = "probe " + rule;
        previewNew(rule);
    }

    void createGroup() {
        reload();
        JsonNode rule = randomRule();
        Set<String> expected = expected(rule, Map.of());
        String name = "Smart " + (++groupCounter);
        ObjectNode body = NODES.objectNode();
        body.put("name", name);
        body.put("kind", "smart");
        body.set("rule", rule);
        Api.Response response = post("/v1/groups", body);
        if (response.status() != 201) {
            throw new AssertionError("creating a smart group with a valid rule answered " + response.status()
                    + ": " + response.raw().body() + "\nrule: " + rule);
        }
        SmartGroup group = new SmartGroup(response.text("id"), name, rule);
        groups.add(group);
        stepDescription = "create smart group " + group.id + " with rule " + rule;
        expectRuleEcho(response.body(), rule, "POST /v1/groups");
        expectCount(group, response.body(), expected, "POST /v1/groups");
    }

    void changeRule() {
        SmartGroup group = pick(groups);
        // Sometimes a small edit of the current rule (small entering/leaving sets), when every tag it names is
        // still there (a deleted tag in a rule makes it invalid to save again).
        boolean small = rnd.nextInt(6) == 0;
        reload();
        JsonNode rule = small && stillValid(group.rule) ? mutate(group.rule) : randomRule();
        Set<String> before = expected(group);
        Set<String> after = expected(rule, group.exceptions);
        if (rnd.nextBoolean()) {
            previewExisting(group, rule, before, after);
        }
        if (rnd.nextInt(3) == 0) {
            previewNew(rule);
        }
        ObjectNode body = NODES.objectNode();
        body.set("rule", rule);
        Api.Response response = put("/v1/groups/" + group.id, body);
        if (response.status() != 200) {
            throw new AssertionError("PUT /v1/groups/" + group.id + " with a valid rule answered "
                    + response.status() + ": " + response.raw().body() + "\nrule: " + rule);
        }
        stepDescription = "change rule of " + group.id + " from " + group.rule + " to " + rule + " (expected "
                + before.size() + " -> " + after.size() + ")";
        group.rule = rule;
        expectRuleEcho(response.body(), rule, "PUT /v1/groups/" + group.id);
        expectCount(group, response.body(), after, "PUT /v1/groups/" + group.id);
    }

    void previewExisting(SmartGroup group, JsonNode rule, Set<String> before, Set<String> after) {
        ObjectNode body = NODES.objectNode();
        body.set("rule", rule);
        Api.Response preview = query("/v1/groups/" + group.id + "~previewRule", body);
        if (preview.status() != 200) {
            throw new AssertionError("POST /v1/groups/" + group.id + "~previewRule answered " + preview.status()
                    + ": " + preview.raw().body() + "\nrule: " + rule);
        }
        Set<String> entering = new TreeSet<>(after);
        entering.removeAll(before);
        Set<String> leaving = new TreeSet<>(before);
        leaving.removeAll(after);
        JsonNode b = preview.body();
        List<String> problems = new ArrayList<>();
        if (b.path("count").asLong(-1) != after.size()) {
            problems.add("count " + b.path("count") + " but expected " + after.size());
        }
        if (b.path("entering").path("count").asLong(-1) != entering.size()) {
            problems.add("entering.count " + b.path("entering").path("count") + " but expected " + entering.size()
                    + " " + entering);
        }
        if (b.path("leaving").path("count").asLong(-1) != leaving.size()) {
            problems.add("leaving.count " + b.path("leaving").path("count") + " but expected " + leaving.size()
                    + " " + leaving);
        }
        b.path("entering").path("items").forEach(m -> {
            if (!entering.contains(m.path("id").asString())) {
                problems.add("entering.items lists " + m.path("id").asString() + " which does not enter");
            }
        });
        b.path("leaving").path("items").forEach(m -> {
            if (!leaving.contains(m.path("id").asString())) {
                problems.add("leaving.items lists " + m.path("id").asString() + " which does not leave");
            }
        });
        if (!problems.isEmpty()) {
            throw new AssertionError("POST /v1/groups/" + group.id + "~previewRule disagrees with the evaluator: "
                    + problems + "\ncurrent rule: " + group.rule + "\nnew rule: " + rule + "\nexceptions: "
                    + group.exceptions + "\nanswer: " + b + "\n" + describeMembers(union(entering, leaving), rule,
                    group.exceptions));
        }
    }

    void previewNew(JsonNode rule) {
        ObjectNode body = NODES.objectNode();
        body.set("rule", rule);
        Api.Response preview = query("/v1/groups~previewRule", body);
        if (preview.status() != 200) {
            throw new AssertionError("POST /v1/groups~previewRule answered " + preview.status() + ": "
                    + preview.raw().body() + "\nrule: " + rule);
        }
        Set<String> expected = expected(rule, Map.of());
        long count = preview.body().path("count").asLong(-1);
        List<String> wrongItems = new ArrayList<>();
        preview.body().path("items").forEach(m -> {
            if (!expected.contains(m.path("id").asString())) {
                wrongItems.add(m.path("id").asString());
            }
        });
        if (count != expected.size() || !wrongItems.isEmpty()
                || preview.body().path("items").size() != Math.min(20, expected.size())) {
            throw new AssertionError("POST /v1/groups~previewRule answered count " + count + " with "
                    + preview.body().path("items").size() + " items (not matching: " + wrongItems + ") but the "
                    + "rule matches " + expected.size() + "\nrule: " + rule + "\n"
                    + describeMembers(new TreeSet<>(wrongItems), rule, Map.of()));
        }
    }

    void addExceptions(SmartGroup group, int count) {
        String type = rnd.nextBoolean() ? "include" : "exclude";
        List<String> ids = pickMembers(count);
        List<String> sent = new ArrayList<>(ids);
        String bogus = null;
        if (rnd.nextInt(4) == 0) {
            bogus = UUID.randomUUID().toString();
            sent.add(rnd.nextInt(sent.size() + 1), bogus);
        }
        Api.Response response = post("/v1/groups/" + group.id + "/exceptions~bulkAdd",
                Map.of("spotMemberIds", sent, "type", type)).expect(200);
        List<String> failed = texts(response.body().path("failedSpotMemberIds"));
        List<String> added = texts(response.body().path("addedSpotMemberIds"));
        // Members without any exception before must be listed as added (one that had the other type is replaced,
        // whether it is then listed as added is not in the contract).
        if ((bogus != null && !failed.contains(bogus)) || ids.stream().anyMatch(failed::contains)
                || !added.containsAll(ids.stream().filter(id -> !group.exceptions.containsKey(id)).toList())) {
            throw new AssertionError("exceptions~bulkAdd " + type + " of " + sent + " (unknown: " + bogus
                    + ") answered " + response.body());
        }
        ids.forEach(id -> group.exceptions.put(id, type));
        exceptionsTouched = true;
        stepDescription = "add " + type + " exceptions to " + group.id + ": " + sent;
    }

    void removeExceptions(SmartGroup group) {
        List<String> ids = new ArrayList<>();
        List<String> excepted = new ArrayList<>(group.exceptions.keySet());
        for (int i = rnd.nextInt(4); i >= 0; i--) {
            if (!excepted.isEmpty() && rnd.nextInt(4) > 0) {
                ids.add(pick(excepted));
            } else {
                ids.add(pick(known));
            }
        }
        ids = new ArrayList<>(new LinkedHashSet<>(ids));
        String type = switch (rnd.nextInt(3)) {
            case 0 -> "include";
            case 1 -> "exclude";
            default -> null;
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("spotMemberIds", ids);
        if (type != null) {
            body.put("type", type);
        }
        Api.Response response = post("/v1/groups/" + group.id + "/exceptions~bulkRemove", body).expect(200);
        int removed = 0;
        for (String id : ids) {
            String current = group.exceptions.get(id);
            if (current != null && (type == null || type.equals(current))) {
                group.exceptions.remove(id);
                removed++;
            }
        }
        if (response.body().path("removedCount").asInt(-1) != removed) {
            throw new AssertionError("exceptions~bulkRemove " + body + " answered " + response.body()
                    + " but " + removed + " of those exceptions existed");
        }
        exceptionsTouched = true;
        stepDescription = "remove " + (type == null ? "any" : type) + " exceptions of " + group.id + ": " + ids;
    }

}
