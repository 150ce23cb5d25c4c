package dev.cohort.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.InvalidInputException;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class FiltersTest {
    private final Filters.Spec spec = Filters.spec()
            .email("email", "m.email", Filters.Op.in, Filters.Op.eq)
            .enumeration("status", "m.status", List.of("Accepted", "Invited"), Filters.Op.in, Filters.Op.eq)
            .timestamp("registrationDate", "m.registration_date", Filters.Op.before, Filters.Op.after)
            .integer("membersCount", "n", Filters.Op.gte)
            .plain("search");

    private static MultiValueMap<String, String> query(String... pairs) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.add(pairs[i], pairs[i + 1]);
        }
        return query;
    }

    private List<String> problems(String... pairs) {
        try {
            spec.parse(query(pairs));
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems().stream().map(FieldProblem::field).toList();
        }
    }

    @Test
    void in_takes_comma_separated_and_repeated_values_and_binds_them() {
        Filters.Where where = spec.parse(query("status[in]", "Accepted,Invited", "email[in]", "A@x.io", "email[in]", "b@x.io"));
        assertThat(where.sql()).contains("m.status in (:f0)").contains("lower(m.email) in (:f1)");
        assertThat(where.params().get("f0")).isEqualTo(List.of("Accepted", "Invited"));
        assertThat(where.params().get("f1")).isEqualTo(List.of("a@x.io", "b@x.io"));
    }

    @Test
    void dates_are_unix_seconds_and_twelve_digit_values_are_milliseconds() {
        Filters.Where seconds = spec.parse(query("registrationDate[before]", "1700000000"));
        Filters.Where millis = spec.parse(query("registrationDate[before]", "1700000000000"));
        assertThat(seconds.sql()).contains("m.registration_date < :f0");
        assertThat(seconds.params().get("f0")).isEqualTo(millis.params().get("f0"));
        assertThat(((OffsetDateTime) seconds.params().get("f0")).toEpochSecond()).isEqualTo(1_700_000_000L);
    }

    @Test
    void every_unknown_field_operator_and_bad_value_is_named() {
        assertThat(problems("colour[eq]", "red", "status[gt]", "Accepted", "status[in]", "Happy",
                "registrationDate[after]", "soon", "membersCount[gte]", "x", "bare", "1"))
                .containsExactlyInAnyOrder("colour[eq]", "status[gt]", "status[in]", "registrationDate[after]",
                        "membersCount[gte]", "bare");
        assertThat(problems("search", "x", "page", "2")).isEmpty();
        assertThat(problems("status[eq]", "")).containsExactly("status[eq]");
    }

    @Test
    void like_wildcards_in_user_text_match_literally() {
        assertThat(Filters.escapeLike("50%_off\\")).isEqualTo("50\\%\\_off\\\\");
    }

    @Test
    void a_bad_filter_is_an_invalid_input_exception() {
        assertThatThrownBy(() -> spec.parse(query("email[contains]", "x"))).isInstanceOf(InvalidInputException.class);
    }
}
