package dev.cohort.courses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The courses endpoints' bodies: strict (unknown fields and wrong types named), read-only fields echoed back. */
class CourseContractApiTest extends ApiTest {

    private static String message(Api.Response answer) {
        return answer.body().path("errors").get(0).path("message").asString();
    }

    private static JsonNode item(Api.Response list, String id) {
        for (JsonNode item : list.body().path("items")) {
            if (item.path("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no item " + id);
    }

    private Timestamp updatedAt(CourseFixture f, String course, String step) {
        return jdbc.sql("select updated_at from course_step where spot_id = :spot and course_id = :course "
                        + "and id = :id")
                .param("spot", UUID.fromString(f.spot.spotId)).param("course", UUID.fromString(course))
                .param("id", UUID.fromString(step)).query(Timestamp.class).single();
    }

    @Test
    void an_unknown_step_field_is_a_400_naming_it_with_the_closest_name_and_changes_nothing() {
        CourseFixture f = new CourseFixture(newSpot(), jdbc);
        String course = f.course("Basics", "Public", "Published", "Flexible");
        String a = f.content(course, "A");
        String end = f.conclusion(course);
        String steps = CourseFixture.steps(course);
        JsonNode before = f.spot.get(steps).expect(200).body();

        Api.Response created = f.spot.post(steps, Map.of("kind", "content", "titel", "B")).expect(400);
        Api.Response updated = f.spot.put(steps + "/" + a, Map.of("title", "A2", "bdy", "x")).expect(400);
        Api.Response reordered = f.spot.post("/v1/courses/" + course + "/steps~reorder",
                Map.of("stepId", List.of(end, a))).expect(400);

        assertThat(created.problemFields()).containsExactlyInAnyOrder("titel", "title");
        assertThat(created.body().toString()).contains("unknown field; did you mean \\\"title\\\"?");
        assertThat(updated.problemFields()).containsExactly("bdy");
        assertThat(message(updated)).isEqualTo("unknown field; did you mean \"body\"?");
        assertThat(reordered.problemFields()).containsExactlyInAnyOrder("stepId", "stepIds");
        assertThat(f.spot.get(steps).expect(200).body()).isEqualTo(before);
    }

    @Test
    void a_step_read_can_be_sent_back_and_a_put_that_changes_nothing_keeps_updated_at() throws Exception {
        CourseFixture f = new CourseFixture(newSpot(), jdbc);
        String course = f.course("Basics", "Public", "Published", "Flexible");
        String a = f.content(course, "A");
        String quiz = f.quiz(course);
        String steps = CourseFixture.steps(course);
        f.spot.put(steps + "/" + a, Map.of("module", "Start")).expect(200);
        Api.Response read = f.spot.get(steps).expect(200);
        JsonNode content = item(read, a);
        JsonNode quizStep = item(read, quiz);
        Timestamp contentAt = updatedAt(f, course, a);
        Timestamp quizAt = updatedAt(f, course, quiz);
        Thread.sleep(5);

        // every field of the step as read, id, courseId and position included (they are ignored)
        JsonNode sameContent = f.spot.put(steps + "/" + a, content.toString()).expect(200).body();
        JsonNode sameQuiz = f.spot.put(steps + "/" + quiz, quizStep.toString()).expect(200).body();

        // a reorder into the same order moves nothing
        f.spot.post("/v1/courses/" + course + "/steps~reorder", Map.of("stepIds", List.of(a, quiz))).expect(200);

        assertThat(sameContent).isEqualTo(content);
        assertThat(sameQuiz).isEqualTo(quizStep);
        assertThat(updatedAt(f, course, a)).isEqualTo(contentAt);
        assertThat(updatedAt(f, course, quiz)).isEqualTo(quizAt);

        ObjectNode renamed = (ObjectNode) content.deepCopy();
        renamed.put("title", "A, again");
        assertThat(f.spot.put(steps + "/" + a, renamed.toString()).expect(200).text("title")).isEqualTo("A, again");
        assertThat(updatedAt(f, course, a)).isAfter(contentAt);
        assertThat(updatedAt(f, course, quiz)).isEqualTo(quizAt);
    }

    @Test
    void a_step_put_changes_only_the_fields_sent_and_null_clears_body_and_module() {
        CourseFixture f = new CourseFixture(newSpot(), jdbc);
        String course = f.course("Basics", "Public", "Published", "Flexible");
        String a = f.content(course, "A");
        String quiz = f.quiz(course);
        String steps = CourseFixture.steps(course);
        f.spot.put(steps + "/" + a, Map.of("module", "Start")).expect(200);

        JsonNode titled = f.spot.put(steps + "/" + a, Map.of("title", "A2")).expect(200).body();
        JsonNode cleared = f.spot.put(steps + "/" + a, "{\"body\": null, \"module\": null}").expect(200).body();

        assertThat(titled.path("body").asString()).isEqualTo("Read A");
        assertThat(titled.path("module").asString()).isEqualTo("Start");
        assertThat(cleared.path("title").asString()).isEqualTo("A2");
        assertThat(cleared.path("body").isNull()).isTrue();
        assertThat(cleared.path("module").isNull()).isTrue();
        // a quiz step keeps its quiz; the other steps have none
        assertThat(f.spot.put(steps + "/" + quiz, "{\"quiz\": null}").expect(400).problemFields())
                .containsExactly("quiz");
        assertThat(f.spot.put(steps + "/" + a, Map.of("quiz", Map.of("passScore", 50, "questions", List.of(
                Map.of("question", "?", "choices", List.of("x", "y"), "correct", List.of(0)))))).expect(400)
                .problemFields()).containsExactly("quiz");
        assertThat(f.spot.put(steps + "/" + a, Map.of("title", " ")).expect(400).problemFields())
                .containsExactly("title");
        assertThat(f.spot.put(steps + "/" + a, "{\"title\": null}").expect(400).problemFields())
                .containsExactly("title");
        assertThat(item(f.spot.get(steps).expect(200), quiz).path("quiz").path("passScore").asInt()).isEqualTo(50);
    }

    @Test
    void a_step_field_of_the_wrong_type_is_named_and_every_problem_is_reported_at_once() {
        CourseFixture f = new CourseFixture(newSpot(), jdbc);
        String course = f.course("Basics", "Public", "Published", "Flexible");
        String a = f.content(course, "A");
        String steps = CourseFixture.steps(course);

        Api.Response created = f.spot.post(steps, Map.of("kind", "quiz", "title", 5, "module", true,
                "quiz", Map.of("passScore", "50", "questions", List.of(Map.of("question", "?",
                        "choices", List.of("x", 2), "correct", "0"))))).expect(400);
        Api.Response updated = f.spot.put(steps + "/" + a, Map.of("body", 3)).expect(400);
        Api.Response reordered = f.spot.post("/v1/courses/" + course + "/steps~reorder",
                Map.of("stepIds", List.of(7))).expect(400);

        assertThat(created.problemFields()).containsExactlyInAnyOrder("title", "module", "quiz.passScore",
                "quiz.questions[0].choices[1]", "quiz.questions[0].correct");
        assertThat(updated.problemFields()).containsExactly("body");
        assertThat(message(updated)).isEqualTo("must be a string");
        assertThat(reordered.problemFields()).containsExactly("stepIds[0]");
        assertThat(f.spot.get(steps).expect(200).body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void quiz_answers_and_unenrolments_are_strict_too_and_change_nothing() {
        CourseFixture f = new CourseFixture(newSpot(), jdbc);
        String ada = f.spot.member("ada@example.com", "Ada", "Lovelace");
        String course = f.course("Basics", "Public", "Published", "Flexible");
        String quiz = f.quiz(course);
        f.me(ada, "POST", "/v1/me/courses/" + course + "~enroll", null).expect(201);
        String submit = "/v1/me/courses/" + course + "/steps/" + quiz + "~submitQuiz";
        String unenroll = "/v1/courses/" + course + "/participants~bulkUnenroll";

        Api.Response typo = f.me(ada, "POST", submit, Map.of("answer", List.of(List.of(1), List.of(0, 2))))
                .expect(400);
        Api.Response wrong = f.me(ada, "POST", submit, Map.of("answers", List.of(List.of("1"), List.of(0, 2))))
                .expect(400);
        Api.Response missing = f.me(ada, "POST", submit, null).expect(400);
        Api.Response unenrollTypo = f.spot.post(unenroll, Map.of("spotMemberId", List.of(ada))).expect(400);
        Api.Response unenrollWrong = f.spot.post(unenroll, Map.of("spotMemberIds", ada)).expect(400);

        assertThat(typo.problemFields()).containsExactlyInAnyOrder("answer", "answers");
        assertThat(typo.body().toString()).contains("did you mean \\\"answers\\\"?");
        assertThat(wrong.problemFields()).containsExactly("answers[0][0]");
        assertThat(missing.problemFields()).containsExactly("body");
        assertThat(unenrollTypo.problemFields()).containsExactlyInAnyOrder("spotMemberId", "spotMemberIds");
        assertThat(unenrollWrong.problemFields()).containsExactly("spotMemberIds");
        assertThat(f.count("select count(*) from course_progress where spot_id = :spot and course_id = :course",
                course)).isZero();
        assertThat(f.row(course, ada).path("status").asString()).isEqualTo("Invited");

        // the same bodies, right, are taken
        assertThat(f.submit(ada, course, quiz, List.of(List.of(1), List.of(0, 2))).expect(200).body()
                .path("completionRate").asInt()).isEqualTo(100);
        assertThat(f.spot.post(unenroll, Map.of("spotMemberIds", List.of(ada))).expect(200)
                .body().path("unenrolledSpotMembersCount").asInt()).isEqualTo(1);
    }

    @Test
    void the_document_shows_the_course_bodies_and_the_participant_filters() {
        JsonNode document = api().send("GET", "/v3/api-docs", null, null, null).expect(200).body();
        JsonNode schemas = document.path("components").path("schemas");
        JsonNode paths = document.path("paths");

        JsonNode create = schemas.path("CreateStep");
        assertThat(create.path("required").toString()).contains("\"kind\"", "\"title\"");
        assertThat(create.path("properties").path("kind").path("enum").toString())
                .isEqualTo("[\"content\",\"quiz\",\"conclusion\"]");
        assertThat(schemas.path("UpdateStep").has("required")).isFalse();
        assertThat(schemas.path("UpdateStep").path("properties").path("module").path("type").toString())
                .isEqualTo("[\"string\",\"null\"]");
        assertThat(schemas.path("Quiz").path("properties").path("passScore").path("maximum").asInt())
                .isEqualTo(100);
        assertThat(schemas.path("QuizQuestion").path("properties").path("choices").path("minItems").asInt())
                .isEqualTo(2);
        assertThat(schemas.path("CourseStep").path("properties").path("module").path("type").toString())
                .isEqualTo("[\"string\",\"null\"]");
        assertThat(schemas.path("CourseParticipantView").path("properties").path("completedAt").path("type")
                .toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(schemas.path("MyStep").path("properties").path("score").path("type").toString())
                .isEqualTo("[\"integer\",\"null\"]");
        assertThat(paths.path("/v1/courses/{courseId}/steps/{stepId}").path("put").path("requestBody")
                .path("content").path("application/json").path("schema").path("$ref").asString())
                .isEqualTo("#/components/schemas/UpdateStep");
        assertThat(paths.path("/v1/me/courses/{courseId}/steps/{stepId}~submitQuiz").path("post")
                .path("operationId").asString()).isEqualTo("submitMyQuiz");

        List<String> parameters = new ArrayList<>();
        paths.path("/v1/courses/{courseId}/participants").path("get").path("parameters")
                .forEach(p -> parameters.add(p.path("name").asString()));
        assertThat(parameters).contains("page", "limit", "search", "sort", "email[contains]", "status[in]",
                "status[notin]");
    }
}
