package dev.cohort.members;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomPropertiesApiTest extends ApiTest {

    static Map<String, Object> property(String label, String type, List<String> possibleValues) {
        return possibleValues == null ? Map.of("label", label, "type", type)
                : Map.of("label", label, "type", type, "possibleValues", possibleValues);
    }

    @Test
    void creating_a_property_derives_its_slug_from_the_label() {
        Api.SpotClient spot = newSpot();
        Api.Response created = spot.post("/v1/customProperties", Map.of("label", "Année d'entrée", "type", "Number",
                "description", "Year they joined")).expect(201);
        assertThat(created.text("slug")).isEqualTo("annee-d-entree");
        assertThat(created.text("type")).isEqualTo("Number");
        assertThat(created.text("description")).isEqualTo("Year they joined");
        assertThat(created.body().path("possibleValues").size()).isZero();
        assertThat(spot.get("/v1/customProperties/" + created.text("id")).expect(200).text("label"))
                .isEqualTo("Année d'entrée");
    }

    @Test
    void a_select_property_keeps_its_possible_values_and_explicit_slug() {
        Api.SpotClient spot = newSpot();
        Api.Response created = spot.post("/v1/customProperties", Map.of("slug", "plan", "label", "Plan",
                "type", "SingleSelect", "possibleValues", List.of("Free", " Pro "))).expect(201);
        assertThat(created.text("slug")).isEqualTo("plan");
        assertThat(created.body().path("possibleValues").toString()).isEqualTo("[\"Free\",\"Pro\"]");
    }

    @Test
    void creating_needs_a_label_a_known_type_and_options_for_select_types() {
        Api.SpotClient spot = newSpot();
        assertThat(spot.post("/v1/customProperties", Map.of()).expect(400).problemFields())
                .contains("label", "type");
        assertThat(spot.post("/v1/customProperties", Map.of("label", "X", "type", "Colour")).expect(400)
                .problemFields()).containsExactly("type");
        assertThat(spot.post("/v1/customProperties", property("X", "MultipleSelect", null)).expect(400)
                .problemFields()).containsExactly("possibleValues");
        assertThat(spot.post("/v1/customProperties", property("X", "SingleSelect", List.of())).expect(400)
                .problemFields()).containsExactly("possibleValues");
        assertThat(spot.post("/v1/customProperties", property("X", "Text", List.of("a"))).expect(400)
                .problemFields()).containsExactly("possibleValues");
        assertThat(spot.post("/v1/customProperties", property("X", "SingleSelect", List.of("a", "a"))).expect(400)
                .problemFields()).containsExactly("possibleValues[1]");
        assertThat(spot.post("/v1/customProperties", property("X", "MultipleSelect", List.of("a;b"))).expect(400)
                .problemFields()).containsExactly("possibleValues[0]");
        assertThat(spot.post("/v1/customProperties", Map.of("label", "X", "type", "Text", "slug", "Bad Slug"))
                .expect(400).problemFields()).containsExactly("slug");
        assertThat(spot.post("/v1/customProperties", Map.of("label", "Email", "type", "Text")).expect(400)
                .problemFields()).containsExactly("slug");
        assertThat(spot.post("/v1/customProperties", Map.of("label", "!!!", "type", "Text")).expect(400)
                .problemFields()).containsExactly("slug");
        assertThat(spot.get("/v1/customProperties").expect(200).body().path("total").asLong()).isZero();
    }

    @Test
    void a_slug_is_unique_within_a_spot_but_not_across_spots() {
        Api.SpotClient spot = newSpot();
        spot.post("/v1/customProperties", property("Company", "Text", null)).expect(201);
        Api.Response conflict = spot.post("/v1/customProperties", property("company", "Text", null)).expect(409);
        assertThat(conflict.problemFields()).containsExactly("slug");
        newSpot().post("/v1/customProperties", property("Company", "Text", null)).expect(201);
    }

    @Test
    void the_list_is_paginated_and_filterable_by_slug_label_and_type() {
        Api.SpotClient spot = newSpot();
        spot.post("/v1/customProperties", property("Company", "Text", null)).expect(201);
        spot.post("/v1/customProperties", property("Company size", "Number", null)).expect(201);
        spot.post("/v1/customProperties", property("Newsletter", "Boolean", null)).expect(201);

        Api.Response all = spot.get("/v1/customProperties?limit=2").expect(200);
        assertThat(all.body().path("total").asLong()).isEqualTo(3);
        assertThat(all.body().path("items").size()).isEqualTo(2);
        assertThat(all.body().path("items").get(0).path("slug").asString()).isEqualTo("company");
        assertThat(spot.get("/v1/customProperties?page=2&limit=2").expect(200).body().path("items").get(0)
                .path("slug").asString()).isEqualTo("newsletter");
        assertThat(spot.get("/v1/customProperties?slug%5Beq%5D=company-size").expect(200).body().path("total").asLong())
                .isEqualTo(1);
        assertThat(spot.get("/v1/customProperties?label%5Bcontains%5D=compa").expect(200).body().path("total").asLong())
                .isEqualTo(2);
        assertThat(spot.get("/v1/customProperties?type%5Beq%5D=Boolean").expect(200).body().path("items").get(0)
                .path("slug").asString()).isEqualTo("newsletter");
        assertThat(spot.get("/v1/customProperties?type%5Beq%5D=Colour").expect(400).problemFields())
                .containsExactly("type[eq]");
        assertThat(newSpot().get("/v1/customProperties").expect(200).body().path("total").asLong()).isZero();
    }

    @Test
    void updating_changes_label_description_and_options_but_never_the_type() {
        Api.SpotClient spot = newSpot();
        String id = spot.post("/v1/customProperties", property("Plan", "SingleSelect", List.of("Free", "Pro")))
                .expect(201).text("id");
        Api.Response updated = spot.put("/v1/customProperties/" + id, Map.of("label", "Pricing plan",
                "description", "What they pay", "possibleValues", List.of("Free", "Pro", "Team"))).expect(200);
        assertThat(updated.text("label")).isEqualTo("Pricing plan");
        assertThat(updated.text("slug")).isEqualTo("plan");
        assertThat(updated.body().path("possibleValues").size()).isEqualTo(3);

        assertThat(spot.put("/v1/customProperties/" + id, Map.of("type", "Text")).expect(400).problemFields())
                .containsExactly("type");
        assertThat(spot.put("/v1/customProperties/" + id, Map.of("possibleValues", List.of())).expect(400)
                .problemFields()).containsExactly("possibleValues");
        assertThat(spot.put("/v1/customProperties/" + id, Map.of("label", " ")).expect(400).problemFields())
                .containsExactly("label");
        java.util.Map<String, Object> clear = new java.util.HashMap<>();
        clear.put("description", null);
        assertThat(spot.put("/v1/customProperties/" + id, clear).expect(200).body().path("description").isNull())
                .isTrue();
    }

    @Test
    void removing_an_option_removes_it_from_members_values() {
        Api.SpotClient spot = newSpot();
        String single = spot.post("/v1/customProperties", property("Plan", "SingleSelect", List.of("Free", "Pro")))
                .expect(201).text("id");
        String multiple = spot.post("/v1/customProperties", property("Topics", "MultipleSelect",
                List.of("Java", "Go", "Rust"))).expect(201).text("id");
        String member = spot.member("ada@example.com");
        String values = "/v1/spotMembers/" + member + "/customPropertiesValues";
        spot.put(values + "/plan", Map.of("value", "Pro")).expect(200);
        spot.put(values + "/topics", Map.of("value", List.of("Java", "Go"))).expect(200);

        spot.put("/v1/customProperties/" + single, Map.of("possibleValues", List.of("Free", "Team"))).expect(200);
        spot.put("/v1/customProperties/" + multiple, Map.of("possibleValues", List.of("Java", "Rust"))).expect(200);

        Api.Response list = spot.get(values).expect(200);
        assertThat(list.body().path("items").get(0).path("value").isNull()).isTrue();
        assertThat(list.body().path("items").get(1).path("value").toString()).isEqualTo("[\"Java\"]");
    }

    @Test
    void deleting_a_property_deletes_its_values() {
        Api.SpotClient spot = newSpot();
        String id = spot.post("/v1/customProperties", property("Company", "Text", null)).expect(201).text("id");
        String member = spot.member("ada@example.com");
        spot.put("/v1/spotMembers/" + member + "/customPropertiesValues/company", Map.of("value", "ACME")).expect(200);

        spot.delete("/v1/customProperties/" + id).expect(204);
        spot.get("/v1/customProperties/" + id).expect(404);
        spot.delete("/v1/customProperties/" + id).expect(404);
        long values = jdbc.sql("select count(*) from member_property_value where property_id = :id")
                .param("id", java.util.UUID.fromString(id)).query(Long.class).single();
        assertThat(values).isZero();
    }

    @Test
    void another_spots_property_is_not_found() {
        Api.SpotClient spot = newSpot();
        String id = spot.post("/v1/customProperties", property("Company", "Text", null)).expect(201).text("id");
        Api.SpotClient other = newSpot();
        other.get("/v1/customProperties/" + id).expect(404);
        other.put("/v1/customProperties/" + id, Map.of("label", "Mine")).expect(404);
        other.delete("/v1/customProperties/" + id).expect(404);
        other.get("/v1/customProperties/not-a-uuid").expect(404);
        assertThat(spot.get("/v1/customProperties/" + id).expect(200).text("label")).isEqualTo("Company");
    }
}
