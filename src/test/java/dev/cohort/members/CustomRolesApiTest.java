package dev.cohort.members;

import static dev.cohort.members.Query.q;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomRolesApiTest extends ApiTest {
    private static final String ROLES = "/v1/spotMemberCustomRole";

    private String role(Api.SpotClient spot, String label) {
        return spot.post(ROLES, Map.of("label", label)).expect(201).text("id");
    }

    private long roleCount(Api.SpotClient spot) {
        return jdbc.sql("select count(*) from custom_role where spot_id = :spot")
                .param("spot", UUID.fromString(spot.spotId)).query(Long.class).single();
    }

    @Test
    void a_custom_role_is_created_with_its_label_description_and_permissions() {
        Api.SpotClient spot = newSpot();
        Api.Response created = spot.post(ROLES, Map.of("label", " Moderator ", "description", "Keeps order",
                "permissions", List.of("moderation.*", "live.limited.*", "moderation.*"))).expect(201);
        assertThat(created.text("label")).isEqualTo("Moderator");
        assertThat(created.text("description")).isEqualTo("Keeps order");
        assertThat(created.body().path("permissions").toString()).isEqualTo("[\"moderation.*\",\"live.limited.*\"]");

        Api.Response fetched = spot.get(ROLES + "/" + created.text("id")).expect(200);
        assertThat(fetched.body()).isEqualTo(created.body());

        Api.Response bare = spot.post(ROLES, Map.of("label", "Helper")).expect(201);
        assertThat(bare.body().path("description").isNull()).isTrue();
        assertThat(bare.body().path("permissions").isEmpty()).isTrue();
    }

    @Test
    void an_invalid_custom_role_is_a_400_naming_each_field_and_creates_nothing() {
        Api.SpotClient spot = newSpot();
        Api.Response bad = spot.post(ROLES, Map.of("label", " ", "description", 5,
                "permissions", List.of("live.*", "admin.*", 3))).expect(400);
        assertThat(bad.problemFields()).containsExactlyInAnyOrder("label", "description", "permissions[1]",
                "permissions[2]");
        assertThat(spot.post(ROLES, Map.of("description", "x")).expect(400).problemFields()).containsExactly("label");
        assertThat(spot.post(ROLES, Map.of("label", "A", "permissions", "live.*")).expect(400).problemFields())
                .containsExactly("permissions");
        assertThat(spot.post(ROLES, "{\"label\": ").expect(400).problemFields()).containsExactly("body");
        assertThat(spot.post(ROLES, List.of("label")).expect(400).problemFields()).containsExactly("body");
        assertThat(roleCount(spot)).isZero();
    }

    @Test
    void a_custom_role_label_is_unique_per_spot_case_insensitively() {
        Api.SpotClient spot = newSpot();
        role(spot, "Coach");
        Api.Response duplicate = spot.post(ROLES, Map.of("label", "COACH")).expect(409);
        assertThat(duplicate.problemFields()).containsExactly("label");
        String other = role(spot, "Mentor");
        assertThat(spot.put(ROLES + "/" + other, Map.of("label", "coach")).expect(409).problemFields())
                .containsExactly("label");
        assertThat(spot.put(ROLES + "/" + other, Map.of("label", "MENTOR")).expect(200).text("label"))
                .isEqualTo("MENTOR");
        role(newSpot(), "Coach");
        assertThat(roleCount(spot)).isEqualTo(2);
    }

    @Test
    void custom_roles_are_listed_by_label_and_filtered_by_label() {
        Api.SpotClient spot = newSpot();
        for (String label : List.of("Zebra keeper", "alpha", "Beta tester", "Gamma")) {
            role(spot, label);
        }
        Api.Response all = spot.get(ROLES).expect(200);
        assertThat(all.body().path("total").asLong()).isEqualTo(4);
        assertThat(labels(all)).containsExactly("alpha", "Beta tester", "Gamma", "Zebra keeper");
        assertThat(labels(spot.get(ROLES + "?page=2&limit=3").expect(200))).containsExactly("Zebra keeper");
        assertThat(labels(spot.get(q(ROLES + "?label[eq]=ALPHA")).expect(200))).containsExactly("alpha");
        assertThat(labels(spot.get(q(ROLES + "?label[contains]=e")).expect(200)))
                .containsExactly("Beta tester", "Zebra keeper");
        Api.Response in = spot.get(q(ROLES + "?label[in]=gamma,beta%20tester,nobody")).expect(200);
        assertThat(labels(in)).containsExactly("Beta tester", "Gamma");
        assertThat(in.body().path("total").asLong()).isEqualTo(2);
        assertThat(spot.get(q(ROLES + "?labl[eq]=x&label[gt]=a&sort=label")).expect(400).problemFields())
                .containsExactlyInAnyOrder("labl[eq]", "label[gt]", "sort");
        assertThat(spot.get(ROLES + "?limit=0").expect(400).problemFields()).containsExactly("limit");
    }

    @Test
    void updating_a_custom_role_changes_only_the_fields_sent() {
        Api.SpotClient spot = newSpot();
        String id = spot.post(ROLES, Map.of("label", "Host", "description", "Runs lives",
                "permissions", List.of("live.*"))).expect(201).text("id");
        Api.Response renamed = spot.put(ROLES + "/" + id, Map.of("label", "Live host")).expect(200);
        assertThat(renamed.text("description")).isEqualTo("Runs lives");
        assertThat(renamed.body().path("permissions").toString()).isEqualTo("[\"live.*\"]");

        Api.Response changed = spot.put(ROLES + "/" + id,
                "{\"description\": null, \"permissions\": [\"course.full.*\", \"collection.limited.*\"]}").expect(200);
        assertThat(changed.text("label")).isEqualTo("Live host");
        assertThat(changed.body().path("description").isNull()).isTrue();
        assertThat(changed.body().path("permissions").toString())
                .isEqualTo("[\"course.full.*\",\"collection.limited.*\"]");

        Api.Response bad = spot.put(ROLES + "/" + id,
                "{\"label\": null, \"permissions\": [\"nope\", 1], \"description\": []}").expect(400);
        assertThat(bad.problemFields()).containsExactlyInAnyOrder("label", "permissions[0]", "permissions[1]",
                "description");
        assertThat(spot.get(ROLES + "/" + id).expect(200).body()).isEqualTo(changed.body());
    }

    @Test
    void unknown_and_other_spots_custom_roles_answer_404() {
        Api.SpotClient spot = newSpot();
        Api.SpotClient other = newSpot();
        String theirs = role(other, "Theirs");
        for (String id : List.of(theirs, UUID.randomUUID().toString(), "not-a-uuid")) {
            spot.get(ROLES + "/" + id).expect(404);
            spot.put(ROLES + "/" + id, Map.of("label", "Mine")).expect(404);
            spot.delete(ROLES + "/" + id).expect(404);
        }
        assertThat(spot.get(ROLES).expect(200).body().path("total").asLong()).isZero();
        assertThat(other.get(ROLES + "/" + theirs).expect(200).text("label")).isEqualTo("Theirs");
    }

    @Test
    void deleting_a_custom_role_clears_it_from_the_members_who_held_it() {
        Api.SpotClient spot = newSpot();
        String coach = role(spot, "Coach");
        String mentor = role(spot, "Mentor");
        String ann = spot.post("/v1/spotMembers", Map.of("email", "ann@example.com", "customRoleId", coach))
                .expect(201).text("id");
        String bob = spot.member("bob@example.com");
        assertThat(spot.put("/v1/spotMembers/" + bob, Map.of("customRoleId", coach)).expect(200)
                .text("customRoleId")).isEqualTo(coach);
        String cid = spot.post("/v1/spotMembers", Map.of("email", "cid@example.com", "customRoleId", mentor))
                .expect(201).text("id");
        assertThat(spot.get(q("/v1/spotMembers?customRoleId[eq]=" + coach)).expect(200).body().path("total").asLong())
                .isEqualTo(2);

        spot.delete(ROLES + "/" + coach).expect(204);

        spot.get(ROLES + "/" + coach).expect(404);
        assertThat(spot.get("/v1/spotMembers/" + ann).expect(200).body().path("customRoleId").isNull()).isTrue();
        assertThat(spot.get("/v1/spotMembers/" + bob).expect(200).body().path("customRoleId").isNull()).isTrue();
        assertThat(spot.get("/v1/spotMembers/" + cid).expect(200).text("customRoleId")).isEqualTo(mentor);
        assertThat(spot.get("/v1/spotMembers").expect(200).body().path("total").asLong()).isEqualTo(3);
        assertThat(spot.post("/v1/spotMembers", Map.of("email", "dan@example.com", "customRoleId", coach))
                .expect(400).problemFields()).containsExactly("customRoleId");
    }

    private static List<String> labels(Api.Response list) {
        return list.body().path("items").valueStream().map(item -> item.path("label").asString()).toList();
    }
}
