package dev.cohort.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.spots.MemberTokens;
import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class NotificationsApiTest extends ApiTest {

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private String path(String memberId) {
        return "/v1/spotMembers/" + memberId + "/notifications";
    }

    /** Five notifications for a new member, oldest first: two live, two course, one channel. */
    private List<String> fiveNotifications(Api.SpotClient spot, String member) {
        Fixtures fixtures = new Fixtures(jdbc);
        List<String> ids = new ArrayList<>();
        for (String type : List.of("LiveParticipantInvited", "CourseParticipantInvited", "LiveParticipantInvited",
                "MemberAddedOnChannel", "CourseParticipantInvited")) {
            ids.add(fixtures.notification(spot.spotId, member, type).toString());
        }
        return ids;
    }

    @Test
    void notifications_are_listed_newest_first_in_the_meltingspot_shape() {
        Api.SpotClient spot = newSpot();
        String ada = spot.member("ada-" + UUID.randomUUID() + "@example.com");
        List<String> created = fiveNotifications(spot, ada);
        Api.Response list = spot.get(path(ada)).expect(200);
        assertThat(ids(list.body().path("items"))).containsExactlyElementsOf(reversed(created));
        assertThat(list.body().path("hasMore").asBoolean()).isFalse();
        JsonNode first = list.body().path("items").get(0);
        assertThat(first.path("userId").asString()).isEqualTo(ada);
        assertThat(first.path("logId").asString()).isEqualTo(first.path("id").asString());
        assertThat(first.path("isRead").asBoolean()).isFalse();
        assertThat(Instant.parse(first.path("createdAt").asString())).isBefore(Instant.now().plusSeconds(60));
        assertThat(first.path("log").path("spotId").asString()).isEqualTo(spot.spotId);
        assertThat(first.path("log").path("type").asString()).isEqualTo("CourseParticipantInvited");
        assertThat(first.path("log").path("body").path("resourceName").asString()).isEqualTo("Kick-off");
    }

    @Test
    void the_cursor_pages_backwards_with_before_and_forwards_with_after() {
        Api.SpotClient spot = newSpot();
        String ada = spot.member("ada-" + UUID.randomUUID() + "@example.com");
        List<String> newestFirst = reversed(fiveNotifications(spot, ada));

        Api.Response page1 = spot.get(path(ada) + "?limit=2").expect(200);
        assertThat(ids(page1.body().path("items"))).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(page1.body().path("hasMore").asBoolean()).isTrue();
        Api.Response page2 = spot.get(path(ada) + "?limit=2&before=" + newestFirst.get(1)).expect(200);
        assertThat(ids(page2.body().path("items"))).containsExactlyElementsOf(newestFirst.subList(2, 4));
        assertThat(page2.body().path("hasMore").asBoolean()).isTrue();
        Api.Response page3 = spot.get(path(ada) + "?limit=2&before=" + newestFirst.get(3)).expect(200);
        assertThat(ids(page3.body().path("items"))).containsExactly(newestFirst.get(4));
        assertThat(page3.body().path("hasMore").asBoolean()).isFalse();

        Api.Response newer = spot.get(path(ada) + "?limit=2&after=" + newestFirst.get(4)).expect(200);
        assertThat(ids(newer.body().path("items"))).containsExactly(newestFirst.get(2), newestFirst.get(3));
        assertThat(newer.body().path("hasMore").asBoolean()).isTrue();
        Api.Response between = spot.get(path(ada) + "?after=" + newestFirst.get(4) + "&before=" + newestFirst.get(0))
                .expect(200);
        assertThat(ids(between.body().path("items"))).containsExactlyElementsOf(newestFirst.subList(1, 4));
    }

    @Test
    void types_and_is_read_filter_the_list() {
        Api.SpotClient spot = newSpot();
        String ada = spot.member("ada-" + UUID.randomUUID() + "@example.com");
        List<String> created = fiveNotifications(spot, ada);
        assertThat(ids(spot.get(path(ada) + "?types[in]=LiveParticipantInvited,MemberAddedOnChannel").expect(200)
                .body().path("items"))).containsExactly(created.get(3), created.get(2), created.get(0));
        spot.post(path(ada) + "~markAsRead", Map.of("id", Map.of("id[in]", List.of(created.get(0))))).expect(200);
        assertThat(ids(spot.get(path(ada) + "?isRead[eq]=true").expect(200).body().path("items")))
                .containsExactly(created.get(0));
        assertThat(ids(spot.get(path(ada) + "?isRead[eq]=false&types[in]=LiveParticipantInvited").expect(200)
                .body().path("items"))).containsExactly(created.get(2));
    }

    @Test
    void bad_filters_and_cursors_are_a_400_naming_each_parameter() {
        Api.SpotClient spot = newSpot();
        String ada = spot.member("ada-" + UUID.randomUUID() + "@example.com");
        String bob = spot.member("bob-" + UUID.randomUUID() + "@example.com");
        String bobs = new Fixtures(jdbc).notification(spot.spotId, bob, "NewMessage").toString();
        assertThat(spot.get(path(ada) + "?types[in]=Nope&isRead[eq]=maybe&limit=101").expect(400).problemFields())
                .containsExactlyInAnyOrder("types[in]", "isRead[eq]", "limit");
        assertThat(spot.get(path(ada) + "?before=x&after=" + bobs).expect(400).problemFields())
                .containsExactlyInAnyOrder("before", "after");
        assertThat(spot.get(path(ada) + "?color[eq]=red").expect(400).problemFields()).containsExactly("color[eq]");
        assertThat(spot.get(path(ada) + "~unreadCount?types[in]=Nope").expect(400).problemFields())
                .containsExactly("types[in]");
        assertThat(spot.post(path(ada) + "~markAsRead", Map.of("id", Map.of("id[in]", List.of("x")))).expect(400)
                .problemFields()).containsExactly("id.id[in][0]");
        assertThat(spot.post(path(ada) + "~markAsRead", Map.of("type", "all")).expect(400).problemFields())
                .containsExactly("type");
    }

    @Test
    void mark_as_read_marks_the_named_notifications_or_all_and_returns_those_it_marked() {
        Api.SpotClient spot = newSpot();
        String ada = spot.member("ada-" + UUID.randomUUID() + "@example.com");
        List<String> created = fiveNotifications(spot, ada);
        Api.Response some = spot.post(path(ada) + "~markAsRead",
                Map.of("id", Map.of("id[in]", List.of(created.get(1), created.get(3))))).expect(200);
        assertThat(ids(some.body())).containsExactly(created.get(3), created.get(1));
        assertThat(some.body().get(0).path("isRead").asBoolean()).isTrue();

        Api.Response count = spot.get(path(ada) + "~unreadCount").expect(200);
        assertThat(count.body().path("count").asLong()).isEqualTo(3);

        Api.Response rest = spot.post(path(ada) + "~markAsRead", null).expect(200);
        assertThat(ids(rest.body())).containsExactly(created.get(4), created.get(2), created.get(0));
        assertThat(spot.post(path(ada) + "~markAsRead", null).expect(200).body().size()).isZero();
        assertThat(spot.get(path(ada) + "~unreadCount").expect(200).body().path("count").asLong()).isZero();
    }

    @Test
    void unread_count_gives_the_total_and_the_count_of_each_type() {
        Api.SpotClient spot = newSpot();
        String ada = spot.member("ada-" + UUID.randomUUID() + "@example.com");
        List<String> created = fiveNotifications(spot, ada);
        spot.post(path(ada) + "~markAsRead", Map.of("id", Map.of("id[in]", List.of(created.get(0))))).expect(200);

        Api.Response count = spot.get(path(ada) + "~unreadCount").expect(200);
        assertThat(count.body().path("count").asLong()).isEqualTo(4);
        assertThat(count.body().path("countByTypes").toString()).isEqualTo("[{\"type\":\"CourseParticipantInvited\","
                + "\"count\":2},{\"type\":\"LiveParticipantInvited\",\"count\":1},{\"type\":\"MemberAddedOnChannel\","
                + "\"count\":1}]");
        Api.Response lives = spot.get(path(ada) + "~unreadCount?types[in]=LiveParticipantInvited").expect(200);
        assertThat(lives.body().path("count").asLong()).isEqualTo(1);
        assertThat(lives.body().path("countByTypes").size()).isEqualTo(1);
    }

    @Test
    void a_member_reads_and_marks_their_own_notifications_with_a_member_token() {
        Api.SpotClient spot = newSpot();
        String ada = spot.member("ada-" + UUID.randomUUID() + "@example.com");
        String bob = spot.member("bob-" + UUID.randomUUID() + "@example.com");
        List<String> created = fiveNotifications(spot, ada);
        new Fixtures(jdbc).notification(spot.spotId, bob, "NewMessage");
        String token = "Bearer " + MemberTokens.sign(spot.memberTokenSecret, UUID.fromString(ada),
                Instant.now().plusSeconds(600));

        Api.Response mine = spot.api.send("GET", "/v1/me/notifications?limit=3", token, null, null).expect(200);
        assertThat(ids(mine.body().path("items"))).containsExactlyElementsOf(reversed(created).subList(0, 3));
        assertThat(mine.body().path("hasMore").asBoolean()).isTrue();
        Api.Response marked = spot.api.send("POST", "/v1/me/notifications~markAsRead", token,
                Map.of("id", Map.of("id[in]", List.of(created.get(2)))), null).expect(200);
        assertThat(ids(marked.body())).containsExactly(created.get(2));
        assertThat(spot.api.send("GET", "/v1/me/notifications~unreadCount", token, null, null).expect(200)
                .body().path("count").asLong()).isEqualTo(4);
        assertThat(spot.get(path(bob) + "~unreadCount").expect(200).body().path("count").asLong()).isEqualTo(1);
        // A member token does not open the Spot-key endpoints.
        spot.api.send("GET", path(ada), token, null, null).expect(401);
    }

    @Test
    void another_spots_member_or_an_unknown_one_is_a_404() {
        Api.SpotClient spot = newSpot();
        Api.SpotClient other = newSpot();
        String stranger = other.member("stranger-" + UUID.randomUUID() + "@example.com");
        String note = new Fixtures(jdbc).notification(other.spotId, stranger, "NewMessage").toString();
        spot.get(path(stranger)).expect(404);
        spot.get(path(UUID.randomUUID().toString())).expect(404);
        spot.get(path("not-an-id")).expect(404);
        spot.get(path(stranger) + "~unreadCount").expect(404);
        spot.post(path(stranger) + "~markAsRead", Map.of("id", Map.of("id[in]", List.of(note)))).expect(404);
        assertThat(other.get(path(stranger) + "~unreadCount").expect(200).body().path("count").asLong())
                .isEqualTo(1);
    }
}
