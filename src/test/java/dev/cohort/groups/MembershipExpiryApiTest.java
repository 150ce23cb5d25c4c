package dev.cohort.groups;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import dev.cohort.support.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Memberships that expire (rule 16b): validUntil on the add endpoints, in the member list and its filters, and the
 * job ({@link MembershipExpiry}) that ends them, run here by the test after moving the application's clock. The
 * scheduled runs are an hour apart in this context, so that only the test's runs end memberships.
 */
@Import(MembershipExpiryApiTest.Clocks.class)
@TestPropertySource(properties = "COHORT_MEMBERSHIP_EXPIRY_SECONDS=3600")
class MembershipExpiryApiTest extends ApiTest {
    private static final long HOUR = 3600;

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    @Autowired
    MutableClock clock;

    @Autowired
    MembershipExpiry expiry;

    @BeforeEach
    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private static Map<String, Object> add(String member, Object validUntil) {
        Map<String, Object> body = new HashMap<>();
        body.put("spotMemberId", member);
        body.put("validUntil", validUntil);
        return body;
    }

    private static Map<String, Object> bulk(List<String> members, Object validUntil) {
        Map<String, Object> body = new HashMap<>();
        body.put("spotMemberIds", members);
        if (validUntil != null) {
            body.put("validUntil", validUntil);
        }
        return body;
    }

    /** Each member id of the group's list with its validUntil (null when permanent). */
    private static Map<String, Long> validUntil(Api.SpotClient spot, String group, String query) {
        Map<String, Long> members = new LinkedHashMap<>();
        JsonNode items = spot.get("/v1/groups/" + group + "/spotMembers" + query).expect(200).body().path("items");
        items.forEach(item -> members.put(item.path("id").asString(),
                item.path("validUntil").isNull() ? null : item.path("validUntil").asLong()));
        return members;
    }

    private static long membersCount(Api.SpotClient spot, String group) {
        return spot.get("/v1/groups/" + group).expect(200).body().path("membersCount").asLong();
    }

    @Test
    void validUntil_must_be_future_unix_seconds_on_a_static_group_and_a_refused_one_changes_nothing() {
        Api.SpotClient spot = newSpot();
        String group = spot.group("Beta");
        String ada = spot.member("ada@example.com");
        String path = "/v1/groups/" + group + "/spotMembers";
        for (Object bad : List.<Object>of(now() - 60, now(), "tomorrow", 1.5, (now() + HOUR) * 1000, true)) {
            assertThat(spot.post(path, add(ada, bad)).expect(400).problemFields()).as("validUntil " + bad)
                    .containsExactly("validUntil");
            assertThat(spot.post(path + "~bulkAdd", bulk(List.of(ada), bad)).expect(400).problemFields())
                    .as("bulk validUntil " + bad).containsExactly("validUntil");
        }
        assertThat(validUntil(spot, group, "")).isEmpty();
        assertThat(membersCount(spot, group)).isZero();
        assertThat(spot.post(path + "~bulkRemove", bulk(List.of(ada), now() + HOUR)).expect(400).problemFields())
                .containsExactly("validUntil");

        String smart = spot.post("/v1/groups", Map.of("name", "Admins", "kind", "smart",
                "rule", Map.of("field", "role", "op", "eq", "value", "Admin"))).expect(201).text("id");
        Api.Response refused = spot.post("/v1/groups/" + smart + "/spotMembers", add(ada, now() + HOUR)).expect(400);
        assertThat(refused.problemFields()).containsExactly("validUntil");
        assertThat(refused.raw().body()).contains("smart group");
        assertThat(spot.post("/v1/groups/" + smart + "/spotMembers~bulkAdd", bulk(List.of(ada), now() + HOUR))
                .expect(400).problemFields()).containsExactly("validUntil");

        Api.SpotClient other = newSpot();
        other.post(path, add(other.member("bob@example.com"), now() + HOUR)).expect(404);
    }

    @Test
    void the_member_list_shows_validUntil_and_filters_on_it() {
        Api.SpotClient spot = newSpot();
        String group = spot.group("Trial");
        String ada = spot.member("ada@example.com", "Ada", "Lovelace");
        String bob = spot.member("bob@example.com", "Bob", "Brown");
        String cy = spot.member("cy@example.com", "Cy", "Young");
        long soon = now() + HOUR;
        long later = now() + 48 * HOUR;
        spot.post("/v1/groups/" + group + "/spotMembers", add(ada, soon)).expect(204);
        spot.post("/v1/groups/" + group + "/spotMembers~bulkAdd", bulk(List.of(bob), later)).expect(200);
        spot.post("/v1/groups/" + group + "/spotMembers", Map.of("spotMemberId", cy)).expect(204);

        Map<String, Long> all = validUntil(spot, group, "");
        assertThat(all.keySet()).containsExactly(bob, ada, cy);
        assertThat(all.values()).containsExactly(later, soon, null);
        assertThat(validUntil(spot, group, "?validUntil[before]=" + (soon + 1)).keySet()).containsExactly(ada);
        assertThat(validUntil(spot, group, "?validUntil[after]=" + soon).keySet()).containsExactly(bob);
        assertThat(validUntil(spot, group, "?validUntil[after]=" + (now() - HOUR)).keySet())
                .as("a permanent membership matches neither").containsExactly(bob, ada);
        assertThat(spot.get("/v1/groups/" + group + "/spotMembers?validUntil[after]=" + soon).expect(200).body()
                .path("total").asLong()).isEqualTo(1);
        assertThat(spot.get("/v1/groups/" + group + "/spotMembers?validUntil[before]=soon").expect(400)
                .problemFields()).containsExactly("validUntil[before]");
    }

    @Test
    void re_adding_sets_validUntil_anew_and_without_it_makes_the_membership_permanent() {
        Api.SpotClient spot = newSpot();
        String group = spot.group("Club");
        String ada = spot.member("ada@example.com");
        String bob = spot.member("bob@example.com");
        String path = "/v1/groups/" + group + "/spotMembers";
        long t = now(); // one reading: the clock ticks with real time, and a second may pass between two calls
        spot.post(path + "~bulkAdd", bulk(List.of(ada, bob), t + HOUR)).expect(200);

        spot.post(path, add(ada, t + 30 * 24 * HOUR)).expect(204);
        Api.Response again = spot.post(path + "~bulkAdd", bulk(List.of(bob), null)).expect(200);
        assertThat(again.body().path("alreadyInGroupSpotMemberIds").get(0).asString()).isEqualTo(bob);
        assertThat(validUntil(spot, group, "")).containsExactlyInAnyOrderEntriesOf(
                mapOf(ada, t + 30 * 24 * HOUR, bob, null));
        assertThat(membersCount(spot, group)).as("re-adds add nobody").isEqualTo(2);

        spot.post(path, add(bob, t + 2 * HOUR)).expect(204);
        assertThat(validUntil(spot, group, "").get(bob)).as("a permanent membership re-added with a date takes it")
                .isEqualTo(t + 2 * HOUR);

        clock.advance(Duration.ofHours(3));
        expiry.expire();
        assertThat(validUntil(spot, group, "").keySet()).as("the extended membership outlives the first date")
                .containsExactly(ada);
    }

    @Test
    void at_validUntil_the_job_ends_the_membership_and_the_count_moves_but_permanent_and_later_ones_stay() {
        Api.SpotClient spot = newSpot();
        String group = spot.group("Pilot");
        String ada = spot.member("ada@example.com", "Ada", "A");
        String bob = spot.member("bob@example.com", "Bob", "B");
        String cy = spot.member("cy@example.com", "Cy", "C");
        String path = "/v1/groups/" + group + "/spotMembers";
        spot.post(path, add(ada, now() + HOUR)).expect(204);
        spot.post(path, add(bob, now() + 3 * HOUR)).expect(204);
        spot.post(path, Map.of("spotMemberId", cy)).expect(204);
        Api.SpotClient other = newSpot();
        String theirs = other.group("Pilot");
        String dan = other.member("dan@example.com");
        other.post("/v1/groups/" + theirs + "/spotMembers", add(dan, now() + 2 * HOUR)).expect(204);

        MembershipExpiry.Expired early = expiry.expire();
        assertThat(validUntil(spot, group, "").keySet()).as("nothing is due yet").containsExactly(ada, bob, cy);

        clock.advance(Duration.ofMinutes(61));
        MembershipExpiry.Expired run = expiry.expire();
        assertThat(run.memberships()).isGreaterThanOrEqualTo(1);
        assertThat(validUntil(spot, group, "").keySet()).containsExactly(bob, cy);
        assertThat(membersCount(spot, group)).isEqualTo(2);
        assertThat(validUntil(other, theirs, "").keySet()).as("another Spot's later membership").containsExactly(dan);
        assertThat(membersCount(other, theirs)).isEqualTo(1);
        assertThat(expiry.expire().memberships()).as("a second run finds nothing more due").isZero();
        assertThat(early.memberships()).isZero();

        clock.advance(Duration.ofDays(3650));
        expiry.expire();
        assertThat(validUntil(spot, group, "").keySet()).as("a permanent membership never ends").containsExactly(cy);
        assertThat(membersCount(spot, group)).isEqualTo(1);
        assertThat(validUntil(other, theirs, "")).isEmpty();
        assertThat(membersCount(other, theirs)).isZero();
    }

    @Test
    void an_expired_membership_takes_away_only_what_it_alone_gave_on_a_restricted_live() {
        Api.SpotClient spot = newSpot();
        String host = spot.member("host@example.com");
        String expiring = spot.group("Expiring");
        String lasting = spot.group("Lasting");
        String alone = spot.member("alone@example.com");
        String twice = spot.member("twice@example.com");
        String direct = spot.member("direct@example.com");
        String kept = spot.member("kept@example.com");
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Members only");
        body.put("spotMemberHostId", host);
        body.put("startDate", now() + 24 * HOUR);
        body.put("endDate", now() + 25 * HOUR);
        body.put("solution", "BuiltIn");
        body.put("participation", "InvitedMembersOnly");
        String live = spot.post("/v1/lives", body).expect(201).text("id");
        for (String group : List.of(expiring, lasting)) {
            spot.post("/v1/lives/" + live + "/groups~bulkAdd", Map.of("groupIds", List.of(group),
                    "withEmailNotification", false)).expect(204);
        }
        spot.post("/v1/groups/" + expiring + "/spotMembers~bulkAdd", bulk(List.of(alone, twice, direct), now() + HOUR))
                .expect(200);
        spot.post("/v1/groups/" + expiring + "/spotMembers", Map.of("spotMemberId", kept)).expect(204);
        spot.post("/v1/groups/" + lasting + "/spotMembers", Map.of("spotMemberId", twice)).expect(204);
        assertThat(spot.post("/v1/lives/" + live + "/participants", Map.of("member", direct)).status())
                .isIn(200, 201);
        assertThat(participants(spot, live)).contains(alone, twice, direct, kept);

        clock.advance(Duration.ofHours(2));
        expiry.expire();

        List<String> after = participants(spot, live);
        assertThat(after).as("held by the expired membership alone").doesNotContain(alone);
        assertThat(after).as("held by another group, directly, or by a lasting membership")
                .contains(twice, direct, kept);
        assertThat(validUntil(spot, expiring, "").keySet()).containsExactly(kept);
        assertThat(membersCount(spot, expiring)).isEqualTo(1);
    }

    @Test
    void a_static_group_turned_smart_keeps_its_matching_members_for_good() {
        Api.SpotClient spot = newSpot();
        String group = spot.group("Early adopters");
        String ada = spot.member("ada@example.com");
        spot.post("/v1/groups/" + group + "/spotMembers", add(ada, now() + HOUR)).expect(204);
        spot.put("/v1/groups/" + group, Map.of("kind", "smart",
                "rule", Map.of("field", "email", "op", "eq", "value", "ada@example.com"))).expect(200);
        assertThat(validUntil(spot, group, "")).as("a smart membership follows the rule")
                .containsExactlyInAnyOrderEntriesOf(mapOf(ada, null));

        clock.advance(Duration.ofHours(2));
        expiry.expire();
        assertThat(validUntil(spot, group, "").keySet()).containsExactly(ada);
    }

    private static List<String> participants(Api.SpotClient spot, String live) {
        List<String> ids = new ArrayList<>();
        spot.get("/v1/lives/" + live + "/participants?limit=100").expect(200).body().path("items")
                .forEach(item -> ids.add(item.path("spotMemberId").asString()));
        return ids;
    }

    private static Map<String, Long> mapOf(Object... keyValues) {
        Map<String, Long> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], (Long) keyValues[i + 1]);
        }
        return map;
    }
}
