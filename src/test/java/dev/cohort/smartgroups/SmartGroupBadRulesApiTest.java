package dev.cohort.smartgroups;

import static dev.cohort.smartgroups.RuleCases.properties;
import static dev.cohort.smartgroups.SmartGroups.all;
import static dev.cohort.smartgroups.SmartGroups.any;
import static dev.cohort.smartgroups.SmartGroups.body;
import static dev.cohort.smartgroups.SmartGroups.cond;
import static dev.cohort.smartgroups.SmartGroups.customRole;
import static dev.cohort.smartgroups.SmartGroups.group;
import static dev.cohort.smartgroups.SmartGroups.groupsTotal;
import static dev.cohort.smartgroups.SmartGroups.json;
import static dev.cohort.smartgroups.SmartGroups.not;
import static dev.cohort.smartgroups.SmartGroups.prop;
import static dev.cohort.smartgroups.SmartGroups.setRule;
import static dev.cohort.smartgroups.SmartGroups.smart;
import static dev.cohort.smartgroups.SmartGroups.smartBody;
import static dev.cohort.smartgroups.SmartGroups.tag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Bad smart group rules (issue 6): 400s naming the place in the tree, bodies checked together, and the limits.
 *
 * <p>Most operator tests check each rule three ways: a group created before the members existed (kept current
 * member by member as they are created, tagged and given values), a group created afterwards (evaluated over the
 * whole Spot), and {@code ~previewRule}.
 */
class SmartGroupBadRulesApiTest extends ApiTest {
    // ------------------------------------------------------------------------------------------------------------
    // bad rules

    /** A bad rule and the problem field it must name ("rule.value" also accepts "rule.value[i]"). */
    private record Bad(Object rule, String field) {
    }

    private static Bad bad(Object rule, String field) {
        return new Bad(rule, field);
    }

    private static boolean names(List<String> fields, String expected) {
        return fields.stream().anyMatch(f -> f.equals(expected) || f.startsWith(expected + "["));
    }

    @Test
    void malformed_and_ill_typed_rules_are_400s_naming_the_place_in_the_tree_and_nothing_is_saved() {
        Api.SpotClient spot = newSpot();
        properties(spot);
        tag(spot, "vip");
        String coach = customRole(spot, "Coach");
        Api.SpotClient other = newSpot();
        String theirTag = tag(other, "theirs");
        String theirRole = customRole(other, "Theirs");
        String kept = smart(spot, "Kept", cond("role", "eq", "Admin"));
        Map<String, Object> noField = new LinkedHashMap<>();
        noField.put("op", "eq");
        noField.put("value", "x");
        Map<String, Object> noOp = new LinkedHashMap<>();
        noOp.put("field", "role");
        noOp.put("value", "Admin");
        Map<String, Object> noKey = new LinkedHashMap<>();
        noKey.put("field", "customProperty");
        noKey.put("op", "eq");
        noKey.put("value", "x");

        List<Bad> bads = List.of(
                // unknown field, op, key
                bad(cond("colour", "eq", "red"), "rule.field"),
                bad(all(cond("role", "eq", "Admin"), cond("role", "like", "Admin")), "rule.all[1].op"),
                bad(any(prop("nope", "eq", "x")), "rule.any[0].key"),
                bad(noField, "rule.field"),
                bad(noOp, "rule.op"),
                bad(noKey, "rule.key"),
                bad(cond("role", "eq", null), "rule.value"),
                // an operator that does not fit the field or the property type
                bad(prop("newsletter", "gt", true), "rule.op"),
                bad(prop("company", "gt", "a"), "rule.op"),
                bad(prop("topics", "eq", "Java"), "rule.op"),
                bad(prop("plan", "contains", "Pro"), "rule.op"),
                bad(prop("renewal", "contains", "2024"), "rule.op"),
                bad(prop("seats", "contains", "1"), "rule.op"),
                bad(prop("renewal", "withinLastDays", 3), "rule.op"),
                bad(cond("tags", "eq", List.of("vip")), "rule.op"),
                bad(cond("email", "in", List.of("a@example.com")), "rule.op"),
                bad(cond("registrationDate", "eq", 1_700_000_000L), "rule.op"),
                bad(cond("role", "hasAny", List.of("Admin")), "rule.op"),
                bad(cond("status", "contains", "Acc"), "rule.op"),
                // a string where a date or a timestamp is needed, a number compared with a date
                bad(all(not(cond("registrationDate", "before", "yesterday"))), "rule.all[0].not.value"),
                bad(cond("invitationDate", "after", "tomorrow"), "rule.value"),
                bad(cond("lastActivityAt", "withinLastDays", "30"), "rule.value"),
                bad(cond("registrationDate", "withinLastDays", -1), "rule.value"),
                bad(cond("registrationDate", "moreThanDaysAgo", 1.5), "rule.value"),
                bad(prop("renewal", "gt", "tomorrow"), "rule.value"),
                bad(prop("renewal", "eq", true), "rule.value"),
                bad(prop("seats", "gt", "2024-05-01"), "rule.value"),
                bad(prop("seats", "lt", true), "rule.value"),
                bad(prop("seats", "in", List.of(1, "two")), "rule.value"),
                bad(prop("newsletter", "eq", "yes"), "rule.value"),
                bad(prop("plan", "eq", "Enterprise"), "rule.value"),
                bad(prop("topics", "contains", List.of("Java")), "rule.value"),
                bad(prop("topics", "in", "Java"), "rule.value"),
                bad(prop("company", "eq", 12), "rule.value"),
                bad(prop("company", "isEmpty", "x"), "rule.value"),
                // unknown tags, roles, statuses, custom roles
                bad(cond("tags", "hasAny", List.of("ghost")), "rule.value"),
                bad(cond("tags", "hasAny", List.of(theirTag)), "rule.value"),
                bad(cond("tags", "hasAll", List.of()), "rule.value"),
                bad(all(cond("role", "eq", "Admin"), any(cond("status", "eq", "Accepted"),
                        not(cond("tags", "hasNone", List.of("vip", "ghost"))))), "rule.all[1].any[1].not.value"),
                bad(cond("role", "eq", "King"), "rule.value"),
                bad(cond("role", "in", "Admin"), "rule.value"),
                bad(cond("role", "eq", List.of("Admin")), "rule.value"),
                bad(cond("status", "in", List.of()), "rule.value"),
                bad(cond("status", "notin", List.of("Accepted", "Happy")), "rule.value"),
                bad(cond("customRoleId", "eq", "not-a-uuid"), "rule.value"),
                bad(cond("customRoleId", "eq", UUID.randomUUID().toString()), "rule.value"),
                bad(cond("customRoleId", "in", List.of(coach, theirRole)), "rule.value"),
                bad(cond("email", "domainIs", 3), "rule.value"),
                bad(cond("registrationSource", "eq", 5), "rule.value"),
                // malformed nodes
                bad(Map.of("all", List.of()), "rule.all"),
                bad(any(Map.of("all", List.of())), "rule.any[0].all"),
                bad(Map.of("any", "role"), "rule.any"),
                bad(Map.of("not", List.of()), "rule.not"),
                bad(Map.of(), "rule.field"),
                bad("role = Admin", "rule"));

        long groups = groupsTotal(spot);
        List<String> failures = new ArrayList<>();
        for (Bad bad : bads) {
            String rule = json(bad.rule());
            Api.Response create = spot.post("/v1/groups", smartBody("Bad", bad.rule()));
            if (create.status() != 400 || !names(create.problemFields(), bad.field())) {
                failures.add("create " + rule + ": expected 400 naming " + bad.field() + " but got " + create.status()
                        + " " + create.raw().body());
            }
            Api.Response preview = spot.post("/v1/groups~previewRule", Map.of("rule", bad.rule()));
            if (preview.status() != 400 || !names(preview.problemFields(), bad.field())) {
                failures.add("preview " + rule + ": expected 400 naming " + bad.field() + " but got "
                        + preview.status() + " " + preview.raw().body());
            }
            Api.Response update = setRule(spot, kept, bad.rule());
            if (update.status() != 400 || !names(update.problemFields(), bad.field())) {
                failures.add("update " + rule + ": expected 400 naming " + bad.field() + " but got "
                        + update.status() + " " + update.raw().body());
            }
        }
        assertThat(failures).as("bad rules not refused as expected").isEmpty();
        assertThat(groupsTotal(spot)).as("nothing saved").isEqualTo(groups);
        assertThat(group(spot, kept).path("rule")).isEqualTo(Api.JSON.valueToTree(cond("role", "eq", "Admin")));
    }

    @Test
    void smart_group_bodies_are_checked_kind_rule_and_initial_members_together() {
        Api.SpotClient spot = newSpot();
        String ada = spot.member("ada@example.com");
        Map<String, Object> noRule = body("name", "S", "kind", "smart");
        assertThat(spot.post("/v1/groups", noRule).expect(400).problemFields()).contains("rule");
        Map<String, Object> staticWithRule = body("name", "S", "rule", cond("role", "eq", "Admin"));
        assertThat(spot.post("/v1/groups", staticWithRule).expect(400).problemFields()).contains("rule");
        Map<String, Object> explicitStatic = body("name", "S", "kind", "static", "rule", cond("role", "eq", "Admin"));
        assertThat(spot.post("/v1/groups", explicitStatic).expect(400).problemFields()).contains("rule");
        Map<String, Object> withMembers = smartBody("S", cond("role", "eq", "Admin"));
        withMembers.put("spotMemberIds", List.of(ada));
        assertThat(spot.post("/v1/groups", withMembers).expect(400).problemFields()).isNotEmpty();
        Map<String, Object> badKind = body("name", "S", "kind", "clever", "rule", cond("role", "eq", "Admin"));
        assertThat(spot.post("/v1/groups", badKind).expect(400).problemFields()).contains("kind");
        // The body's own fields are checked first (typed body), the rule against the Spot once they are well-formed.
        assertThat(spot.post("/v1/groups", body("name", "", "kind", "smart", "rule", cond("colour", "eq", "x")))
                .expect(400).problemFields()).containsExactly("name");
        assertThat(spot.post("/v1/groups", body("name", "S", "kind", "smart", "rule", cond("colour", "eq", "x")))
                .expect(400).problemFields()).contains("rule.field");
        assertThat(groupsTotal(spot)).isZero();
        assertThat(spot.post("/v1/groups", body("name", "Plain", "kind", "static")).expect(201).text("kind"))
                .isEqualTo("static");
    }

    @Test
    void rules_are_limited_in_depth_conditions_and_list_sizes() {
        Api.SpotClient spot = newSpot();
        Object deep = cond("role", "eq", "Admin");
        for (int i = 0; i < 7; i++) {
            deep = all(deep);
        }
        smart(spot, "Deep enough", deep);
        Object tooDeep = cond("role", "eq", "Admin");
        for (int i = 0; i < 15; i++) {
            tooDeep = not(tooDeep);
        }
        spot.post("/v1/groups", smartBody("Too deep", tooDeep)).expect(400);

        List<Object> conditions = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            conditions.add(cond("registrationSource", "neq", "s" + i));
        }
        smart(spot, "200 conditions", Map.of("all", conditions));
        conditions.add(cond("registrationSource", "neq", "one more"));
        spot.post("/v1/groups", smartBody("201 conditions", Map.of("all", conditions))).expect(400);

        List<String> values = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            values.add("source " + i);
        }
        smart(spot, "1000 values", cond("registrationSource", "notin", values));
        values.add("source 1000");
        spot.post("/v1/groups", smartBody("1001 values", cond("registrationSource", "notin", values))).expect(400);
        assertThat(groupsTotal(spot)).isEqualTo(3);
    }
}
