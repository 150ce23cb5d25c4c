package dev.cohort.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The API contract: strict typed bodies, content negotiation, problem titles, and what the OpenAPI document says. */
class ApiContractApiTest extends ApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpResponse<String> raw(String method, String path, String key, String accept, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", key);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_unknown_body_field_is_a_400_naming_it_with_the_closest_name_and_changes_nothing() {
        Api.SpotClient spot = newSpot();
        String group = spot.group("Ambassadors");
        JsonNode before = spot.get("/v1/groups/" + group).expect(200).body();

        Api.Response answer = spot.put("/v1/groups/" + group, Map.of("nmae", "x")).expect(400);

        assertThat(answer.problemFields()).containsExactly("nmae");
        assertThat(answer.body().path("errors").get(0).path("message").asString())
                .isEqualTo("unknown field; did you mean \"name\"?");
        assertThat(answer.body().path("title").asString()).isEqualTo("Invalid request body");
        assertThat(spot.get("/v1/groups/" + group).expect(200).body()).isEqualTo(before);
    }

    @Test
    void a_group_read_can_be_sent_back_with_its_read_only_fields() {
        Api.SpotClient spot = newSpot();
        String group = spot.group("Ambassadors");
        ObjectNode read = (ObjectNode) spot.get("/v1/groups/" + group).expect(200).body();
        read.put("name", "Envoys");

        Api.Response answer = spot.put("/v1/groups/" + group, read.toString()).expect(200);

        assertThat(answer.text("name")).isEqualTo("Envoys");
        assertThat(answer.text("kind")).isEqualTo("static");
    }

    @Test
    void a_put_that_changes_nothing_changes_nothing_updated_at_included() throws Exception {
        Api.SpotClient spot = newSpot();
        String group = spot.post("/v1/groups", Map.of("name", "Ambassadors", "emoji", "🚀")).expect(201).text("id");
        JsonNode before = spot.get("/v1/groups/" + group).expect(200).body();
        Thread.sleep(5);

        JsonNode same = spot.put("/v1/groups/" + group, before.toString()).expect(200).body();
        JsonNode renamed = spot.put("/v1/groups/" + group, Map.of("name", "Envoys")).expect(200).body();

        assertThat(same).isEqualTo(before);
        assertThat(renamed.path("updatedAt").asLong()).isGreaterThan(before.path("updatedAt").asLong());
    }

    @Test
    void a_body_field_of_the_wrong_type_is_named_and_every_problem_is_reported_at_once() {
        Api.SpotClient spot = newSpot();

        Api.Response answer = spot.post("/v1/groups", Map.of("name", 12, "emoji", true, "kind", "clever"))
                .expect(400);

        assertThat(answer.problemFields()).containsExactlyInAnyOrder("name", "emoji", "kind");
        assertThat(spot.get("/v1/groups").expect(200).body().path("total").asLong()).isZero();
    }

    @Test
    void a_body_that_is_not_json_says_where_without_the_parsers_internals() {
        Api.SpotClient spot = newSpot();

        Api.Response answer = spot.post("/v1/groups", "{\"name\": ").expect(400);

        assertThat(answer.problemFields()).containsExactly("body");
        assertThat(answer.raw().body()).startsWith("{").contains("not valid JSON")
                .doesNotContain("jackson").doesNotContain("Unexpected").doesNotContain("Source");
    }

    @Test
    void an_accept_that_cannot_be_met_is_a_406_problem_and_changes_nothing() throws Exception {
        Api.SpotClient spot = newSpot();

        HttpResponse<String> list = raw("GET", "/v1/groups", spot.key, "text/html", null);
        HttpResponse<String> create = raw("POST", "/v1/groups", spot.key, "text/html", "{\"name\": \"Ambassadors\"}");

        assertThat(list.statusCode()).isEqualTo(406);
        assertThat(list.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Api.JSON.readTree(list.body()).path("errors").get(0).path("field").asString()).isEqualTo("Accept");
        assertThat(create.statusCode()).isEqualTo(406);
        assertThat(spot.get("/v1/groups").expect(200).body().path("total").asLong()).isZero();
        assertThat(raw("GET", "/v1/groups", spot.key, "text/html, application/json;q=0.5", null).statusCode())
                .isEqualTo(200);
        assertThat(raw("GET", "/v1/groups", spot.key, "*/*", null).statusCode()).isEqualTo(200);
    }

    @Test
    void json_answers_end_with_a_newline_and_204_answers_are_empty() throws Exception {
        Api.SpotClient spot = newSpot();
        String group = spot.group("Ambassadors");
        String member = spot.member("ada@example.com");

        HttpResponse<String> list = raw("GET", "/v1/groups", spot.key, null, null);
        HttpResponse<String> problem = raw("GET", "/v1/groups?limit=0", spot.key, null, null);
        HttpResponse<String> added = raw("POST", "/v1/groups/" + group + "/spotMembers", spot.key, null,
                "{\"spotMemberId\": \"" + member + "\"}");

        assertThat(list.body()).endsWith("}\n");
        assertThat(problem.body()).endsWith("}\n");
        assertThat(added.statusCode()).isEqualTo(204);
        assertThat(added.body()).isEmpty();
    }

    @Test
    void a_bad_limit_is_an_invalid_query_parameter() {
        Api.SpotClient spot = newSpot();

        Api.Response answer = spot.get("/v1/groups?limit=1000").expect(400);

        assertThat(answer.text("title")).isEqualTo("Invalid query parameter");
        assertThat(answer.problemFields()).containsExactly("limit");
    }

    @Test
    void a_401_says_which_scheme_is_expected() throws Exception {
        HttpResponse<String> answer = raw("GET", "/v1/groups", null, null, null);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"cohort\"");
        assertThat(answer.body()).endsWith("}\n");
    }

    @Test
    void the_document_gives_each_path_its_own_security_and_no_internal_parameters() throws Exception {
        HttpResponse<String> served = raw("GET", "/v3/api-docs", null, null, null);
        assertThat(served.statusCode()).isEqualTo(200);
        Path written = Path.of("target/openapi.json");
        Files.createDirectories(written.getParent());
        Files.writeString(written, served.body());
        JsonNode document = Api.JSON.readTree(served.body());

        assertThat(document.path("openapi").asString()).startsWith("3.1");
        List<String> wrong = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            String expected = path.getKey().startsWith("/v1/me") ? "memberToken"
                    : path.getKey().startsWith("/admin/v1") ? "adminToken" : "spotKey";
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String name = operation.getKey() + " " + path.getKey();
                String id = operation.getValue().path("operationId").asString();
                if (!id.matches("[a-z][A-Za-z]+") || !ids.add(id)) {
                    wrong.add(name + ": operationId " + id + " (numbered, malformed or used twice)");
                }
                if (operation.getValue().path("summary").asString().isBlank()
                        || operation.getValue().path("description").asString().isBlank()) {
                    wrong.add(name + ": no summary or description");
                }
                if (!operation.getValue().path("security").get(0).has(expected)) {
                    wrong.add(name + ": security " + operation.getValue().path("security"));
                }
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    if (List.of("caller", "query").contains(parameter.path("name").asString())) {
                        wrong.add(name + ": parameter " + parameter.path("name").asString());
                    }
                }
                if (!operation.getValue().path("responses").path("401").path("content")
                        .has("application/problem+json")) {
                    wrong.add(name + ": no 401 problem");
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(document.path("components").path("schemas").has("Caller")).isFalse();
        assertThat(document.path("components").path("schemas").has("MultiValueMapStringString")).isFalse();
    }

    @Test
    void the_groups_operations_have_names_typed_bodies_and_their_filters() throws Exception {
        JsonNode document = Api.JSON.readTree(raw("GET", "/v3/api-docs", null, null, null).body());
        JsonNode paths = document.path("paths");

        assertThat(paths.path("/v1/groups").path("get").path("operationId").asString()).isEqualTo("listGroups");
        assertThat(paths.path("/v1/groups").path("post").path("operationId").asString()).isEqualTo("createGroup");
        assertThat(paths.path("/v1/groups/{groupId}/spotMembers~bulkAdd").path("post").path("operationId")
                .asString()).isEqualTo("bulkAddGroupMembers");
        List<String> parameters = new ArrayList<>();
        paths.path("/v1/groups").path("get").path("parameters").forEach(p -> parameters.add(p.path("name").asString()));
        assertThat(parameters).contains("page", "limit", "name[contains]", "membersCount[gte]", "kind[eq]");
        JsonNode statusIn = null;
        for (JsonNode p : paths.path("/v1/groups/{groupId}/spotMembers").path("get").path("parameters")) {
            if (p.path("name").asString().equals("status[in]")) {
                statusIn = p;
            }
        }
        assertThat(statusIn).isNotNull();
        assertThat(statusIn.path("style").asString()).isEqualTo("form");
        assertThat(statusIn.path("explode").asBoolean(true)).isFalse();
        assertThat(statusIn.path("schema").path("type").asString()).isEqualTo("array");

        JsonNode create = document.path("components").path("schemas").path("CreateGroup");
        assertThat(create.path("required").toString()).contains("\"name\"");
        assertThat(create.path("properties").path("name").path("maxLength").asInt()).isEqualTo(255);
        JsonNode group = document.path("components").path("schemas").path("Group");
        assertThat(group.path("properties").path("description").path("type").toString())
                .isEqualTo("[\"string\",\"null\"]");
        assertThat(group.path("required").toString()).contains("\"id\"", "\"description\"");
        assertThat(document.path("components").path("schemas").has("Rule")).isTrue();
        // failed bulk items come back as they were sent: any JSON value, not only objects
        assertThat(document.path("components").path("schemas").path("BulkCreateGroupsResult").path("properties")
                .path("failed").path("items").isEmpty()).isTrue();
        assertThat(paths.path("/v1/groups").path("post").path("responses").path("400").path("content")
                .path("application/problem+json").path("schema").path("$ref").asString())
                .isEqualTo("#/components/schemas/Problem");
    }

    /**
     * Every body and every answer is a named schema with its fields: no free object ({@code Map}, {@code Object},
     * {@code JsonNode}) where the API has a shape, and no name a client cannot use as a class name.
     */
    @Test
    void every_body_and_every_answer_is_a_named_schema_with_its_fields() throws Exception {
        JsonNode document = Api.JSON.readTree(raw("GET", "/v3/api-docs", null, null, null).body());
        JsonNode schemas = document.path("components").path("schemas");
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String name = operation.getKey() + " " + path.getKey();
                JsonNode body = operation.getValue().path("requestBody");
                if (!body.isMissingNode()) {
                    JsonNode schema = body.path("content").path("application/json").path("schema");
                    if (!named(schema, schemas)) {
                        wrong.add(name + ": request body " + schema);
                    }
                }
                for (Map.Entry<String, JsonNode> response : operation.getValue().path("responses").properties()) {
                    JsonNode content = response.getValue().path("content");
                    if (response.getKey().startsWith("2") && content.has("application/json")
                            && !named(content.path("application/json").path("schema"), schemas)) {
                        wrong.add(name + ": " + response.getKey() + " answer "
                                + content.path("application/json").path("schema"));
                    }
                }
            }
        }
        for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
            if (List.of("Object", "Exception", "Error", "Result", "Page", "Row", "View", "Config", "Log", "Item")
                    .contains(schema.getKey()) || schema.getKey().matches(".*(Object|MapString\\w*)$")) {
                wrong.add("schema name " + schema.getKey());
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** A {@code $ref} to a schema with properties (or the rule tree), or an array of one. */
    private static boolean named(JsonNode schema, JsonNode schemas) {
        if (schema.path("type").asString().equals("array")) {
            return named(schema.path("items"), schemas);
        }
        String ref = schema.path("$ref").asString();
        if (!ref.startsWith("#/components/schemas/")) {
            return false;
        }
        JsonNode target = schemas.path(ref.substring("#/components/schemas/".length()));
        return !target.path("properties").isEmpty() || target.has("oneOf") || target.has("anyOf");
    }

    @Test
    void the_root_names_the_service_and_links_the_docs_for_a_browser() throws Exception {
        HttpResponse<String> page = raw("GET", "/", null, "text/html,application/xhtml+xml,*/*;q=0.8", null);
        HttpResponse<String> json = raw("GET", "/", null, "application/json", null);
        HttpResponse<String> docs = raw("GET", "/docs", null, "text/html", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Cohort", "href=\"/docs\"", "href=\"/v3/api-docs\"",
                "href=\"/actuator/health\"");
        assertThat(Api.JSON.readTree(json.body()).path("openapi").asString()).isEqualTo("/v3/api-docs");
        assertThat(docs.statusCode()).isIn(200, 302);
    }
}
