package dev.cohort.messaging;

import dev.cohort.support.Smtp;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class OutboxSmtpApiTest extends ApiTest {
    @RegisterExtension
    static final Smtp SMTP = Smtp.server();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        SMTP.register(registry);
        registry.add("COHORT_SMTP_FROM", () -> "invitations@cohort.test");
        registry.add("COHORT_PUBLIC_URL", () -> "https://community.example/");
    }

    @Autowired
    OutboxWorker worker;

    @Test
    void each_pending_email_is_sent_exactly_once_with_its_message_id() {
        Api.SpotClient spot = newSpot();
        Fixtures fixtures = new Fixtures(jdbc);
        String ada = spot.member("ada-" + UUID.randomUUID() + "@example.com", "Ada", "Lovelace");
        UUID live = fixtures.resource(spot.spotId, "live", "Kick-off");
        List<UUID> ids = fixtures.emails(spot.spotId, ada, live, 12);

        worker.deliverPending(UUID.fromString(spot.spotId));
        worker.deliverPending(UUID.fromString(spot.spotId));

        Map<UUID, Integer> received = SMTP.received(ids);
        assertThat(received).hasSize(12).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        assertThat(jdbc.sql("select count(*) from outbox where message_id = any(:ids) and status = 'sent' "
                        + "and sent_at is not null and attempts = 1")
                .param("ids", ids.toArray(UUID[]::new)).query(Long.class).single()).isEqualTo(12);
    }

    @Test
    void an_email_is_rendered_from_the_spots_template_for_the_resource_type_as_plain_utf8_text() throws Exception {
        Api.SpotClient spot = newSpot();
        Fixtures fixtures = new Fixtures(jdbc);
        String email = "zoe-" + UUID.randomUUID() + "@example.com";
        String zoe = spot.member(email, "Zoë", "Ørsted");
        UUID course = fixtures.resource(spot.spotId, "course", "Café <b>basics</b>");
        UUID forum = fixtures.resource(spot.spotId, "forum", "Questions");
        spot.put("/v1/templates/course", Map.of("subject", "{{memberFirstname}}, join {{resourceName}}",
                "body", "Dear {{memberName}},\n{{resourceLink}}\n— {{spotName}}")).expect(200);
        UUID courseMail = fixtures.email(spot.spotId, zoe, course);
        UUID forumMail = fixtures.email(spot.spotId, zoe, forum);

        worker.deliverPending(UUID.fromString(spot.spotId));

        List<MimeMessage> messages = new ArrayList<>(SMTP.messagesTo(email));
        assertThat(messages).hasSize(2);
        MimeMessage custom = messages.stream().filter(m -> Smtp.messageId(m).equals("<" + courseMail + "@cohort>"))
                .findFirst().orElseThrow();
        assertThat(custom.getSubject()).isEqualTo("Zoë, join Café <b>basics</b>");
        assertThat(custom.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("utf-8");
        assertThat(custom.getFrom()[0].toString()).isEqualTo("invitations@cohort.test");
        assertThat(GreenMailUtil.getBody(custom)).isNotBlank();
        assertThat(((String) custom.getContent()).replace("\r\n", "\n"))
                .isEqualTo("Dear Zoë Ørsted,\nhttps://community.example/courses/" + course + "\n— Test Spot");
        MimeMessage byDefault = messages.stream()
                .filter(m -> Smtp.messageId(m).equals("<" + forumMail + "@cohort>")).findFirst().orElseThrow();
        assertThat(byDefault.getSubject()).isEqualTo("Test Spot: you are invited to the forum Questions");
        assertThat((String) byDefault.getContent()).contains("Hello Zoë,")
                .contains("https://community.example/forums/" + forum);
    }
}
