package dev.cohort.access;

import dev.cohort.resources.ResourceType;
import dev.cohort.support.Smtp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.messaging.OutboxWorker;
import dev.cohort.support.ApiTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SPEC rules 6, 8, 10, 11 and 12: the invitation emails each access rule implies, counted exactly on a real SMTP
 * server.
 */
class InvitationEmailsSmtpApiTest extends ApiTest {
    @RegisterExtension
    static final Smtp SMTP = Smtp.server();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        SMTP.register(registry);
    }

    @Autowired
    OutboxWorker worker;

    private long received(AccessFixture f, String email) {
        worker.deliverPending(UUID.fromString(f.spot.spotId));
        return Arrays.stream(SMTP.messages()).filter(m -> to(m, email)).count();
    }

    private static boolean to(MimeMessage message, String email) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().contains(email));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void each_rule_sends_exactly_the_invitation_emails_it_implies() {
        AccessFixture f = new AccessFixture(newSpot(), jdbc);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String a = f.spot.member("a-" + tag + "@example.com", "Ann", "A");
        String b = f.spot.member("b-" + tag + "@example.com", "Bob", "B");
        String c = f.spot.member("c-" + tag + "@example.com", "Cid", "C");
        String d = f.spot.member("d-" + tag + "@example.com", "Dee", "D");
        String g = f.spot.group("G");
        String h = f.spot.group("H");
        String live = f.resource(ResourceType.LIVE, "Secret live", true);
        f.link(ResourceType.LIVE, live, g, true);
        f.link(ResourceType.LIVE, live, h, true);

        f.addToGroup(g, a, b);                                   // rule 6: invited at once, with an email
        assertThat(received(f, "a-" + tag)).isEqualTo(1);
        assertThat(received(f, "b-" + tag)).isEqualTo(1);

        f.addToGroup(g, a);                                      // adding twice changes nothing
        f.addToGroup(h, a);                                      // rule 12: already invited by G
        f.spot.post("/v1/lives/" + live + "/participants", Map.of("member", b, "withEmailNotification", true))
                .expect(200);                                    // rule 12: a direct invitation of an invitee
        assertThat(received(f, "a-" + tag)).isEqualTo(1);
        assertThat(received(f, "b-" + tag)).isEqualTo(1);

        f.spot.put("/v1/lives/" + live + "/groups/" + g, Map.of("withEmailNotification", false)).expect(200);
        f.addToGroup(g, c);                                      // rule 11: the switch applies to future members
        assertThat(received(f, "c-" + tag)).isZero();
        assertThat(f.participates(live, c)).isTrue();
        f.spot.put("/v1/lives/" + live + "/groups/" + g, Map.of("withEmailNotification", true)).expect(200);
        f.addToGroup(g, d);
        assertThat(received(f, "d-" + tag)).isEqualTo(1);

        f.removeFromGroup(g, a);                                 // rule 8: still held by H, no change
        f.spot.delete("/v1/groups/" + g).expect(204);            // rule 10: b (direct) and a (H) keep it; c, d lose it
        assertThat(f.participates(live, c)).isFalse();
        f.spot.post("/v1/groups/" + g + "~restore", null).expect(200);   // back without a second email
        assertThat(f.participates(live, c)).isTrue();
        assertThat(received(f, "a-" + tag)).isEqualTo(1);
        assertThat(received(f, "b-" + tag)).isEqualTo(1);
        assertThat(received(f, "c-" + tag)).isZero();
        assertThat(received(f, "d-" + tag)).isEqualTo(1);
    }
}
