package dev.cohort.smartgroups;

import static dev.cohort.smartgroups.RuleCases.c;
import static dev.cohort.smartgroups.RuleCases.check;
import static dev.cohort.smartgroups.RuleCases.earlyGroups;
import static dev.cohort.smartgroups.RuleCases.properties;
import static dev.cohort.smartgroups.RuleCases.setDates;
import static dev.cohort.smartgroups.SmartGroups.all;
import static dev.cohort.smartgroups.SmartGroups.any;
import static dev.cohort.smartgroups.SmartGroups.assign;
import static dev.cohort.smartgroups.SmartGroups.body;
import static dev.cohort.smartgroups.SmartGroups.cond;
import static dev.cohort.smartgroups.SmartGroups.member;
import static dev.cohort.smartgroups.SmartGroups.memberIds;
import static dev.cohort.smartgroups.SmartGroups.membersCount;
import static dev.cohort.smartgroups.SmartGroups.membership;
import static dev.cohort.smartgroups.SmartGroups.not;
import static dev.cohort.smartgroups.SmartGroups.prop;
import static dev.cohort.smartgroups.SmartGroups.property;
import static dev.cohort.smartgroups.SmartGroups.setValue;
import static dev.cohort.smartgroups.SmartGroups.tag;
import static dev.cohort.smartgroups.SmartGroups.unassign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.smartgroups.RuleCases.Case;
import dev.cohort.smartgroups.RuleCases.People;
import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Smart group rules on custom properties (issue 6), one test per type, conjunctions whichever condition drives them, and the issue's example rule.
 *
 * <p>Most operator tests check each rule three ways: a group created before the members existed (kept current
 * member by member as they are created, tagged and given values), a group created afterwards (evaluated over the
 * whole Spot), and {@code ~previewRule}.
 */
class SmartGroupPropertyRulesApiTest extends ApiTest {
    // ------------------------------------------------------------------------------------------------------------
    // custom properties, one test per type

    private static final long MAY_1 = 1_714_521_600L;   // 2024-05-01T00:00:00Z
    private static final long JUNE_1 = 1_717_200_000L;  // 2024-06-01T00:00:00Z

    /** p1 and p2 have a value of every property, p3 empty ones ("" and []), p4 none. */
    private static People propertyPopulation(Api.SpotClient spot) {
        People p = new People();
        String p1 = p.add("p1", spot.member("p1@example.com"));
        String p2 = p.add("p2", spot.member("p2@example.com"));
        String p3 = p.add("p3", spot.member("p3@example.com"));
        p.add("p4", spot.member("p4@example.com"));
        setValue(spot, p1, "company", "ACME Corp");
        setValue(spot, p1, "plan", "Pro");
        setValue(spot, p1, "topics", List.of("Java", "Go"));
        setValue(spot, p1, "newsletter", true);
        setValue(spot, p1, "seats", 10);
        setValue(spot, p1, "renewal", MAY_1);
        setValue(spot, p2, "company", "acme");
        setValue(spot, p2, "plan", "Free");
        setValue(spot, p2, "topics", List.of("Rust"));
        setValue(spot, p2, "newsletter", false);
        setValue(spot, p2, "seats", 2.5);
        setValue(spot, p2, "renewal", "2024-06-01");
        setValue(spot, p3, "company", "");
        setValue(spot, p3, "topics", List.of());
        return p;
    }

    private void checkProperties(List<Case> cases) {
        Api.SpotClient spot = newSpot();
        properties(spot);
        List<String> early = earlyGroups(spot, cases);
        People people = propertyPopulation(spot);
        check(spot, people, early, cases);
    }

    @Test
    void text_properties_support_eq_neq_in_notin_contains_isEmpty_isNotEmpty() {
        checkProperties(List.of(
                c(prop("company", "eq", "acme"), "p2"),
                c(prop("company", "eq", "ACME")),
                c(prop("company", "neq", "acme"), "p1", "p3", "p4"),
                c(prop("company", "in", List.of("ACME Corp", "acme")), "p1", "p2"),
                c(prop("company", "in", List.of("acme corp"))),
                c(prop("company", "notin", List.of("acme")), "p1", "p3", "p4"),
                c(prop("company", "contains", "AcMe"), "p1", "p2"),
                c(prop("company", "contains", "corp"), "p1"),
                c(prop("company", "isEmpty", null), "p3", "p4"),
                c(prop("company", "isNotEmpty", null), "p1", "p2")));
    }

    @Test
    void single_select_properties_support_eq_neq_in_notin_isEmpty_isNotEmpty_with_options_in_any_case() {
        checkProperties(List.of(
                c(prop("plan", "eq", "Pro"), "p1"),
                c(prop("plan", "eq", "pro"), "p1"),
                c(prop("plan", "eq", "Team")),
                c(prop("plan", "neq", "PRO"), "p2", "p3", "p4"),
                c(prop("plan", "in", List.of("free", "Team")), "p2"),
                c(prop("plan", "notin", List.of("Free")), "p1", "p3", "p4"),
                c(prop("plan", "isEmpty", null), "p3", "p4"),
                c(prop("plan", "isNotEmpty", null), "p1", "p2")));
    }

    @Test
    void multiple_select_properties_support_contains_in_notin_isEmpty_isNotEmpty() {
        checkProperties(List.of(
                c(prop("topics", "contains", "Java"), "p1"),
                c(prop("topics", "contains", "Rust"), "p2"),
                c(prop("topics", "in", List.of("Go", "Rust")), "p1", "p2"),
                c(prop("topics", "in", List.of("Go")), "p1"),
                c(prop("topics", "notin", List.of("Java")), "p2", "p3", "p4"),
                c(prop("topics", "notin", List.of("Java", "Rust")), "p3", "p4"),
                c(prop("topics", "isEmpty", null), "p3", "p4"),
                c(prop("topics", "isNotEmpty", null), "p1", "p2")));
    }

    @Test
    void boolean_properties_support_eq_neq_isEmpty_isNotEmpty() {
        checkProperties(List.of(
                c(prop("newsletter", "eq", true), "p1"),
                c(prop("newsletter", "eq", false), "p2"),
                c(prop("newsletter", "neq", true), "p2", "p3", "p4"),
                c(prop("newsletter", "neq", false), "p1", "p3", "p4"),
                c(prop("newsletter", "isEmpty", null), "p3", "p4"),
                c(prop("newsletter", "isNotEmpty", null), "p1", "p2")));
    }

    @Test
    void number_properties_support_eq_neq_in_notin_gt_gte_lt_lte_isEmpty_isNotEmpty() {
        checkProperties(List.of(
                c(prop("seats", "eq", 10), "p1"),
                c(prop("seats", "eq", 10.0), "p1"),
                c(prop("seats", "eq", 2.5), "p2"),
                c(prop("seats", "neq", 10), "p2", "p3", "p4"),
                c(prop("seats", "in", List.of(2.5, 7)), "p2"),
                c(prop("seats", "notin", List.of(2.5)), "p1", "p3", "p4"),
                c(prop("seats", "gt", 2.5), "p1"),
                c(prop("seats", "gte", 2.5), "p1", "p2"),
                c(prop("seats", "lt", 10), "p2"),
                c(prop("seats", "lte", 10), "p1", "p2"),
                c(prop("seats", "lt", 0)),
                c(prop("seats", "gt", -1), "p1", "p2"),
                c(prop("seats", "isEmpty", null), "p3", "p4"),
                c(prop("seats", "isNotEmpty", null), "p1", "p2")));
    }

    @Test
    void date_properties_support_eq_neq_gt_gte_lt_lte_isEmpty_isNotEmpty_with_seconds_or_iso_dates() {
        checkProperties(List.of(
                c(prop("renewal", "eq", MAY_1), "p1"),
                c(prop("renewal", "eq", "2024-05-01"), "p1"),
                c(prop("renewal", "neq", "2024-05-01"), "p2", "p3", "p4"),
                c(prop("renewal", "neq", JUNE_1), "p1", "p3", "p4"),
                c(prop("renewal", "gt", "2024-05-01"), "p2"),
                c(prop("renewal", "gte", MAY_1), "p1", "p2"),
                c(prop("renewal", "lt", "2024-06-01"), "p1"),
                c(prop("renewal", "lte", JUNE_1), "p1", "p2"),
                c(prop("renewal", "gt", "2030-01-01")),
                c(prop("renewal", "isEmpty", null), "p3", "p4"),
                c(prop("renewal", "isNotEmpty", null), "p1", "p2")));
    }

    /**
     * Rules reading only tags and values are evaluated from the holders of one tag or value they require (hasAll of
     * several tags from its first, hasAny of tags a member may hold both of); the rest of the rule, negations and
     * alternatives included, is checked on those. A rule reading the member row too is evaluated over every member.
     */
    @Test
    void conjunctions_of_tags_and_values_select_the_same_members_whichever_condition_drives_them() {
        Api.SpotClient spot = newSpot();
        properties(spot);
        String vip = tag(spot, "VIP");
        String speaker = tag(spot, "Speaker");
        String alumni = tag(spot, "Alumni");
        List<Case> cases = List.of(
                c(all(prop("plan", "in", List.of("Pro", "Free")), prop("seats", "gt", 5)), "p1"),
                c(all(cond("tags", "hasAny", List.of(vip, speaker)), prop("plan", "eq", "Pro")), "p1"),
                c(all(cond("tags", "hasAny", List.of(vip, speaker)), not(prop("company", "contains", "corp"))),
                        "p2", "p3"),
                c(all(cond("tags", "hasAny", List.of(vip, speaker)), not(prop("plan", "eq", "Team"))),
                        "p1", "p2", "p3"),
                c(all(cond("tags", "hasAll", List.of(vip, speaker)), prop("newsletter", "eq", true)), "p1"),
                c(all(cond("tags", "hasAll", List.of(speaker, vip)), not(prop("plan", "eq", "Free"))), "p1"),
                c(all(prop("company", "isNotEmpty", null),
                        any(prop("seats", "lt", 5), prop("topics", "contains", "Java"))), "p1", "p2"),
                c(all(prop("plan", "neq", "Pro"), cond("tags", "hasAny", List.of("vip"))), "p2"),
                c(all(cond("tags", "hasNone", List.of(speaker)), prop("renewal", "gte", MAY_1)), "p2"),
                c(all(prop("topics", "in", List.of("Rust", "Go")), prop("seats", "lte", 10)), "p1", "p2"),
                c(all(cond("tags", "hasAny", List.of(vip)), cond("email", "contains", "p2")), "p2"),
                c(all(prop("seats", "gte", 100), cond("tags", "hasAny", List.of(speaker)))),
                c(all(cond("tags", "hasAny", List.of(alumni)), prop("plan", "isNotEmpty", null))));
        List<String> early = earlyGroups(spot, cases);
        People people = propertyPopulation(spot);
        assign(spot, vip, people.id("p1"), people.id("p2"));
        assign(spot, speaker, people.id("p1"), people.id("p3"));
        check(spot, people, early, cases);
    }

    // ------------------------------------------------------------------------------------------------------------
    // the issue's example

    @Test
    void the_issues_example_rule_selects_vip_members_not_gone_who_are_pro_or_recent() {
        Api.SpotClient spot = newSpot();
        String vip = tag(spot, "vip");
        property(spot, "plan", "SingleSelect", List.of("Free", "Pro"));
        String rule = "{\"all\": [{\"field\": \"tags\", \"op\": \"hasAny\", \"value\": [\"vip\"]}, {\"not\": "
                + "{\"field\": \"status\", \"op\": \"in\", \"value\": [\"Left\", \"Deactivated\"]}}, {\"any\": "
                + "[{\"field\": \"customProperty\", \"key\": \"plan\", \"op\": \"eq\", \"value\": \"pro\"}, "
                + "{\"field\": \"registrationDate\", \"op\": \"withinLastDays\", \"value\": 30}]}]}";
        JsonNode ruleJson = Api.JSON.readTree(rule);
        People p = new People();
        String n1 = p.add("n1", member(spot, body("email", "n1@example.com", "status", "Accepted")));
        String n2 = p.add("n2", member(spot, body("email", "n2@example.com", "status", "Accepted")));
        String n3 = p.add("n3", member(spot, body("email", "n3@example.com", "status", "Left")));
        String n4 = p.add("n4", member(spot, body("email", "n4@example.com", "status", "Accepted")));
        String n5 = p.add("n5", member(spot, body("email", "n5@example.com", "status", "Accepted")));
        String n6 = p.add("n6", member(spot, body("email", "n6@example.com")));
        String n7 = p.add("n7", member(spot, body("email", "n7@example.com", "status", "Deactivated")));
        assign(spot, vip, n1, n2, n3, n4, n6, n7);
        setValue(spot, n1, "plan", "Pro");
        setValue(spot, n2, "plan", "Free");
        setValue(spot, n3, "plan", "Pro");
        setValue(spot, n4, "plan", "Free");
        setValue(spot, n5, "plan", "Pro");
        setDates(jdbc, spot, n4, Instant.now().minus(Duration.ofDays(60)), null, null);

        Api.Response created = spot.post("/v1/groups", "{\"name\": \"Example\", \"kind\": \"smart\", \"rule\": "
                + rule + "}").expect(201);
        assertThat(created.body().path("rule")).isEqualTo(ruleJson);
        assertThat(created.body().path("membersCount").asLong()).isEqualTo(2);
        String group = created.text("id");
        assertThat(p.labels(memberIds(spot, group))).containsExactly("n1", "n2");
        assertThat(membership(spot, group).values()).containsOnly("rule");

        // kept current member by member
        setValue(spot, n4, "plan", "Pro");                          // now pro: enters
        spot.put("/v1/spotMembers/" + n1, Map.of("status", "Deactivated")).expect(200);   // gone: leaves
        unassign(spot, vip, n2);                                   // no longer vip: leaves
        assign(spot, vip, n5);                                     // vip and pro: enters
        spot.put("/v1/spotMembers/" + n6, Map.of("status", "Accepted")).expect(200);      // registered now: enters
        assertThat(p.labels(memberIds(spot, group))).containsExactly("n4", "n5", "n6");
        assertThat(membersCount(spot, group)).isEqualTo(3);
        assertThat(spot.post("/v1/groups~previewRule", "{\"rule\": " + rule + "}").expect(200).body()
                .path("count").asLong()).isEqualTo(3);
        assertThat(n7).isNotNull();
    }
}
