package dev.cohort.communities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 16's role table as a matrix: every caller (the group's owner, an admin, a moderator, a member, a non-member,
 * a Spot Admin, a holder of a custom role with groups.moderate, the operator's key) × every action on a community
 * group, each cell a real HTTP call on a group of its own: members through {@code /v1/me/groups/{id}/...}, the
 * operator through {@code /v1/groups/{id}/...}.
 */
class CommunityRoleMatrixApiTest extends ApiTest {
    /** The callers, in the order of each row's statuses. */
    enum Who { OWNER, ADMIN, MODERATOR, MEMBER, NON_MEMBER, SPOT_ADMIN, CUSTOM_MODERATOR, OPERATOR }

    /** No operator call for this action (a member's own). */
    private static final int NONE = 0;

    /**
     * One row: what is done ({@code {g}} the group, {@code {member}}, {@code {moderator}}, {@code {admin}} and
     * {@code {owner}} members of it with that role, {@code {self}} the caller, {@code {report}} an open report), after
     * {@code setup}, and the status each caller gets.
     */
    record Action(String name, String method, String path, Object body, Consumer<Scene> setup, int... expected) {
    }

    private static final List<Action> ACTIONS = List.of(
            new Action("read the group", "GET", "{g}", null, null,
                    200, 200, 200, 200, 403, 200, 200, 200),
            new Action("list its members", "GET", "{g}/spotMembers", null, null,
                    200, 200, 200, 200, 403, 200, 200, 200),
            new Action("edit its settings", "PUT", "{g}", Map.of("description", "New", "joinPolicy", "open"), null,
                    200, 200, 403, 403, 403, 200, 403, 200),
            new Action("change its slug", "PUT", "{g}", Map.of("slug", "{slug}"), null,
                    200, 403, 403, 403, 403, 403, 403, 200),
            new Action("make a member moderator", "PUT", "{g}/spotMembers/{member}",
                    Map.of("groupRole", "moderator"), null,
                    200, 200, 403, 403, 403, 200, 403, 200),
            new Action("make a member admin", "PUT", "{g}/spotMembers/{member}", Map.of("groupRole", "admin"), null,
                    200, 403, 403, 403, 403, 403, 403, 200),
            new Action("make a moderator a member", "PUT", "{g}/spotMembers/{moderator}",
                    Map.of("groupRole", "member"), null,
                    200, 200, 403, 403, 403, 200, 403, 200),
            new Action("make an admin a member", "PUT", "{g}/spotMembers/{admin}", Map.of("groupRole", "member"),
                    null,
                    200, 403, 403, 403, 403, 403, 403, 200),
            new Action("demote the owner", "PUT", "{g}/spotMembers/{owner}", Map.of("groupRole", "admin"), null,
                    409, 409, 403, 403, 403, 409, 403, 409),
            new Action("give the role owner", "PUT", "{g}/spotMembers/{member}", Map.of("groupRole", "owner"), null,
                    409, 409, 403, 403, 403, 409, 403, 409),
            new Action("remove a member", "DELETE", "{g}/spotMembers/{member}", null, null,
                    204, 204, 204, 403, 403, 204, 204, 204),
            new Action("remove a moderator", "DELETE", "{g}/spotMembers/{moderator}", null, null,
                    204, 204, 403, 403, 403, 204, 403, 204),
            new Action("remove an admin", "DELETE", "{g}/spotMembers/{admin}", null, null,
                    204, 403, 403, 403, 403, 403, 403, 204),
            new Action("remove the owner", "DELETE", "{g}/spotMembers/{owner}", null, null,
                    409, 409, 409, 403, 403, 409, 409, 409),
            new Action("remove a member and a moderator at once", "POST", "{g}/spotMembers~bulkRemove",
                    Map.of("spotMemberIds", List.of("{member}", "{moderator}")), null,
                    200, 200, 403, 403, 403, 200, 403, 200),
            new Action("remove a member and the owner at once", "POST", "{g}/spotMembers~bulkRemove",
                    Map.of("spotMemberIds", List.of("{member}", "{owner}")), null,
                    409, 409, 409, 403, 403, 409, 409, 409),
            new Action("remove oneself (leave)", "DELETE", "{g}/spotMembers/{self}", null, null,
                    409, 204, 204, 204, 403, 404, 404, NONE),
            new Action("delete the group", "DELETE", "{g}", null, null,
                    204, 403, 403, 403, 403, 403, 403, 204),
            new Action("restore the group", "POST", "{g}~restore", null, Scene::deleteGroup,
                    200, 403, 403, 403, 403, 403, 403, 200),
            new Action("report content", "POST", "{g}/reports", Map.of("contentType", "message",
                    "contentId", "msg-1", "reason", "Spam"), null,
                    201, 201, 201, 201, 403, 201, 201, NONE),
            new Action("list reports", "GET", "{g}/reports", null, Scene::fileReport,
                    200, 200, 200, 403, 403, 200, 200, 200),
            new Action("resolve a report", "POST", "{g}/reports/{report}~resolve", Map.of("resolution", "dismissed"),
                    Scene::fileReport,
                    200, 200, 200, 403, 403, 200, 200, 200),
            new Action("add a member", "POST", "{g}/spotMembers~bulkAdd", Map.of("spotMemberIds",
                    List.of("{outsider}")), null,
                    200, 403, 403, 403, 403, 403, 403, 200),
            new Action("list join requests", "GET", "{g}/joinRequests", null, Scene::requestToJoin,
                    200, 200, 200, 403, 403, 200, 200, 200),
            new Action("approve a join request", "POST", "{g}/joinRequests~bulkApprove",
                    Map.of("joinRequestIds", List.of("{request}")), Scene::requestToJoin,
                    200, 200, 200, 403, 403, 200, 200, 200),
            new Action("reject a join request", "POST", "{g}/joinRequests~bulkReject",
                    Map.of("joinRequestIds", List.of("{request}")), Scene::requestToJoin,
                    200, 200, 200, 403, 403, 200, 200, 200),
            new Action("invite by email", "POST", "{g}/invitations~bulkCreate",
                    Map.of("emails", List.of("guest@example.com")), null,
                    201, 201, 403, 403, 403, 201, 403, 201),
            new Action("list invitations", "GET", "{g}/invitations", null, null,
                    200, 200, 403, 403, 403, 200, 403, 200),
            new Action("ban a member", "POST", "{g}/bans~bulkAdd", Map.of("spotMemberIds", List.of("{member}")), null,
                    200, 200, 403, 403, 403, 200, 403, 200),
            new Action("ban the owner", "POST", "{g}/bans~bulkAdd", Map.of("spotMemberIds", List.of("{owner}")),
                    null,
                    409, 409, 403, 403, 403, 409, 403, 409),
            new Action("lift a ban", "POST", "{g}/bans~bulkRemove", Map.of("spotMemberIds", List.of("{member}")),
                    Scene::banMember,
                    200, 200, 403, 403, 403, 200, 403, 200),
            new Action("list bans", "GET", "{g}/bans", null, Scene::banMember,
                    200, 200, 403, 403, 403, 200, 403, 200),
            new Action("list its linked resources", "GET", "{g}/resources", null, null,
                    200, 200, 200, 200, 403, 200, 200, 200),
            new Action("report a subscription", "POST", "{g}/subscriptions~bulkUpsert",
                    Map.of("items", List.of(Map.of("spotMemberId", "{member}", "validUntil", 4_102_444_800L))),
                    Scene::requireSubscription,
                    200, 200, 403, 403, 403, 200, 403, 200),
            new Action("create a join code", "POST", "{g}/joinCodes", Map.of("maxUses", 10), null,
                    201, 201, 403, 403, 403, 201, 403, 201),
            new Action("generate join codes", "POST", "{g}/joinCodes~generate", Map.of("count", 2), null,
                    201, 201, 403, 403, 403, 201, 403, 201),
            new Action("list join codes", "GET", "{g}/joinCodes", null, Scene::createCode,
                    200, 200, 403, 403, 403, 200, 403, 200),
            new Action("export join codes", "GET", "{g}/joinCodes~export", null, Scene::createCode,
                    200, 200, 403, 403, 403, 200, 403, 200),
            new Action("revoke a join code", "DELETE", "{g}/joinCodes/{code}", null, Scene::createCode,
                    204, 204, 403, 403, 403, 204, 403, 204));

    private final AtomicInteger slugs = new AtomicInteger();

    /** The Spot's members, made once: the group roles' holders (in every scene's group) and the others. */
    private record Cast(CommunityFixture f, String owner, String admin, String moderator, String member,
                        String targetMember, String targetModerator, String targetAdmin, String nonMember,
                        String spotAdmin, String customModerator) {
        String id(Who who) {
            return switch (who) {
                case OWNER -> owner;
                case ADMIN -> admin;
                case MODERATOR -> moderator;
                case MEMBER -> member;
                case NON_MEMBER -> nonMember;
                case SPOT_ADMIN -> spotAdmin;
                case CUSTOM_MODERATOR -> customModerator;
                case OPERATOR -> null;
            };
        }
    }

    /**
     * One cell's community group, with the cast in their roles, and what a setup made ({@code report},
     * {@code code}).
     */
    record Scene(Cast cast, String group, Map<String, String> made) {
        void deleteGroup() {
            cast.f().spot.delete("/v1/groups/" + group).expect(204);
        }

        /** The cast's outsider asks to join (the group needs approval): {@code request}. */
        void requestToJoin() {
            made.put("request", cast.f().me(cast.nonMember(), "POST", "/v1/me/groups/" + group + "~join")
                    .expect(200).text("joinRequestId"));
        }

        void requireSubscription() {
            cast.f().spot.put("/v1/groups/" + group, Map.of("access", "subscription")).expect(200);
        }

        void banMember() {
            cast.f().spot.post("/v1/groups/" + group + "/bans~bulkAdd",
                    Map.of("spotMemberIds", List.of(cast.targetMember()))).expect(200);
        }

        void fileReport() {
            made.put("report", cast.f().me(cast.member(), "POST", "/v1/me/groups/" + group + "/reports",
                    Map.of("contentType", "topic", "contentId", "topic-1", "reason", "Off topic")).expect(201)
                    .text("id"));
        }

        void createCode() {
            made.put("code", cast.f().spot.post("/v1/groups/" + group + "/joinCodes", Map.of()).expect(201)
                    .text("id"));
        }
    }

    private Cast cast() {
        CommunityFixture f = new CommunityFixture(newSpot());
        return new Cast(f, f.member("Owner"), f.member("Admin"), f.member("Moderator"), f.member("Member"),
                f.member("TargetMember"), f.member("TargetModerator"), f.member("TargetAdmin"),
                f.member("Stranger"), f.spotAdmin("SpotAdmin"), f.customModerator("CustomModerator"));
    }

    private static Scene scene(Cast cast) {
        CommunityFixture f = cast.f();
        String group = f.community("Makers", cast.owner());
        f.add(group, cast.admin(), cast.moderator(), cast.member(), cast.targetMember(), cast.targetModerator(),
                cast.targetAdmin());
        for (String[] role : List.of(new String[] {cast.admin(), "admin"},
                new String[] {cast.moderator(), "moderator"}, new String[] {cast.targetModerator(), "moderator"},
                new String[] {cast.targetAdmin(), "admin"})) {
            f.spot.put("/v1/groups/" + group + "/spotMembers/" + role[0], Map.of("groupRole", role[1])).expect(200);
        }
        return new Scene(cast, group, new java.util.HashMap<>());
    }

    private Api.Response call(Scene scene, Who who, Action action) {
        Cast cast = scene.cast();
        Map<String, String> values = pairs("{g}", scene.group(), "{member}", cast.targetMember(),
                "{moderator}", cast.targetModerator(), "{admin}", cast.targetAdmin(), "{owner}", cast.owner(),
                "{self}", String.valueOf(cast.id(who)), "{report}", scene.made().getOrDefault("report", "none"),
                "{request}", scene.made().getOrDefault("request", "none"), "{outsider}", cast.nonMember(),
                "{code}", scene.made().getOrDefault("code", "none"),
                "{slug}", "renamed-" + slugs.incrementAndGet());
        String path = action.path();
        String body = action.body() == null ? null : Api.JSON.writeValueAsString(action.body());
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace(value.getKey(), value.getValue());
            body = body == null ? null : body.replace(value.getKey(), value.getValue());
        }
        if (who == Who.OPERATOR) {
            return cast.f().spot.api.send(action.method(), "/v1/groups/" + path, cast.f().spot.key, body, null);
        }
        return cast.f().spot.api.send(action.method(), "/v1/me/groups/" + path, cast.f().token(cast.id(who)), body,
                null);
    }

    @TestFactory
    List<DynamicTest> every_role_times_every_action_answers_as_the_role_table_says() {
        Cast cast = cast();
        List<DynamicTest> cells = new ArrayList<>();
        for (Action action : ACTIONS) {
            assertThat(action.expected()).as(action.name()).hasSize(Who.values().length);
            for (Who who : Who.values()) {
                int expected = action.expected()[who.ordinal()];
                if (expected == NONE) {
                    continue;
                }
                cells.add(DynamicTest.dynamicTest(who + " × " + action.name() + " → " + expected, () -> {
                    Scene scene = scene(cast);
                    if (action.setup() != null) {
                        action.setup().accept(scene);
                    }
                    Api.Response answer = call(scene, who, action);
                    assertThat(answer.status()).as(who + " × " + action.name() + ": " + answer.raw().body())
                            .isEqualTo(expected);
                    if (expected == 403) {
                        assertThat(answer.body().path("missingRight").asString()).startsWith("groups.");
                    }
                }));
            }
        }
        return cells;
    }

    /** Placeholder and value, alternately, as a map. */
    private static Map<String, String> pairs(String... pairs) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
