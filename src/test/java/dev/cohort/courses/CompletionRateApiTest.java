package dev.cohort.courses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * SPEC rule 13: completion rate = completed steps / current number of steps, so it moves when steps are added or
 * removed.
 */
class CompletionRateApiTest extends ApiTest {
    private static int rate(CourseFixture f, String course, String member) {
        return f.row(course, member).path("completionRate").asInt();
    }

    @Test
    void a_course_completion_rate_moves_with_the_steps_completed_added_and_removed() {
        CourseFixture f = new CourseFixture(newSpot(), jdbc);
        String ada = f.spot.member("ada@example.com", "Ada", "Lovelace");
        String course = f.course("Basics", "Public", "Published", "Flexible");
        String one = f.content(course, "One");
        String two = f.content(course, "Two");
        f.content(course, "Three");
        f.conclusion(course);
        f.me(ada, "POST", "/v1/me/courses/" + course + "~enroll", null).expect(201);
        assertThat(rate(f, course, ada)).as("no step completed").isZero();

        f.complete(ada, course, one).expect(200);
        assertThat(rate(f, course, ada)).as("1 of 4").isEqualTo(25);
        f.complete(ada, course, two).expect(200);
        assertThat(rate(f, course, ada)).as("2 of 4").isEqualTo(50);

        f.content(course, "Four");
        assertThat(rate(f, course, ada)).as("a step added: 2 of 5").isEqualTo(40);

        f.spot.delete(CourseFixture.steps(course) + "/" + two).expect(204);
        assertThat(rate(f, course, ada)).as("a completed step removed: 1 of 4").isEqualTo(25);

        f.spot.delete(CourseFixture.steps(course) + "/" + one).expect(204);
        assertThat(rate(f, course, ada)).as("the last completed step removed: 0 of 3").isZero();
    }
}
