package dev.cohort.messaging;

import dev.cohort.support.Smtp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** SMTP pointed at a port where nothing listens: every delivery fails. */
class OutboxRetryApiTest extends ApiTest {
    @RegisterExtension
    static final Smtp SMTP = Smtp.closedPort();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        SMTP.register(registry);
        registry.add("COHORT_OUTBOX_MAX_ATTEMPTS", () -> 3);
    }

    @Autowired
    OutboxWorker worker;

    @Test
    void a_failed_delivery_is_retried_later_with_a_growing_delay_then_dead_after_the_last_attempt() {
        Api.SpotClient spot = newSpot();
        Fixtures fixtures = new Fixtures(jdbc);
        String ada = spot.member("ada-" + UUID.randomUUID() + "@example.com", "Ada", "Lovelace");
        UUID email = fixtures.email(spot.spotId, ada, fixtures.resource(spot.spotId, "live", "Kick-off"));

        worker.deliverPending(UUID.fromString(spot.spotId));
        Fixtures.OutboxState first = fixtures.state(email);
        assertThat(first.status()).isEqualTo("pending");
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).containsIgnoringCase("connect");
        assertThat(first.delaySeconds()).isPositive();

        worker.deliverPending(UUID.fromString(spot.spotId));
        assertThat(fixtures.state(email).attempts()).as("not due again before its back-off").isEqualTo(1);

        fixtures.makeDue(email);
        worker.deliverPending(UUID.fromString(spot.spotId));
        Fixtures.OutboxState second = fixtures.state(email);
        assertThat(second.status()).isEqualTo("pending");
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.delaySeconds()).isGreaterThan(first.delaySeconds());

        fixtures.makeDue(email);
        worker.deliverPending(UUID.fromString(spot.spotId));
        Fixtures.OutboxState last = fixtures.state(email);
        assertThat(last.status()).isEqualTo("dead");
        assertThat(last.attempts()).isEqualTo(3);
        assertThat(last.lastError()).containsIgnoringCase("connect");

        Api.Response dead = spot.get("/v1/outbox?status[eq]=dead").expect(200);
        assertThat(dead.body().path("total").asLong()).isEqualTo(1);
        assertThat(dead.body().path("items").get(0).path("messageId").asString()).isEqualTo(email.toString());
        assertThat(dead.body().path("items").get(0).path("lastError").asString()).isNotBlank();
    }

    @Test
    void the_back_off_doubles_from_thirty_seconds_up_to_an_hour() {
        assertThat(OutboxWorker.backoffSeconds(1)).isEqualTo(30);
        assertThat(OutboxWorker.backoffSeconds(2)).isEqualTo(60);
        assertThat(OutboxWorker.backoffSeconds(5)).isEqualTo(480);
        assertThat(OutboxWorker.backoffSeconds(8)).isEqualTo(3600);
        assertThat(OutboxWorker.backoffSeconds(100)).isEqualTo(3600);
    }
}
