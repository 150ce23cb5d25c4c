package dev.cohort.communities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.ApiTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 16, SPEC rules 20-21: a community group's settings, each bad field a 400 naming it. */
class CommunitySettingsApiTest extends ApiTest {
    private static final Map<String, Object> QUESTION = Map.of("question", "Why join?", "required", false);

    @Test
    void a_community_group_is_created_with_its_settings_as_given() {
        CommunityFixture f = new CommunityFixture(newSpot());

        JsonNode group = f.create("Makers", f.member("Ada"), "joinPolicy", "open",
                "membershipQuestions", List.of(Map.of("id", "role", "question", "Your role?", "required", true),
                        QUESTION),
                "branding", Map.of("primaryColor", "#3355ff", "logoUrl", "https://cdn.example.com/l.png",
                        "coverUrl", "https://cdn.example.com/c.png", "faviconUrl", "https://cdn.example.com/f.ico"),
                "theme", Map.of("background", "#FFFFFF", "text", "#111111", "accent", "#3355FF"),
                "access", "subscription",
                "promoLinks", List.of(Map.of("title", "Book a demo", "url", "https://example.com/demo")),
                "reportsEnabled", false).expect(201).body();

        assertThat(group.path("joinPolicy").asString()).isEqualTo("open");
        JsonNode questions = group.path("membershipQuestions");
        assertThat(questions.get(0).toString()).isEqualTo("{\"id\":\"role\",\"question\":\"Your role?\",\"required\":true}");
        assertThat(UUID.fromString(questions.get(1).path("id").asString())).isNotNull();
        assertThat(questions.get(1).path("question").asString()).isEqualTo("Why join?");
        assertThat(group.path("branding").toString()).isEqualTo("{\"primaryColor\":\"#3355ff\",\"logoUrl\":"
                + "\"https://cdn.example.com/l.png\",\"coverUrl\":\"https://cdn.example.com/c.png\",\"faviconUrl\":"
                + "\"https://cdn.example.com/f.ico\"}");
        assertThat(group.path("theme").toString())
                .isEqualTo("{\"background\":\"#FFFFFF\",\"text\":\"#111111\",\"accent\":\"#3355FF\"}");
        assertThat(group.path("access").asString()).isEqualTo("subscription");
        assertThat(group.path("promoLinks").toString())
                .isEqualTo("[{\"title\":\"Book a demo\",\"url\":\"https://example.com/demo\"}]");
        assertThat(group.path("reportsEnabled").asBoolean(true)).isFalse();
    }

    @Test
    void an_update_replaces_lists_and_objects_whole_keeps_given_question_ids_and_null_clears_them() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String group = f.community("Makers", f.member("Ada"), "membershipQuestions", List.of(QUESTION),
                "branding", Map.of("primaryColor", "#3355FF", "logoUrl", "https://cdn.example.com/l.png"),
                "promoLinks", List.of(Map.of("title", "Demo", "url", "https://example.com/demo")));
        String id = f.group(group).path("membershipQuestions").get(0).path("id").asString();

        JsonNode updated = f.spot.put("/v1/groups/" + group, Map.of(
                "membershipQuestions", List.of(Map.of("id", id, "question", "Why, really?", "required", true)),
                "branding", Map.of("coverUrl", "https://cdn.example.com/c.png"), "joinPolicy", "open"))
                .expect(200).body();

        assertThat(updated.path("membershipQuestions").toString())
                .isEqualTo("[{\"id\":\"" + id + "\",\"question\":\"Why, really?\",\"required\":true}]");
        assertThat(updated.path("branding").toString()).isEqualTo("{\"primaryColor\":null,\"logoUrl\":null,"
                + "\"coverUrl\":\"https://cdn.example.com/c.png\",\"faviconUrl\":null}");
        assertThat(updated.path("promoLinks").size()).isEqualTo(1);
        JsonNode cleared = f.spot.put("/v1/groups/" + group, "{\"membershipQuestions\": null, \"branding\": null, "
                + "\"theme\": null, \"promoLinks\": null}").expect(200).body();
        assertThat(cleared.path("membershipQuestions").isEmpty()).isTrue();
        assertThat(cleared.path("promoLinks").isEmpty()).isTrue();
        assertThat(cleared.path("branding").path("coverUrl").isNull()).isTrue();
        assertThat(cleared.path("joinPolicy").asString()).isEqualTo("open");
    }

    @Test
    void each_bad_setting_is_a_400_naming_it_and_nothing_is_created_or_changed() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String ada = f.member("Ada");
        String group = f.community("Makers", ada);
        JsonNode before = f.group(group);
        List<Object[]> cases = new ArrayList<>(List.of(
                new Object[] {"joinPolicy", "invite", "joinPolicy"},
                new Object[] {"access", "paid", "access"},
                new Object[] {"reportsEnabled", "yes", "reportsEnabled"},
                new Object[] {"membershipQuestions", Collections.nCopies(11, QUESTION), "membershipQuestions"},
                new Object[] {"membershipQuestions", List.of(Map.of("question", " ", "required", true)),
                        "membershipQuestions[0].question"},
                new Object[] {"membershipQuestions", List.of(Map.of("question", "x".repeat(501), "required", true)),
                        "membershipQuestions[0].question"},
                new Object[] {"membershipQuestions", List.of(Map.of("question", "Why?")),
                        "membershipQuestions[0].required"},
                new Object[] {"membershipQuestions", List.of(Map.of("id", "a b", "question", "Why?",
                        "required", true)), "membershipQuestions[0].id"},
                new Object[] {"membershipQuestions", List.of(Map.of("id", "q", "question", "Why?", "required", true),
                        Map.of("id", "q", "question", "How?", "required", true)), "membershipQuestions[1].id"},
                new Object[] {"membershipQuestions", List.of(Map.of("question", "Why?", "required", true,
                        "answer", "x")), "membershipQuestions[0].answer"},
                new Object[] {"branding", Map.of("primaryColor", "blue"), "branding.primaryColor"},
                new Object[] {"branding", Map.of("primaryColor", "#12345"), "branding.primaryColor"},
                new Object[] {"branding", Map.of("logoUrl", "http://cdn.example.com/l.png"), "branding.logoUrl"},
                new Object[] {"branding", Map.of("coverUrl", "not a url"), "branding.coverUrl"},
                new Object[] {"branding", Map.of("faviconUrl", "https://"), "branding.faviconUrl"},
                new Object[] {"branding", "#3355FF", "branding"},
                new Object[] {"theme", Map.of("background", "white"), "theme.background"},
                new Object[] {"theme", Map.of("text", "#GGGGGG"), "theme.text"},
                new Object[] {"theme", Map.of("accent", 3), "theme.accent"},
                new Object[] {"promoLinks", Collections.nCopies(21, Map.of("title", "Demo",
                        "url", "https://example.com")), "promoLinks"},
                new Object[] {"promoLinks", List.of(Map.of("title", "", "url", "https://example.com")),
                        "promoLinks[0].title"},
                new Object[] {"promoLinks", List.of(Map.of("title", "Demo", "url", "ftp://example.com")),
                        "promoLinks[0].url"},
                new Object[] {"promoLinks", List.of(Map.of("title", "Demo")), "promoLinks[0].url"}));
        for (Object[] bad : cases) {
            assertThat(f.spot.put("/v1/groups/" + group, Map.of((String) bad[0], bad[1])).expect(400)
                    .problemFields()).as(bad[0] + " " + bad[1]).containsExactly((String) bad[2]);
            assertThat(f.create("Club", ada, bad[0], bad[1]).expect(400).problemFields())
                    .as("create " + bad[0] + " " + bad[1]).containsExactly((String) bad[2]);
        }
        assertThat(f.spot.put("/v1/groups/" + group, Map.of("branding", Map.of("primaryColor", "red",
                "logoUrl", "http://x"), "theme", Map.of("accent", "blue"))).expect(400).problemFields())
                .containsExactlyInAnyOrder("branding.primaryColor", "branding.logoUrl", "theme.accent");
        assertThat(f.group(group)).isEqualTo(before);
        assertThat(f.spot.get("/v1/groups").expect(200).body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void other_kinds_of_groups_have_none_of_the_settings() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String plain = f.spot.group("Ambassadors");

        assertThat(f.spot.post("/v1/groups", Map.of("name", "Club", "joinPolicy", "open", "access", "free",
                "reportsEnabled", true)).expect(400).problemFields())
                .containsExactlyInAnyOrder("joinPolicy", "access", "reportsEnabled");
        assertThat(f.spot.put("/v1/groups/" + plain, Map.of("slug", "ambassadors", "branding", Map.of()))
                .expect(400).problemFields()).containsExactlyInAnyOrder("slug", "branding");
        assertThat(f.group(plain).path("slug").isNull()).isTrue();
        // what a generated client sends for lists it was not given: none of them
        f.spot.post("/v1/groups", Map.of("name", "Club", "membershipQuestions", List.of(), "promoLinks", List.of()))
                .expect(201);
        f.spot.put("/v1/groups/" + plain, Map.of("membershipQuestions", List.of(), "promoLinks", List.of()))
                .expect(200);
    }

    @Test
    void bulk_create_makes_community_groups_and_returns_bad_ones_as_failed() {
        CommunityFixture f = new CommunityFixture(newSpot());
        String ada = f.member("Ada");

        JsonNode result = f.spot.post("/v1/groups~bulkCreate", List.of(
                Map.of("name", "Makers", "kind", "community", "ownerSpotMemberId", ada, "joinPolicy", "open"),
                Map.of("name", "Club", "kind", "community"),
                Map.of("name", "Readers", "kind", "community", "ownerSpotMemberId", ada,
                        "branding", Map.of("primaryColor", "red")))).expect(201).body();

        assertThat(result.path("created").size()).isEqualTo(1);
        assertThat(result.path("created").get(0).path("slug").asString()).isEqualTo("makers");
        assertThat(result.path("created").get(0).path("joinPolicy").asString()).isEqualTo("open");
        assertThat(result.path("failed").size()).isEqualTo(2);
        assertThat(f.roles(result.path("created").get(0).path("id").asString())).isEqualTo(Map.of(ada, "owner"));
    }
}
