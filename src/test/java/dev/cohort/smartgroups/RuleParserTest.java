package dev.cohort.smartgroups;

import static dev.cohort.smartgroups.RuleFixtures.CONTEXT;
import static dev.cohort.smartgroups.RuleFixtures.json;
import static dev.cohort.smartgroups.RuleFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule language as {@link RuleParser} reads it: normalised values, and every problem named by its place. */
class RuleParserTest {

    private static List<String> problems(String rule) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> parse(rule));
        assertThat(e).as("a 400 for %s", rule).isNotNull();
        return e.problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void a_condition_reads_into_its_normalised_values() {
        Rule.Condition email = (Rule.Condition) parse("{'field': 'email', 'op': 'domainIs', 'value': ' Example.COM '}");
        assertThat(email.values()).containsExactly("example.com");
        Rule.Condition date = (Rule.Condition) parse("{'field': 'registrationDate', 'op': 'before', 'value': 1714521600}");
        assertThat(date.value()).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        Rule.Condition millis = (Rule.Condition) parse(
                "{'field': 'registrationDate', 'op': 'after', 'value': 1714521600000}");
        assertThat(millis.value()).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        Rule.Condition plan = (Rule.Condition) parse("{'field': 'customProperty', 'key': 'plan', 'op': 'in', "
                + "'value': ['pro', 'Free', 'PRO']}");
        assertThat(plan.values()).containsExactly("Pro", "Free");
        assertThat(plan.type()).isEqualTo("SingleSelect");
        Rule.Condition seats = (Rule.Condition) parse("{'field': 'customProperty', 'key': 'seats', 'op': 'gt', "
                + "'value': 2.5}");
        assertThat(seats.value()).isEqualTo(new BigDecimal("2.5"));
    }

    @Test
    void combinators_nest_and_a_rule_knows_the_fields_it_reads_and_whether_it_is_relative() {
        Rule rule = parse("{'all': [{'field': 'tags', 'op': 'hasAny', 'value': ['VIP']}, {'not': {'any': ["
                + "{'field': 'customProperty', 'key': 'plan', 'op': 'eq', 'value': 'Free'}, "
                + "{'field': 'lastActivityAt', 'op': 'withinLastDays', 'value': 30}]}}]}");
        assertThat(rule).isInstanceOf(Rule.All.class);
        assertThat(rule.fields()).containsExactly("customProperty:plan", "lastActivityAt", "tags");
        assertThat(rule.relative()).isTrue();
        assertThat(parse("{'field': 'role', 'op': 'eq', 'value': 'Admin'}").relative()).isFalse();
    }

    @Test
    void every_problem_is_named_by_its_place_in_the_tree() {
        assertThat(problems("{'all': [{'field': 'role', 'op': 'eq', 'value': 'Boss'}, "
                + "{'field': 'nope', 'op': 'eq', 'value': 1}, {'field': 'tags', 'op': 'eq', 'value': ['vip']}]}"))
                .containsExactly("rule.all[0].value", "rule.all[1].field", "rule.all[2].op");
        assertThat(problems("{'field': 'customProperty', 'key': 'missing', 'op': 'eq', 'value': 'x'}"))
                .containsExactly("rule.key");
        assertThat(problems("{'field': 'tags', 'op': 'hasAny', 'value': ['vip', 'unknown']}"))
                .containsExactly("rule.value[1]");
        assertThat(problems("{'all': []}")).containsExactly("rule.all");
        assertThat(problems("{'any': [{'field': 'email', 'op': 'eq', 'value': 'a@b.c'}], 'not': {}}"))
                .containsExactly("rule");
    }

    @Test
    void rules_are_limited_in_depth() {
        String rule = "{'field': 'role', 'op': 'eq', 'value': 'Member'}";
        for (int i = 0; i < RuleParser.MAX_DEPTH; i++) {
            rule = "{'not': " + rule + "}";
        }
        assertThat(problems(rule)).hasSize(1);
    }

    @Test
    void a_saved_rule_reads_even_when_its_tags_options_and_properties_are_gone() {
        Rule rule = RuleParser.stored(json("{'all': [{'field': 'tags', 'op': 'hasAny', 'value': ['deleted']}, "
                + "{'field': 'customProperty', 'key': 'gone', 'op': 'eq', 'value': 'x'}, "
                + "{'field': 'customProperty', 'key': 'plan', 'op': 'eq', 'value': 'Removed'}]}"), CONTEXT);
        List<Rule> conditions = ((Rule.All) rule).rules();
        assertThat(((Rule.Condition) conditions.get(0)).values()).containsExactly("deleted");
        assertThat(((Rule.Condition) conditions.get(1)).values()).isEmpty();
        assertThat(((Rule.Condition) conditions.get(2)).values()).containsExactly("Removed");
    }
}
