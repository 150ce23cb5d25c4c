package dev.cohort.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.resources.ResourceType;
import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Adding members, unlinking and relinking at once on one group and resource end as a serial order would. */
class ConcurrentAccessApiTest extends ApiTest {

    @Test
    void interleaved_adds_removes_unlinks_and_relinks_leave_exactly_the_participants_a_serial_order_gives()
            throws Exception {
        AccessFixture f = new AccessFixture(newSpot(), jdbc);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            emails.add("c" + i + "@example.com");
        }
        List<String> people = new ArrayList<>();
        f.spot.post("/v1/spotMembers~bulkInvite", Map.of("emails", emails)).expect(201).body().path("created")
                .forEach(m -> people.add(m.path("id").asString()));
        String a = f.spot.group("A");
        String b = f.spot.group("B");
        String course = f.resource(ResourceType.COURSE, "Course", true);
        f.link(ResourceType.COURSE, course, b, false);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Api.Response>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 36; i++) {
                List<String> batch = new ArrayList<>(people);
                Collections.shuffle(batch, random);
                List<String> some = batch.subList(0, 30);
                String group = i % 2 == 0 ? a : b;
                calls.add(pool.submit(() -> switch (random.nextInt(4)) {
                    case 0 -> f.spot.post("/v1/groups/" + group + "/spotMembers~bulkRemove", Map.of("spotMemberIds", some));
                    case 1 -> f.spot.post("/v1/courses/" + course + "/groups~bulkRemove", Map.of("groupIds", List.of(a)));
                    case 2 -> f.spot.post("/v1/courses/" + course + "/groups~bulkAdd",
                            Map.of("groupIds", List.of(a), "withEmailNotification", true));
                    default -> f.spot.post("/v1/groups/" + group + "/spotMembers~bulkAdd", Map.of("spotMemberIds", some));
                }));
            }
            for (Future<Api.Response> call : calls) {
                assertThat(call.get().status()).as("seed %d", seed).isIn(200, 204);
            }
        } finally {
            pool.shutdown();
        }
        f.link(ResourceType.COURSE, course, a, false);

        Set<String> expected = new TreeSet<>(members(f.spot, a));
        expected.addAll(members(f.spot, b));
        Set<String> actual = new TreeSet<>(jdbc.sql("select member_id::text from participant where resource_id = :r")
                .param("r", UUID.fromString(course)).query(String.class).list());
        assertThat(actual).as("seed %d", seed).isEqualTo(expected);
        long wrongCounts = jdbc.sql("select count(*) from participant p where p.resource_id = :r and p.group_sources <> "
                        + "(select count(*) from resource_group_link l join group_membership gm on gm.group_id = l.group_id "
                        + "and gm.member_id = p.member_id where l.resource_id = p.resource_id)")
                .param("r", UUID.fromString(course)).query(Long.class).single();
        assertThat(wrongCounts).as("seed %d", seed).isZero();
        // Every email goes with an invitation: per member, never more emails than invitation notifications.
        long emailsWithoutInvitation = jdbc.sql("select count(*) from (select o.member_id, count(*) as emails, "
                        + "(select count(*) from notification n where n.member_id = o.member_id "
                        + "and n.body ->> 'resourceId' = :r) as invitations from outbox o where o.resource_id = "
                        + "cast(:r as uuid) group by o.member_id) e where emails > invitations")
                .param("r", course).query(Long.class).single();
        assertThat(emailsWithoutInvitation).as("seed %d", seed).isZero();
        // The emails were counted; leave no backlog for the delivery tests that share an external database.
        jdbc.sql("delete from outbox where spot_id = :spot").param("spot", UUID.fromString(f.spot.spotId)).update();
    }

    private static List<String> members(Api.SpotClient spot, String group) {
        List<String> ids = new ArrayList<>();
        for (int page = 1; ; page++) {
            Api.Response response = spot.get("/v1/groups/" + group + "/spotMembers?limit=100&page=" + page).expect(200);
            response.body().path("items").forEach(m -> ids.add(m.path("id").asString()));
            if (response.body().path("items").size() < 100) {
                return ids;
            }
        }
    }
}
