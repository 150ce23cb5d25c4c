package dev.cohort.joining;

import static dev.cohort.joining.SelfJoinFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.groups.MembershipExpiry;
import dev.cohort.messaging.OutboxWorker;
import dev.cohort.support.Api;
import dev.cohort.support.Smtp;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15 through a real SMTP server (GreenMail): the invitation emails of self-joins (a code redeemed, an open
 * group joined) and of memberships that expire, counted per recipient on what the server received after the outbox
 * worker ran. The worker is off in tests (each test delivers its own Spot's rows) and the scheduled expiry runs an
 * hour apart, so that only the test's runs end memberships. GreenMail is shared by the class: every test's members
 * have addresses of their own.
 */
@TestPropertySource(properties = "COHORT_MEMBERSHIP_EXPIRY_SECONDS=3600")
class SelfJoinEmailsSmtpApiTest extends SelfJoinApiTest {
    private static final long DAY = 86_400;

    @RegisterExtension
    static final Smtp SMTP = Smtp.server();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        SMTP.register(registry);
    }

    @Autowired
    OutboxWorker worker;

    @Autowired
    MembershipExpiry expiry;

    /** An address no other test of the class uses. */
    private static String address(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static String codeGroup(SelfJoinFixture f, String name) {
        return f.group(name, "joinType", "code");
    }

    private static Api.Response code(SelfJoinFixture f, String group, Object... fields) {
        return f.spot.post("/v1/groups/" + group + "/joinCodes", body(fields));
    }

    private static Api.Response redeem(SelfJoinFixture f, String member, String code) {
        return f.spot.api.send("POST", "/v1/me/groups~redeem", f.token(member), Map.of("code", code), null);
    }

    /** Runs the outbox worker over the Spot's due rows, twice: a second pass must send nothing more. */
    private void deliver(SelfJoinFixture f) {
        worker.deliverPending(UUID.fromString(f.spot.spotId));
        worker.deliverPending(UUID.fromString(f.spot.spotId));
    }

    /** The messages GreenMail received for {@code email} after the worker has run over the Spot's outbox. */
    private List<MimeMessage> received(SelfJoinFixture f, String email) {
        deliver(f);
        return SMTP.receivedBy(email);
    }

    private List<String> reachable(SelfJoinFixture f, String member) {
        return f.me(member, "GET", "/v1/me/resources").expect(200).body().path("items").valueStream()
                .map(r -> r.path("id").asString()).toList();
    }

    private long participantRows(String live, String member) {
        return jdbc.sql("select count(*) from participant where resource_id = :r and member_id = :m")
                .param("r", UUID.fromString(live)).param("m", UUID.fromString(member)).query(Long.class).single();
    }

    private List<String> messageIds(String live, String member) {
        return jdbc.sql("select message_id from outbox where resource_id = :r and member_id = :m order by id")
                .param("r", UUID.fromString(live)).param("m", UUID.fromString(member)).query(UUID.class).list()
                .stream().map(id -> "<" + id + "@cohort>").toList();
    }

    private static JsonNode joinCode(SelfJoinFixture f, String group, String text) {
        for (JsonNode code : f.spot.get("/v1/groups/" + group + "/joinCodes?limit=100").expect(200).body()
                .path("items")) {
            if (code.path("code").asString().equals(text)) {
                return code;
            }
        }
        throw new AssertionError("no join code " + text + " in group " + group);
    }

    /** The invitation to {@code live}: addressed to {@code email} alone, its subject naming the live, its link. */
    private static void assertInvitation(MimeMessage message, String email, String live, String title)
            throws MessagingException, IOException {
        assertThat(Smtp.recipients(message)).containsExactly(email);
        assertThat(message.getSubject()).isEqualTo("Test Spot: you are invited to the live " + title);
        assertThat((String) message.getContent()).contains("\"" + title + "\"").contains("/lives/" + live);
    }

    @Test
    void redeeming_a_code_of_a_group_linked_with_email_sends_one_invitation_and_a_second_code_sends_none()
            throws Exception {
        SelfJoinFixture f = fixture();
        String host = f.spot.member(address("host"));
        String email = address("ada");
        String ada = f.spot.member(email, "Ada", "Lovelace");
        String group = codeGroup(f, "Code club");
        String live = f.secretLive("Code club kick-off", host, 30);
        f.link(live, group, true);
        code(f, group, "code", "FIRST-DOOR", "maxUses", 10).expect(201);
        code(f, group, "code", "SECOND-DOOR", "maxUses", 10).expect(201);
        assertThat(reachable(f, ada)).doesNotContain(live);
        assertThat(received(f, email)).as("nothing before the redeem").isEmpty();

        assertThat(redeem(f, ada, "first-door").expect(200).text("groupId")).isEqualTo(group);
        assertThat(reachable(f, ada)).contains(live);
        List<MimeMessage> mail = received(f, email);
        assertThat(mail).as("one invitation, the worker having run twice").hasSize(1);
        assertInvitation(mail.get(0), email, live, "Code club kick-off");
        assertThat(messageIds(live, ada)).as("the email received is the outbox row of (live, Ada)")
                .containsExactly(Smtp.messageId(mail.get(0)));

        // A second code of the same group: she is in already, nothing changes and that code is not used.
        assertThat(redeem(f, ada, "SECOND-DOOR").expect(200).text("groupId")).isEqualTo(group);
        assertThat(received(f, email)).as("still one invitation").hasSize(1);
        assertThat(joinCode(f, group, "SECOND-DOOR").path("uses").asInt()).isZero();
        assertThat(joinCode(f, group, "FIRST-DOOR").path("uses").asInt()).isEqualTo(1);
        assertThat(f.membersCount(group)).isEqualTo(1);
    }

    @Test
    void joining_an_open_group_sends_one_invitation_and_a_link_without_email_sends_none() throws Exception {
        SelfJoinFixture f = fixture();
        String host = f.spot.member(address("host"));
        String adaEmail = address("ada");
        String bobEmail = address("bob");
        String cyEmail = address("cy");
        String ada = f.spot.member(adaEmail, "Ada", "Lovelace");
        String bob = f.spot.member(bobEmail, "Bob", "Brown");
        String cy = f.spot.member(cyEmail, "Cy", "Young");
        String loud = f.open("Loud club");
        String quiet = f.open("Quiet club");
        String quietCodes = codeGroup(f, "Quiet code club");
        String loudLive = f.secretLive("Loud live", host, 30);
        String quietLive = f.secretLive("Quiet live", host, 30);
        f.link(loudLive, loud, true);
        f.link(quietLive, quiet, false);
        f.link(quietLive, quietCodes, false);
        code(f, quietCodes, "code", "HUSH").expect(201);

        f.join(ada, loud).expect(200);
        f.join(bob, quiet).expect(200);
        redeem(f, cy, "HUSH").expect(200);
        assertThat(reachable(f, ada)).contains(loudLive).doesNotContain(quietLive);
        assertThat(reachable(f, bob)).contains(quietLive).doesNotContain(loudLive);
        assertThat(reachable(f, cy)).contains(quietLive);

        // One pass delivers the Spot's due rows: Ada's arrives, so Bob's and Cy's would have too.
        List<MimeMessage> adaMail = received(f, adaEmail);
        assertThat(adaMail).hasSize(1);
        assertInvitation(adaMail.get(0), adaEmail, loudLive, "Loud live");
        assertThat(SMTP.receivedBy(bobEmail)).as("joined through a link without email").isEmpty();
        assertThat(SMTP.receivedBy(cyEmail)).as("redeemed into a group linked without email").isEmpty();

        // Joining again changes nothing.
        f.join(ada, loud).expect(200);
        f.join(bob, quiet).expect(200);
        assertThat(received(f, adaEmail)).hasSize(1);
        assertThat(SMTP.receivedBy(bobEmail)).isEmpty();
    }

    @Test
    void an_expired_membership_takes_the_live_away_without_email_and_coming_back_invites_once_more()
            throws Exception {
        SelfJoinFixture f = fixture();
        String host = f.spot.member(address("host"));
        String adaEmail = address("ada");
        String bobEmail = address("bob");
        String ada = f.spot.member(adaEmail, "Ada", "Lovelace");
        String bob = f.spot.member(bobEmail, "Bob", "Brown");
        String staff = f.group("Staff");
        String trial = f.open("Trial");
        String live = f.secretLive("Members' live", host, 30);
        f.link(live, staff, true);
        f.link(live, trial, true);
        code(f, trial, "code", "ONE-DAY", "membershipDays", 1).expect(201);

        // Ada, added by an operator for an hour; Bob, in for a day with the code.
        long now = clock.instant().getEpochSecond();
        f.spot.post("/v1/groups/" + staff + "/spotMembers", Map.of("spotMemberId", ada, "validUntil", now + 3600))
                .expect(204);
        redeem(f, bob, "ONE-DAY").expect(200);
        assertThat(reachable(f, ada)).contains(live);
        assertThat(reachable(f, bob)).contains(live);
        assertThat(received(f, adaEmail)).hasSize(1);
        assertThat(SMTP.receivedBy(bobEmail)).hasSize(1);
        assertThat(f.membersCount(staff)).isEqualTo(1);
        assertThat(f.membersCount(trial)).isEqualTo(1);

        // Nothing is due yet.
        expiry.expire();
        assertThat(reachable(f, ada)).contains(live);
        assertThat(reachable(f, bob)).contains(live);

        clock.advance(Duration.ofDays(2));
        assertThat(expiry.expire().memberships()).isGreaterThanOrEqualTo(2);
        assertThat(reachable(f, ada)).doesNotContain(live);
        assertThat(reachable(f, bob)).doesNotContain(live);
        assertThat(participantRows(live, ada)).isZero();
        assertThat(participantRows(live, bob)).isZero();
        assertThat(f.membersCount(staff)).isZero();
        assertThat(f.membersCount(trial)).isZero();
        assertThat(received(f, adaEmail)).as("an expiry sends nothing").hasSize(1);
        assertThat(SMTP.receivedBy(bobEmail)).as("an expiry sends nothing").hasSize(1);

        // Coming back is a new membership: invited again, one more email each.
        f.spot.post("/v1/groups/" + staff + "/spotMembers", Map.of("spotMemberId", ada)).expect(204);
        f.join(bob, trial).expect(200);
        assertThat(reachable(f, ada)).contains(live);
        assertThat(reachable(f, bob)).contains(live);
        assertThat(f.membersCount(staff)).isEqualTo(1);
        assertThat(f.membersCount(trial)).isEqualTo(1);
        List<MimeMessage> adaMail = received(f, adaEmail);
        List<MimeMessage> bobMail = SMTP.receivedBy(bobEmail);
        assertThat(adaMail).hasSize(2);
        assertThat(bobMail).hasSize(2);
        assertInvitation(adaMail.get(1), adaEmail, live, "Members' live");
        assertInvitation(bobMail.get(1), bobEmail, live, "Members' live");
        assertThat(Smtp.messageId(adaMail.get(1))).as("a new email, not the first one again")
                .isNotEqualTo(Smtp.messageId(adaMail.get(0)));
        assertThat(messageIds(live, ada)).containsExactlyElementsOf(adaMail.stream().map(Smtp::messageId).toList());
        assertThat(messageIds(live, bob)).containsExactlyElementsOf(bobMail.stream().map(Smtp::messageId).toList());
        // and the worker running again sends nothing more
        assertThat(received(f, adaEmail)).hasSize(2);
        assertThat(SMTP.receivedBy(bobEmail)).hasSize(2);
    }
}
