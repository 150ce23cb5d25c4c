package dev.cohort.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CoursesApiTest extends ApiTest {

    private static List<String> titles(Api.Response list) {
        List<String> titles = new ArrayList<>();
        list.expect(200).body().path("items").forEach(item -> titles.add(item.path("title").asString()));
        return titles;
    }

    @Test
    void creating_a_course_needs_only_a_title_and_takes_the_defaults() {
        Api.SpotClient spot = newSpot();
        Api.Response created = spot.post("/v1/courses", Map.of("title", "Onboarding")).expect(201);
        assertThat(created.text("title")).isEqualTo("Onboarding");
        assertThat(created.text("privacy")).isEqualTo("Public");
        assertThat(created.text("status")).isEqualTo("Draft");
        assertThat(created.text("navigationMode")).isEqualTo("Flexible");
        assertThat(created.body().path("description").isNull()).isTrue();
        assertThat(Instant.parse(created.text("createdAt"))).isNotNull();
        assertThat(Instant.parse(created.text("updatedAt"))).isNotNull();
        assertThat(spot.get("/v1/courses/" + created.text("id")).expect(200).body()).isEqualTo(created.body());
        assertThat(ResourceTables.restricted(jdbc, created.text("id"))).isFalse();
    }

    @Test
    void only_a_secret_course_is_restricted() {
        Api.SpotClient spot = newSpot();
        String secret = spot.post("/v1/courses", Map.of("title", "S", "privacy", "Secret")).expect(201).text("id");
        String hidden = spot.post("/v1/courses", Map.of("title", "P", "privacy", "Private")).expect(201).text("id");
        assertThat(ResourceTables.restricted(jdbc, secret)).isTrue();
        assertThat(ResourceTables.restricted(jdbc, hidden)).isFalse();
        spot.put("/v1/courses/" + secret, Map.of("privacy", "Public")).expect(200);
        spot.put("/v1/courses/" + hidden, Map.of("privacy", "Secret")).expect(200);
        assertThat(ResourceTables.restricted(jdbc, secret)).isFalse();
        assertThat(ResourceTables.restricted(jdbc, hidden)).isTrue();
    }

    @Test
    void courses_are_filtered_by_status_privacy_and_title_and_paginated_oldest_first() {
        Api.SpotClient spot = newSpot();
        spot.post("/v1/courses", Map.of("title", "Basics", "status", "Published")).expect(201);
        spot.post("/v1/courses", Map.of("title", "Advanced", "privacy", "Secret")).expect(201);
        spot.post("/v1/courses", Map.of("title", "Advanced bis", "privacy", "Private", "status", "Published",
                "navigationMode", "Sequential")).expect(201);
        assertThat(titles(spot.get("/v1/courses"))).containsExactly("Basics", "Advanced", "Advanced bis");
        assertThat(titles(spot.get("/v1/courses?status[eq]=Published"))).containsExactly("Basics", "Advanced bis");
        assertThat(titles(spot.get("/v1/courses?privacy[eq]=Secret"))).containsExactly("Advanced");
        assertThat(titles(spot.get("/v1/courses?title[contains]=ADV"))).containsExactly("Advanced", "Advanced bis");
        assertThat(titles(spot.get("/v1/courses?limit=1&page=3"))).containsExactly("Advanced bis");
        assertThat(spot.get("/v1/courses?limit=1").body().path("total").asLong()).isEqualTo(3);
        assertThat(spot.get("/v1/courses?status[eq]=Done&privacy[in]=Public&limit=0").expect(400).problemFields())
                .containsExactlyInAnyOrder("status[eq]", "privacy[in]", "limit");
    }

    @Test
    void a_bad_course_is_a_400_naming_each_field_and_changes_nothing() {
        Api.SpotClient spot = newSpot();
        assertThat(spot.post("/v1/courses", Map.of("privacy", "Hidden", "status", "Live", "navigationMode", "Free",
                "description", 3)).expect(400).problemFields())
                .containsExactlyInAnyOrder("title", "privacy", "status", "navigationMode", "description");
        assertThat(spot.post("/v1/courses", Map.of("title", "t".repeat(256))).expect(400).problemFields())
                .containsExactly("title");
        assertThat(ResourceTables.count(jdbc, spot.spotId, "course")).isZero();

        String id = spot.post("/v1/courses", Map.of("title", "Kept", "description", "d")).expect(201).text("id");
        Map<String, Object> bad = new HashMap<>();
        bad.put("title", "Changed");
        bad.put("privacy", null);
        assertThat(spot.put("/v1/courses/" + id, bad).expect(400).problemFields()).containsExactly("privacy");
        assertThat(spot.get("/v1/courses/" + id).text("title")).isEqualTo("Kept");
    }

    @Test
    void updating_a_course_changes_the_given_fields_and_null_clears_the_description() {
        Api.SpotClient spot = newSpot();
        Api.Response created = spot.post("/v1/courses", Map.of("title", "C", "description", "d")).expect(201);
        String id = created.text("id");
        Api.Response published = spot.put("/v1/courses/" + id, Map.of("status", "Published")).expect(200);
        assertThat(published.text("status")).isEqualTo("Published");
        assertThat(published.text("description")).isEqualTo("d");
        assertThat(Instant.parse(published.text("updatedAt"))).isAfter(Instant.parse(created.text("updatedAt")));
        Map<String, Object> clear = new HashMap<>();
        clear.put("description", null);
        assertThat(spot.put("/v1/courses/" + id, clear).expect(200).body().path("description").isNull()).isTrue();
        spot.put("/v1/courses/" + UUID.randomUUID(), Map.of("title", "x")).expect(404);
    }

    @Test
    void deleting_a_course_is_204_and_it_answers_404_after() {
        Api.SpotClient spot = newSpot();
        String id = spot.post("/v1/courses", Map.of("title", "Gone")).expect(201).text("id");
        spot.delete("/v1/courses/" + id).expect(204);
        spot.get("/v1/courses/" + id).expect(404);
        spot.delete("/v1/courses/" + id).expect(404);
        spot.get("/v1/courses/nope").expect(404);
    }
}
