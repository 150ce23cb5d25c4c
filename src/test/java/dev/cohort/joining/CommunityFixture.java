package dev.cohort.joining;

import dev.cohort.spots.MemberTokens;
import dev.cohort.support.Api;
import dev.cohort.support.MutableClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Test data for joining community groups: community groups written by SQL (the communities module's own creation
 * lands separately), members, and calls with a member's token.
 */
final class CommunityFixture {
    final Api.SpotClient spot;
    final JdbcClient jdbc;
    private final MutableClock clock;

    CommunityFixture(Api.SpotClient spot, JdbcClient jdbc, MutableClock clock) {
        this.spot = spot;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A community group to be written: owner, join policy, questions, access. */
    final class Builder {
        private final String name;
        private String owner;
        private String policy = "approval";
        private String access = "free";
        private final List<Map<String, Object>> questions = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        Builder ownedBy(String member) {
            this.owner = member;
            return this;
        }

        Builder open() {
            this.policy = "open";
            return this;
        }

        Builder subscription() {
            this.access = "subscription";
            return this;
        }

        Builder question(String id, String question, boolean required) {
            questions.add(Map.of("id", id, "question", question, "required", required));
            return this;
        }

        /** Writes the group, its community row and the owner's membership (with its count delta); its id. */
        String create() {
            if (owner == null) {
                owner = spot.member("owner-" + UUID.randomUUID() + "@example.com", "Olive", "Owner");
            }
            UUID id = UUID.randomUUID();
            UUID spotId = UUID.fromString(spot.spotId);
            jdbc.sql("insert into member_group (spot_id, id, name, kind) values (:spot, :id, :name, 'community')")
                    .param("spot", spotId).param("id", id).param("name", name).update();
            jdbc.sql("insert into community_group (spot_id, group_id, owner_member_id, slug, join_policy, "
                            + "membership_questions, access) values (:spot, :id, :owner, :slug, :policy, "
                            + "cast(:questions as jsonb), :access)")
                    .param("spot", spotId).param("id", id).param("owner", UUID.fromString(owner))
                    .param("slug", "group-" + id.toString().substring(0, 8)).param("policy", policy)
                    .param("questions", Api.JSON.writeValueAsString(questions)).param("access", access).update();
            jdbc.sql("insert into group_membership (spot_id, group_id, member_id, group_role) "
                            + "values (:spot, :id, :owner, 'owner')")
                    .param("spot", spotId).param("id", id).param("owner", UUID.fromString(owner)).update();
            jdbc.sql("insert into group_member_count (spot_id, group_id, delta) values (:spot, :id, 1)")
                    .param("spot", spotId).param("id", id).update();
            return id.toString();
        }
    }

    Builder aCommunity(String name) {
        return new Builder(name);
    }

    /** Gives a member of the group a role (admin, moderator, member). */
    void role(String group, String member, String role) {
        jdbc.sql("update group_membership set group_role = :role where spot_id = :spot and group_id = :group "
                        + "and member_id = :member")
                .param("role", role).param("spot", UUID.fromString(spot.spotId))
                .param("group", UUID.fromString(group)).param("member", UUID.fromString(member)).update();
    }

    String member(String email) {
        return spot.member(email, email.substring(0, email.indexOf('@')), "Tester");
    }

    /** A member token valid for an hour of the application's clock. */
    String token(String member) {
        return "Bearer " + MemberTokens.sign(spot.memberTokenSecret, UUID.fromString(member),
                clock.instant().plusSeconds(3600));
    }

    Api.Response me(String member, String method, String path, Object body) {
        return spot.api.send(method, path, token(member), body, null);
    }

    Api.Response join(String member, String group, Object body) {
        return me(member, "POST", "/v1/me/groups/" + group + "~join", body);
    }

    Api.Response join(String member, String group) {
        return join(member, group, null);
    }

    static Map<String, Object> answers(String... pairs) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            answers.add(Map.of("questionId", pairs[i], "answer", pairs[i + 1]));
        }
        return Map.of("answers", answers);
    }

    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    boolean isMember(String group, String member) {
        return jdbc.sql("select exists (select 1 from group_membership where spot_id = :spot and group_id = :group "
                        + "and member_id = :member)")
                .param("spot", UUID.fromString(spot.spotId)).param("group", UUID.fromString(group))
                .param("member", UUID.fromString(member)).query(Boolean.class).single();
    }

    long membersCount(String group) {
        return jdbc.sql("select coalesce(sum(delta), 0) from group_member_count where spot_id = :spot "
                        + "and group_id = :group")
                .param("spot", UUID.fromString(spot.spotId)).param("group", UUID.fromString(group))
                .query(Long.class).single();
    }

    /** The group's join requests as the operator lists them (the query string after the path). */
    JsonNode requests(String group, String query) {
        return spot.get("/v1/groups/" + group + "/joinRequests" + query).expect(200).body();
    }

    /** A join request's status, read from the table. */
    String status(String request) {
        return jdbc.sql("select status from join_request where id = :id").param("id", UUID.fromString(request))
                .query(String.class).single();
    }

    long count(String sql, String group) {
        return jdbc.sql(sql).param("group", UUID.fromString(group)).query(Long.class).single();
    }
}
