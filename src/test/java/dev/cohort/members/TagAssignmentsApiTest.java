package dev.cohort.members;

import static dev.cohort.members.Query.q;
import static dev.cohort.members.TagsApiTest.tag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TagAssignmentsApiTest extends ApiTest {

    private static Api.Response assign(Api.SpotClient spot, String tagId, Object ids) {
        return spot.post("/v1/tags/" + tagId + "/spotMembers~bulkAssign", Map.of("spotMemberIds", ids));
    }

    private static Api.Response unassign(Api.SpotClient spot, String tagId, Object ids) {
        return spot.post("/v1/tags/" + tagId + "/spotMembers~bulkUnassign", Map.of("spotMemberIds", ids));
    }

    private long assignments(String tagId) {
        return jdbc.sql("select count(*) from member_tag where tag_id = :tag")
                .param("tag", UUID.fromString(tagId)).query(Long.class).single();
    }

    @Test
    void tagged_members_carry_the_tag_id_and_are_listed_alphabetically() {
        Api.SpotClient spot = newSpot();
        String vip = tag(spot, "VIP");
        String speaker = tag(spot, "Speaker");
        String zoe = spot.member("zoe@example.com", "Zoe", "Adams");
        String bob = spot.member("bob@example.com", "Bob", "Young");
        String amy = spot.member("amy@example.com", "Amy", "Adams");
        String lea = spot.member("lea@example.com", "Lea", "Martin");
        assign(spot, vip, List.of(zoe, bob, amy)).expect(204);
        assign(spot, speaker, List.of(amy)).expect(204);

        Api.Response tagged = spot.get("/v1/tags/" + vip + "/spotMembers").expect(200);
        assertThat(emails(tagged)).containsExactly("amy@example.com", "zoe@example.com", "bob@example.com");
        assertThat(tagged.body().path("total").asLong()).isEqualTo(3);
        assertThat(tagged.body().path("items").get(0).path("tagIds").toString())
                .isEqualTo("[\"" + vip + "\",\"" + speaker + "\"]");
        assertThat(spot.get("/v1/spotMembers/" + lea).expect(200).body().path("tagIds").isEmpty()).isTrue();
        Api.Response page = spot.get("/v1/tags/" + vip + "/spotMembers?page=2&limit=2").expect(200);
        assertThat(emails(page)).containsExactly("bob@example.com");
        assertThat(page.body().path("total").asLong()).isEqualTo(3);
    }

    @Test
    void assigning_twice_or_unassigning_an_untagged_member_changes_nothing() {
        Api.SpotClient spot = newSpot();
        String vip = tag(spot, "VIP");
        String ann = spot.member("ann@example.com");
        String bob = spot.member("bob@example.com");
        assign(spot, vip, List.of(ann)).expect(204);
        assign(spot, vip, List.of(ann, ann, bob)).expect(204);
        assertThat(assignments(vip)).isEqualTo(2);
        unassign(spot, vip, List.of(ann)).expect(204);
        unassign(spot, vip, List.of(ann)).expect(204);
        assign(spot, vip, List.of()).expect(204);
        unassign(spot, vip, List.of()).expect(204);
        assertThat(emails(spot.get("/v1/tags/" + vip + "/spotMembers").expect(200)))
                .containsExactly("bob@example.com");
        assertThat(spot.get("/v1/spotMembers/" + ann).expect(200).body().path("tagIds").isEmpty()).isTrue();
    }

    @Test
    void malformed_unknown_or_other_spots_member_ids_are_a_400_naming_each_and_change_nothing() {
        Api.SpotClient spot = newSpot();
        String vip = tag(spot, "VIP");
        String ann = spot.member("ann@example.com");
        String bob = spot.member("bob@example.com");
        assign(spot, vip, List.of(bob)).expect(204);
        String stranger = newSpot().member("stranger@example.com");
        List<String> ids = List.of(ann, "not-an-id", stranger, UUID.randomUUID().toString());

        assertThat(assign(spot, vip, ids).expect(400).problemFields())
                .containsExactly("spotMemberIds[1]", "spotMemberIds[2]", "spotMemberIds[3]");
        assertThat(unassign(spot, vip, List.of(bob, stranger)).expect(400).problemFields())
                .containsExactly("spotMemberIds[1]");
        assertThat(assign(spot, vip, List.of(ann, 42)).expect(400).problemFields()).containsExactly("spotMemberIds[1]");
        assertThat(assign(spot, vip, ann).expect(400).problemFields()).containsExactly("spotMemberIds");
        assertThat(spot.post("/v1/tags/" + vip + "/spotMembers~bulkAssign", Map.of()).expect(400).problemFields())
                .containsExactly("spotMemberIds");
        assertThat(spot.post("/v1/tags/" + vip + "/spotMembers~bulkUnassign", "{").expect(400).problemFields())
                .containsExactly("body");

        assertThat(emails(spot.get("/v1/tags/" + vip + "/spotMembers").expect(200)))
                .containsExactly("bob@example.com");
        assertThat(assignments(vip)).isEqualTo(1);
    }

    @Test
    void assigning_or_unassigning_more_than_the_bulk_limit_is_a_413() {
        Api.SpotClient spot = newSpot();
        String vip = tag(spot, "VIP");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i <= 1000; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        assertThat(assign(spot, vip, ids).expect(413).problemFields()).containsExactly("spotMemberIds");
        unassign(spot, vip, ids).expect(413);
        assertThat(assignments(vip)).isZero();
    }

    @Test
    void another_spots_key_cannot_tag_or_list_this_spots_members() {
        Api.SpotClient spot = newSpot();
        Api.SpotClient other = newSpot();
        String vip = tag(spot, "VIP");
        String ann = spot.member("ann@example.com");
        assign(spot, vip, List.of(ann)).expect(204);
        String theirs = tag(other, "VIP");
        assertThat(assign(other, theirs, List.of(ann)).expect(400).problemFields()).containsExactly("spotMemberIds[0]");
        other.get("/v1/tags/" + vip + "/spotMembers").expect(404);
        unassign(other, vip, List.of(ann)).expect(404);
        assertThat(other.get("/v1/tags/" + theirs + "/spotMembers").expect(200).body().path("total").asLong()).isZero();
        assertThat(assignments(vip)).isEqualTo(1);
    }

    @Test
    void the_tagged_members_list_takes_the_member_list_filters() {
        Api.SpotClient spot = newSpot();
        String vip = tag(spot, "VIP");
        String admin = spot.post("/v1/spotMembers", Map.of("email", "ada@example.com", "firstname", "Ada",
                "lastname", "Lovelace", "role", "Admin", "status", "Accepted")).expect(201).text("id");
        String grace = spot.member("grace@example.com", "Grace", "Hopper");
        String alan = spot.member("alan@example.com", "Alan", "Turing");
        spot.member("ada.other@example.com", "Ada", "Other");
        assign(spot, vip, List.of(admin, grace, alan)).expect(204);
        String base = "/v1/tags/" + vip + "/spotMembers";

        assertThat(emails(spot.get(base + "?search=ADA").expect(200))).containsExactly("ada@example.com");
        assertThat(emails(spot.get(q(base + "?role[eq]=Admin")).expect(200))).containsExactly("ada@example.com");
        assertThat(emails(spot.get(q(base + "?status[in]=Invited")).expect(200)))
                .containsExactly("grace@example.com", "alan@example.com");
        Api.Response byEmail = spot.get(q(base + "?email[in]=ALAN@example.com,ada.other@example.com")).expect(200);
        assertThat(emails(byEmail)).containsExactly("alan@example.com");
        assertThat(byEmail.body().path("total").asLong()).isEqualTo(1);
        assertThat(spot.get(q(base + "?colour[eq]=red&status[eq]=Happy")).expect(400).problemFields())
                .containsExactlyInAnyOrder("colour[eq]", "status[eq]");
    }

    @Test
    void spot_members_are_filtered_by_tags_by_id_and_by_name() {
        Api.SpotClient spot = newSpot();
        String vip = tag(spot, "VIP");
        String speaker = tag(spot, "Speaker");
        String ann = spot.member("ann@example.com", "Ann", "A");
        String bob = spot.member("bob@example.com", "Bob", "B");
        spot.member("cid@example.com", "Cid", "C");
        assign(spot, vip, List.of(ann)).expect(204);
        assign(spot, speaker, List.of(bob)).expect(204);

        assertThat(emails(spot.get(q("/v1/spotMembers?tags[in]=" + vip)).expect(200)))
                .containsExactly("ann@example.com");
        assertThat(emails(spot.get(q("/v1/spotMembers?tags[in]=vip,SPEAKER")).expect(200)))
                .containsExactly("ann@example.com", "bob@example.com");
        assertThat(emails(spot.get(q("/v1/spotMembers?tags[in]=speaker," + vip)).expect(200)))
                .containsExactly("ann@example.com", "bob@example.com");
        assertThat(emails(spot.get(q("/v1/spotMembers?tags[notin]=VIP," + speaker)).expect(200)))
                .containsExactly("cid@example.com");
        unassign(spot, vip, List.of(ann)).expect(204);
        assertThat(spot.get(q("/v1/spotMembers?tags[in]=VIP")).expect(200).body().path("total").asLong()).isZero();
        Api.SpotClient other = newSpot();
        tag(other, "VIP");
        assertThat(other.get(q("/v1/spotMembers?tags[in]=" + speaker)).expect(200).body().path("total").asLong())
                .isZero();
    }

    @Test
    void a_change_of_tags_moves_the_updated_at_of_the_members_it_changed_only() {
        Api.SpotClient spot = newSpot();
        String vip = tag(spot, "VIP");
        String ann = spot.member("ann@example.com");
        String bob = spot.member("bob@example.com");
        jdbc.sql("update member set updated_at = now() - interval '1 day' where spot_id = :spot")
                .param("spot", UUID.fromString(spot.spotId)).update();
        long before = spot.get("/v1/spotMembers/" + bob).expect(200).body().path("updatedAt").asLong();
        assign(spot, vip, List.of(ann)).expect(204);
        unassign(spot, vip, List.of(bob)).expect(204);
        assertThat(spot.get("/v1/spotMembers/" + ann).expect(200).body().path("updatedAt").asLong()).isGreaterThan(before);
        assertThat(spot.get("/v1/spotMembers/" + bob).expect(200).body().path("updatedAt").asLong()).isEqualTo(before);
    }

    private static List<String> emails(Api.Response list) {
        return list.body().path("items").valueStream().map(item -> item.path("email").asString()).toList();
    }
}
