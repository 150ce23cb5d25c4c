package dev.cohort.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the tests: real requests to the running service, JSON in and out. */
public final class Api {
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public Api(String base) {
        this.base = base;
    }

    /** A response: status, headers and the body parsed as JSON when it is JSON. */
    public record Response(int status, JsonNode body, HttpResponse<String> raw) {
        public String text(String field) {
            return body.path(field).asString();
        }

        public Response expect(int expected) {
            if (status != expected) {
                throw new AssertionError("Expected " + expected + " but got " + status + " for "
                        + raw.request().method() + " " + raw.request().uri() + ": " + raw.body());
            }
            return this;
        }

        /** The {@code field} of each problem in a problem body. */
        public List<String> problemFields() {
            List<String> fields = new ArrayList<>();
            body.path("errors").forEach(e -> fields.add(e.path("field").asString()));
            return fields;
        }
    }

    public Response send(String method, String path, String authorization, Object body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        if (body != null) {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            publisher = HttpRequest.BodyPublishers.ofString(text);
            request.header("Content-Type", contentType == null ? "application/json" : contentType);
        }
        request.method(method, publisher);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") && !response.body().isEmpty()
                    ? JSON.readTree(response.body()) : JSON.missingNode();
            return new Response(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response admin(String method, String path, String token, Object body) {
        return send(method, path, token == null ? null : "Bearer " + token, body, null);
    }

    public SpotClient newSpot(String adminToken) {
        Response created = admin("POST", "/admin/v1/spots", adminToken, Map.of("name", "Test Spot")).expect(201);
        return new SpotClient(this, created.body().path("spot").path("id").asString(),
                created.text("apiKey"), created.text("memberTokenSecret"));
    }

    /** Calls made with one Spot's API key. */
    public static final class SpotClient {
        public final Api api;
        public final String spotId;
        public final String key;
        public final String memberTokenSecret;

        SpotClient(Api api, String spotId, String key, String memberTokenSecret) {
            this.api = api;
            this.spotId = spotId;
            this.key = key;
            this.memberTokenSecret = memberTokenSecret;
        }

        public Response get(String path) {
            return api.send("GET", path, key, null, null);
        }

        public Response post(String path, Object body) {
            return api.send("POST", path, key, body, null);
        }

        public Response put(String path, Object body) {
            return api.send("PUT", path, key, body, null);
        }

        public Response delete(String path) {
            return api.send("DELETE", path, key, null, null);
        }

        /** Creates a member and returns its id. */
        public String member(String email, String firstname, String lastname) {
            return post("/v1/spotMembers", Map.of("email", email, "firstname", firstname, "lastname", lastname))
                    .expect(201).text("id");
        }

        public String member(String email) {
            return member(email, "", "");
        }

        /** Creates a group and returns its id. */
        public String group(String name) {
            return post("/v1/groups", Map.of("name", name)).expect(201).text("id");
        }
    }
}
