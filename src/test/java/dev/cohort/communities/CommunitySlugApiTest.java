package dev.cohort.communities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 16, SPEC rule 19: the join URL's slug, changed once; the old one answers 410, an unknown one 404. */
class CommunitySlugApiTest extends ApiTest {

    @Test
    void the_slug_changes_once_and_the_old_one_answers_410_wherever_it_is_resolved() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String ada = f.member("Ada");
        String grace = f.member("Grace");
        String group = f.community("Product Beta", ada);

        JsonNode changed = f.spot.put("/v1/groups/" + group, Map.of("slug", "beta")).expect(200).body();

        assertThat(changed.path("slug").asString()).isEqualTo("beta");
        assertThat(changed.path("slugChangesLeft").asInt()).isZero();
        assertThat(changed.path("joinUrl").asString()).endsWith("/join/" + f.spot.spotId + "/beta");
        assertThat(f.spot.put("/v1/groups/" + group, Map.of("slug", "beta-two")).expect(409).problemFields())
                .containsExactly("slug");
        f.spot.put("/v1/groups/" + group, Map.of("slug", "beta")).expect(200);
        Api.Response gone = f.me(grace, "GET", "/v1/me/groups/bySlug/product-beta").expect(410);
        assertThat(gone.body().path("detail").asString()).contains("this link is no longer active");
        assertThat(gone.raw().headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        JsonNode landing = f.me(grace, "GET", "/v1/me/groups/bySlug/beta").expect(200).body();
        assertThat(landing.path("id").asString()).isEqualTo(group);
        assertThat(landing.path("name").asString()).isEqualTo("Product Beta");
        assertThat(landing.path("member").asBoolean(true)).isFalse();
        assertThat(landing.path("joinPolicy").asString()).isEqualTo("approval");
        assertThat(f.me(ada, "GET", "/v1/me/groups/bySlug/beta").expect(200).body().path("member").asBoolean())
                .isTrue();
        f.me(grace, "GET", "/v1/me/groups/bySlug/never-had").expect(404);
        f.me(grace, "GET", "/v1/me/groups/bySlug/No Spaces".replace(" ", "%20")).expect(404);
    }

    @Test
    void the_landing_shows_the_settings_a_join_page_needs() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String group = f.community("Makers", f.member("Ada"), "description", "We build",
                "membershipQuestions", List.of(Map.of("id", "role", "question", "Your role?", "required", true)),
                "branding", Map.of("primaryColor", "#3355FF", "logoUrl", "https://cdn.example.com/logo.png"),
                "theme", Map.of("accent", "#112233"), "access", "subscription", "joinPolicy", "open");

        JsonNode landing = f.me(f.member("Grace"), "GET", "/v1/me/groups/bySlug/makers").expect(200).body();

        assertThat(landing.path("id").asString()).isEqualTo(group);
        assertThat(landing.path("description").asString()).isEqualTo("We build");
        assertThat(landing.path("membershipQuestions").toString())
                .isEqualTo("[{\"id\":\"role\",\"question\":\"Your role?\",\"required\":true}]");
        assertThat(landing.path("branding").path("primaryColor").asString()).isEqualTo("#3355FF");
        assertThat(landing.path("theme").path("accent").asString()).isEqualTo("#112233");
        assertThat(landing.path("access").asString()).isEqualTo("subscription");
        assertThat(landing.path("joinPolicy").asString()).isEqualTo("open");
        assertThat(landing.path("joinUrl").asString()).endsWith("/makers");
        assertThat(landing.path("membersCount").asLong()).isEqualTo(1);
    }

    @Test
    void a_bad_slug_is_a_400_and_a_slug_the_spot_has_or_had_a_409_and_neither_uses_the_change() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String ada = f.member("Ada");
        String makers = f.community("Makers", ada);
        String club = f.community("Club", ada);
        f.spot.put("/v1/groups/" + club, Map.of("slug", "readers")).expect(200);

        for (String bad : List.of("ab", "-makers", "makers-", "two--hyphens", "Upper", "sp ace", "é", "x".repeat(61),
                "")) {
            assertThat(f.spot.put("/v1/groups/" + makers, Map.of("slug", bad)).expect(400).problemFields())
                    .as(bad).containsExactly("slug");
        }
        assertThat(f.spot.put("/v1/groups/" + makers, Map.of("slug", "readers")).expect(409).problemFields())
                .containsExactly("slug");
        assertThat(f.spot.put("/v1/groups/" + makers, Map.of("slug", "club")).expect(409).problemFields())
                .containsExactly("slug");
        assertThat(f.spot.put("/v1/groups/" + makers, "{\"slug\": null}").expect(400).problemFields())
                .containsExactly("slug");
        assertThat(f.group(makers).path("slugChangesLeft").asInt()).isEqualTo(1);
        assertThat(f.create("Club", ada).expect(201).text("slug")).isEqualTo("club-2");
        assertThat(f.spot.put("/v1/groups/" + makers, Map.of("slug", "x".repeat(60))).expect(200).body()
                .path("slug").asString()).hasSize(60);
    }

    @Test
    void another_spot_has_its_own_slugs_and_never_finds_this_ones() {
        CommunityFixture f = new CommunityFixture(newSpot());
        CommunityFixture other = new CommunityFixture(newSpot());
        f.community("Makers", f.member("Ada"));

        other.me(other.member("Alan"), "GET", "/v1/me/groups/bySlug/makers").expect(404);
        assertThat(other.create("Makers", other.member("Grace")).expect(201).text("slug")).isEqualTo("makers");
    }

    @Test
    void a_deleted_groups_slug_is_not_found_and_stays_taken() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String ada = f.member("Ada");
        String group = f.community("Makers", ada);
        f.spot.delete("/v1/groups/" + group).expect(204);

        f.me(ada, "GET", "/v1/me/groups/bySlug/makers").expect(404);
        assertThat(f.create("Makers", ada).expect(201).text("slug")).isEqualTo("makers-2");
        f.spot.post("/v1/groups/" + group + "~restore", null).expect(200);
        f.me(ada, "GET", "/v1/me/groups/bySlug/makers").expect(200);
    }

    @Test
    void of_two_concurrent_slug_changes_of_one_group_one_wins_and_the_other_is_a_409() throws Exception {
        CommunityFixture f = new CommunityFixture(newSpot());
        String ada = f.member("Ada");
        for (int round = 0; round < 8; round++) {
            String group = f.community("Race " + round, ada);
            List<Api.Response> answers = race(f, List.of("/v1/groups/" + group, "/v1/groups/" + group),
                    List.of("left-" + round, "right-" + round));

            assertThat(answers.stream().map(Api.Response::status).sorted().toList()).containsExactly(200, 409);
            String winner = answers.get(0).status() == 200 ? "left-" + round : "right-" + round;
            String loser = winner.startsWith("left") ? "right-" + round : "left-" + round;
            JsonNode after = f.group(group);
            assertThat(after.path("slug").asString()).isEqualTo(winner);
            assertThat(after.path("slugChangesLeft").asInt()).isZero();
            f.me(ada, "GET", "/v1/me/groups/bySlug/race-" + round).expect(410);
            f.me(ada, "GET", "/v1/me/groups/bySlug/" + loser).expect(404);
        }
    }

    @Test
    void of_two_groups_taking_one_slug_at_once_one_gets_it_and_the_other_a_409() throws Exception {
        CommunityFixture f = new CommunityFixture(newSpot());
        String ada = f.member("Ada");
        for (int round = 0; round < 8; round++) {
            String left = f.community("Left " + round, ada);
            String right = f.community("Right " + round, ada);
            List<Api.Response> answers = race(f, List.of("/v1/groups/" + left, "/v1/groups/" + right),
                    List.of("shared-" + round, "shared-" + round));

            assertThat(answers.stream().map(Api.Response::status).sorted().toList()).containsExactly(200, 409);
            String winner = answers.get(0).status() == 200 ? left : right;
            assertThat(f.me(ada, "GET", "/v1/me/groups/bySlug/shared-" + round).expect(200).text("id"))
                    .isEqualTo(winner);
        }
    }

    /** The PUTs of {@code slugs} to {@code paths}, sent at the same moment; the answers in the same order. */
    private static List<Api.Response> race(CommunityFixture f, List<String> paths, List<String> slugs)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(paths.size());
        List<CompletableFuture<Api.Response>> calls = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i);
            String slug = slugs.get(i);
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return f.spot.put(path, Map.of("slug", slug));
            }, threads));
        }
        start.countDown();
        List<Api.Response> answers = new ArrayList<>();
        for (CompletableFuture<Api.Response> call : calls) {
            answers.add(call.get());
        }
        threads.shutdown();
        return answers;
    }
}
