package dev.cohort.members;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MembersApiTest extends ApiTest {

    private static List<String> emails(Api.Response response) {
        List<String> values = new ArrayList<>();
        response.expect(200).body().path("items").forEach(node -> values.add(node.path("email").asString()));
        return values;
    }

    @Test
    void inviting_a_member_by_email_returns_201_with_the_spot_member_object() {
        Api.SpotClient spot = newSpot();
        JsonNode member = spot.post("/v1/spotMembers", Map.of("email", "ada@example.com", "withEmailNotification", false))
                .expect(201).body();
        for (String field : List.of("id", "spotId", "userId", "email", "title", "lang", "role", "customRoleId",
                "status", "firstname", "lastname", "warnings", "embedBaseUrls", "updatedAt", "lastActivityAt")) {
            assertThat(member.has(field)).as(field).isTrue();
        }
        assertThat(member.path("status").asString()).isEqualTo("Invited");
        assertThat(member.path("role").asString()).isEqualTo("Member");
        assertThat(member.path("spotId").asString()).isEqualTo(spot.spotId);
        assertThat(member.path("embedBaseUrls").has("default")).isTrue();
        assertThat(member.path("invitationDate").asLong()).isPositive();
        assertThat(spot.get("/v1/spotMembers/" + member.path("id").asString()).expect(200).text("email"))
                .isEqualTo("ada@example.com");
    }

    @Test
    void a_host_platform_can_create_accepted_or_pending_members_with_their_details() {
        Api.SpotClient spot = newSpot();
        JsonNode member = spot.post("/v1/spotMembers", Map.of("email", "alan@example.com", "firstname", "Alan",
                "lastname", "Turing", "title", "Mathematician", "lang", "fr", "role", "Admin", "status", "Accepted"))
                .expect(201).body();
        assertThat(member.path("status").asString()).isEqualTo("Accepted");
        assertThat(member.path("lang").asString()).isEqualTo("fr");
        assertThat(member.path("role").asString()).isEqualTo("Admin");
        assertThat(member.path("registrationDate").asLong()).isPositive();
        assertThat(spot.post("/v1/spotMembers", Map.of("email", "p@example.com", "status", "Pending")).expect(201)
                .text("status")).isEqualTo("Pending");
    }

    @Test
    void a_second_member_with_the_same_email_in_any_case_is_a_409() {
        Api.SpotClient spot = newSpot();
        spot.member("ada@example.com");
        Api.Response conflict = spot.post("/v1/spotMembers", Map.of("email", "ADA@Example.com")).expect(409);
        assertThat(conflict.problemFields()).containsExactly("email");
        assertThat(spot.get("/v1/spotMembers").body().path("total").asLong()).isEqualTo(1);
        newSpot().member("ada@example.com");
    }

    @Test
    void bad_member_input_is_a_400_naming_each_field_and_creates_nothing() {
        Api.SpotClient spot = newSpot();
        assertThat(spot.post("/v1/spotMembers", Map.of()).expect(400).problemFields()).containsExactly("email");
        assertThat(spot.post("/v1/spotMembers", Map.of("email", "not-an-email")).expect(400).problemFields())
                .containsExactly("email");
        assertThat(spot.post("/v1/spotMembers", Map.of("email", "a@b.co", "role", "King", "status", "Happy",
                "lang", "xx", "firstname", 7)).expect(400).problemFields())
                .containsExactlyInAnyOrder("role", "status", "lang", "firstname");
        assertThat(spot.post("/v1/spotMembers", Map.of("email", "a@b.co", "customRoleId", UUID.randomUUID().toString()))
                .expect(400).problemFields()).containsExactly("customRoleId");
        spot.post("/v1/spotMembers", "{oops").expect(400);
        assertThat(spot.get("/v1/spotMembers").body().path("total").asLong()).isZero();
    }

    @Test
    void update_changes_only_given_fields_and_validates_them() {
        Api.SpotClient spot = newSpot();
        String id = spot.post("/v1/spotMembers", Map.of("email", "ada@example.com", "firstname", "Ada",
                "title", "Countess")).expect(201).text("id");
        JsonNode updated = spot.put("/v1/spotMembers/" + id, Map.of("lastname", "Lovelace", "status", "Accepted",
                "embedBaseUrls", Map.of("default", "https://a.example", "fr", "https://fr.example"))).expect(200).body();
        assertThat(updated.path("firstname").asString()).isEqualTo("Ada");
        assertThat(updated.path("lastname").asString()).isEqualTo("Lovelace");
        assertThat(updated.path("title").asString()).isEqualTo("Countess");
        assertThat(updated.path("status").asString()).isEqualTo("Accepted");
        assertThat(updated.path("registrationDate").asLong()).isPositive();
        assertThat(updated.path("embedBaseUrls").path("fr").asString()).isEqualTo("https://fr.example");
        Map<String, Object> clear = new HashMap<>();
        clear.put("title", null);
        assertThat(spot.put("/v1/spotMembers/" + id, clear).expect(200).body().path("title").isNull()).isTrue();

        assertThat(spot.put("/v1/spotMembers/" + id, Map.of("role", "Boss", "embedBaseUrls", List.of()))
                .expect(400).problemFields()).containsExactlyInAnyOrder("role", "embedBaseUrls");
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("firstname", null);
        assertThat(spot.put("/v1/spotMembers/" + id, nullName).expect(400).problemFields()).containsExactly("firstname");
        assertThat(spot.get("/v1/spotMembers/" + id).body().path("role").asString()).isEqualTo("Member");
        spot.put("/v1/spotMembers/" + UUID.randomUUID(), Map.of("firstname", "x")).expect(404);
    }

    @Test
    void changing_an_email_to_a_taken_one_is_a_409() {
        Api.SpotClient spot = newSpot();
        spot.member("ada@example.com");
        String alan = spot.member("alan@example.com");
        spot.put("/v1/spotMembers/" + alan, Map.of("email", "Ada@example.com")).expect(409);
        assertThat(spot.get("/v1/spotMembers/" + alan).text("email")).isEqualTo("alan@example.com");
    }

    @Test
    void deleting_a_member_is_204_then_404() {
        Api.SpotClient spot = newSpot();
        String id = spot.member("ada@example.com");
        spot.delete("/v1/spotMembers/" + id).expect(204);
        spot.get("/v1/spotMembers/" + id).expect(404);
        spot.delete("/v1/spotMembers/" + id).expect(404);
        spot.member("ada@example.com");
    }

    @Test
    void bulk_invite_creates_new_emails_and_fails_the_rest() {
        Api.SpotClient spot = newSpot();
        spot.member("taken@example.com");
        Api.Response result = spot.post("/v1/spotMembers~bulkInvite", Map.of("emails",
                List.of("new1@example.com", "TAKEN@example.com", "bad", "new2@example.com", "New1@example.com"),
                "withEmailNotification", false)).expect(201);
        List<String> created = new ArrayList<>();
        result.body().path("created").forEach(m -> created.add(m.path("email").asString()));
        List<String> failed = new ArrayList<>();
        result.body().path("failed").forEach(m -> failed.add(m.path("email").asString()));
        assertThat(created).containsExactlyInAnyOrder("new1@example.com", "new2@example.com");
        assertThat(failed).containsExactlyInAnyOrder("TAKEN@example.com", "bad", "New1@example.com");
        assertThat(spot.get("/v1/spotMembers").body().path("total").asLong()).isEqualTo(3);
        assertThat(spot.post("/v1/spotMembers~bulkInvite", Map.of("emails", "x")).expect(400).problemFields())
                .containsExactly("emails");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add("m" + i + "@example.com");
        }
        spot.post("/v1/spotMembers~bulkInvite", Map.of("emails", many)).expect(413);
        assertThat(spot.get("/v1/spotMembers").body().path("total").asLong()).isEqualTo(3);
    }

    @Test
    void the_member_list_filters_with_the_documented_and_cohort_filters() {
        Api.SpotClient spot = newSpot();
        spot.post("/v1/spotMembers", Map.of("email", "ada@math.org", "firstname", "Ada", "lastname", "Lovelace",
                "role", "Admin", "status", "Accepted")).expect(201);
        spot.post("/v1/spotMembers", Map.of("email", "alan@bletchley.uk", "firstname", "Alan", "lastname", "Turing",
                "status", "Pending", "lang", "fr")).expect(201);
        spot.member("grace@navy.mil", "Grace", "Hopper");
        long hourAgo = System.currentTimeMillis() / 1000 - 3600;
        long inAnHour = hourAgo + 7200;

        assertThat(emails(spot.get("/v1/spotMembers"))).containsExactly("grace@navy.mil", "ada@math.org",
                "alan@bletchley.uk");
        assertThat(emails(spot.get("/v1/spotMembers?email[in]=ALAN@bletchley.uk"))).containsExactly("alan@bletchley.uk");
        assertThat(emails(spot.get("/v1/spotMembers?firstname[in]=Ada,Grace"))).containsExactly("grace@navy.mil",
                "ada@math.org");
        assertThat(emails(spot.get("/v1/spotMembers?lastname[in]=Turing"))).containsExactly("alan@bletchley.uk");
        assertThat(emails(spot.get("/v1/spotMembers?status[in]=Accepted,Pending"))).containsExactly("ada@math.org",
                "alan@bletchley.uk");
        assertThat(emails(spot.get("/v1/spotMembers?status[notin]=Accepted,Pending"))).containsExactly("grace@navy.mil");
        assertThat(emails(spot.get("/v1/spotMembers?status[neq]=Invited"))).hasSize(2);
        assertThat(emails(spot.get("/v1/spotMembers?role[eq]=Admin"))).containsExactly("ada@math.org");
        assertThat(emails(spot.get("/v1/spotMembers?lang[eq]=fr"))).containsExactly("alan@bletchley.uk");
        assertThat(emails(spot.get("/v1/spotMembers?invitationDate[after]=" + hourAgo))).containsExactly("grace@navy.mil");
        assertThat(emails(spot.get("/v1/spotMembers?invitationDate[before]=" + hourAgo))).isEmpty();
        assertThat(emails(spot.get("/v1/spotMembers?registrationDate[before]=" + inAnHour))).hasSize(2);
        assertThat(emails(spot.get("/v1/spotMembers?registrationDate[after]=" + inAnHour * 1000))).isEmpty();
        assertThat(emails(spot.get("/v1/spotMembers?lastActivityAt[gt]=" + hourAgo))).isEmpty();
        assertThat(emails(spot.get("/v1/spotMembers?email[contains]=NAVY"))).containsExactly("grace@navy.mil");
        assertThat(emails(spot.get("/v1/spotMembers?search=hop"))).containsExactly("grace@navy.mil");
        assertThat(emails(spot.get("/v1/spotMembers?search=100%25"))).isEmpty();
        assertThat(emails(spot.get("/v1/spotMembers?customRoleId[eq]=" + UUID.randomUUID()))).isEmpty();
        Api.Response paged = spot.get("/v1/spotMembers?limit=1&page=3").expect(200);
        assertThat(emails(paged)).containsExactly("alan@bletchley.uk");
        assertThat(paged.body().path("total").asLong()).isEqualTo(3);
        assertThat(spot.get("/v1/spotMembers?limit=1&page=9").expect(200).body().path("total").asLong()).isEqualTo(3);

        assertThat(spot.get("/v1/spotMembers?customRoleId[eq]=nope").expect(400).problemFields())
                .containsExactly("customRoleId[eq]");
        assertThat(spot.get("/v1/spotMembers?email[gt]=a").expect(400).problemFields()).containsExactly("email[gt]");
        assertThat(spot.get("/v1/spotMembers?status[eq]=A,B").expect(400).problemFields()).containsExactly("status[eq]");
    }

    @Test
    void unknown_and_malformed_member_ids_are_404() {
        Api.SpotClient spot = newSpot();
        spot.get("/v1/spotMembers/" + UUID.randomUUID()).expect(404);
        spot.get("/v1/spotMembers/12345").expect(404);
    }
}
