package dev.cohort.joining;

import static dev.cohort.joining.CommunityFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import dev.cohort.support.MutableClock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16, Joining: email invitations to a community group, each with a single-use link whose token only its
 * SHA-256 is kept of; accepting joins (or files a pending request); a used or unknown token is refused, another
 * Spot's never works; bans apply.
 */
@Import(SelfJoinClock.class)
class InvitationApiTest extends ApiTest {
    @Autowired
    MutableClock clock;

    private CommunityFixture fixture() {
        clock.reset();
        return new CommunityFixture(newSpot(), jdbc, clock);
    }

    private static Map<String, Object> emails(String... emails) {
        return Map.of("emails", List.of(emails));
    }

    private JsonNode invite(CommunityFixture f, String group, Object body) {
        return f.spot.post("/v1/groups/" + group + "/invitations~bulkCreate", body).expect(201).body();
    }

    /** The token in the link of the invitation email queued for {@code email}. */
    private String token(String group, String email) {
        String link = jdbc.sql("select o.link from outbox o where o.group_id = cast(:g as uuid) "
                        + "and o.template = 'groupInvitation' and (lower(o.to_email) = lower(:e) or o.member_id = "
                        + "(select m.id from member m where m.spot_id = o.spot_id and lower(m.email) = lower(:e)))")
                .param("g", group).param("e", email).query(String.class).single();
        return link.substring(link.indexOf("?invitation=") + "?invitation=".length());
    }

    private Api.Response accept(CommunityFixture f, String member, String token) {
        return f.me(member, "POST", "/v1/me/groups~acceptInvitation", Map.of("token", token));
    }

    @Test
    void invitations_go_to_members_and_to_addresses_of_no_member_each_with_its_own_link() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String group = f.aCommunity("Approval club").create();

        JsonNode made = invite(f, group, emails("Ada@Example.com", "grace@example.com", "ADA@example.com"));

        assertThat(made.path("total").asLong()).isEqualTo(2);
        JsonNode first = made.path("items").get(0);
        assertThat(first.path("email").asString()).isEqualTo("Ada@Example.com");
        assertThat(first.path("spotMemberId").asString()).isEqualTo(ada);
        assertThat(first.path("bypassApproval").asBoolean()).isTrue();
        assertThat(first.path("acceptedAt").isNull()).isTrue();
        assertThat(made.path("items").get(1).path("spotMemberId").isNull()).isTrue();
        assertThat(made.toString()).doesNotContain("gi_");
        String adaToken = token(group, "ada@example.com");
        String graceToken = token(group, "grace@example.com");
        assertThat(adaToken).startsWith("gi_").isNotEqualTo(graceToken);
        assertThat(jdbc.sql("select link from outbox where group_id = cast(:g as uuid) and member_id is not null")
                .param("g", group).query(String.class).single())
                .startsWith("http://localhost:8080/join/" + f.spot.spotId + "/group-");
        // only the token's SHA-256 is kept with the invitation
        assertThat(jdbc.sql("select encode(token_hash, 'hex') from group_invitation where id = cast(:id as uuid)")
                .param("id", first.path("id").asString()).query(String.class).single())
                .isEqualTo(InvitationService.sha256(adaToken));
        assertThat(jdbc.sql("select count(*) from group_invitation where position(:t in email) > 0")
                .param("t", adaToken).query(Long.class).single()).isZero();
    }

    @Test
    void accepting_joins_once_and_a_used_or_unknown_token_is_refused() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String group = f.aCommunity("Approval club").create();
        String invitation = invite(f, group, emails("ada@example.com")).path("items").get(0).path("id").asString();
        String token = token(group, "ada@example.com");

        JsonNode joined = accept(f, ada, token).expect(200).body();
        assertThat(joined.path("status").asString()).isEqualTo("Joined");
        assertThat(joined.path("groupId").asString()).isEqualTo(group);
        assertThat(f.isMember(group, ada)).isTrue();
        JsonNode listed = f.spot.get("/v1/groups/" + group + "/invitations?status[eq]=accepted").expect(200).body();
        assertThat(listed.path("items").get(0).path("id").asString()).isEqualTo(invitation);
        assertThat(listed.path("items").get(0).path("acceptedBySpotMemberId").asString()).isEqualTo(ada);
        assertThat(listed.path("items").get(0).path("acceptedAt").asLong()).isPositive();

        assertThat(accept(f, ada, token).expect(409).body().path("detail").asString()).contains("used already");
        accept(f, ada, "gi_unknown").expect(404);
        assertThat(f.spot.get("/v1/groups/" + group + "/invitations?status[eq]=pending").expect(200).body()
                .path("total").asLong()).isZero();
    }

    @Test
    void members_accepting_one_invitation_at_once_let_exactly_one_in() throws Exception {
        CommunityFixture f = fixture();
        String group = f.aCommunity("Approval club").create();
        invite(f, group, emails("ada@example.com"));
        String token = token(group, "ada@example.com");
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add(f.member("m" + i + "@example.com"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (String member : members) {
            answers.add(pool.submit(() -> {
                start.await();
                return accept(f, member, token).status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(f.membersCount(group)).isEqualTo(2);
    }

    @Test
    void the_token_is_the_proof_an_address_of_no_member_is_accepted_by_whoever_signs_up_with_it() {
        CommunityFixture f = fixture();
        String group = f.aCommunity("Approval club").create();
        invite(f, group, emails("grace@example.com", "ada@example.com"));
        String grace = f.member("grace@example.com");
        String alan = f.member("alan@example.com");

        accept(f, grace, token(group, "grace@example.com")).expect(200);
        // a forwarded link works for the member who uses it
        accept(f, alan, token(group, "ada@example.com")).expect(200);

        assertThat(f.isMember(group, grace) && f.isMember(group, alan)).isTrue();
    }

    @Test
    void an_invitation_that_does_not_bypass_approval_files_a_pending_request() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String group = f.aCommunity("Approval club").create();
        String invitation = invite(f, group, body("emails", List.of("ada@example.com"), "bypassApproval", false))
                .path("items").get(0).path("id").asString();

        JsonNode pending = accept(f, ada, token(group, "ada@example.com")).expect(200).body();

        assertThat(pending.path("status").asString()).isEqualTo("Pending");
        assertThat(f.isMember(group, ada)).isFalse();
        JsonNode request = f.requests(group, "").path("items").get(0);
        assertThat(request.path("id").asString()).isEqualTo(pending.path("joinRequestId").asString());
        assertThat(request.path("invitationId").asString()).isEqualTo(invitation);
    }

    @Test
    void a_banned_member_is_neither_invited_nor_let_in_by_an_earlier_invitation() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String alan = f.member("alan@example.com");
        String group = f.aCommunity("Approval club").create();
        invite(f, group, emails("ada@example.com"));
        String token = token(group, "ada@example.com");
        f.spot.post("/v1/groups/" + group + "/bans~bulkAdd", Map.of("spotMemberIds", List.of(ada, alan)))
                .expect(200);

        assertThat(accept(f, ada, token).expect(409).body().path("detail").asString()).startsWith("banned");
        assertThat(f.isMember(group, ada)).isFalse();
        Api.Response refused = f.spot.post("/v1/groups/" + group + "/invitations~bulkCreate",
                emails("grace@example.com", "alan@example.com")).expect(409);
        assertThat(refused.body().path("detail").asString()).startsWith("banned");
        assertThat(f.spot.get("/v1/groups/" + group + "/invitations").expect(200).body().path("total").asLong())
                .isEqualTo(1);

        // the refused acceptance did not use the token up
        f.spot.post("/v1/groups/" + group + "/bans~bulkRemove", Map.of("spotMemberIds", List.of(ada))).expect(200);
        accept(f, ada, token).expect(200);
        assertThat(f.isMember(group, ada)).isTrue();
    }

    @Test
    void admins_invite_with_a_member_token_and_moderators_may_not() {
        CommunityFixture f = fixture();
        String owner = f.member("olive@example.com");
        String admin = f.member("adam@example.com");
        String mod = f.member("mo@example.com");
        String group = f.aCommunity("Open club").ownedBy(owner).open().create();
        f.join(admin, group).expect(200);
        f.join(mod, group).expect(200);
        f.role(group, admin, "admin");
        f.role(group, mod, "moderator");
        String url = "/v1/me/groups/" + group + "/invitations";

        assertThat(f.me(mod, "POST", url + "~bulkCreate", emails("x@example.com")).expect(403).body()
                .path("missingRight").asString()).isEqualTo("groups.invite");
        f.me(mod, "GET", url, null).expect(403);
        JsonNode made = f.me(admin, "POST", url + "~bulkCreate", emails("x@example.com")).expect(201).body();
        assertThat(made.path("items").get(0).path("invitedBySpotMemberId").asString()).isEqualTo(admin);
        assertThat(f.me(owner, "GET", url, null).expect(200).body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void another_spots_token_key_and_members_never_work() {
        CommunityFixture f = fixture();
        String group = f.aCommunity("Approval club").create();
        invite(f, group, emails("ada@example.com"));
        String token = token(group, "ada@example.com");
        CommunityFixture other = fixture();
        String eve = other.member("ada@example.com");

        accept(other, eve, token).expect(404);
        other.spot.post("/v1/groups/" + group + "/invitations~bulkCreate", emails("x@example.com")).expect(404);
        other.spot.get("/v1/groups/" + group + "/invitations").expect(404);
        other.me(eve, "POST", "/v1/me/groups/" + group + "/invitations~bulkCreate", emails("x@example.com"))
                .expect(404);
        f.spot.post("/v1/groups/" + f.spot.group("Static") + "/invitations~bulkCreate", emails("x@example.com"))
                .expect(404);
        assertThat(f.spot.get("/v1/groups/" + group + "/invitations?status[eq]=pending").expect(200).body()
                .path("total").asLong()).isEqualTo(1);
    }

    @Test
    void bad_bodies_are_400s_naming_each_field_and_too_many_addresses_a_413_and_nothing_is_sent() {
        CommunityFixture f = fixture();
        String ada = f.member("ada@example.com");
        String group = f.aCommunity("Approval club").create();
        String url = "/v1/groups/" + group + "/invitations~bulkCreate";

        assertThat(f.spot.post(url, Map.of()).expect(400).problemFields()).containsExactly("emails");
        assertThat(f.spot.post(url, Map.of("emails", List.of())).expect(400).problemFields())
                .containsExactly("emails");
        assertThat(f.spot.post(url, emails("ok@example.com", "not-an-email", "also bad@x")).expect(400)
                .problemFields()).containsExactly("emails[1]", "emails[2]");
        assertThat(f.spot.post(url, body("emails", List.of("ok@example.com"), "bypassApproval", "yes")).expect(400)
                .problemFields()).containsExactly("bypassApproval");
        assertThat(f.spot.post(url, body("emails", List.of("ok@example.com"), "email", "x")).expect(400)
                .problemFields()).containsExactly("email");
        assertThat(f.spot.post(url, Map.of("emails", Collections.nCopies(1001, "a@example.com"))).status())
                .isEqualTo(413);
        assertThat(f.spot.get("/v1/groups/" + group + "/invitations?status[eq]=sent").expect(400).problemFields())
                .containsExactly("status[eq]");
        assertThat(f.me(ada, "POST", "/v1/me/groups~acceptInvitation", Map.of()).expect(400).problemFields())
                .containsExactly("token");
        assertThat(f.me(ada, "POST", "/v1/me/groups~acceptInvitation", Map.of("token", "x".repeat(201)))
                .expect(400).problemFields()).containsExactly("token");
        assertThat(jdbc.sql("select count(*) from outbox where group_id = cast(:g as uuid)").param("g", group)
                .query(Long.class).single()).isZero();
    }
}
