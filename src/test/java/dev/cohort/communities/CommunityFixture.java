package dev.cohort.communities;

import dev.cohort.spots.MemberTokens;
import dev.cohort.support.Api;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Test data for community groups: members, community groups with settings (operator), calls with member tokens. */
final class CommunityFixture {
    final Api.SpotClient spot;

    CommunityFixture(Api.SpotClient spot) {
        this.spot = spot;
    }

    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    /** A member of the Spot named {@code name} (email name@example.com). */
    String member(String name) {
        return spot.member(name.toLowerCase() + "@example.com", name, "Test");
    }

    /** A member with the Spot role Admin. */
    String spotAdmin(String name) {
        String id = member(name);
        spot.put("/v1/spotMembers/" + id, Map.of("role", "Admin")).expect(200);
        return id;
    }

    /** A member whose custom role has the permission groups.moderate. */
    String customModerator(String name) {
        String role = spot.post("/v1/spotMemberCustomRole", Map.of("label", "Moderators " + name,
                "permissions", List.of("groups.moderate"))).expect(201).text("id");
        String id = member(name);
        spot.put("/v1/spotMembers/" + id, Map.of("customRoleId", role)).expect(200);
        return id;
    }

    Api.Response create(String name, String owner, Object... settings) {
        Map<String, Object> body = body(settings);
        body.put("name", name);
        body.put("kind", "community");
        body.put("ownerSpotMemberId", owner);
        return spot.post("/v1/groups", body);
    }

    /** A community group owned by {@code owner}, created by the operator; returns its id. */
    String community(String name, String owner, Object... settings) {
        return create(name, owner, settings).expect(201).text("id");
    }

    JsonNode group(String id) {
        return spot.get("/v1/groups/" + id).expect(200).body();
    }

    void add(String group, String... members) {
        spot.post("/v1/groups/" + group + "/spotMembers~bulkAdd", Map.of("spotMemberIds", List.of(members)))
                .expect(200);
    }

    /** Gives {@code member} (added first) the group role {@code role}, as the operator. */
    void role(String group, String member, String role) {
        add(group, member);
        spot.put("/v1/groups/" + group + "/spotMembers/" + member, Map.of("groupRole", role)).expect(200);
    }

    String token(String member) {
        return "Bearer " + MemberTokens.sign(spot.memberTokenSecret, UUID.fromString(member),
                Instant.now().plusSeconds(3600));
    }

    Api.Response me(String member, String method, String path) {
        return spot.api.send(method, path, token(member), null, null);
    }

    Api.Response me(String member, String method, String path, Object body) {
        return spot.api.send(method, path, token(member), body, null);
    }

    /** Each member of the group with their groupRole. */
    Map<String, String> roles(String group) {
        Map<String, String> roles = new HashMap<>();
        spot.get("/v1/groups/" + group + "/spotMembers?limit=100").expect(200).body().path("items")
                .forEach(m -> roles.put(m.path("id").asString(), m.path("groupRole").asString(null)));
        return roles;
    }
}
