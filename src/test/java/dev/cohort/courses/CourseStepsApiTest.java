package dev.cohort.courses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Step editing: bad input gets a clear 400/404 and changes nothing; other Spots see nothing. */
class CourseStepsApiTest extends ApiTest {

    private static List<String> ids(Api.Response list) {
        return list.body().path("items").valueStream().map(s -> s.path("id").asString()).toList();
    }

    @Test
    void bad_step_input_is_a_400_or_404_naming_the_problem_and_changes_nothing() {
        CourseFixture f = new CourseFixture(newSpot(), jdbc);
        String ada = f.spot.member("ada@example.com", "Ada", "Lovelace");
        String course = f.course("Basics", "Public", "Published", "Flexible");
        String a = f.content(course, "A");
        String quiz = f.quiz(course);
        String end = f.conclusion(course);
        String steps = CourseFixture.steps(course);
        JsonNode before = f.spot.get(steps).expect(200).body();

        assertThat(f.spot.post(steps, Map.of("kind", "conclusion", "title", "Again")).expect(400).problemFields())
                .containsExactly("kind");
        assertThat(f.spot.post(steps, Map.of("kind", "video", "title", "V")).expect(400).problemFields())
                .containsExactly("kind");
        assertThat(f.spot.post(steps, Map.of("kind", "quiz", "title", "Q", "quiz", Map.of("passScore", 120,
                "questions", List.of(Map.of("question", "?", "choices", List.of("x"), "correct", List.of(3))))))
                .expect(400).problemFields())
                .contains("quiz.passScore", "quiz.questions[0].choices", "quiz.questions[0].correct");
        f.spot.post(steps, Map.of("kind", "content")).expect(400);
        f.spot.put(steps + "/" + UUID.randomUUID(), Map.of("title", "X")).expect(404);
        f.spot.delete(steps + "/" + UUID.randomUUID()).expect(404);
        f.spot.put(steps + "/" + a, Map.of("title", "A", "kind", "quiz")).expect(400);
        f.spot.delete(steps + "/" + end).expect(409);
        f.spot.get("/v1/courses/" + UUID.randomUUID() + "/steps").expect(404);

        String reorder = "/v1/courses/" + course + "/steps~reorder";
        assertThat(f.spot.post(reorder, Map.of("stepIds", List.of(a, end))).expect(400).problemFields())
                .containsExactly("stepIds");
        assertThat(f.spot.post(reorder, Map.of("stepIds", List.of(a, a, end))).expect(400).problemFields())
                .containsExactly("stepIds[1]");
        assertThat(f.spot.post(reorder, Map.of("stepIds", List.of(a, quiz, end, UUID.randomUUID().toString())))
                .expect(400).problemFields()).containsExactly("stepIds[3]");
        assertThat(f.spot.post(reorder, Map.of("stepIds", List.of(a, end, quiz))).expect(400).problemFields())
                .containsExactly("stepIds[1]");
        f.spot.post(reorder, Map.of("stepIds", "nope")).expect(400);
        f.spot.post("/v1/courses/" + UUID.randomUUID() + "/steps~reorder", Map.of("stepIds", List.of(a)))
                .expect(404);
        // modules must be consecutive
        f.spot.put(steps + "/" + a, Map.of("title", "A", "body", "Read A", "module", "M1")).expect(200);
        f.spot.put(steps + "/" + end, Map.of("title", "Well done", "module", "M1")).expect(400);
        // a PUT is partial: an absent module is kept, null clears it
        f.spot.put(steps + "/" + a, "{\"module\": null}").expect(200);

        // the member side: unknown step, quiz answers for a content step, bad answers
        f.me(ada, "POST", "/v1/me/courses/" + course + "~enroll", null).expect(201);
        f.complete(ada, course, UUID.randomUUID().toString()).expect(404);
        assertThat(f.submit(ada, course, a, List.of(List.of(0))).expect(400).problemFields())
                .containsExactly("stepId");
        f.complete(ada, course, quiz).expect(400);
        assertThat(f.submit(ada, course, quiz, List.of(List.of(1))).expect(400).problemFields())
                .containsExactly("answers");
        assertThat(f.submit(ada, course, quiz, List.of(List.of(1), List.of(7))).expect(400).problemFields())
                .containsExactly("answers[1]");

        assertThat(f.spot.get(steps).expect(200).body()).isEqualTo(before);
        JsonNode row = f.row(course, ada);
        assertThat(row.path("status").asString()).isEqualTo("Invited");
        assertThat(row.path("completionRate").asInt()).isZero();
        assertThat(f.count("select count(*) from course_progress where spot_id = :spot and course_id = :course",
                course)).isZero();

        // a valid reorder and edit
        assertThat(ids(f.spot.post(reorder, Map.of("stepIds", List.of(quiz, a, end))).expect(200)))
                .containsExactly(quiz, a, end);
        assertThat(f.spot.put(steps + "/" + a, Map.of("title", "A2", "body", "New", "module", "M")).expect(200)
                .text("title")).isEqualTo("A2");
    }

    @Test
    void another_spot_sees_neither_the_steps_nor_the_participants_nor_the_course_of_a_spot() {
        CourseFixture mine = new CourseFixture(newSpot(), jdbc);
        CourseFixture theirs = new CourseFixture(newSpot(), jdbc);
        String course = mine.course("Mine", "Public", "Published", "Flexible");
        String step = mine.conclusion(course);
        String ada = mine.spot.member("ada@example.com", "Ada", "Lovelace");
        mine.invite(course, false, ada);
        String eve = theirs.spot.member("eve@example.com", "Eve", "Spy");

        theirs.spot.get("/v1/courses/" + course + "/steps").expect(404);
        theirs.spot.post("/v1/courses/" + course + "/steps", Map.of("kind", "content", "title", "X")).expect(404);
        theirs.spot.put("/v1/courses/" + course + "/steps/" + step, Map.of("title", "X")).expect(404);
        theirs.spot.delete("/v1/courses/" + course + "/steps/" + step).expect(404);
        theirs.spot.post("/v1/courses/" + course + "/steps~reorder", Map.of("stepIds", List.of(step))).expect(404);
        theirs.spot.get("/v1/courses/" + course + "/participants").expect(404);
        theirs.spot.post("/v1/courses/" + course + "/participants~bulkUnenroll",
                Map.of("spotMemberIds", List.of(ada))).expect(404);
        theirs.me(eve, "GET", "/v1/me/courses/" + course, null).expect(404);
        theirs.me(eve, "POST", "/v1/me/courses/" + course + "~enroll", null).expect(404);
        theirs.complete(eve, course, step).expect(404);
        // unenrolling another Spot's member from my course is a 400
        mine.spot.post("/v1/courses/" + course + "/participants~bulkUnenroll", Map.of("spotMemberIds", List.of(eve)))
                .expect(400);
        assertThat(mine.row(course, ada).path("status").asString()).isEqualTo("Invited");
        assertThat(mine.spot.get("/v1/courses/" + course + "/steps").body().path("total").asLong()).isEqualTo(1);
    }
}
