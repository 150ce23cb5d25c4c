package dev.cohort.members;

import static dev.cohort.members.CustomPropertiesApiTest.property;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PropertyValuesApiTest extends ApiTest {

    /** A Spot with one property of each type. */
    private Api.SpotClient spotWithProperties() {
        Api.SpotClient spot = newSpot();
        spot.post("/v1/customProperties", property("Company", "Text", null)).expect(201);
        spot.post("/v1/customProperties", property("Plan", "SingleSelect", List.of("Free", "Pro"))).expect(201);
        spot.post("/v1/customProperties", property("Topics", "MultipleSelect", List.of("Java", "Go"))).expect(201);
        spot.post("/v1/customProperties", property("Newsletter", "Boolean", null)).expect(201);
        spot.post("/v1/customProperties", property("Seats", "Number", null)).expect(201);
        spot.post("/v1/customProperties", property("Renewal", "Date", null)).expect(201);
        return spot;
    }

    private static String values(String member) {
        return "/v1/spotMembers/" + member + "/customPropertiesValues";
    }

    private static Map<String, Object> value(Object value) {
        Map<String, Object> body = new HashMap<>();
        body.put("value", value);
        return body;
    }

    @Test
    void a_member_has_one_item_per_property_with_null_values_until_set() {
        Api.SpotClient spot = spotWithProperties();
        String member = spot.member("ada@example.com");
        Api.Response list = spot.get(values(member)).expect(200);
        assertThat(list.body().path("total").asLong()).isEqualTo(6);
        assertThat(list.body().path("items").size()).isEqualTo(6);
        var first = list.body().path("items").get(0);
        assertThat(first.path("customPropertySlug").asString()).isEqualTo("company");
        assertThat(first.path("customPropertyLabel").asString()).isEqualTo("Company");
        assertThat(first.path("customPropertyType").asString()).isEqualTo("Text");
        assertThat(first.has("customPropertyId")).isTrue();
        assertThat(first.has("customPropertyDescription")).isTrue();
        assertThat(first.path("possibleValues").isArray()).isTrue();
        assertThat(first.path("value").isNull()).isTrue();
        Api.Response page = spot.get(values(member) + "?page=2&limit=4").expect(200);
        assertThat(page.body().path("items").size()).isEqualTo(2);
        assertThat(page.body().path("total").asLong()).isEqualTo(6);
    }

    @Test
    void each_type_accepts_its_values() {
        Api.SpotClient spot = spotWithProperties();
        String member = spot.member("ada@example.com");
        assertThat(spot.put(values(member) + "/company", value("ACME")).expect(200).body().path("value").asString())
                .isEqualTo("ACME");
        assertThat(spot.put(values(member) + "/plan", value("Pro")).expect(200).text("customPropertySlug"))
                .isEqualTo("plan");
        assertThat(spot.put(values(member) + "/topics", value(List.of("Go", "Java", "Go"))).expect(200).body()
                .path("value").toString()).isEqualTo("[\"Go\",\"Java\"]");
        assertThat(spot.put(values(member) + "/newsletter", value(true)).expect(200).body().path("value")
                .booleanValue()).isTrue();
        assertThat(spot.put(values(member) + "/seats", value(12.5)).expect(200).body().path("value").doubleValue())
                .isEqualTo(12.5);
        assertThat(spot.put(values(member) + "/renewal", value(1_717_200_000)).expect(200).body().path("value")
                .asLong()).isEqualTo(1_717_200_000L);
        assertThat(spot.put(values(member) + "/renewal", value("2024-06-01")).expect(200).body().path("value")
                .asLong()).isEqualTo(1_717_200_000L);
        assertThat(spot.put(values(member) + "/renewal", value("2024-06-01T02:00:00+02:00")).expect(200).body()
                .path("value").asLong()).isEqualTo(1_717_200_000L);

        Api.Response list = spot.get(values(member)).expect(200);
        assertThat(list.body().path("items").findValuesAsString("customPropertySlug"))
                .containsExactly("company", "plan", "topics", "newsletter", "seats", "renewal");
        assertThat(list.body().path("items").get(5).path("value").asLong()).isEqualTo(1_717_200_000L);
        assertThat(list.body().path("items").get(4).path("value").doubleValue()).isEqualTo(12.5);
    }

    @Test
    void each_type_rejects_values_of_another_shape() {
        Api.SpotClient spot = spotWithProperties();
        String member = spot.member("ada@example.com");
        Map<String, List<Object>> bad = Map.of(
                "company", List.of(12, true, List.of("a")),
                "plan", List.of("Enterprise", 1, List.of("Pro")),
                "topics", List.of("Java", List.of("Java", "Cobol"), List.of(1)),
                "newsletter", List.of("true", 1),
                "seats", List.of("12", true),
                "renewal", List.of("tomorrow", "2024-13-01", 1.5, true));
        bad.forEach((slug, wrongs) -> {
            for (Object wrong : wrongs) {
                Api.Response response = spot.put(values(member) + "/" + slug, value(wrong)).expect(400);
                assertThat(response.problemFields()).as(slug + " " + wrong).containsExactly("value");
                assertThat(response.body().path("errors").get(0).path("message").asString()).isNotBlank();
            }
        });
        assertThat(spot.get(values(member)).expect(200).body().path("items").findValues("value"))
                .allMatch(v -> v.isNull());
    }

    @Test
    void null_clears_a_value_and_the_value_field_is_required() {
        Api.SpotClient spot = spotWithProperties();
        String member = spot.member("ada@example.com");
        spot.put(values(member) + "/company", value("ACME")).expect(200);
        assertThat(spot.put(values(member) + "/company", value(null)).expect(200).body().path("value").isNull())
                .isTrue();
        assertThat(spot.get(values(member)).expect(200).body().path("items").get(0).path("value").isNull()).isTrue();
        assertThat(spot.put(values(member) + "/company", Map.of()).expect(400).problemFields())
                .containsExactly("value");
    }

    @Test
    void an_unknown_member_or_property_is_not_found() {
        Api.SpotClient spot = spotWithProperties();
        String member = spot.member("ada@example.com");
        spot.put(values(member) + "/nope", value("x")).expect(404);
        spot.put(values("00000000-0000-0000-0000-000000000000") + "/company", value("x")).expect(404);
        spot.get(values("00000000-0000-0000-0000-000000000000")).expect(404);
        spot.post(values("00000000-0000-0000-0000-000000000000"), List.of()).expect(404);
    }

    @Test
    void another_spots_member_and_property_are_not_found() {
        Api.SpotClient spot = spotWithProperties();
        String member = spot.member("ada@example.com");
        Api.SpotClient other = newSpot();
        String stranger = other.member("bob@example.com");
        other.get(values(member)).expect(404);
        other.put(values(member) + "/company", value("x")).expect(404);
        other.post(values(member), List.of(Map.of("customPropertySlug", "company", "value", "x"))).expect(404);
        spot.put(values(stranger) + "/company", value("x")).expect(404);
        other.put(values(stranger) + "/company", value("x")).expect(404);
        assertThat(spot.get(values(member)).expect(200).body().path("items").get(0).path("value").isNull()).isTrue();
    }

    @Test
    void several_values_are_set_at_once() {
        Api.SpotClient spot = spotWithProperties();
        String member = spot.member("ada@example.com");
        spot.put(values(member) + "/seats", value(3)).expect(200);
        List<Map<String, Object>> body = new ArrayList<>();
        body.add(Map.of("customPropertySlug", "company", "value", "ACME"));
        body.add(Map.of("customPropertySlug", "topics", "value", List.of("Java")));
        Map<String, Object> clear = new HashMap<>();
        clear.put("customPropertySlug", "seats");
        clear.put("value", null);
        body.add(clear);
        Api.Response written = spot.post(values(member), body).expect(200);
        assertThat(written.body().path("total").asLong()).isEqualTo(3);
        assertThat(written.body().path("items").get(0).path("value").asString()).isEqualTo("ACME");

        var items = spot.get(values(member)).expect(200).body().path("items");
        assertThat(items.get(0).path("value").asString()).isEqualTo("ACME");
        assertThat(items.get(2).path("value").toString()).isEqualTo("[\"Java\"]");
        assertThat(items.get(4).path("value").isNull()).isTrue();
    }

    @Test
    void one_bad_item_rejects_the_whole_batch_naming_its_index() {
        Api.SpotClient spot = spotWithProperties();
        String member = spot.member("ada@example.com");
        Api.Response response = spot.post(values(member), List.of(
                Map.of("customPropertySlug", "company", "value", "ACME"),
                Map.of("customPropertySlug", "seats", "value", "many"),
                Map.of("customPropertySlug", "nope", "value", "x"),
                Map.of("customPropertySlug", "company", "value", "Again"),
                Map.of("value", "x"),
                Map.of("customPropertySlug", "plan"))).expect(400);
        assertThat(response.problemFields()).containsExactlyInAnyOrder("[4].customPropertySlug", "[5].value");
        response = spot.post(values(member), List.of(
                Map.of("customPropertySlug", "company", "value", "ACME"),
                Map.of("customPropertySlug", "seats", "value", "many"),
                Map.of("customPropertySlug", "nope", "value", "x"),
                Map.of("customPropertySlug", "company", "value", "Again"))).expect(400);
        assertThat(response.problemFields())
                .containsExactly("[1].value", "[2].customPropertySlug", "[3].customPropertySlug");
        spot.post(values(member), Map.of("customPropertySlug", "company")).expect(400);
        assertThat(spot.get(values(member)).expect(200).body().path("items").get(0).path("value").isNull()).isTrue();
    }

    @Test
    void too_many_items_in_one_batch_is_413() {
        Api.SpotClient spot = spotWithProperties();
        String member = spot.member("ada@example.com");
        List<Map<String, Object>> body = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            body.add(Map.of("customPropertySlug", "company", "value", "x"));
        }
        spot.post(values(member), body).expect(413);
    }
}
