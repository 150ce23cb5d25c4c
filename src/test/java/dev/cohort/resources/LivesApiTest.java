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
import tools.jackson.databind.JsonNode;

class LivesApiTest extends ApiTest {
    private static final long HOUR = 3600;

    private static Map<String, Object> live(String host, String title, long start, long end) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("spotMemberHostId", host);
        body.put("startDate", start);
        body.put("endDate", end);
        body.put("solution", "BuiltIn");
        return body;
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static List<String> titles(Api.Response list) {
        List<String> titles = new ArrayList<>();
        list.body().path("items").forEach(item -> titles.add(item.path("title").asString()));
        return titles;
    }

    @Test
    void creating_a_live_returns_201_with_the_live_object_and_its_defaults() {
        Api.SpotClient spot = newSpot();
        String host = spot.member("host@example.com");
        long start = now() + 24 * HOUR;
        Map<String, Object> body = live(host, "Kick-off", start, start + HOUR);
        body.put("description", "Welcome\nAgenda");
        body.put("builtInType", "Workshop");
        Api.Response created = spot.post("/v1/lives", body).expect(201);
        JsonNode live = created.body();
        assertThat(live.path("title").asString()).isEqualTo("Kick-off");
        assertThat(Instant.parse(live.path("startDate").asString()).getEpochSecond()).isEqualTo(start);
        assertThat(Instant.parse(live.path("endDate").asString()).getEpochSecond()).isEqualTo(start + HOUR);
        assertThat(live.path("status").asString()).isEqualTo("Planned");
        assertThat(live.path("computedStatus").asString()).isEqualTo("Planned");
        assertThat(live.path("solution").asString()).isEqualTo("BuiltIn");
        assertThat(live.path("builtInType").asString()).isEqualTo("Workshop");
        assertThat(live.path("spotMemberHostId").asString()).isEqualTo(host);
        assertThat(live.path("privacy").path("visibility").asString()).isEqualTo("OnlySpotMembers");
        assertThat(live.path("privacy").path("participation").asString()).isEqualTo("AnySpotMembers");
        assertThat(live.path("config").path("chatVisibility").asString()).isEqualTo("Display");
        assertThat(live.path("config").path("record").asBoolean()).isFalse();
        assertThat(live.path("metrics").path("invited").isNull()).isTrue();
        assertThat(live.path("description").get(1).path("children").get(0).path("text").asString())
                .isEqualTo("Agenda");
        assertThat(Instant.parse(live.path("createdAt").asString())).isNotNull();
        assertThat(Instant.parse(live.path("updatedAt").asString())).isNotNull();
        assertThat(spot.get("/v1/lives/" + live.path("id").asString()).expect(200).body()).isEqualTo(live);
        assertThat(ResourceTables.restricted(jdbc, live.path("id").asString())).isFalse();
    }

    @Test
    void a_live_for_invited_members_only_is_restricted_and_becomes_open_again_when_updated() {
        Api.SpotClient spot = newSpot();
        String host = spot.member("host@example.com");
        Map<String, Object> hidden = live(host, "Secret", now() + HOUR, now() + 2 * HOUR);
        hidden.put("visibility", "InvitedMembersOnly");
        String secret = spot.post("/v1/lives", hidden).expect(201).text("id");
        Map<String, Object> closed = live(host, "Closed", now() + HOUR, now() + 2 * HOUR);
        closed.put("visibility", "AnyOne");
        closed.put("participation", "InvitedMembersOnly");
        String invitedOnly = spot.post("/v1/lives", closed).expect(201).text("id");
        assertThat(ResourceTables.restricted(jdbc, secret)).isTrue();
        assertThat(ResourceTables.restricted(jdbc, invitedOnly)).isTrue();

        spot.put("/v1/lives/" + secret, Map.of("visibility", "AnyOne")).expect(200);
        assertThat(ResourceTables.restricted(jdbc, secret)).isFalse();
        Api.Response updated = spot.put("/v1/lives/" + invitedOnly, Map.of("participation", "AnySpotMembers"))
                .expect(200);
        assertThat(updated.body().path("privacy").path("visibility").asString()).isEqualTo("AnyOne");
        assertThat(ResourceTables.restricted(jdbc, invitedOnly)).isFalse();
    }

    @Test
    void the_status_of_a_live_is_computed_from_its_dates_and_can_be_filtered() {
        Api.SpotClient spot = newSpot();
        String host = spot.member("host@example.com");
        spot.post("/v1/lives", live(host, "Past", now() - 3 * HOUR, now() - 2 * HOUR)).expect(201);
        spot.post("/v1/lives", live(host, "Now", now() - HOUR, now() + HOUR)).expect(201);
        spot.post("/v1/lives", live(host, "Soon", now() + HOUR, now() + 2 * HOUR)).expect(201);
        Api.Response all = spot.get("/v1/lives").expect(200);
        assertThat(titles(all)).containsExactly("Past", "Now", "Soon");
        List<String> statuses = new ArrayList<>();
        all.body().path("items").forEach(item -> statuses.add(item.path("status").asString()));
        assertThat(statuses).containsExactly("Ended", "Live", "Planned");
        assertThat(titles(spot.get("/v1/lives?status[eq]=Ended").expect(200))).containsExactly("Past");
        assertThat(titles(spot.get("/v1/lives?status[eq]=Live").expect(200))).containsExactly("Now");
        assertThat(titles(spot.get("/v1/lives?status[eq]=Planned").expect(200))).containsExactly("Soon");
    }

    @Test
    void lives_are_filtered_by_title_start_date_solution_and_built_in_type_and_paginated() {
        Api.SpotClient spot = newSpot();
        String host = spot.member("host@example.com");
        long base = now() + 10 * HOUR;
        Map<String, Object> workshop = live(host, "Design workshop", base, base + HOUR);
        workshop.put("builtInType", "Workshop");
        spot.post("/v1/lives", workshop).expect(201);
        Map<String, Object> youtube = live(host, "Town hall", base + HOUR, base + 2 * HOUR);
        youtube.put("solution", "Youtube");
        youtube.put("videoUrl", "https://youtube.com/watch?v=x");
        spot.post("/v1/lives", youtube).expect(201);
        Map<String, Object> conference = live(host, "Design conference", base + 2 * HOUR, base + 3 * HOUR);
        conference.put("builtInType", "Conference");
        spot.post("/v1/lives", conference).expect(201);

        assertThat(titles(spot.get("/v1/lives?title[eq]=Town%20hall"))).containsExactly("Town hall");
        assertThat(titles(spot.get("/v1/lives?title[contains]=design"))).containsExactly("Design workshop",
                "Design conference");
        assertThat(titles(spot.get("/v1/lives?startDate[gt]=" + base))).containsExactly("Town hall",
                "Design conference");
        assertThat(titles(spot.get("/v1/lives?startDate[lte]=" + (base + HOUR)))).containsExactly("Design workshop",
                "Town hall");
        assertThat(titles(spot.get("/v1/lives?startDate[eq]=" + base))).containsExactly("Design workshop");
        assertThat(titles(spot.get("/v1/lives?startDate[gte]=" + (base + HOUR) + "&startDate[lt]=" + (base + 2 * HOUR))))
                .containsExactly("Town hall");
        assertThat(titles(spot.get("/v1/lives?solution[eq]=Youtube"))).containsExactly("Town hall");
        assertThat(titles(spot.get("/v1/lives?solution[in]=Youtube,BuiltIn"))).hasSize(3);
        assertThat(titles(spot.get("/v1/lives?builtInType[in]=Conference"))).containsExactly("Design conference");
        assertThat(titles(spot.get("/v1/lives?builtInType[eq]=Workshop"))).containsExactly("Design workshop");
        Api.Response page = spot.get("/v1/lives?page=2&limit=2").expect(200);
        assertThat(titles(page)).containsExactly("Design conference");
        assertThat(page.body().path("total").asLong()).isEqualTo(3);

        assertThat(spot.get("/v1/lives?status[eq]=Soon&solution[eq]=Zoom&startDate[gt]=x&color[eq]=red")
                .expect(400).problemFields())
                .containsExactlyInAnyOrder("status[eq]", "solution[eq]", "startDate[gt]", "color[eq]");
    }

    @Test
    void a_live_without_its_required_fields_is_a_400_naming_each_and_nothing_is_created() {
        Api.SpotClient spot = newSpot();
        assertThat(spot.post("/v1/lives", Map.of()).expect(400).problemFields()).containsExactlyInAnyOrder(
                "title", "spotMemberHostId", "startDate", "endDate", "solution");
        String host = spot.member("host@example.com");
        Map<String, Object> bad = live(host, "x".repeat(256), now() + 2 * HOUR, now() + HOUR);
        bad.put("solution", "Zoom");
        bad.put("visibility", "Everyone");
        bad.put("record", "yes");
        bad.put("chatVisibility", 1);
        assertThat(spot.post("/v1/lives", bad).expect(400).problemFields()).containsExactlyInAnyOrder(
                "title", "solution", "visibility", "record", "chatVisibility");
        // The checks over several fields and the database's follow once every field reads, together.
        Map<String, Object> wrongHost = live(UUID.randomUUID().toString(), "Live", now() + HOUR, now());
        assertThat(spot.post("/v1/lives", wrongHost).expect(400).problemFields())
                .containsExactlyInAnyOrder("spotMemberHostId", "endDate");
        Map<String, Object> malformedHost = live("not-an-id", "Live", now(), now() + HOUR);
        assertThat(spot.post("/v1/lives", malformedHost).expect(400).problemFields())
                .containsExactly("spotMemberHostId");
        Map<String, Object> otherSpotsMember = live(newSpot().member("x@example.com"), "Live", now(), now() + HOUR);
        assertThat(spot.post("/v1/lives", otherSpotsMember).expect(400).problemFields())
                .containsExactly("spotMemberHostId");
        spot.post("/v1/lives", "[]").expect(400);
        assertThat(spot.get("/v1/lives").expect(200).body().path("total").asLong()).isZero();
        assertThat(ResourceTables.count(jdbc, spot.spotId, "live")).isZero();
    }

    @Test
    void updating_a_live_changes_only_the_given_fields_and_a_bad_update_changes_nothing() {
        Api.SpotClient spot = newSpot();
        String host = spot.member("host@example.com");
        String other = spot.member("other@example.com");
        long start = now() + HOUR;
        String id = spot.post("/v1/lives", live(host, "Before", start, start + HOUR)).expect(201).text("id");
        Api.Response updated = spot.put("/v1/lives/" + id, Map.of("title", "After", "endDate", start + 2 * HOUR,
                "record", true, "spotMemberHostId", other)).expect(200);
        assertThat(updated.text("title")).isEqualTo("After");
        assertThat(Instant.parse(updated.text("endDate")).getEpochSecond()).isEqualTo(start + 2 * HOUR);
        assertThat(Instant.parse(updated.text("startDate")).getEpochSecond()).isEqualTo(start);
        assertThat(updated.body().path("config").path("record").asBoolean()).isTrue();
        assertThat(updated.text("spotMemberHostId")).isEqualTo(other);
        assertThat(updated.text("solution")).isEqualTo("BuiltIn");

        assertThat(spot.put("/v1/lives/" + id, Map.of("startDate", start + 3 * HOUR)).expect(400).problemFields())
                .containsExactly("endDate");
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("title", null);
        nulls.put("solution", null);
        nulls.put("spotMemberHostId", null);
        assertThat(spot.put("/v1/lives/" + id, nulls).expect(400).problemFields())
                .containsExactlyInAnyOrder("title", "solution", "spotMemberHostId");
        assertThat(spot.put("/v1/lives/" + id, Map.of("title", "")).expect(400).problemFields())
                .containsExactly("title");
        Api.Response unchanged = spot.get("/v1/lives/" + id).expect(200);
        assertThat(unchanged.body()).isEqualTo(updated.body());
    }

    @Test
    void deleting_a_live_is_204_and_it_answers_404_after() {
        Api.SpotClient spot = newSpot();
        String host = spot.member("host@example.com");
        String id = spot.post("/v1/lives", live(host, "Gone", now(), now() + HOUR)).expect(201).text("id");
        spot.delete("/v1/lives/" + id).expect(204);
        spot.get("/v1/lives/" + id).expect(404);
        spot.put("/v1/lives/" + id, Map.of("title", "x")).expect(404);
        spot.delete("/v1/lives/" + id).expect(404);
        spot.get("/v1/lives/not-a-uuid").expect(404);
        assertThat(spot.get("/v1/lives").body().path("total").asLong()).isZero();
    }
}
