package dev.cohort.communities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 16: the public join page at a community group's joinUrl, with no credential. */
class JoinPageApiTest extends ApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A browser's GET: no Authorization, Accept text/html first. */
    private HttpResponse<String> open(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        return Api.JSON.readTree(response.body());
    }

    @Test
    void the_join_page_shows_the_group_without_a_key() throws Exception {
        CommunityFixture f = new CommunityFixture(newSpot());
        String group = f.community("Makers", f.member("Ada"), "description", "We build & ship",
                "membershipQuestions", List.of(Map.of("id", "role", "question", "Your <role>?", "required", true)),
                "branding", Map.of("primaryColor", "#3355FF", "logoUrl", "https://cdn.example.com/logo.png"),
                "joinPolicy", "approval");
        String joinUrl = f.group(group).path("joinUrl").asString();
        assertThat(joinUrl).endsWith("/join/" + f.spot.spotId + "/makers");

        HttpResponse<String> page = open("/join/" + f.spot.spotId + "/makers");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<h1>Makers</h1>", "We build &amp; ship", "Your &lt;role&gt;?",
                "(required)", "#3355FF", "src=\"https://cdn.example.com/logo.png\"", "approval",
                "sign in on the host's app");
        assertThat(page.body()).doesNotContain("invitation", "You have a code");
        // Any client, with Accept left out, gets the page too.
        Api.Response plain = api().send("GET", "/join/" + f.spot.spotId + "/makers", null, null, null);
        assertThat(plain.status()).isEqualTo(200);
    }

    @Test
    void a_name_with_markup_is_escaped_and_code_and_invitation_are_shown_escaped() throws Exception {
        CommunityFixture f = new CommunityFixture(newSpot());
        f.community("<script>alert(1)</script> Club", f.member("Ada"), "joinPolicy", "open");
        String path = "/join/" + f.spot.spotId + "/";
        String found = jdbc.sql("select slug from community_slug where spot_id = :spot")
                .param("spot", UUID.fromString(f.spot.spotId)).query(String.class).single();

        HttpResponse<String> page = open(path + found + "?code=A%22B%3C&invitation=inv-123");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt; Club").doesNotContain("<script>");
        assertThat(page.body()).contains("You have an invitation", "inv-123", "You have a code",
                "A&quot;B&lt;", "join at once");
    }

    @Test
    void the_old_slug_answers_410_and_an_unknown_one_404() throws Exception {
        CommunityFixture f = new CommunityFixture(newSpot());
        String group = f.community("Product Beta", f.member("Ada"));
        f.spot.put("/v1/groups/" + group, Map.of("slug", "beta")).expect(200);

        HttpResponse<String> gone = open("/join/" + f.spot.spotId + "/product-beta");
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(json(gone).path("detail").asString()).contains("this link is no longer active");
        assertThat(open("/join/" + f.spot.spotId + "/beta").statusCode()).isEqualTo(200);

        HttpResponse<String> unknown = open("/join/" + f.spot.spotId + "/never-had");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("status").asInt()).isEqualTo(404);
        assertThat(open("/join/" + UUID.randomUUID() + "/beta").statusCode()).isEqualTo(404);
        assertThat(json(open("/join/not-a-uuid/beta")).path("status").asInt()).isEqualTo(404);
    }

    @Test
    void another_spots_id_with_this_slug_is_a_404_and_a_deleted_group_too() throws Exception {
        CommunityFixture f = new CommunityFixture(newSpot());
        CommunityFixture other = new CommunityFixture(newSpot());
        String group = f.community("Makers", f.member("Ada"));

        assertThat(open("/join/" + other.spot.spotId + "/makers").statusCode()).isEqualTo(404);
        f.spot.delete("/v1/groups/" + group).expect(204);
        assertThat(open("/join/" + f.spot.spotId + "/makers").statusCode()).isEqualTo(404);
    }

    @Test
    void the_join_page_is_not_in_the_api_document() {
        JsonNode doc = api().send("GET", "/v3/api-docs", null, null, null).expect(200).body();
        doc.path("paths").propertyNames().forEach(p -> assertThat(p).doesNotStartWith("/join"));
    }
}
