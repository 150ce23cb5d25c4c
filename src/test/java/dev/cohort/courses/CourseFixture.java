package dev.cohort.courses;

import dev.cohort.spots.MemberTokens;
import dev.cohort.support.Api;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Test data for courses: courses and steps through the API, member-token calls, and counts read from the tables. */
final class CourseFixture {
    final Api.SpotClient spot;
    final JdbcClient jdbc;

    CourseFixture(Api.SpotClient spot, JdbcClient jdbc) {
        this.spot = spot;
        this.jdbc = jdbc;
    }

    String course(String title, String privacy, String status, String navigationMode) {
        return spot.post("/v1/courses", Map.of("title", title, "privacy", privacy, "status", status,
                "navigationMode", navigationMode)).expect(201).text("id");
    }

    String content(String course, String title) {
        return spot.post(steps(course), Map.of("kind", "content", "title", title, "body", "Read " + title))
                .expect(201).text("id");
    }

    String conclusion(String course) {
        return spot.post(steps(course), Map.of("kind", "conclusion", "title", "Well done")).expect(201).text("id");
    }

    /** A quiz of two questions: "2+2" (choice 1) and "primes" (choices 0 and 2); passing needs 50. */
    String quiz(String course) {
        return spot.post(steps(course), Map.of("kind", "quiz", "title", "Check", "quiz", Map.of("passScore", 50,
                "questions", List.of(
                        Map.of("question", "2+2?", "choices", List.of("3", "4", "5"), "correct", List.of(1)),
                        Map.of("question", "Primes?", "choices", List.of("2", "4", "5"), "correct", List.of(0, 2))))))
                .expect(201).text("id");
    }

    static String steps(String course) {
        return "/v1/courses/" + course + "/steps";
    }

    String admin(String email) {
        return spot.post("/v1/spotMembers", Map.of("email", email, "firstname", "Admin", "lastname", email,
                "role", "Admin", "status", "Accepted")).expect(201).text("id");
    }

    String token(String member) {
        return "Bearer " + MemberTokens.sign(spot.memberTokenSecret, UUID.fromString(member),
                Instant.now().plusSeconds(600));
    }

    Api.Response me(String member, String method, String path, Object body) {
        return spot.api.send(method, path, token(member), body, null);
    }

    Api.Response complete(String member, String course, String step) {
        return me(member, "POST", "/v1/me/courses/" + course + "/steps/" + step + "~complete", null);
    }

    Api.Response submit(String member, String course, String step, List<List<Integer>> answers) {
        return me(member, "POST", "/v1/me/courses/" + course + "/steps/" + step + "~submitQuiz",
                Map.of("answers", answers));
    }

    void invite(String course, boolean withEmail, String... members) {
        spot.post("/v1/courses/" + course + "/participants~bulkInvite",
                Map.of("spotMemberIds", List.of(members), "withEmailNotification", withEmail));
    }

    /** The row of the participants table for this member. */
    JsonNode row(String course, String member) {
        for (JsonNode item : spot.get("/v1/courses/" + course + "/participants?limit=100").expect(200).body()
                .path("items")) {
            if (item.path("spotMemberId").asString().equals(member)) {
                return item;
            }
        }
        throw new AssertionError("no participant " + member);
    }

    long count(String sql, String course) {
        return jdbc.sql(sql).param("spot", UUID.fromString(spot.spotId)).param("course", UUID.fromString(course))
                .query(Long.class).single();
    }

    long invitationEmails(String course) {
        return count("select count(*) from outbox where spot_id = :spot and resource_id = :course "
                + "and template = 'course'", course);
    }

    long completionEmails(String course) {
        return count("select count(*) from outbox where spot_id = :spot and resource_id = :course "
                + "and template = 'courseCompleted'", course);
    }

    long notifications(String course) {
        return count("select count(*) from notification where spot_id = :spot and body->>'resourceId' = "
                + "cast(:course as text)", course);
    }
}
