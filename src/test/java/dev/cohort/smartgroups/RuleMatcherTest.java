package dev.cohort.smartgroups;

import static dev.cohort.smartgroups.RuleFixtures.CLOCK;
import static dev.cohort.smartgroups.RuleFixtures.JSON;
import static dev.cohort.smartgroups.RuleFixtures.VIP;
import static dev.cohort.smartgroups.RuleFixtures.member;
import static dev.cohort.smartgroups.RuleFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rules checked in memory on one member ({@link RuleMatcher}), at a fixed "now". */
class RuleMatcherTest {
    private static final Instant NOW = CLOCK.instant();

    private static boolean matches(String rule, MemberFacts member) {
        return RuleMatcher.matches(parse(rule), member, NOW);
    }

    @Test
    void equality_fields_match_eq_in_and_their_negations_and_a_missing_value_matches_only_the_negations() {
        MemberFacts m = member("a@example.com", Set.of(), Map.of(), null);
        assertThat(matches("{'field': 'role', 'op': 'eq', 'value': 'Member'}", m)).isTrue();
        assertThat(matches("{'field': 'status', 'op': 'notin', 'value': ['Left', 'Accepted']}", m)).isFalse();
        assertThat(matches("{'field': 'registrationSource', 'op': 'in', 'value': ['google', 'x']}", m)).isTrue();
        assertThat(matches("{'field': 'customRoleId', 'op': 'eq', 'value': '" + RuleFixtures.COACH + "'}", m))
                .isFalse();
        assertThat(matches("{'field': 'customRoleId', 'op': 'neq', 'value': '" + RuleFixtures.COACH + "'}", m))
                .isTrue();
    }

    @Test
    void tags_match_by_id_or_name_with_hasAny_hasAll_hasNone() {
        MemberFacts vip = member("a@example.com", Set.of(VIP), Map.of(), null);
        MemberFacts none = member("b@example.com", Set.of(), Map.of(), null);
        assertThat(matches("{'field': 'tags', 'op': 'hasAny', 'value': ['VIP']}", vip)).isTrue();
        assertThat(matches("{'field': 'tags', 'op': 'hasAll', 'value': ['" + VIP + "']}", vip)).isTrue();
        assertThat(matches("{'field': 'tags', 'op': 'hasNone', 'value': ['vip']}", vip)).isFalse();
        assertThat(matches("{'field': 'tags', 'op': 'hasNone', 'value': ['vip']}", none)).isTrue();
    }

    @Test
    void email_domainIs_takes_the_domain_and_its_subdomains_only() {
        String rule = "{'field': 'email', 'op': 'domainIs', 'value': 'example.com'}";
        assertThat(matches(rule, member("a@example.com", Set.of(), Map.of(), null))).isTrue();
        assertThat(matches(rule, member("a@x.example.com", Set.of(), Map.of(), null))).isTrue();
        assertThat(matches(rule, member("a@badexample.com", Set.of(), Map.of(), null))).isFalse();
        assertThat(matches("{'field': 'email', 'op': 'contains', 'value': 'AMPLE'}",
                member("a@example.com", Set.of(), Map.of(), null))).isTrue();
    }

    @Test
    void relative_dates_move_with_now_and_a_null_date_never_matches() {
        MemberFacts recent = member("a@example.com", Set.of(), Map.of(), NOW.minus(Duration.ofDays(10)));
        MemberFacts old = member("b@example.com", Set.of(), Map.of(), NOW.minus(Duration.ofDays(40)));
        MemberFacts never = member("c@example.com", Set.of(), Map.of(), null);
        String within = "{'field': 'registrationDate', 'op': 'withinLastDays', 'value': 30}";
        String before = "{'field': 'registrationDate', 'op': 'moreThanDaysAgo', 'value': 30}";
        assertThat(matches(within, recent)).isTrue();
        assertThat(matches(within, old)).isFalse();
        assertThat(matches(before, old)).isTrue();
        assertThat(matches(within, never)).isFalse();
        assertThat(matches(before, never)).isFalse();
        assertThat(RuleMatcher.matches(parse(within), recent, NOW.plus(Duration.ofDays(25)))).isFalse();
    }

    @Test
    void property_values_of_another_type_or_none_are_empty() {
        MemberFacts pro = member("a@example.com", Set.of(), Map.of("plan",
                new MemberFacts.Value("SingleSelect", JSON.readTree("\"Pro\""))), null);
        MemberFacts retyped = member("b@example.com", Set.of(), Map.of("plan",
                new MemberFacts.Value("Text", JSON.readTree("\"Pro\""))), null);
        String eq = "{'field': 'customProperty', 'key': 'plan', 'op': 'eq', 'value': 'pro'}";
        assertThat(matches(eq, pro)).isTrue();
        assertThat(matches(eq, retyped)).isFalse();
        assertThat(matches("{'field': 'customProperty', 'key': 'plan', 'op': 'isEmpty'}", retyped)).isTrue();
        MemberFacts seats = member("c@example.com", Set.of(), Map.of("seats",
                new MemberFacts.Value("Number", JSON.readTree("3"))), null);
        assertThat(matches("{'field': 'customProperty', 'key': 'seats', 'op': 'gte', 'value': 3.0}", seats)).isTrue();
        assertThat(matches("{'field': 'customProperty', 'key': 'seats', 'op': 'in', 'value': [1, 3]}", seats)).isTrue();
    }

    @Test
    void all_any_and_not_combine() {
        MemberFacts vip = member("a@example.com", Set.of(VIP), Map.of(), null);
        assertThat(matches("{'all': [{'field': 'tags', 'op': 'hasAny', 'value': ['vip']}, "
                + "{'not': {'field': 'role', 'op': 'eq', 'value': 'Admin'}}]}", vip)).isTrue();
        assertThat(matches("{'any': [{'field': 'role', 'op': 'eq', 'value': 'Admin'}, "
                + "{'field': 'status', 'op': 'eq', 'value': 'Left'}]}", vip)).isFalse();
    }
}
