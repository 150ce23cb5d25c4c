package dev.cohort.groups;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GroupsApiTest extends ApiTest {

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }

    private static List<String> field(JsonNode items, String name) {
        List<String> values = new ArrayList<>();
        items.forEach(node -> values.add(node.path(name).asString()));
        return values;
    }

    @Test
    void creating_a_group_needs_only_a_name_and_returns_201_with_the_group() {
        Api.SpotClient spot = newSpot();
        Api.Response created = spot.post("/v1/groups", Map.of("name", "Ambassadors")).expect(201);
        assertThat(created.text("name")).isEqualTo("Ambassadors");
        assertThat(UUID.fromString(created.text("id"))).isNotNull();
        assertThat(created.body().has("description")).isTrue();
        assertThat(created.body().path("membersCount").asLong()).isZero();

        Api.Response full = spot.post("/v1/groups", Map.of("name", "Makers", "description", "People who build",
                "emoji", "🛠", "icon", "wrench")).expect(201);
        assertThat(full.text("description")).isEqualTo("People who build");
        assertThat(full.text("emoji")).isEqualTo("🛠");
        assertThat(spot.get("/v1/groups/" + full.text("id")).expect(200).text("icon")).isEqualTo("wrench");
    }

    /** SPEC rule 2: a group needs a name; description, emoji and initial members are optional. */
    @Test
    void a_group_can_be_created_with_initial_members() {
        Api.SpotClient spot = newSpot();
        String ada = spot.member("ada@example.com", "Ada", "Lovelace");
        Api.Response created = spot.post("/v1/groups", Map.of("name", "Founders", "spotMemberIds", List.of(ada)))
                .expect(201);
        assertThat(created.body().path("membersCount").asLong()).isEqualTo(1);
    }

    @Test
    void a_group_without_a_valid_name_is_a_400_naming_the_field_and_nothing_is_created() {
        Api.SpotClient spot = newSpot();
        assertThat(spot.post("/v1/groups", Map.of()).expect(400).problemFields()).containsExactly("name");
        assertThat(spot.post("/v1/groups", Map.of("name", "  ")).expect(400).problemFields()).containsExactly("name");
        assertThat(spot.post("/v1/groups", Map.of("name", 42)).expect(400).problemFields()).containsExactly("name");
        assertThat(spot.post("/v1/groups", Map.of("name", "x".repeat(256))).expect(400).problemFields())
                .containsExactly("name");
        assertThat(spot.post("/v1/groups", Map.of("name", "ok", "description", 3, "emoji", false))
                .expect(400).problemFields()).containsExactlyInAnyOrder("description", "emoji");
        assertThat(spot.post("/v1/groups", Map.of("name", "ok", "spotMemberIds", List.of(UUID.randomUUID().toString())))
                .expect(400).problemFields()).containsExactly("spotMemberIds[0]");
        spot.post("/v1/groups", "{\"name\": ").expect(400);
        spot.post("/v1/groups", "[]").expect(400);
        assertThat(spot.get("/v1/groups").expect(200).body().path("total").asLong()).isZero();
    }

    /** SPEC rule 2: bulk create returns created and failed lists. */
    @Test
    void bulk_create_returns_created_and_failed_lists() {
        Api.SpotClient spot = newSpot();
        Api.Response result = spot.post("/v1/groups~bulkCreate", List.of(Map.of("name", "One"),
                Map.of("name", ""), Map.of("name", "Two", "emoji", "2"), Map.of("description", "no name"))).expect(201);
        assertThat(field(result.body().path("created"), "name")).containsExactly("One", "Two");
        assertThat(result.body().path("failed").size()).isEqualTo(2);
        assertThat(result.body().path("failed").get(1).path("description").asString()).isEqualTo("no name");
        spot.post("/v1/groups~bulkCreate", Map.of("name", "not an array")).expect(400);
    }

    @Test
    void bulk_create_over_the_limit_is_413_and_creates_nothing() {
        Api.SpotClient spot = newSpot();
        List<Map<String, String>> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(Map.of("name", "g" + i));
        }
        Api.Response response = spot.post("/v1/groups~bulkCreate", many).expect(413);
        assertThat(response.body().path("limit").asInt()).isEqualTo(1000);
        assertThat(spot.get("/v1/groups").expect(200).body().path("total").asLong()).isZero();
    }

    @Test
    void update_changes_only_the_given_fields_and_null_clears() {
        Api.SpotClient spot = newSpot();
        String id = spot.post("/v1/groups", Map.of("name", "Old", "description", "d", "emoji", "e")).expect(201)
                .text("id");
        Api.Response renamed = spot.put("/v1/groups/" + id, Map.of("name", "New")).expect(200);
        assertThat(renamed.text("name")).isEqualTo("New");
        assertThat(renamed.text("description")).isEqualTo("d");
        java.util.HashMap<String, Object> clear = new java.util.HashMap<>();
        clear.put("description", null);
        Api.Response cleared = spot.put("/v1/groups/" + id, clear).expect(200);
        assertThat(cleared.body().path("description").isNull()).isTrue();
        assertThat(cleared.text("emoji")).isEqualTo("e");
        assertThat(spot.put("/v1/groups/" + id, Map.of("name", "")).expect(400).problemFields()).containsExactly("name");
        assertThat(spot.get("/v1/groups/" + id).expect(200).text("name")).isEqualTo("New");
        spot.put("/v1/groups/" + UUID.randomUUID(), Map.of("name", "x")).expect(404);
    }

    @Test
    void unknown_and_malformed_group_ids_are_404() {
        Api.SpotClient spot = newSpot();
        String missing = "/v1/groups/" + UUID.randomUUID();
        spot.get(missing).expect(404);
        spot.delete(missing).expect(404);
        spot.get(missing + "/spotMembers").expect(404);
        spot.post(missing + "/spotMembers", Map.of("spotMemberId", UUID.randomUUID().toString())).expect(404);
        spot.post(missing + "/spotMembers~bulkAdd", Map.of("spotMemberIds", List.of())).expect(404);
        spot.post(missing + "/spotMembers~bulkRemove", Map.of("spotMemberIds", List.of())).expect(404);
        spot.get("/v1/groups/not-a-uuid").expect(404);
    }

    @Test
    void deleting_a_group_keeps_its_members_in_the_spot_and_the_group_answers_404() {
        Api.SpotClient spot = newSpot();
        String ada = spot.member("ada@example.com");
        String group = spot.group("Temporary");
        spot.post("/v1/groups/" + group + "/spotMembers", Map.of("spotMemberId", ada)).expect(204);
        spot.delete("/v1/groups/" + group).expect(204);
        spot.get("/v1/groups/" + group).expect(404);
        spot.delete("/v1/groups/" + group).expect(404);
        spot.get("/v1/groups/" + group + "/spotMembers").expect(404);
        spot.get("/v1/spotMembers/" + ada).expect(200);
        assertThat(spot.get("/v1/groups").body().path("total").asLong()).isZero();
    }

    @Test
    void adding_one_member_is_204_and_adding_twice_changes_nothing() {
        Api.SpotClient spot = newSpot();
        String ada = spot.member("ada@example.com");
        String group = spot.group("G");
        spot.post("/v1/groups/" + group + "/spotMembers", Map.of("spotMemberId", ada)).expect(204);
        spot.post("/v1/groups/" + group + "/spotMembers", Map.of("spotMemberId", ada)).expect(204);
        assertThat(spot.get("/v1/groups/" + group).body().path("membersCount").asLong()).isEqualTo(1);
        assertThat(spot.get("/v1/groups/" + group + "/spotMembers").body().path("total").asLong()).isEqualTo(1);
        spot.post("/v1/groups/" + group + "/spotMembers", Map.of("spotMemberId", UUID.randomUUID().toString()))
                .expect(404);
        assertThat(spot.post("/v1/groups/" + group + "/spotMembers", Map.of("spotMemberId", "nope"))
                .expect(400).problemFields()).containsExactly("spotMemberId");
        assertThat(spot.post("/v1/groups/" + group + "/spotMembers", Map.of()).expect(400).problemFields())
                .containsExactly("spotMemberId");
    }

    /** SPEC rule 5: bulk add reports added and failed ids; adding a member twice changes nothing. */
    @Test
    void bulk_add_reports_added_and_failed_ids() {
        Api.SpotClient spot = newSpot();
        Api.SpotClient other = newSpot();
        String ada = spot.member("ada@example.com");
        String alan = spot.member("alan@example.com");
        String stranger = other.member("eve@example.com");
        String unknown = UUID.randomUUID().toString();
        String group = spot.group("G");
        spot.post("/v1/groups/" + group + "/spotMembers", Map.of("spotMemberId", ada)).expect(204);

        Api.Response result = spot.post("/v1/groups/" + group + "/spotMembers~bulkAdd",
                Map.of("spotMemberIds", List.of(ada, alan, stranger, unknown, "malformed", alan))).expect(200);
        assertThat(texts(result.body().path("addedSpotMemberIds"))).containsExactly(ada, alan);
        assertThat(texts(result.body().path("failedSpotMemberIds"))).containsExactly(stranger, unknown, "malformed");
        assertThat(texts(result.body().path("alreadyInGroupSpotMemberIds"))).containsExactly(ada);
        assertThat(spot.get("/v1/groups/" + group).body().path("membersCount").asLong()).isEqualTo(2);
        assertThat(other.get("/v1/spotMembers/" + stranger).expect(200).body().path("id").asString())
                .isEqualTo(stranger);
    }

    @Test
    void bulk_bodies_over_the_limit_are_413_and_change_nothing() {
        Api.SpotClient spot = newSpot();
        String group = spot.group("G");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        spot.post("/v1/groups/" + group + "/spotMembers~bulkAdd", Map.of("spotMemberIds", ids)).expect(413);
        spot.post("/v1/groups/" + group + "/spotMembers~bulkRemove", Map.of("spotMemberIds", ids)).expect(413);
        assertThat(spot.post("/v1/groups/" + group + "/spotMembers~bulkAdd", Map.of("spotMemberIds", "x"))
                .expect(400).problemFields()).containsExactly("spotMemberIds");
        assertThat(spot.post("/v1/groups/" + group + "/spotMembers~bulkAdd", Map.of())
                .expect(400).problemFields()).containsExactly("spotMemberIds");
    }

    /** SPEC rule 5: bulk remove reports how many members were removed. */
    @Test
    void bulk_remove_reports_how_many_were_removed() {
        Api.SpotClient spot = newSpot();
        String ada = spot.member("ada@example.com");
        String alan = spot.member("alan@example.com");
        String grace = spot.member("grace@example.com");
        String group = spot.group("G");
        spot.post("/v1/groups/" + group + "/spotMembers~bulkAdd", Map.of("spotMemberIds", List.of(ada, alan)))
                .expect(200);
        Api.Response removed = spot.post("/v1/groups/" + group + "/spotMembers~bulkRemove",
                Map.of("spotMemberIds", List.of(ada, grace, UUID.randomUUID().toString()))).expect(200);
        assertThat(removed.body().path("removedSpotMembersCount").asInt()).isEqualTo(1);
        assertThat(spot.get("/v1/groups/" + group).body().path("membersCount").asLong()).isEqualTo(1);
        assertThat(spot.post("/v1/groups/" + group + "/spotMembers~bulkRemove",
                Map.of("spotMemberIds", List.of(alan, "bad"))).expect(400).problemFields())
                .containsExactly("spotMemberIds[1]");
        assertThat(spot.get("/v1/groups/" + group).body().path("membersCount").asLong()).isEqualTo(1);
        spot.get("/v1/spotMembers/" + ada).expect(200);
    }

    /** SPEC rule 3: a group's members list is alphabetical. */
    @Test
    void a_groups_members_are_listed_alphabetically_by_last_name_first_name_email() {
        Api.SpotClient spot = newSpot();
        String group = spot.group("G");
        List<String> ids = List.of(
                spot.member("z@example.com", "Zoe", "adams"),
                spot.member("b@example.com", "Bob", "Brown"),
                spot.member("a2@example.com", "Ann", "Adams"),
                spot.member("a1@example.com", "Ann", "Adams"),
                spot.member("c@example.com", "Émile", "Zola"));
        spot.post("/v1/groups/" + group + "/spotMembers~bulkAdd", Map.of("spotMemberIds", ids)).expect(200);
        Api.Response page = spot.get("/v1/groups/" + group + "/spotMembers").expect(200);
        assertThat(field(page.body().path("items"), "email"))
                .containsExactly("a1@example.com", "a2@example.com", "z@example.com", "b@example.com", "c@example.com");
        assertThat(page.body().path("total").asLong()).isEqualTo(5);

        Api.Response second = spot.get("/v1/groups/" + group + "/spotMembers?page=2&limit=2").expect(200);
        assertThat(field(second.body().path("items"), "email")).containsExactly("z@example.com", "b@example.com");
        assertThat(second.body().path("total").asLong()).isEqualTo(5);
    }

    /** SPEC rule 3: a group's members list is searchable and filterable. */
    @Test
    void a_groups_members_are_searchable_and_filterable() {
        Api.SpotClient spot = newSpot();
        String group = spot.group("G");
        String ada = spot.post("/v1/spotMembers", Map.of("email", "ada@math.org", "firstname", "Ada",
                "lastname", "Lovelace", "role", "Admin", "status", "Accepted")).expect(201).text("id");
        String alan = spot.post("/v1/spotMembers", Map.of("email", "alan@bletchley.uk", "firstname", "Alan",
                "lastname", "Turing", "status", "Pending")).expect(201).text("id");
        String grace = spot.member("grace@navy.mil", "Grace", "Hopper");
        String outsider = spot.member("ada.outsider@math.org", "Ada", "Outside");
        spot.post("/v1/groups/" + group + "/spotMembers~bulkAdd", Map.of("spotMemberIds", List.of(ada, alan, grace)))
                .expect(200);
        String base = "/v1/groups/" + group + "/spotMembers";

        assertThat(emails(spot, base + "?search=LOVE")).containsExactly("ada@math.org");
        assertThat(emails(spot, base + "?search=math.org")).containsExactly("ada@math.org");
        assertThat(emails(spot, base + "?search=alan%20tur")).containsExactly("alan@bletchley.uk");
        assertThat(emails(spot, base + "?role[in]=Admin")).containsExactly("ada@math.org");
        assertThat(emails(spot, base + "?status[in]=Pending,Invited")).containsExactly("grace@navy.mil", "alan@bletchley.uk");
        assertThat(emails(spot, base + "?email[in]=ADA@math.org,grace@navy.mil"))
                .containsExactly("grace@navy.mil", "ada@math.org");
        assertThat(emails(spot, base + "?firstname[in]=Alan")).containsExactly("alan@bletchley.uk");
        assertThat(emails(spot, base + "?lastname[in]=Hopper&lastname[in]=Turing"))
                .containsExactly("grace@navy.mil", "alan@bletchley.uk");
        long now = System.currentTimeMillis() / 1000;
        assertThat(emails(spot, base + "?registrationDate[after]=" + (now - 3600)))
                .containsExactly("ada@math.org", "alan@bletchley.uk");
        assertThat(emails(spot, base + "?registrationDate[before]=" + (now - 3600))).isEmpty();
        Api.Response filtered = spot.get(base + "?status[in]=Accepted").expect(200);
        assertThat(filtered.body().path("total").asLong()).isEqualTo(1);
        assertThat(outsider).isNotNull();
    }

    @Test
    void bad_filters_and_paging_are_400_naming_the_parameter() {
        Api.SpotClient spot = newSpot();
        String base = "/v1/groups/" + spot.group("G") + "/spotMembers";
        assertThat(spot.get(base + "?colour[eq]=red").expect(400).problemFields()).containsExactly("colour[eq]");
        assertThat(spot.get(base + "?email[like]=x").expect(400).problemFields()).containsExactly("email[like]");
        assertThat(spot.get(base + "?status[in]=Happy").expect(400).problemFields()).containsExactly("status[in]");
        assertThat(spot.get(base + "?registrationDate[before]=yesterday").expect(400).problemFields())
                .containsExactly("registrationDate[before]");
        assertThat(spot.get(base + "?page=0").expect(400).problemFields()).containsExactly("page");
        assertThat(spot.get(base + "?limit=101").expect(400).problemFields()).containsExactly("limit");
        assertThat(spot.get(base + "?limit=abc").expect(400).problemFields()).containsExactly("limit");
        assertThat(spot.get(base + "?unknown=1").expect(400).problemFields()).containsExactly("unknown");
        assertThat(spot.get(base + "?limit=0&status[in]=Happy").expect(400).problemFields())
                .containsExactlyInAnyOrder("limit", "status[in]");
        assertThat(spot.get("/v1/groups?membersCount[gt]=many").expect(400).problemFields())
                .containsExactly("membersCount[gt]");
    }

    /** SPEC rule 1: the group list shows member and resource counts, filterable and paginated. */
    @Test
    void the_group_list_shows_counts_and_filters_by_name_and_counts() {
        Api.SpotClient spot = newSpot();
        String ada = spot.member("ada@example.com");
        String alan = spot.member("alan@example.com");
        String big = spot.group("Big group");
        String small = spot.group("Small group");
        spot.group("Empty one");
        spot.post("/v1/groups/" + big + "/spotMembers~bulkAdd", Map.of("spotMemberIds", List.of(ada, alan))).expect(200);
        spot.post("/v1/groups/" + small + "/spotMembers", Map.of("spotMemberId", ada)).expect(204);

        Api.Response all = spot.get("/v1/groups").expect(200);
        assertThat(field(all.body().path("items"), "name")).containsExactly("Big group", "Empty one", "Small group");
        assertThat(field(all.body().path("items"), "membersCount")).containsExactly("2", "0", "1");
        assertThat(field(all.body().path("items"), "resourcesCount")).containsExactly("0", "0", "0");
        assertThat(all.body().path("total").asLong()).isEqualTo(3);

        assertThat(names(spot, "/v1/groups?name[eq]=Small%20group")).containsExactly("Small group");
        assertThat(names(spot, "/v1/groups?name[contains]=GROUP")).containsExactly("Big group", "Small group");
        assertThat(names(spot, "/v1/groups?membersCount[eq]=0")).containsExactly("Empty one");
        assertThat(names(spot, "/v1/groups?membersCount[gte]=1")).containsExactly("Big group", "Small group");
        assertThat(names(spot, "/v1/groups?membersCount[gt]=1")).containsExactly("Big group");
        assertThat(names(spot, "/v1/groups?resourcesCount[eq]=0")).hasSize(3);
        Api.Response paged = spot.get("/v1/groups?limit=2&page=2").expect(200);
        assertThat(field(paged.body().path("items"), "name")).containsExactly("Small group");
        assertThat(paged.body().path("total").asLong()).isEqualTo(3);
    }

    @Test
    void deleting_a_member_takes_them_out_of_groups_and_counts() {
        Api.SpotClient spot = newSpot();
        String ada = spot.member("ada@example.com");
        String group = spot.group("G");
        spot.post("/v1/groups/" + group + "/spotMembers", Map.of("spotMemberId", ada)).expect(204);
        spot.delete("/v1/spotMembers/" + ada).expect(204);
        assertThat(spot.get("/v1/groups/" + group).body().path("membersCount").asLong()).isZero();
        assertThat(spot.get("/v1/groups/" + group + "/spotMembers").body().path("total").asLong()).isZero();
    }

    private static List<String> emails(Api.SpotClient spot, String path) {
        return field(spot.get(path).expect(200).body().path("items"), "email");
    }

    private static List<String> names(Api.SpotClient spot, String path) {
        return field(spot.get(path).expect(200).body().path("items"), "name");
    }
}
