package dev.cohort.joining;

import static dev.cohort.joining.CommunityFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import dev.cohort.support.MutableClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16: a community group's join codes for its admins and above with a member token
 * ({@code /v1/me/groups/{id}/joinCodes...}), the member mirrors of the operator's operations; moderators, members
 * and non-members are refused naming groups.invite; other Spots' members and static groups are not found.
 */
@Import(SelfJoinClock.class)
class CommunityCodeMirrorApiTest extends ApiTest {
    @Autowired
    MutableClock clock;

    private CommunityFixture fixture() {
        clock.reset();
        return new CommunityFixture(newSpot(), jdbc, clock);
    }

    private static String base(String group) {
        return "/v1/me/groups/" + group + "/joinCodes";
    }

    @Test
    void the_owner_and_admins_create_generate_list_export_and_revoke_codes_with_a_member_token() {
        CommunityFixture f = fixture();
        String owner = f.member("olive@example.com");
        String admin = f.member("adam@example.com");
        String ada = f.member("ada@example.com");
        String group = f.aCommunity("Open club").ownedBy(owner).open().create();
        f.join(admin, group).expect(200);
        f.role(group, admin, "admin");
        String base = base(group);

        JsonNode made = f.me(admin, "POST", base, Map.of("code", "beta-2027", "maxUses", 5, "requiresApproval",
                true)).expect(201).body();
        assertThat(made.path("code").asString()).isEqualTo("BETA-2027");
        assertThat(made.path("requiresApproval").asBoolean()).isTrue();
        assertThat(made.path("joinUrl").asString()).endsWith("?code=BETA-2027");
        JsonNode generated = f.me(owner, "POST", base + "~generate", Map.of("count", 3)).expect(201).body();
        assertThat(generated.path("total").asLong()).isEqualTo(3);
        assertThat(generated.path("items").get(0).path("maxUses").asInt()).isEqualTo(1);

        JsonNode listed = f.me(owner, "GET", base, null).expect(200).body();
        assertThat(listed.path("total").asLong()).isEqualTo(4);
        assertThat(listed.path("items").get(0).path("code").asString()).isEqualTo("BETA-2027");
        assertThat(f.me(admin, "GET", base + "?used[eq]=true", null).expect(200).body().path("total").asLong())
                .isZero();
        assertThat(f.spot.get("/v1/groups/" + group + "/joinCodes").expect(200).body().path("total").asLong())
                .isEqualTo(4);
        String csv = f.me(admin, "GET", base + "~export", null).expect(200).raw().body();
        assertThat(csv).startsWith("code,maxUses,uses,validFrom,validUntil\n").contains("BETA-2027,5,0,,\n");
        assertThat(csv.lines()).hasSize(5);

        f.me(admin, "DELETE", base + "/" + made.path("id").asString(), null).expect(204);
        f.me(admin, "DELETE", base + "/" + made.path("id").asString(), null).expect(404);
        assertThat(f.me(owner, "GET", base, null).expect(200).body().path("total").asLong()).isEqualTo(3);
        f.me(ada, "POST", "/v1/me/groups~redeem", Map.of("code", "beta-2027")).expect(404);
        f.me(ada, "POST", "/v1/me/groups~redeem", Map.of("code", generated.path("items").get(1).path("code")
                .asString())).expect(200);
        assertThat(f.isMember(group, ada)).isTrue();
    }

    @Test
    void moderators_members_and_non_members_are_refused_naming_groups_invite_and_nothing_changes() {
        CommunityFixture f = fixture();
        String mod = f.member("mo@example.com");
        String ada = f.member("ada@example.com");
        String stranger = f.member("sam@example.com");
        String group = f.aCommunity("Open club").open().create();
        f.join(mod, group).expect(200);
        f.join(ada, group).expect(200);
        f.role(group, mod, "moderator");
        String code = f.spot.post("/v1/groups/" + group + "/joinCodes", Map.of("code", "KEEP-IT")).expect(201)
                .text("id");
        String base = base(group);

        for (String member : List.of(mod, ada, stranger)) {
            for (Api.Response refused : List.of(f.me(member, "POST", base, Map.of("code", "MINE-1")),
                    f.me(member, "POST", base + "~generate", Map.of("count", 2)),
                    f.me(member, "GET", base, null),
                    f.me(member, "GET", base + "~export", null),
                    f.me(member, "DELETE", base + "/" + code, null))) {
                assertThat(refused.expect(403).body().path("missingRight").asString()).isEqualTo("groups.invite");
            }
        }
        JsonNode listed = f.spot.get("/v1/groups/" + group + "/joinCodes").expect(200).body();
        assertThat(listed.path("total").asLong()).isEqualTo(1);
        assertThat(listed.path("items").get(0).path("code").asString()).isEqualTo("KEEP-IT");
    }

    @Test
    void another_spots_members_never_find_the_group_and_a_static_group_is_not_found_here() {
        CommunityFixture f = fixture();
        String owner = f.member("olive@example.com");
        String group = f.aCommunity("Open club").ownedBy(owner).open().create();
        String code = f.me(owner, "POST", base(group), Map.of("code", "OURS-1")).expect(201).text("id");
        CommunityFixture other = fixture();
        String eve = other.member("eve@example.com");

        other.me(eve, "POST", base(group), Map.of("code", "THEIRS-1")).expect(404);
        other.me(eve, "POST", base(group) + "~generate", Map.of("count", 1)).expect(404);
        other.me(eve, "GET", base(group), null).expect(404);
        other.me(eve, "GET", base(group) + "~export", null).expect(404);
        other.me(eve, "DELETE", base(group) + "/" + code, null).expect(404);

        String fixed = f.spot.post("/v1/groups", Map.of("name", "Static", "joinType", "code")).expect(201)
                .text("id");
        f.spot.post("/v1/groups/" + fixed + "/joinCodes", Map.of("code", "STATIC-1")).expect(201);
        f.me(owner, "POST", base(fixed), Map.of("code", "STATIC-2")).expect(404);
        f.me(owner, "GET", base(fixed), null).expect(404);
        f.me(owner, "GET", base(fixed) + "~export", null).expect(404);
        assertThat(f.spot.get("/v1/groups/" + group + "/joinCodes").expect(200).body().path("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void bad_bodies_are_400s_naming_the_field_and_nothing_is_made() {
        CommunityFixture f = fixture();
        String owner = f.member("olive@example.com");
        String group = f.aCommunity("Open club").ownedBy(owner).open().create();
        String base = base(group);

        assertThat(f.me(owner, "POST", base, Map.of("code", "a b")).expect(400).problemFields())
                .containsExactly("code");
        assertThat(f.me(owner, "POST", base, Map.of("maxUses", 0)).expect(400).problemFields())
                .containsExactly("maxUses");
        assertThat(f.me(owner, "POST", base, body("code", "GOOD-1", "codes", "x")).expect(400).problemFields())
                .containsExactly("codes");
        assertThat(f.me(owner, "POST", base, Map.of("validFrom", 200, "validUntil", 100)).expect(400)
                .problemFields()).containsExactly("validUntil");
        assertThat(f.me(owner, "POST", base + "~generate", Map.of()).expect(400).problemFields())
                .containsExactly("count");
        assertThat(f.me(owner, "POST", base + "~generate", Map.of("count", 100_001)).expect(400).problemFields())
                .containsExactly("count");
        assertThat(f.me(owner, "GET", base + "?used[eq]=maybe", null).expect(400).problemFields())
                .containsExactly("used[eq]");
        assertThat(f.spot.get("/v1/groups/" + group + "/joinCodes").expect(200).body().path("total").asLong())
                .isZero();
    }
}
