package dev.cohort.smartgroups;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** Rules as the API takes them, and the smart-group calls and checks the smart-group tests share. */
final class SmartGroups {
    private SmartGroups() {
    }

    // ---- rule nodes ----

    /** A condition; a null value leaves "value" out (isEmpty / isNotEmpty). */
    static Map<String, Object> cond(String field, String op, Object value) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("field", field);
        node.put("op", op);
        if (value != null) {
            node.put("value", value);
        }
        return node;
    }

    /** A customProperty condition on the property with slug {@code key}. */
    static Map<String, Object> prop(String key, String op, Object value) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("field", "customProperty");
        node.put("key", key);
        node.put("op", op);
        if (value != null) {
            node.put("value", value);
        }
        return node;
    }

    static Map<String, Object> all(Object... nodes) {
        return Map.of("all", List.of(nodes));
    }

    static Map<String, Object> any(Object... nodes) {
        return Map.of("any", List.of(nodes));
    }

    static Map<String, Object> not(Object node) {
        return Map.of("not", node);
    }

    static String json(Object value) {
        return Api.JSON.writeValueAsString(value);
    }

    // ---- calls ----

    static Map<String, Object> smartBody(String name, Object rule) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("kind", "smart");
        body.put("rule", rule);
        return body;
    }

    /** Creates a smart group and returns its id. */
    static String smart(Api.SpotClient spot, String name, Object rule) {
        return spot.post("/v1/groups", smartBody(name, rule)).expect(201).text("id");
    }

    static Api.Response setRule(Api.SpotClient spot, String group, Object rule) {
        return spot.put("/v1/groups/" + group, Map.of("rule", rule));
    }

    static JsonNode group(Api.SpotClient spot, String group) {
        return spot.get("/v1/groups/" + group).expect(200).body();
    }

    static long membersCount(Api.SpotClient spot, String group) {
        return group(spot, group).path("membersCount").asLong();
    }

    static long groupsTotal(Api.SpotClient spot) {
        return spot.get("/v1/groups").expect(200).body().path("total").asLong();
    }

    /** Every member of a group (all pages), id -> membershipSource. */
    static Map<String, String> membership(Api.SpotClient spot, String group) {
        Map<String, String> sources = new HashMap<>();
        long total = Long.MAX_VALUE;
        for (int page = 1; sources.size() < total; page++) {
            JsonNode body = spot.get("/v1/groups/" + group + "/spotMembers?limit=100&page=" + page).expect(200).body();
            total = body.path("total").asLong();
            if (body.path("items").isEmpty()) {
                break;
            }
            body.path("items").forEach(m -> sources.put(m.path("id").asString(), m.path("membershipSource").asString()));
        }
        assertThat(sources).as("members listed once each for a total of %s", total).hasSize((int) total);
        return sources;
    }

    static Set<String> memberIds(Api.SpotClient spot, String group) {
        return new TreeSet<>(membership(spot, group).keySet());
    }

    /** The group holds exactly {@code expected}: in its members list and in its membersCount. */
    static void assertMembers(Api.SpotClient spot, String group, Collection<String> expected, String description) {
        assertThat(memberIds(spot, group)).as(description + " (members list)")
                .containsExactlyInAnyOrderElementsOf(new TreeSet<>(expected));
        assertThat(membersCount(spot, group)).as(description + " (membersCount)").isEqualTo(expected.size());
    }

    static void assertMembers(Api.SpotClient spot, String group, String... expected) {
        assertMembers(spot, group, Arrays.asList(expected), "group " + group);
    }

    static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }

    // ---- members ----

    /** Creates a member from a body (email required) and returns its id. */
    static String member(Api.SpotClient spot, Map<String, Object> body) {
        return spot.post("/v1/spotMembers", body).expect(201).text("id");
    }

    static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            body.put((String) keyValues[i], keyValues[i + 1]);
        }
        return body;
    }

    static String tag(Api.SpotClient spot, String name) {
        return spot.post("/v1/tags", Map.of("name", name)).expect(201).text("id");
    }

    static void assign(Api.SpotClient spot, String tag, String... members) {
        spot.post("/v1/tags/" + tag + "/spotMembers~bulkAssign", Map.of("spotMemberIds", List.of(members)))
                .expect(204);
    }

    static void unassign(Api.SpotClient spot, String tag, String... members) {
        spot.post("/v1/tags/" + tag + "/spotMembers~bulkUnassign", Map.of("spotMemberIds", List.of(members)))
                .expect(204);
    }

    static String property(Api.SpotClient spot, String slug, String type, List<String> possibleValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("label", slug.substring(0, 1).toUpperCase() + slug.substring(1));
        body.put("type", type);
        if (possibleValues != null) {
            body.put("possibleValues", possibleValues);
        }
        return spot.post("/v1/customProperties", body).expect(201).text("id");
    }

    /** Sets (or, with null, clears) one custom property value of a member. */
    static void setValue(Api.SpotClient spot, String member, String slug, Object value) {
        Map<String, Object> body = new HashMap<>();
        body.put("value", value);
        spot.put("/v1/spotMembers/" + member + "/customPropertiesValues/" + slug, body).expect(200);
    }

    static String customRole(Api.SpotClient spot, String label) {
        return spot.post("/v1/spotMemberCustomRole", Map.of("label", label)).expect(201).text("id");
    }

    static Api.Response importCsv(Api.SpotClient spot, String csv) {
        return spot.api.send("POST", "/v1/spotMembers~import", spot.key, csv, "text/csv");
    }

    /** A path with LHS-bracket filters, brackets percent-encoded (Tomcat refuses them raw). */
    static String q(String path) {
        return path.replace("[", "%5B").replace("]", "%5D");
    }
}
