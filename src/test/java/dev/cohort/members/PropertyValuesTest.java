package dev.cohort.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PropertyValuesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static CustomProperty property(String type, String... options) {
        return new CustomProperty(UUID.randomUUID(), "p", "P", null, type, List.of(options));
    }

    private static PropertyValues.Checked json(CustomProperty property, String value) {
        return PropertyValues.fromJson(property, JSON.readTree(value));
    }

    @Test
    void dates_are_stored_as_unix_seconds_whatever_form_they_come_in() {
        CustomProperty date = property(CustomProperty.DATE);
        assertThat(json(date, "1717200000").value().asLong()).isEqualTo(1_717_200_000L);
        assertThat(json(date, "\"2024-06-01\"").value().asLong()).isEqualTo(1_717_200_000L);
        assertThat(json(date, "\"2024-06-01T00:00:00Z\"").value().asLong()).isEqualTo(1_717_200_000L);
        assertThat(json(date, "\"2024-06-01T00:00:00\"").value().asLong()).isEqualTo(1_717_200_000L);
        assertThat(PropertyValues.fromText(date, "1717200000").value().asLong()).isEqualTo(1_717_200_000L);
        assertThat(PropertyValues.fromText(date, "2024-06-01T03:00:00+03:00").value().asLong())
                .isEqualTo(1_717_200_000L);
        assertThat(json(date, "\"01/06/2024\"").valid()).isFalse();
        assertThat(json(date, "99999999999999").valid()).isFalse();
    }

    @Test
    void csv_text_is_read_by_type() {
        assertThat(PropertyValues.fromText(property(CustomProperty.NUMBER), "12.50").value().decimalValue())
                .isEqualByComparingTo("12.5");
        assertThat(PropertyValues.fromText(property(CustomProperty.NUMBER), "12,5").valid()).isFalse();
        assertThat(PropertyValues.fromText(property(CustomProperty.BOOLEAN), "TRUE").value().booleanValue()).isTrue();
        assertThat(PropertyValues.fromText(property(CustomProperty.BOOLEAN), "yes").valid()).isFalse();
        assertThat(PropertyValues.fromText(property(CustomProperty.MULTIPLE_SELECT, "Java", "Go"), "go; java;")
                .value().toString()).isEqualTo("[\"Go\",\"Java\"]");
        assertThat(PropertyValues.fromText(property(CustomProperty.SINGLE_SELECT, "Pro"), "Free").problem())
                .contains("Pro");
    }

    @Test
    void json_select_values_must_match_an_option_exactly() {
        CustomProperty plan = property(CustomProperty.SINGLE_SELECT, "Pro");
        assertThat(json(plan, "\"Pro\"").valid()).isTrue();
        assertThat(json(plan, "\"pro\"").valid()).isFalse();
        assertThat(json(property(CustomProperty.MULTIPLE_SELECT, "Pro"), "[]").value().size()).isZero();
    }

    @Test
    void text_is_limited_in_length() {
        assertThat(PropertyValues.fromText(property(CustomProperty.TEXT), "x".repeat(PropertyValues.TEXT_MAX + 1))
                .valid()).isFalse();
    }
}
