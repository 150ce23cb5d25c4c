package dev.cohort.smartgroups;

import dev.cohort.support.Smtp;
import static dev.cohort.smartgroups.SmartGroups.any;
import static dev.cohort.smartgroups.SmartGroups.assertMembers;
import static dev.cohort.smartgroups.SmartGroups.assign;
import static dev.cohort.smartgroups.SmartGroups.body;
import static dev.cohort.smartgroups.SmartGroups.cond;
import static dev.cohort.smartgroups.SmartGroups.ids;
import static dev.cohort.smartgroups.SmartGroups.importCsv;
import static dev.cohort.smartgroups.SmartGroups.member;
import static dev.cohort.smartgroups.SmartGroups.prop;
import static dev.cohort.smartgroups.SmartGroups.property;
import static dev.cohort.smartgroups.SmartGroups.setRule;
import static dev.cohort.smartgroups.SmartGroups.setValue;
import static dev.cohort.smartgroups.SmartGroups.smart;
import static dev.cohort.smartgroups.SmartGroups.tag;
import static dev.cohort.smartgroups.SmartGroups.unassign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.messaging.OutboxWorker;
import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Smart groups linked to restricted resources: a member who starts matching is invited (one notification, one
 * email, counted on a real SMTP server), one who stops matching loses what only the group gave, and a rule change
 * touches only the members who really enter or leave.
 */
class SmartGroupAccessApiTest extends ApiTest {
    @RegisterExtension
    static final Smtp SMTP = Smtp.server();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        SMTP.register(registry);
    }

    @Autowired
    OutboxWorker worker;

    /** Delivers the Spot's pending emails, then counts those the SMTP server received for {@code email}. */
    private long received(Api.SpotClient spot, String email) {
        worker.deliverPending(UUID.fromString(spot.spotId));
        return Arrays.stream(SMTP.messages()).filter(m -> to(m, email)).count();
    }

    private static boolean to(MimeMessage message, String email) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(email) || a.toString().contains("<" + email + ">"));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean participates(String resource, String member) {
        return jdbc.sql("select count(*) from participant where resource_id = :r and member_id = :m")
                .param("r", UUID.fromString(resource)).param("m", UUID.fromString(member))
                .query(Long.class).single() == 1;
    }

    private long outbox(String resource, String member) {
        return jdbc.sql("select count(*) from outbox where resource_id = :r and member_id = :m")
                .param("r", UUID.fromString(resource)).param("m", UUID.fromString(member))
                .query(Long.class).single();
    }

    /** How many notifications the member has (the list is cursor-paged: items and hasMore, no total). */
    private static long notifications(Api.SpotClient spot, String member) {
        JsonNode page = spot.get("/v1/spotMembers/" + member + "/notifications?limit=100").expect(200).body();
        assertThat(page.path("hasMore").asBoolean()).isFalse();
        return page.path("items").size();
    }

    private static String secretLive(Api.SpotClient spot, String host) {
        long start = Instant.now().getEpochSecond() + 86_400;
        Map<String, Object> live = new HashMap<>();
        live.put("title", "Secret live");
        live.put("spotMemberHostId", host);
        live.put("startDate", start);
        live.put("endDate", start + 3600);
        live.put("solution", "BuiltIn");
        live.put("visibility", "InvitedMembersOnly");
        return spot.post("/v1/lives", live).expect(201).text("id");
    }

    /** A published secret course (a Draft course holds its invitations back until it is published). */
    private static String secretCourse(Api.SpotClient spot) {
        return spot.post("/v1/courses", Map.of("title", "Secret course", "privacy", "Secret", "status", "Published"))
                .expect(201).text("id");
    }

    private static void link(Api.SpotClient spot, String resources, String resource, String group) {
        spot.post("/v1/" + resources + "/" + resource + "/groups~bulkAdd",
                Map.of("groupIds", List.of(group), "withEmailNotification", true)).expect(204);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void a_member_who_starts_matching_is_invited_to_the_secret_live_once_and_revoked_when_they_stop() {
        Api.SpotClient spot = newSpot();
        String s = suffix();
        String hostEmail = "host-" + s + "@example.com";
        String memberEmail = "m-" + s + "@example.com";
        String host = member(spot, body("email", hostEmail, "status", "Accepted"));
        String vip = tag(spot, "vip");
        String speaker = tag(spot, "speaker");
        String group = smart(spot, "VIPs", cond("tags", "hasAny", List.of("vip")));
        String live = secretLive(spot, host);
        link(spot, "lives", live, group);
        String m = spot.member(memberEmail, "Mia", "Member");
        assertThat(participates(live, m)).isFalse();
        assertThat(received(spot, memberEmail)).isZero();

        assign(spot, vip, m);
        assertMembers(spot, group, m);
        assertThat(participates(live, m)).as("invited as they start matching").isTrue();
        JsonNode participants = spot.get("/v1/lives/" + live + "/participants").expect(200).body();
        assertThat(participants.path("total").asLong()).isEqualTo(1);
        assertThat(participants.path("items").get(0).path("sources").toString()).contains(group);
        assertThat(notifications(spot, m)).isEqualTo(1);
        assertThat(outbox(live, m)).isEqualTo(1);
        assertThat(received(spot, memberEmail)).isEqualTo(1);

        assign(spot, speaker, m);                                   // still matching: nothing new
        assign(spot, vip, m);
        assertThat(received(spot, memberEmail)).isEqualTo(1);
        assertThat(notifications(spot, m)).isEqualTo(1);

        unassign(spot, vip, m);
        assertMembers(spot, group);
        assertThat(participates(live, m)).as("revoked as they stop matching").isFalse();
        assertThat(spot.get("/v1/lives/" + live + "/participants").expect(200).body().path("total").asLong())
                .isZero();
        assertThat(received(spot, memberEmail)).isEqualTo(1);
        assertThat(received(spot, hostEmail)).isZero();
    }

    @Test
    void a_rule_change_invites_only_the_entering_members_and_revokes_only_the_leaving_ones() {
        Api.SpotClient spot = newSpot();
        String s = suffix();
        property(spot, "plan", "SingleSelect", List.of("Free", "Pro"));
        Map<String, String> emails = new HashMap<>();
        for (String label : List.of("a", "b", "c", "d")) {
            emails.put(label, label + "-" + s + "@example.com");
        }
        String a = spot.member(emails.get("a"), "Ann", "A");
        String b = spot.member(emails.get("b"), "Bob", "B");
        String c = spot.member(emails.get("c"), "Cid", "C");
        String d = spot.member(emails.get("d"), "Dee", "D");
        setValue(spot, a, "plan", "Pro");
        setValue(spot, b, "plan", "Pro");
        setValue(spot, c, "plan", "Free");
        String group = smart(spot, "Pro", prop("plan", "eq", "Pro"));
        String course = secretCourse(spot);
        link(spot, "courses", course, group);
        assertThat(participates(course, a)).isTrue();
        assertThat(participates(course, b)).isTrue();
        assertThat(received(spot, emails.get("a"))).isEqualTo(1);
        assertThat(received(spot, emails.get("b"))).isEqualTo(1);

        Map<String, Object> rule = any(prop("plan", "eq", "Free"), cond("email", "eq", emails.get("b")));
        JsonNode preview = spot.post("/v1/groups/" + group + "~previewRule", Map.of("rule", rule)).expect(200).body();
        assertThat(ids(preview.path("entering").path("items"))).containsExactly(c);
        assertThat(ids(preview.path("leaving").path("items"))).containsExactly(a);
        assertThat(received(spot, emails.get("c"))).as("a preview invites nobody").isZero();

        setRule(spot, group, rule).expect(200);
        assertMembers(spot, group, b, c);
        assertThat(participates(course, a)).as("a left: revoked").isFalse();
        assertThat(participates(course, b)).as("b stayed").isTrue();
        assertThat(participates(course, c)).as("c entered: invited").isTrue();
        assertThat(participates(course, d)).isFalse();
        assertThat(received(spot, emails.get("a"))).isEqualTo(1);
        assertThat(received(spot, emails.get("b"))).as("nothing new for who stayed").isEqualTo(1);
        assertThat(received(spot, emails.get("c"))).isEqualTo(1);
        assertThat(received(spot, emails.get("d"))).isZero();
        assertThat(notifications(spot, a)).isEqualTo(1);
        assertThat(notifications(spot, b)).isEqualTo(1);
        assertThat(notifications(spot, c)).isEqualTo(1);
        assertThat(notifications(spot, d)).isZero();
        assertThat(outbox(course, b)).isEqualTo(1);
        assertThat(outbox(course, c)).isEqualTo(1);
        JsonNode participants = spot.get("/v1/courses/" + course + "/participants").expect(200).body();
        assertThat(participants.path("total").asLong()).isEqualTo(2);
    }

    @Test
    void created_imported_updated_and_excepted_members_are_invited_and_revoked_on_the_linked_live() {
        Api.SpotClient spot = newSpot();
        String s = suffix();
        String host = member(spot, body("email", "host-" + s + "@example.com", "status", "Accepted"));
        String group = smart(spot, "Admins", cond("role", "eq", "Admin"));
        String live = secretLive(spot, host);
        link(spot, "lives", live, group);

        String xEmail = "x-" + s + "@example.com";
        String yEmail = "y-" + s + "@example.com";
        String zEmail = "z-" + s + "@example.com";
        String wEmail = "w-" + s + "@example.com";
        String x = member(spot, body("email", xEmail, "role", "Admin"));
        assertThat(participates(live, x)).as("created matching").isTrue();
        importCsv(spot, "email,role\n" + yEmail + ",Admin\n").expect(200);
        String y = spot.get(SmartGroups.q("/v1/spotMembers?email[in]=" + yEmail)).expect(200).body().path("items")
                .get(0).path("id").asString();
        assertThat(participates(live, y)).as("imported matching").isTrue();
        String z = spot.member(zEmail);
        spot.post("/v1/groups/" + group + "/exceptions~bulkAdd", Map.of("type", "include",
                "spotMemberIds", List.of(z))).expect(200);
        assertThat(participates(live, z)).as("included").isTrue();
        String w = member(spot, body("email", wEmail, "role", "Admin"));
        spot.post("/v1/lives/" + live + "/participants", Map.of("member", w, "withEmailNotification", true))
                .expect(200);
        assertMembers(spot, group, x, y, z, w);
        assertThat(received(spot, xEmail)).isEqualTo(1);
        assertThat(received(spot, yEmail)).isEqualTo(1);
        assertThat(received(spot, zEmail)).isEqualTo(1);
        assertThat(received(spot, wEmail)).isEqualTo(1);

        spot.post("/v1/groups/" + group + "/exceptions~bulkAdd", Map.of("type", "exclude",
                "spotMemberIds", List.of(x))).expect(200);
        assertThat(participates(live, x)).as("excluded").isFalse();
        spot.put("/v1/spotMembers/" + y, Map.of("role", "Member")).expect(200);
        assertThat(participates(live, y)).as("updated out of the rule").isFalse();
        spot.put("/v1/spotMembers/" + w, Map.of("role", "Member")).expect(200);
        assertThat(participates(live, w)).as("still held by the direct invitation").isTrue();
        assertMembers(spot, group, z);

        spot.post("/v1/groups/" + group + "/exceptions~bulkRemove", Map.of("spotMemberIds", List.of(x))).expect(200);
        assertThat(participates(live, x)).as("matching again once the exclusion is removed").isTrue();
        assertThat(participates(live, host)).isFalse();
        assertThat(received(spot, yEmail)).isEqualTo(1);
        assertThat(received(spot, zEmail)).isEqualTo(1);
        assertThat(received(spot, wEmail)).isEqualTo(1);
    }
}
