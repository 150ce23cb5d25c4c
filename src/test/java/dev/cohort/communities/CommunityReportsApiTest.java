package dev.cohort.communities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 16, reports: members report content, moderators and above are told and resolve. */
class CommunityReportsApiTest extends ApiTest {
    private static final Map<String, Object> SPAM = Map.of("contentType", "message", "contentId", "msg-1",
            "reason", "Spam");

    /** The GroupContentReported notifications of each member (by id), counted. */
    private static Map<String, Integer> told(CommunityFixture f, String... members) {
        Map<String, Integer> told = new HashMap<>();
        for (String member : members) {
            int count = (int) f.spot.get("/v1/spotMembers/" + member + "/notifications?types[in]=GroupContentReported")
                    .expect(200).body().path("items").size();
            told.put(member, count);
        }
        return told;
    }

    @Test
    void a_member_reports_content_and_every_moderator_and_above_is_told_in_app_once() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String owner = f.member("Owner");
        String admin = f.member("Admin");
        String moderator = f.member("Moderator");
        String member = f.member("Member");
        String reporter = f.member("Reporter");
        String spotAdmin = f.spotAdmin("SpotAdmin");
        String custom = f.customModerator("Custom");
        String outsider = f.member("Outsider");
        String group = f.community("Makers", owner);
        f.role(group, admin, "admin");
        f.role(group, moderator, "moderator");
        f.add(group, member, reporter);

        Api.Response filed = f.me(reporter, "POST", "/v1/me/groups/" + group + "/reports", SPAM).expect(201);
        Api.Response again = f.me(reporter, "POST", "/v1/me/groups/" + group + "/reports", SPAM).expect(200);

        assertThat(filed.text("status")).isEqualTo("Open");
        assertThat(filed.text("reporterSpotMemberId")).isEqualTo(reporter);
        assertThat(filed.text("contentId")).isEqualTo("msg-1");
        assertThat(filed.body().path("resolvedAt").isNull()).isTrue();
        assertThat(again.body()).isEqualTo(filed.body());
        assertThat(told(f, owner, admin, moderator, spotAdmin, custom, member, reporter, outsider)).isEqualTo(Map.of(
                owner, 1, admin, 1, moderator, 1, spotAdmin, 1, custom, 1, member, 0, reporter, 0, outsider, 0));
        JsonNode note = f.spot.get("/v1/spotMembers/" + owner + "/notifications").expect(200).body()
                .path("items").get(0).path("log");
        assertThat(note.path("type").asString()).isEqualTo("GroupContentReported");
        assertThat(note.path("body").path("reportId").asString()).isEqualTo(filed.text("id"));
        assertThat(note.path("body").path("groupName").asString()).isEqualTo("Makers");
        f.me(member, "POST", "/v1/me/groups/" + group + "/reports", SPAM).expect(201);
        assertThat(f.spot.get("/v1/groups/" + group + "/reports").expect(200).body().path("total").asLong())
                .isEqualTo(2);
    }

    @Test
    void a_group_without_reports_refuses_them_and_a_non_member_may_not_report() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String owner = f.member("Owner");
        String group = f.community("Makers", owner, "reportsEnabled", false);
        String open = f.community("Open", owner);

        assertThat(f.me(owner, "POST", "/v1/me/groups/" + group + "/reports", SPAM).expect(409).problemFields())
                .containsExactly("reportsEnabled");
        assertThat(f.me(f.member("Outsider"), "POST", "/v1/me/groups/" + open + "/reports", SPAM).expect(403)
                .body().path("missingRight").asString()).isEqualTo("groups.report");
        f.me(owner, "POST", "/v1/me/groups/" + f.spot.group("Static") + "/reports", SPAM).expect(404);
        assertThat(f.spot.get("/v1/groups/" + open + "/reports").expect(200).body().path("total").asLong()).isZero();
    }

    @Test
    void moderators_list_and_resolve_reports_once_by_status() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String owner = f.member("Owner");
        String moderator = f.member("Moderator");
        String group = f.community("Makers", owner);
        f.role(group, moderator, "moderator");
        String first = f.me(owner, "POST", "/v1/me/groups/" + group + "/reports", SPAM).expect(201).text("id");
        String second = f.me(owner, "POST", "/v1/me/groups/" + group + "/reports", Map.of("contentType", "topic",
                "contentId", "topic-9", "reason", "Off topic")).expect(201).text("id");
        String base = "/v1/me/groups/" + group + "/reports";

        JsonNode removed = f.me(moderator, "POST", base + "/" + first + "~resolve", Map.of("resolution", "removed",
                "note", "Gone")).expect(200).body();
        f.spot.post("/v1/groups/" + group + "/reports/" + second + "~resolve", Map.of("resolution", "dismissed"))
                .expect(200);

        assertThat(removed.path("status").asString()).isEqualTo("Removed");
        assertThat(removed.path("resolutionNote").asString()).isEqualTo("Gone");
        assertThat(removed.path("resolvedBySpotMemberId").asString()).isEqualTo(moderator);
        assertThat(removed.path("resolvedAt").asLong()).isPositive();
        assertThat(f.me(moderator, "POST", base + "/" + first + "~resolve", Map.of("resolution", "dismissed"))
                .expect(409).problemFields()).containsExactly("resolution");
        JsonNode dismissed = f.me(moderator, "GET", base + "?status[eq]=Dismissed").expect(200).body();
        assertThat(dismissed.path("total").asLong()).isEqualTo(1);
        assertThat(dismissed.path("items").get(0).path("id").asString()).isEqualTo(second);
        assertThat(dismissed.path("items").get(0).path("resolvedBySpotMemberId").isNull()).isTrue();
        assertThat(f.spot.get("/v1/groups/" + group + "/reports?status[eq]=Open").expect(200).body().path("total")
                .asLong()).isZero();
        assertThat(f.spot.get("/v1/groups/" + group + "/reports?contentType[eq]=topic").expect(200).body()
                .path("total").asLong()).isEqualTo(1);
        assertThat(f.spot.get("/v1/groups/" + group + "/reports?status[eq]=Closed").expect(400).problemFields())
                .containsExactly("status[eq]");
        f.spot.post("/v1/groups/" + group + "/reports/" + java.util.UUID.randomUUID() + "~resolve",
                Map.of("resolution", "dismissed")).expect(404);
    }

    @Test
    void of_two_moderators_resolving_one_report_at_once_one_wins() throws Exception {
        CommunityFixture f = new CommunityFixture(newSpot());
        String owner = f.member("Owner");
        String moderator = f.member("Moderator");
        String group = f.community("Makers", owner);
        f.role(group, moderator, "moderator");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        for (int round = 0; round < 6; round++) {
            String report = f.me(owner, "POST", "/v1/me/groups/" + group + "/reports", Map.of("contentType",
                    "comment", "contentId", "c-" + round, "reason", "Rude")).expect(201).text("id");
            String path = "/v1/me/groups/" + group + "/reports/" + report + "~resolve";
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (String[] who : new String[][] {{owner, "removed"}, {moderator, "dismissed"}}) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return f.me(who[0], "POST", path, Map.of("resolution", who[1])).status();
                }, threads));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Integer> call : calls) {
                statuses.add(call.get());
            }
            assertThat(statuses.stream().sorted().toList()).containsExactly(200, 409);
        }
        threads.shutdown();
    }

    @Test
    void bad_report_bodies_are_400s_naming_each_field_and_nothing_is_filed() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String owner = f.member("Owner");
        String group = f.community("Makers", owner);
        String base = "/v1/me/groups/" + group + "/reports";

        assertThat(f.me(owner, "POST", base, Map.of("contentType", "video", "contentId", " ", "reason", "x".repeat(2001),
                "extra", 1)).expect(400).problemFields())
                .containsExactlyInAnyOrder("contentType", "contentId", "reason", "extra");
        assertThat(f.me(owner, "POST", base, Map.of()).expect(400).problemFields())
                .containsExactlyInAnyOrder("contentType", "contentId", "reason");
        String report = f.me(owner, "POST", base, SPAM).expect(201).text("id");
        assertThat(f.me(owner, "POST", base + "/" + report + "~resolve", Map.of("resolution", "deleted",
                "note", "x".repeat(2001))).expect(400).problemFields()).containsExactlyInAnyOrder("resolution", "note");
        assertThat(f.spot.post("/v1/groups/" + group + "/reports/" + report + "~resolve", Map.of()).expect(400)
                .problemFields()).containsExactly("resolution");
        JsonNode list = f.spot.get("/v1/groups/" + group + "/reports").expect(200).body();
        assertThat(list.path("total").asLong()).isEqualTo(1);
        assertThat(list.path("items").get(0).path("status").asString()).isEqualTo("Open");
    }

    @Test
    void another_spot_never_finds_a_groups_reports() {
        CommunityFixture f = new CommunityFixture(newSpot());
        CommunityFixture other = new CommunityFixture(newSpot());
        String owner = f.member("Owner");
        String group = f.community("Makers", owner);
        String report = f.me(owner, "POST", "/v1/me/groups/" + group + "/reports", SPAM).expect(201).text("id");
        String alan = other.spotAdmin("Alan");
        String theirs = other.community("Theirs", alan);

        other.spot.get("/v1/groups/" + group + "/reports").expect(404);
        other.spot.post("/v1/groups/" + group + "/reports/" + report + "~resolve", Map.of("resolution", "removed"))
                .expect(404);
        other.me(alan, "POST", "/v1/me/groups/" + group + "/reports", SPAM).expect(404);
        other.me(alan, "GET", "/v1/me/groups/" + group + "/reports").expect(404);
        other.me(alan, "POST", "/v1/me/groups/" + theirs + "/reports/" + report + "~resolve",
                Map.of("resolution", "removed")).expect(404);
        assertThat(f.spot.get("/v1/groups/" + group + "/reports?status[eq]=Open").expect(200).body().path("total")
                .asLong()).isEqualTo(1);
    }
}
