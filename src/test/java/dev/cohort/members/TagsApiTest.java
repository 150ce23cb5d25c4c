package dev.cohort.members;

import static dev.cohort.members.Query.q;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TagsApiTest extends ApiTest {

    static String tag(Api.SpotClient spot, String name) {
        return spot.post("/v1/tags", Map.of("name", name)).expect(201).text("id");
    }

    private long tagCount(Api.SpotClient spot) {
        return jdbc.sql("select count(*) from tag where spot_id = :spot")
                .param("spot", UUID.fromString(spot.spotId)).query(Long.class).single();
    }

    @Test
    void a_tag_is_created_at_the_next_position() {
        Api.SpotClient spot = newSpot();
        Api.Response vip = spot.post("/v1/tags", Map.of("name", " VIP ", "emoji", "⭐")).expect(201);
        assertThat(vip.text("name")).isEqualTo("VIP");
        assertThat(vip.text("emoji")).isEqualTo("⭐");
        assertThat(vip.body().path("order").asInt()).isEqualTo(1);
        Api.Response early = spot.post("/v1/tags", Map.of("name", "Early bird")).expect(201);
        assertThat(early.body().path("emoji").isNull()).isTrue();
        assertThat(early.body().path("order").asInt()).isEqualTo(2);
        assertThat(spot.get("/v1/tags/" + vip.text("id")).expect(200).body()).isEqualTo(vip.body());
        assertThat(newSpot().post("/v1/tags", Map.of("name", "VIP")).expect(201).body().path("order").asInt())
                .isEqualTo(1);
    }

    @Test
    void a_tag_name_is_unique_per_spot_case_insensitively() {
        Api.SpotClient spot = newSpot();
        tag(spot, "Speaker");
        assertThat(spot.post("/v1/tags", Map.of("name", "speaker")).expect(409).problemFields())
                .containsExactly("name");
        String guest = tag(spot, "Guest");
        assertThat(spot.put("/v1/tags/" + guest, Map.of("name", "SPEAKER")).expect(409).problemFields())
                .containsExactly("name");
        assertThat(spot.put("/v1/tags/" + guest, Map.of("name", "GUEST")).expect(200).text("name")).isEqualTo("GUEST");
        tag(newSpot(), "Speaker");
        assertThat(tagCount(spot)).isEqualTo(2);
    }

    @Test
    void an_invalid_tag_is_a_400_naming_each_field_and_creates_nothing() {
        Api.SpotClient spot = newSpot();
        assertThat(spot.post("/v1/tags", Map.of("name", "", "emoji", 7)).expect(400).problemFields())
                .containsExactlyInAnyOrder("name", "emoji");
        assertThat(spot.post("/v1/tags", Map.of("name", 12)).expect(400).problemFields()).containsExactly("name");
        assertThat(spot.post("/v1/tags", Map.of("emoji", "x")).expect(400).problemFields()).containsExactly("name");
        assertThat(spot.post("/v1/tags", Map.of("name", "x".repeat(256))).expect(400).problemFields())
                .containsExactly("name");
        assertThat(spot.post("/v1/tags", "{\"name\": \"a\"").expect(400).problemFields()).containsExactly("body");
        assertThat(spot.post("/v1/tags", List.of(Map.of("name", "a"))).expect(400).problemFields())
                .containsExactly("body");
        assertThat(tagCount(spot)).isZero();
    }

    @Test
    void tags_are_listed_by_position_and_filtered_by_name() {
        Api.SpotClient spot = newSpot();
        for (String name : List.of("Zeta", "alpha", "Beta", "Alphabet")) {
            tag(spot, name);
        }
        Api.Response all = spot.get("/v1/tags").expect(200);
        assertThat(names(all)).containsExactly("Zeta", "alpha", "Beta", "Alphabet");
        assertThat(all.body().path("total").asLong()).isEqualTo(4);
        Api.Response page = spot.get("/v1/tags?page=2&limit=3").expect(200);
        assertThat(names(page)).containsExactly("Alphabet");
        assertThat(page.body().path("total").asLong()).isEqualTo(4);
        assertThat(names(spot.get(q("/v1/tags?name[eq]=ALPHA")).expect(200))).containsExactly("alpha");
        assertThat(names(spot.get(q("/v1/tags?name[contains]=ALPH")).expect(200))).containsExactly("alpha", "Alphabet");
        assertThat(names(spot.get(q("/v1/tags?name[contains]=%25")).expect(200))).isEmpty();
        assertThat(spot.get(q("/v1/tags?name[gt]=a&emoji[eq]=x&order=1")).expect(400).problemFields())
                .containsExactlyInAnyOrder("name[gt]", "emoji[eq]", "order");
        assertThat(spot.get("/v1/tags?page=x").expect(400).problemFields()).containsExactly("page");
    }

    @Test
    void updating_a_tag_changes_only_the_fields_sent() {
        Api.SpotClient spot = newSpot();
        String id = spot.post("/v1/tags", Map.of("name", "Alumni", "emoji", "🎓")).expect(201).text("id");
        Api.Response renamed = spot.put("/v1/tags/" + id, Map.of("name", "Alumnus")).expect(200);
        assertThat(renamed.text("emoji")).isEqualTo("🎓");
        assertThat(renamed.body().path("order").asInt()).isEqualTo(1);
        Api.Response cleared = spot.put("/v1/tags/" + id, "{\"emoji\": null}").expect(200);
        assertThat(cleared.text("name")).isEqualTo("Alumnus");
        assertThat(cleared.body().path("emoji").isNull()).isTrue();
        assertThat(spot.put("/v1/tags/" + id, "{\"name\": null, \"emoji\": 1}").expect(400).problemFields())
                .containsExactlyInAnyOrder("name", "emoji");
        assertThat(spot.put("/v1/tags/" + id, Map.of("name", " ")).expect(400).problemFields())
                .containsExactly("name");
        assertThat(spot.put("/v1/tags/" + id, "[]").expect(400).problemFields()).containsExactly("body");
        assertThat(spot.get("/v1/tags/" + id).expect(200).body()).isEqualTo(cleared.body());
    }

    @Test
    void deleting_a_tag_removes_it_from_its_members() {
        Api.SpotClient spot = newSpot();
        String first = tag(spot, "First");
        String doomed = tag(spot, "Doomed");
        String ann = spot.member("ann@example.com");
        spot.post("/v1/tags/" + doomed + "/spotMembers~bulkAssign", Map.of("spotMemberIds", List.of(ann))).expect(204);
        spot.post("/v1/tags/" + first + "/spotMembers~bulkAssign", Map.of("spotMemberIds", List.of(ann))).expect(204);

        spot.delete("/v1/tags/" + doomed).expect(204);

        spot.get("/v1/tags/" + doomed).expect(404);
        spot.delete("/v1/tags/" + doomed).expect(404);
        assertThat(spot.get("/v1/spotMembers/" + ann).expect(200).body().path("tagIds").toString())
                .isEqualTo("[\"" + first + "\"]");
        assertThat(jdbc.sql("select count(*) from member_tag where tag_id = :tag")
                .param("tag", UUID.fromString(doomed)).query(Long.class).single()).isZero();
        assertThat(spot.post("/v1/tags", Map.of("name", "Doomed")).expect(201).body().path("order").asInt())
                .isEqualTo(2);
    }

    @Test
    void bulk_create_returns_the_created_tags_and_the_failed_items_as_sent() {
        Api.SpotClient spot = newSpot();
        tag(spot, "Existing");
        Api.Response result = spot.post("/v1/tags~bulkCreate", "[{\"name\": \"Red\", \"emoji\": \"🔴\"}, "
                + "{\"name\": \"\"}, {\"name\": \"Blue\"}, {\"name\": \"RED\", \"emoji\": null}, \"Green\", "
                + "{\"name\": \"existing\"}, {\"name\": 5, \"extra\": true}, {\"name\": \"Green\"}]").expect(201);
        JsonNode created = result.body().path("created");
        assertThat(created.valueStream().map(t -> t.path("name").asString() + t.path("order").asInt()).toList())
                .containsExactly("Red2", "Blue3", "Green4");
        assertThat(created.get(0).path("emoji").asString()).isEqualTo("🔴");
        assertThat(result.body().path("failed").toString()).isEqualTo("[{\"name\":\"\"},{\"name\":\"RED\","
                + "\"emoji\":null},\"Green\",{\"name\":\"existing\"},{\"name\":5,\"extra\":true}]");
        assertThat(tagCount(spot)).isEqualTo(4);
        assertThat(spot.get("/v1/tags/" + created.get(1).path("id").asString()).expect(200).text("name"))
                .isEqualTo("Blue");
        Api.Response empty = spot.post("/v1/tags~bulkCreate", "[]").expect(201);
        assertThat(empty.body().path("created").isEmpty()).isTrue();
    }

    @Test
    void bulk_create_over_the_bulk_limit_is_a_413_and_a_body_that_is_not_an_array_is_a_400() {
        Api.SpotClient spot = newSpot();
        List<Map<String, String>> items = new ArrayList<>();
        for (int i = 0; i <= 1000; i++) {
            items.add(Map.of("name", "tag " + i));
        }
        Api.Response tooMany = spot.post("/v1/tags~bulkCreate", items).expect(413);
        assertThat(tooMany.problemFields()).containsExactly("body");
        assertThat(spot.post("/v1/tags~bulkCreate", Map.of("name", "a")).expect(400).problemFields())
                .containsExactly("body");
        assertThat(spot.post("/v1/tags~bulkCreate", "[{").expect(400).problemFields()).containsExactly("body");
        assertThat(tagCount(spot)).isZero();
    }

    @Test
    void unknown_and_other_spots_tags_answer_404() {
        Api.SpotClient spot = newSpot();
        Api.SpotClient other = newSpot();
        String theirs = tag(other, "Theirs");
        String member = spot.member("ann@example.com");
        Map<String, Object> ids = Map.of("spotMemberIds", List.of(member));
        for (String id : List.of(theirs, UUID.randomUUID().toString(), "nope")) {
            spot.get("/v1/tags/" + id).expect(404);
            spot.put("/v1/tags/" + id, Map.of("name", "Mine")).expect(404);
            spot.delete("/v1/tags/" + id).expect(404);
            spot.get("/v1/tags/" + id + "/spotMembers").expect(404);
            spot.post("/v1/tags/" + id + "/spotMembers~bulkAssign", ids).expect(404);
            spot.post("/v1/tags/" + id + "/spotMembers~bulkUnassign", ids).expect(404);
        }
        assertThat(spot.get("/v1/tags").expect(200).body().path("total").asLong()).isZero();
        assertThat(other.get("/v1/tags/" + theirs).expect(200).text("name")).isEqualTo("Theirs");
        assertThat(spot.get("/v1/spotMembers/" + member).expect(200).body().path("tagIds").isEmpty()).isTrue();
    }

    private static List<String> names(Api.Response list) {
        return list.body().path("items").valueStream().map(item -> item.path("name").asString()).toList();
    }
}
