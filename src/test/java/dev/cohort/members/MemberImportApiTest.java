package dev.cohort.members;

import static dev.cohort.members.CustomPropertiesApiTest.property;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MemberImportApiTest extends ApiTest {
    private static final String IMPORT = "/v1/spotMembers~import";

    private static Api.Response importCsv(Api.SpotClient spot, String csv) {
        return spot.api.send("POST", IMPORT, spot.key, csv, "text/csv");
    }

    /** Sends raw bytes: {@link Api#send} always encodes text as UTF-8. */
    private Api.Response sendBytes(Api.SpotClient spot, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + IMPORT))
                .header("Authorization", spot.key).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), Api.JSON.readTree(response.body()), response);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private long members(Api.SpotClient spot) {
        return jdbc.sql("select count(*) from member where spot_id = :spot")
                .param("spot", UUID.fromString(spot.spotId)).query(Long.class).single();
    }

    private JsonNode memberByEmail(Api.SpotClient spot, String email) {
        return spot.get("/v1/spotMembers?email%5Bin%5D=" + email).expect(200).body().path("items").get(0);
    }

    private Api.SpotClient spotWithProperties() {
        Api.SpotClient spot = newSpot();
        spot.post("/v1/customProperties", property("Company", "Text", null)).expect(201);
        spot.post("/v1/customProperties", property("Plan", "SingleSelect", List.of("Free", "Pro"))).expect(201);
        spot.post("/v1/customProperties", property("Topics", "MultipleSelect", List.of("Java", "Go"))).expect(201);
        spot.post("/v1/customProperties", property("Newsletter", "Boolean", null)).expect(201);
        spot.post("/v1/customProperties", property("Seats", "Number", null)).expect(201);
        spot.post("/v1/customProperties", property("Renewal", "Date", null)).expect(201);
        return spot;
    }

    @Test
    void new_emails_are_created_and_known_ones_updated_with_tags_and_values() {
        Api.SpotClient spot = spotWithProperties();
        String ada = spot.member("ada@example.com", "Ada", "Byron");
        Api.Response result = importCsv(spot, "email,firstname,lastname,role,status,tags,company,plan,topics,"
                + "newsletter,seats,renewal\r\n"
                + "ADA@example.com,,Lovelace,admin,,vip;Early,ACME,,,true,,\r\n"
                + "bob@example.com,Bob,Martin,,Accepted,VIP,\"Big, \"\"Inc.\"\"\",pro,java;Go,false,12.5,2024-06-01\r\n"
                + "carol@example.com,,,,,,,,,,,1717200000\r\n").expect(200);
        assertThat(result.body().path("created").asInt()).isEqualTo(2);
        assertThat(result.body().path("updated").asInt()).isEqualTo(1);
        assertThat(result.body().path("failed").asInt()).isZero();
        assertThat(result.body().path("errors").size()).isZero();
        assertThat(result.body().path("errorsTruncated").booleanValue()).isFalse();

        JsonNode updated = spot.get("/v1/spotMembers/" + ada).expect(200).body();
        assertThat(updated.path("firstname").asString()).isEqualTo("Ada");
        assertThat(updated.path("lastname").asString()).isEqualTo("Lovelace");
        assertThat(updated.path("role").asString()).isEqualTo("Admin");
        assertThat(updated.path("email").asString()).isEqualTo("ada@example.com");
        assertThat(updated.path("tagIds").size()).isEqualTo(2);

        JsonNode bob = memberByEmail(spot, "bob@example.com");
        assertThat(bob.path("firstname").asString()).isEqualTo("Bob");
        assertThat(bob.path("status").asString()).isEqualTo("Accepted");
        assertThat(bob.path("registrationDate").isNull()).isFalse();
        assertThat(bob.path("tagIds").size()).isEqualTo(1);
        JsonNode carol = memberByEmail(spot, "carol@example.com");
        assertThat(carol.path("status").asString()).isEqualTo("Invited");
        assertThat(carol.path("role").asString()).isEqualTo("Member");
        assertThat(carol.path("invitationDate").isNull()).isFalse();
        assertThat(carol.path("tagIds").size()).isZero();

        List<String> tags = jdbc.sql("select name from tag where spot_id = :spot order by sort_order")
                .param("spot", UUID.fromString(spot.spotId)).query(String.class).list();
        assertThat(tags).containsExactly("vip", "Early");

        JsonNode bobValues = spot.get("/v1/spotMembers/" + bob.path("id").asString() + "/customPropertiesValues")
                .expect(200).body().path("items");
        assertThat(bobValues.get(0).path("value").asString()).isEqualTo("Big, \"Inc.\"");
        assertThat(bobValues.get(1).path("value").asString()).isEqualTo("Pro");
        assertThat(bobValues.get(2).path("value").toString()).isEqualTo("[\"Java\",\"Go\"]");
        assertThat(bobValues.get(3).path("value").booleanValue()).isFalse();
        assertThat(bobValues.get(4).path("value").doubleValue()).isEqualTo(12.5);
        assertThat(bobValues.get(5).path("value").asLong()).isEqualTo(1_717_200_000L);
        JsonNode adaValues = spot.get("/v1/spotMembers/" + ada + "/customPropertiesValues").expect(200).body()
                .path("items");
        assertThat(adaValues.get(0).path("value").asString()).isEqualTo("ACME");
        assertThat(adaValues.get(1).path("value").isNull()).isTrue();
        assertThat(adaValues.get(3).path("value").booleanValue()).isTrue();
    }

    @Test
    void importing_the_same_file_twice_updates_instead_of_creating() {
        Api.SpotClient spot = newSpot();
        String csv = "email,tags\nada@example.com,vip\nbob@example.com,vip\n";
        importCsv(spot, csv).expect(200);
        Api.Response again = importCsv(spot, csv).expect(200);
        assertThat(again.body().path("created").asInt()).isZero();
        assertThat(again.body().path("updated").asInt()).isEqualTo(2);
        assertThat(members(spot)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from member_tag where spot_id = :spot")
                .param("spot", UUID.fromString(spot.spotId)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void bad_rows_are_skipped_and_reported_with_their_line() {
        Api.SpotClient spot = spotWithProperties();
        Api.Response result = importCsv(spot, "email,role,status,seats,topics\n"
                + "good@example.com,Member,,1,\n"
                + "not-an-email,,,,\n"
                + "x@example.com,Boss,,,\n"
                + "y@example.com,,Sleeping,many,\n"
                + "GOOD@example.com,,,,\n"
                + "\"z@example.com\",,Declined,2,\"Java;\nCobol\"\n"
                + ",,,,\n"
                + "w@example.com,,,,\n").expect(200);
        assertThat(result.body().path("created").asInt()).isEqualTo(2);
        assertThat(result.body().path("failed").asInt()).isEqualTo(6);
        JsonNode errors = result.body().path("errors");
        assertThat(errors.findValues("line").stream().map(JsonNode::asInt).toList())
                .containsExactly(3, 4, 5, 5, 6, 7, 9);
        assertThat(errors.findValuesAsString("field"))
                .containsExactly("email", "role", "status", "seats", "email", "topics", "email");
        assertThat(errors.get(4).path("message").asString()).contains("line 2");
        assertThat(members(spot)).isEqualTo(2);
        assertThat(memberByEmail(spot, "w@example.com").path("status").asString()).isEqualTo("Invited");
    }

    @Test
    void at_most_a_thousand_errors_are_listed() {
        Api.SpotClient spot = newSpot();
        StringBuilder csv = new StringBuilder("email\n");
        for (int i = 0; i < 1_005; i++) {
            csv.append("bad").append(i).append('\n');
        }
        Api.Response result = importCsv(spot, csv.toString()).expect(200);
        assertThat(result.body().path("failed").asInt()).isEqualTo(1_005);
        assertThat(result.body().path("errors").size()).isEqualTo(1_000);
        assertThat(result.body().path("errorsTruncated").booleanValue()).isTrue();
    }

    @Test
    void a_malformed_file_is_a_400_naming_where_and_imports_nothing() {
        Api.SpotClient spot = spotWithProperties();
        spot.member("ada@example.com", "Ada", "Byron");
        long before = members(spot);
        Map<String, String> files = Map.of(
                "", "line 1",
                "firstname,lastname\nAda,Lovelace\n", "line 1",
                "email,shoe_size\nnew@example.com,42\n", "line 1, column 2",
                "email,email\nnew@example.com,other@example.com\n", "line 1, column 2",
                "email,firstname\nnew@example.com,New\nada@example.com,Ada,Lovelace\n", "line 3",
                "email,firstname\nnew@example.com,New\nada@example.com,\"Ada\n", "line 3, column 17",
                "email,firstname\nnew@example.com,\"Ne\"w\n", "line 2, column 21");
        files.forEach((csv, where) -> {
            Api.Response response = importCsv(spot, csv).expect(400);
            assertThat(response.problemFields()).as(csv).contains(where);
        });
        byte[] latin1 = "email,firstname\nnew@example.com,New\nada@example.com,Zo\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Api.Response response = sendBytes(spot, latin1);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problemFields()).containsExactly("line 3");

        assertThat(members(spot)).isEqualTo(before);
        assertThat(memberByEmail(spot, "ada@example.com").path("lastname").asString()).isEqualTo("Byron");
        spot.api.send("POST", IMPORT, spot.key, "{\"email\":\"x@example.com\"}", "application/json").expect(415);
    }

    @Test
    void a_file_over_the_row_limit_is_413_and_imports_nothing() {
        Api.SpotClient spot = newSpot();
        StringBuilder csv = new StringBuilder("email\n");
        for (int i = 0; i < 200_001; i++) {
            csv.append('m').append(i).append("@example.com\n");
        }
        importCsv(spot, csv.toString()).expect(413);
        assertThat(members(spot)).isZero();
    }

    @Test
    void an_import_touches_only_the_callers_spot() {
        Api.SpotClient spot = newSpot();
        Api.SpotClient other = newSpot();
        String theirs = other.member("ada@example.com", "Ada", "Byron");
        Api.Response result = importCsv(spot, "email,lastname,tags\nada@example.com,Lovelace,vip\n").expect(200);
        assertThat(result.body().path("created").asInt()).isEqualTo(1);
        JsonNode untouched = other.get("/v1/spotMembers/" + theirs).expect(200).body();
        assertThat(untouched.path("lastname").asString()).isEqualTo("Byron");
        assertThat(untouched.path("tagIds").size()).isZero();
        other.get("/v1/spotMembers/" + memberByEmail(spot, "ada@example.com").path("id").asString()).expect(404);
    }

    @Test
    void a_hundred_thousand_rows_are_imported_in_one_request() {
        Api.SpotClient spot = newSpot();
        spot.post("/v1/customProperties", property("Seats", "Number", null)).expect(201);
        // Regression: foreign-key checks planned while the member table was small once seq-scanned it per row of a
        // large import (a hang). Small tagged imports first make those plans; the large one must not use them.
        Api.SpotClient warm = newSpot();
        warm.post("/v1/customProperties", property("Seats", "Number", null)).expect(201);
        for (int round = 0; round < 3; round++) {
            StringBuilder small = new StringBuilder("email,tags,seats\n");
            for (int i = 0; i < 20; i++) {
                small.append("warm").append(round).append('-').append(i).append("@example.com,warm,1\n");
            }
            importCsv(warm, small.toString()).expect(200);
        }
        StringBuilder csv = new StringBuilder("email,firstname,lastname,status,tags,seats\r\n");
        String[] statuses = {"Invited", "Accepted", "Pending", ""};
        for (int i = 0; i < 100_000; i++) {
            csv.append("member").append(i).append("@example.com,First").append(i).append(",Last").append(i % 977)
                    .append(',').append(statuses[i % 4]).append(",cohort-").append(i % 10).append(";all,")
                    .append(i % 50).append("\r\n");
        }
        Api.Response result = importCsv(spot, csv.toString()).expect(200);
        assertThat(result.body().path("created").asInt()).isEqualTo(100_000);
        assertThat(result.body().path("failed").asInt()).isZero();
        assertThat(members(spot)).isEqualTo(100_000);
        UUID spotId = UUID.fromString(spot.spotId);
        assertThat(jdbc.sql("select count(*) from member_tag where spot_id = :spot").param("spot", spotId)
                .query(Long.class).single()).isEqualTo(200_000);
        assertThat(jdbc.sql("select count(*) from member_property_value where spot_id = :spot").param("spot", spotId)
                .query(Long.class).single()).isEqualTo(100_000);
    }
}
