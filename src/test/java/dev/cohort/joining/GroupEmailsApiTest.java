package dev.cohort.joining;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.messaging.OutboxWorker;
import dev.cohort.support.ApiTest;
import dev.cohort.support.MutableClock;
import dev.cohort.system.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Issue 16: the emails about a community group leave through the outbox (here as .eml files, without SMTP): an
 * approval, a rejection with its reason, and an invitation whose link carries its token, which the outbox forgets
 * once the email is sent.
 */
@Import(SelfJoinClock.class)
class GroupEmailsApiTest extends ApiTest {
    @Autowired
    MutableClock clock;
    @Autowired
    OutboxWorker worker;
    @Autowired
    Settings settings;

    private String eml(UUID messageId) throws Exception {
        return Files.readString(settings.dataDir().resolve("outbox").resolve(messageId + ".eml"),
                StandardCharsets.UTF_8).replace("=\r\n", "").replace("\r\n", "\n");
    }

    private UUID message(String group, String template) {
        return jdbc.sql("select message_id from outbox where group_id = cast(:g as uuid) and template = :t")
                .param("g", group).param("t", template).query(UUID.class).single();
    }

    @Test
    void approvals_rejections_and_invitations_are_emailed_and_the_invitation_link_is_forgotten_once_sent()
            throws Exception {
        clock.reset();
        CommunityFixture f = new CommunityFixture(newSpot(), jdbc, clock);
        String ada = f.spot.member("ada@example.com", "Ada", "Lovelace");
        String alan = f.spot.member("alan@example.com", "Alan", "Turing");
        String group = f.aCommunity("Product Beta").create();
        String approved = f.join(ada, group).expect(200).text("joinRequestId");
        String rejected = f.join(alan, group).expect(200).text("joinRequestId");
        f.spot.post("/v1/groups/" + group + "/joinRequests~bulkApprove", Map.of("joinRequestIds", List.of(approved)))
                .expect(200);
        f.spot.post("/v1/groups/" + group + "/joinRequests~bulkReject", Map.of("joinRequestIds", List.of(rejected),
                "reason", "Customers only")).expect(200);
        f.spot.post("/v1/groups/" + group + "/invitations~bulkCreate", Map.of("emails", List.of("grace@example.com")))
                .expect(201);
        String link = jdbc.sql("select link from outbox where group_id = cast(:g as uuid) and template = "
                + "'groupInvitation'").param("g", group).query(String.class).single();

        assertThat(worker.deliverPending(UUID.fromString(f.spot.spotId)).sent()).isEqualTo(3);

        String welcome = eml(message(group, "joinRequestApproved"));
        assertThat(welcome).contains("To: Ada Lovelace <ada@example.com>", "welcome to Product Beta",
                "Hello Ada,", "was approved", "/join/" + f.spot.spotId + "/group-");
        String refusal = eml(message(group, "joinRequestRejected"));
        assertThat(refusal).contains("alan@example.com", "was not approved", "The reason given: Customers only");
        String invitation = eml(message(group, "groupInvitation"));
        assertThat(invitation).contains("To: grace@example.com", "you are invited to join Product Beta", link);
        assertThat(jdbc.sql("select count(*) from outbox where group_id = cast(:g as uuid) and link is not null")
                .param("g", group).query(Long.class).single()).isZero();
    }
}
