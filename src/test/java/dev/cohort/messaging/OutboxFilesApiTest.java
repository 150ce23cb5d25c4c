package dev.cohort.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import dev.cohort.support.TestDatabase;
import dev.cohort.system.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Without COHORT_SMTP_HOST emails are written as .eml files under the data directory. */
class OutboxFilesApiTest extends ApiTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        if (TestDatabase.external()) {
            String dir = TestDatabase.newEmbeddedDataDir().toString();
            registry.add("COHORT_DATA_DIR", () -> dir);
        }
    }

    @Autowired
    OutboxWorker worker;
    @Autowired
    Settings settings;

    @Test
    void each_email_becomes_one_eml_file_named_by_its_message_id_and_a_redelivery_replaces_it() throws Exception {
        Api.SpotClient spot = newSpot();
        Fixtures fixtures = new Fixtures(jdbc);
        String ada = spot.member("ada-" + UUID.randomUUID() + "@example.com", "Ada", "Lovelace");
        List<UUID> ids = fixtures.emails(spot.spotId, ada, fixtures.resource(spot.spotId, "channel", "General"), 3);

        worker.deliverPending(UUID.fromString(spot.spotId));

        Path dir = settings.dataDir().resolve("outbox");
        for (UUID id : ids) {
            String eml = Files.readString(dir.resolve(id + ".eml"), StandardCharsets.UTF_8);
            assertThat(eml).contains("Message-ID: <" + id + "@cohort>").contains("the channel General");
        }
        jdbc.sql("update outbox set status = 'pending', next_attempt_at = now() where message_id = :id")
                .param("id", ids.get(0)).update();
        worker.deliverPending(UUID.fromString(spot.spotId));
        try (var files = Files.list(dir)) {
            List<Path> mine = files.filter(f -> ids.stream().anyMatch(id -> f.getFileName().toString()
                    .startsWith(id.toString()) || f.getFileName().toString().startsWith("." + id))).toList();
            assertThat(mine).hasSize(3).allSatisfy(f -> assertThat(f.toString()).endsWith(".eml"));
        }
    }

    @Test
    void an_email_whose_member_or_resource_is_gone_is_dead_at_once() {
        Api.SpotClient spot = newSpot();
        Fixtures fixtures = new Fixtures(jdbc);
        String ada = spot.member("ada-" + UUID.randomUUID() + "@example.com");
        UUID course = fixtures.resource(spot.spotId, "course", "Gone soon");
        UUID email = fixtures.email(spot.spotId, ada, course);
        UUID noResource = fixtures.email(spot.spotId, ada, UUID.randomUUID());
        jdbc.sql("delete from resource where id = :id").param("id", course).update();

        worker.deliverPending(UUID.fromString(spot.spotId));

        assertThat(fixtures.state(email).status()).isEqualTo("dead");
        assertThat(fixtures.state(email).lastError()).contains("no longer exists");
        assertThat(fixtures.state(noResource).status()).isEqualTo("dead");
    }

    @Test
    void the_outbox_lists_the_spots_emails_newest_first_with_filters_and_paging() {
        Api.SpotClient spot = newSpot();
        Api.SpotClient other = newSpot();
        Fixtures fixtures = new Fixtures(jdbc);
        String ada = spot.member("ada-" + UUID.randomUUID() + "@example.com");
        String bob = spot.member("bob-" + UUID.randomUUID() + "@example.com");
        UUID live = fixtures.resource(spot.spotId, "live", "Kick-off");
        UUID first = fixtures.email(spot.spotId, ada, live);
        UUID second = fixtures.email(spot.spotId, bob, live);
        UUID third = fixtures.email(spot.spotId, ada, live);
        fixtures.email(other.spotId, other.member("x-" + UUID.randomUUID() + "@example.com"),
                fixtures.resource(other.spotId, "live", "Elsewhere"));
        jdbc.sql("update outbox set status = 'sent', sent_at = now() where message_id = :id")
                .param("id", first).update();

        Api.Response all = spot.get("/v1/outbox").expect(200);
        assertThat(all.body().path("total").asLong()).isEqualTo(3);
        assertThat(all.body().path("items").get(0).path("messageId").asString()).isEqualTo(third.toString());
        assertThat(all.body().path("items").get(0).path("spotMemberId").asString()).isEqualTo(ada);
        assertThat(all.body().path("items").get(0).path("resourceId").asString()).isEqualTo(live.toString());
        assertThat(all.body().path("items").get(0).path("template").asString()).isEqualTo("invitation");
        assertThat(all.body().path("items").get(2).path("sentAt").isNull()).isFalse();

        Api.Response pendingForAda = spot.get("/v1/outbox?status[in]=pending,dead&spotMemberId[eq]=" + ada)
                .expect(200);
        assertThat(pendingForAda.body().path("total").asLong()).isEqualTo(1);
        assertThat(pendingForAda.body().path("items").get(0).path("messageId").asString()).isEqualTo(third.toString());
        Api.Response page2 = spot.get("/v1/outbox?limit=1&page=2").expect(200);
        assertThat(page2.body().path("items").get(0).path("messageId").asString()).isEqualTo(second.toString());
        assertThat(spot.get("/v1/outbox?status[eq]=lost&spotMemberId[eq]=x&limit=0").expect(400).problemFields())
                .containsExactlyInAnyOrder("status[eq]", "spotMemberId[eq]", "limit");
    }
}
