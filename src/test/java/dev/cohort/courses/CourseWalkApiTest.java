package dev.cohort.courses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.messaging.OutboxWorker;
import dev.cohort.support.Api;
import dev.cohort.system.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import dev.cohort.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * SPEC rules 13 and 14: a course from invitation to completion through the member endpoints, read back from the
 * participants table.
 */
class CourseWalkApiTest extends ApiTest {
    @Autowired
    OutboxWorker worker;
    @Autowired
    Settings settings;

    private static void assertDates(JsonNode row, boolean started, boolean completed, boolean unenrolled,
                                    boolean active) {
        assertThat(row.path("invitedAt").isNull()).as("invitedAt").isFalse();
        assertThat(row.path("startedAt").isNull()).as("startedAt").isEqualTo(!started);
        assertThat(row.path("completedAt").isNull()).as("completedAt").isEqualTo(!completed);
        assertThat(row.path("unenrolledAt").isNull()).as("unenrolledAt").isEqualTo(!unenrolled);
        assertThat(row.path("lastActivityAt").isNull()).as("lastActivityAt").isEqualTo(!active);
    }

    private static List<Boolean> completedSteps(JsonNode row) {
        return row.path("steps").valueStream().map(s -> s.path("completed").asBoolean()).toList();
    }

    @Test
    void a_member_walks_a_secret_sequential_course_from_draft_invitation_to_completion_and_back_after_unenrolment() {
        CourseFixture f = new CourseFixture(newSpot(), jdbc);
        String admin = f.admin("admin@example.com");
        String ada = f.spot.member("ada@example.com", "Ada", "Lovelace");
        String bob = f.spot.member("bob@example.com", "Bob", "Bell");
        String course = f.course("Onboarding", "Secret", "Draft", "Sequential");
        String intro = f.content(course, "Intro");
        String end = f.conclusion(course);
        String quiz = f.quiz(course);
        assertThat(f.spot.get(CourseFixture.steps(course)).expect(200).body().path("items").valueStream()
                .map(s -> s.path("id").asString()).toList()).containsExactly(intro, quiz, end);

        // Draft: invitations are recorded, nothing is sent and members do not see the course
        f.invite(course, true, ada);
        f.invite(course, false, bob);
        assertThat(f.notifications(course)).isZero();
        assertThat(f.invitationEmails(course)).isZero();
        f.me(ada, "GET", "/v1/me/courses/" + course, null).expect(404);
        assertThat(f.me(ada, "GET", "/v1/me/resources", null).expect(200).body().path("total").asLong()).isZero();
        assertThat(f.spot.get("/v1/spotMembers/" + ada + "/resources").expect(200).body().path("total").asLong())
                .isZero();

        // Publishing sends the pending invitations once: two notifications, one email (Bob's switch was off)
        f.spot.put("/v1/courses/" + course, Map.of("status", "Published")).expect(200);
        f.spot.put("/v1/courses/" + course, Map.of("status", "Published")).expect(200);
        assertThat(f.notifications(course)).isEqualTo(2);
        assertThat(f.invitationEmails(course)).isEqualTo(1);
        assertThat(f.me(ada, "GET", "/v1/me/resources", null).expect(200).body().path("total").asLong()).isEqualTo(1);
        // inviting someone already Invited changes nothing and sends nothing
        f.spot.post("/v1/courses/" + course + "/participants", Map.of("spotMemberId", ada,
                "withEmailNotification", true)).expect(200);
        assertThat(f.invitationEmails(course)).isEqualTo(1);

        JsonNode row = f.row(course, ada);
        assertThat(row.path("status").asString()).isEqualTo("Invited");
        assertThat(row.path("courseId").asString()).isEqualTo(course);
        assertThat(row.path("spotMemberEmail").asString()).isEqualTo("ada@example.com");
        assertThat(row.path("spotMemberFirstname").asString()).isEqualTo("Ada");
        assertThat(row.path("spotMemberLastname").asString()).isEqualTo("Lovelace");
        assertThat(row.path("completionRate").asInt()).isZero();
        assertDates(row, false, false, false, false);
        assertThat(completedSteps(row)).containsExactly(false, false, false);

        // The member sees the content without the quiz answers
        JsonNode mine = f.me(ada, "GET", "/v1/me/courses/" + course, null).expect(200).body();
        assertThat(mine.path("participantStatus").asString()).isEqualTo("Invited");
        JsonNode question = mine.path("steps").get(1).path("quiz").path("questions").get(0);
        assertThat(question.path("choices").size()).isEqualTo(3);
        assertThat(question.has("correct")).isFalse();

        // Sequential: the quiz cannot come before the intro
        f.submit(ada, course, quiz, List.of(List.of(1), List.of(0, 2))).expect(409);
        f.complete(ada, course, end).expect(409);
        f.complete(ada, course, intro).expect(200);
        row = f.row(course, ada);
        assertThat(row.path("status").asString()).isEqualTo("Started");
        assertThat(row.path("completionRate").asInt()).isEqualTo(33);
        assertDates(row, true, false, false, true);
        assertThat(completedSteps(row)).containsExactly(true, false, false);

        // Quiz: scored on the server, half right passes at 50, counts as completed
        JsonNode after = f.submit(ada, course, quiz, List.of(List.of(1), List.of(0))).expect(200).body();
        assertThat(after.path("steps").get(1).path("score").asInt()).isEqualTo(50);
        row = f.row(course, ada);
        assertThat(row.path("completionRate").asInt()).isEqualTo(66);
        JsonNode quizCell = row.path("steps").get(1);
        assertThat(quizCell.path("completed").asBoolean()).isTrue();
        assertThat(quizCell.path("score").asInt()).isEqualTo(50);
        assertThat(quizCell.path("passed").asBoolean()).isTrue();
        assertThat(quizCell.path("submittedAt").isNull()).isFalse();
        assertThat(row.path("steps").get(0).path("score").isNull()).isTrue();

        // A step added mid-course goes before the conclusion and lowers the rate at once
        String extra = f.content(course, "Extra");
        row = f.row(course, ada);
        assertThat(row.path("completionRate").asInt()).isEqualTo(50);
        assertThat(completedSteps(row)).containsExactly(true, true, false, false);
        f.complete(ada, course, end).expect(409);
        f.complete(ada, course, extra).expect(200);
        f.complete(ada, course, end).expect(200);
        row = f.row(course, ada);
        assertThat(row.path("status").asString()).isEqualTo("Completed");
        assertThat(row.path("completionRate").asInt()).isEqualTo(100);
        assertDates(row, true, true, false, true);
        assertThat(f.completionEmails(course)).isEqualTo(1);
        assertThat(f.count("select count(*) from outbox where spot_id = :spot and resource_id = :course and "
                + "template = 'courseCompleted' and member_id = '" + admin + "' and subject_member_id = '" + ada
                + "'", course)).isEqualTo(1);
        f.complete(ada, course, end).expect(200);
        assertThat(f.completionEmails(course)).isEqualTo(1);

        // Removing and adding steps moves the rate, never the Completed status
        f.spot.delete(CourseFixture.steps(course) + "/" + extra).expect(204);
        assertThat(f.row(course, ada).path("completionRate").asInt()).isEqualTo(100);
        f.content(course, "Appendix");
        row = f.row(course, ada);
        assertThat(row.path("completionRate").asInt()).isEqualTo(75);
        assertThat(row.path("status").asString()).isEqualTo("Completed");

        // Sorting and filtering the table
        Api.Response sorted = f.spot.get("/v1/courses/" + course + "/participants?sort=-completionRate").expect(200);
        assertThat(sorted.body().path("items").get(0).path("spotMemberId").asString()).isEqualTo(ada);
        assertThat(f.spot.get("/v1/courses/" + course + "/participants?sort=completionRate").body().path("items")
                .get(0).path("spotMemberId").asString()).isEqualTo(bob);
        assertThat(f.spot.get("/v1/courses/" + course + "/participants?status[eq]=Completed").body().path("total")
                .asLong()).isEqualTo(1);
        assertThat(f.spot.get("/v1/courses/" + course + "/participants?search=lovel").body().path("total")
                .asLong()).isEqualTo(1);
        f.spot.get("/v1/courses/" + course + "/participants?sort=shoeSize").expect(400);

        // Unenrolment: listed as Unenrolled with the completion data; no more access to the secret course
        assertThat(f.spot.post("/v1/courses/" + course + "/participants~bulkUnenroll",
                Map.of("spotMemberIds", List.of(ada))).expect(200).body().path("unenrolledSpotMembersCount").asInt())
                .isEqualTo(1);
        row = f.row(course, ada);
        assertThat(row.path("status").asString()).isEqualTo("Unenrolled");
        assertThat(row.path("completionRate").asInt()).isEqualTo(75);
        assertDates(row, true, true, true, true);
        assertThat(completedSteps(row)).containsExactly(true, true, false, true);
        f.me(ada, "GET", "/v1/me/courses/" + course, null).expect(404);
        f.complete(ada, course, intro).expect(404);
        assertThat(f.me(ada, "GET", "/v1/me/resources", null).expect(200).body().path("total").asLong()).isZero();
        // her direct invitation going does not remove her from the table
        f.spot.post("/v1/courses/" + course + "/participants~bulkRemove", Map.of("spotMemberIds", List.of(ada)))
                .expect(200);
        assertThat(f.row(course, ada).path("status").asString()).isEqualTo("Unenrolled");

        // Re-invitation starts the course afresh, notified and emailed like a first invitation
        long notifications = f.notifications(course);
        f.spot.post("/v1/courses/" + course + "/participants", Map.of("spotMemberId", ada,
                "withEmailNotification", true)).expect(201);
        row = f.row(course, ada);
        assertThat(row.path("status").asString()).isEqualTo("Invited");
        assertThat(row.path("completionRate").asInt()).isZero();
        assertDates(row, false, false, false, true);
        assertThat(completedSteps(row)).containsExactly(false, false, false, false);
        assertThat(f.notifications(course)).isEqualTo(notifications + 1);
        assertThat(f.invitationEmails(course)).isEqualTo(2);
        f.complete(ada, course, intro).expect(200);
        assertThat(f.row(course, ada).path("status").asString()).isEqualTo("Started");
    }

    /** SPEC rule 14: an Unenrolled member may re-enrol themselves in a public course, and starts afresh. */
    @Test
    void a_member_enrols_in_a_public_course_and_re_enrols_after_being_unenrolled() {
        CourseFixture f = new CourseFixture(newSpot(), jdbc);
        String ada = f.spot.member("ada@example.com", "Ada", "Lovelace");
        String course = f.course("Open", "Public", "Published", "Flexible");
        String intro = f.content(course, "Intro");
        String end = f.conclusion(course);
        f.complete(ada, course, intro).expect(409);
        assertThat(f.me(ada, "POST", "/v1/me/courses/" + course + "~enroll", null).expect(201).body()
                .path("participantStatus").asString()).isEqualTo("Invited");
        f.me(ada, "POST", "/v1/me/courses/" + course + "~enroll", null).expect(200);
        assertThat(f.notifications(course)).isZero();
        // Flexible: the conclusion may come first
        f.complete(ada, course, end).expect(200);
        JsonNode row = f.row(course, ada);
        assertThat(row.path("status").asString()).isEqualTo("Completed");
        assertThat(row.path("completionRate").asInt()).isEqualTo(50);
        assertThat(row.path("sources").get(0).path("type").asString()).isEqualTo("selfEnrollment");

        f.spot.post("/v1/courses/" + course + "/participants~bulkUnenroll", Map.of("spotMemberIds", List.of(ada)))
                .expect(200);
        // a public course stays visible; completing needs enrolling again
        f.me(ada, "GET", "/v1/me/courses/" + course, null).expect(200);
        f.complete(ada, course, intro).expect(409);
        f.me(ada, "POST", "/v1/me/courses/" + course + "~enroll", null).expect(201);
        row = f.row(course, ada);
        assertThat(row.path("status").asString()).isEqualTo("Invited");
        assertThat(row.path("completionRate").asInt()).isZero();
        assertThat(row.path("unenrolledAt").isNull()).isTrue();

        String closed = f.course("Closed", "Private", "Published", "Flexible");
        f.me(ada, "POST", "/v1/me/courses/" + closed + "~enroll", null).expect(409);
        String draft = f.course("Soon", "Public", "Draft", "Flexible");
        f.me(ada, "POST", "/v1/me/courses/" + draft + "~enroll", null).expect(404);
        String secret = f.course("Hidden", "Secret", "Published", "Flexible");
        f.me(ada, "POST", "/v1/me/courses/" + secret + "~enroll", null).expect(404);
        assertThat(f.count("select count(*) from participant where spot_id = :spot and resource_id = :course",
                closed)).isZero();
    }

    @Test
    void the_completion_email_to_admins_can_be_switched_off_per_course() {
        CourseFixture f = new CourseFixture(newSpot(), jdbc);
        f.admin("admin@example.com");
        String ada = f.spot.member("ada@example.com", "Ada", "Lovelace");
        String course = f.course("Quiet", "Public", "Published", "Flexible");
        assertThat(f.spot.put("/v1/courses/" + course, Map.of("completionEmailToAdmins", false)).expect(200)
                .body().path("completionEmailToAdmins").asBoolean()).isFalse();
        String end = f.conclusion(course);
        f.me(ada, "POST", "/v1/me/courses/" + course + "~enroll", null).expect(201);
        f.complete(ada, course, end).expect(200);
        assertThat(f.row(course, ada).path("status").asString()).isEqualTo("Completed");
        assertThat(f.completionEmails(course)).isZero();
    }

    @Test
    void the_spots_accepted_admins_are_emailed_once_when_a_member_completes_a_course() throws Exception {
        CourseFixture f = new CourseFixture(newSpot(), jdbc);
        String admin = f.admin("admin@example.com");
        f.spot.post("/v1/spotMembers", Map.of("email", "invited-admin@example.com", "role", "Admin")).expect(201);
        String ada = f.spot.member("ada@example.com", "Ada", "Lovelace");
        String course = f.course("Graduation", "Public", "Published", "Flexible");
        String end = f.conclusion(course);
        f.me(ada, "POST", "/v1/me/courses/" + course + "~enroll", null).expect(201);
        f.complete(ada, course, end).expect(200);
        f.complete(ada, course, end).expect(200);
        assertThat(f.completionEmails(course)).isEqualTo(1);
        UUID messageId = jdbc.sql("select message_id from outbox where resource_id = :course and member_id = :admin")
                .param("course", UUID.fromString(course)).param("admin", UUID.fromString(admin))
                .query(UUID.class).single();

        worker.deliverPending(UUID.fromString(f.spot.spotId));

        String eml = Files.readString(settings.dataDir().resolve("outbox").resolve(messageId + ".eml"),
                StandardCharsets.UTF_8);
        assertThat(eml).contains("admin@example.com").contains("Ada Lovelace completed the course Graduation");
    }
}
