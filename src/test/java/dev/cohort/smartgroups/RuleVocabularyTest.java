package dev.cohort.smartgroups;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one table of fields and operators that the parser, the SQL and the matcher read. */
class RuleVocabularyTest {

    @Test
    void the_fields_are_listed_in_the_documented_order() {
        assertThat(RuleVocabulary.names()).containsExactly("role", "customRoleId", "status", "registrationSource",
                "tags", "email", "registrationDate", "invitationDate", "lastActivityAt", "customProperty");
        assertThat(RuleVocabulary.field("nope")).isNull();
    }

    @Test
    void equality_and_date_fields_name_their_column_and_fact_and_the_others_do_not() {
        for (String name : RuleVocabulary.names()) {
            RuleVocabulary.Field field = RuleVocabulary.field(name);
            boolean compared = field.family() == RuleVocabulary.Family.EQUALITY
                    || field.family() == RuleVocabulary.Family.DATE;
            assertThat(field.column() != null && field.sqlType() != null && field.fact() != null)
                    .as(name).isEqualTo(compared);
            assertThat(field.ops().isEmpty()).as(name).isEqualTo(field.family() == RuleVocabulary.Family.PROPERTY);
        }
        assertThat(RuleVocabulary.field("registrationSource").column()).isEqualTo(RuleVocabulary.SOURCE);
    }

    @Test
    void each_property_type_takes_isEmpty_and_isNotEmpty() {
        assertThat(RuleVocabulary.PROPERTY_OPS).containsOnlyKeys("Text", "SingleSelect", "MultipleSelect", "Boolean",
                "Number", "Date");
        RuleVocabulary.PROPERTY_OPS.values().forEach(ops -> assertThat(ops).contains("isEmpty", "isNotEmpty"));
    }
}
