package dev.cohort.joining;

import dev.cohort.spots.MemberTokens;
import dev.cohort.support.Api;
import dev.cohort.support.MutableClock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Test data for self-join groups: groups with settings (operator), and calls with a member's token. */
final class SelfJoinFixture {
    final Api.SpotClient spot;
    private final MutableClock clock;

    SelfJoinFixture(Api.SpotClient spot, MutableClock clock) {
        this.spot = spot;
        this.clock = clock;
    }

    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    /** Creates a group named {@code name} with the given settings and returns its id. */
    String group(String name, Object... settings) {
        Map<String, Object> body = body(settings);
        body.put("name", name);
        return spot.post("/v1/groups", body).expect(201).text("id");
    }

    /** An open group members see, with the given further settings. */
    String open(String name, Object... settings) {
        Map<String, Object> body = body(settings);
        body.putIfAbsent("joinType", "open");
        body.putIfAbsent("userViewable", true);
        body.put("name", name);
        return spot.post("/v1/groups", body).expect(201).text("id");
    }

    /** A member token valid for an hour of the application's clock. */
    String token(String member) {
        return "Bearer " + MemberTokens.sign(spot.memberTokenSecret, UUID.fromString(member),
                clock.instant().plusSeconds(3600));
    }

    Api.Response me(String member, String method, String path) {
        return spot.api.send(method, path, token(member), null, null);
    }

    Api.Response join(String member, String group) {
        return me(member, "POST", "/v1/me/groups/" + group + "~join");
    }

    Api.Response leave(String member, String group) {
        return me(member, "POST", "/v1/me/groups/" + group + "~leave");
    }

    JsonNode joinable(String member) {
        return me(member, "GET", "/v1/me/groups/joinable").expect(200).body();
    }

    JsonNode mine(String member) {
        return me(member, "GET", "/v1/me/groups").expect(200).body();
    }

    static List<String> names(JsonNode page) {
        return page.path("items").valueStream().map(g -> g.path("name").asString()).toList();
    }

    long membersCount(String group) {
        return spot.get("/v1/groups/" + group).expect(200).body().path("membersCount").asLong();
    }

    /** Each member of the group with its membershipSource. */
    Map<String, String> sources(String group) {
        Map<String, String> sources = new HashMap<>();
        spot.get("/v1/groups/" + group + "/spotMembers").expect(200).body().path("items")
                .forEach(m -> sources.put(m.path("id").asString(), m.path("membershipSource").asString()));
        return sources;
    }

    /** A secret live (invited members only) hosted by {@code host}, starting {@code daysAhead} days from the clock. */
    String secretLive(String title, String host, int daysAhead) {
        long start = clock.instant().getEpochSecond() + daysAhead * 86_400L;
        return spot.post("/v1/lives", body("title", title, "spotMemberHostId", host, "startDate", start,
                "endDate", start + 3600, "solution", "BuiltIn", "visibility", "InvitedMembersOnly")).expect(201)
                .text("id");
    }

    /** Links the live to the group, with or without invitation emails. */
    void link(String live, String group, boolean withEmail) {
        spot.post("/v1/lives/" + live + "/groups~bulkAdd",
                Map.of("groupIds", List.of(group), "withEmailNotification", withEmail)).expect(204);
    }
}
