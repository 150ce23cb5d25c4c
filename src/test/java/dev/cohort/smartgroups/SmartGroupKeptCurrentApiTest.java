package dev.cohort.smartgroups;

import static dev.cohort.smartgroups.SmartGroups.assertMembers;
import static dev.cohort.smartgroups.SmartGroups.assign;
import static dev.cohort.smartgroups.SmartGroups.body;
import static dev.cohort.smartgroups.SmartGroups.cond;
import static dev.cohort.smartgroups.SmartGroups.customRole;
import static dev.cohort.smartgroups.SmartGroups.ids;
import static dev.cohort.smartgroups.SmartGroups.importCsv;
import static dev.cohort.smartgroups.SmartGroups.member;
import static dev.cohort.smartgroups.SmartGroups.memberIds;
import static dev.cohort.smartgroups.SmartGroups.membersCount;
import static dev.cohort.smartgroups.SmartGroups.prop;
import static dev.cohort.smartgroups.SmartGroups.property;
import static dev.cohort.smartgroups.SmartGroups.q;
import static dev.cohort.smartgroups.SmartGroups.setValue;
import static dev.cohort.smartgroups.SmartGroups.smart;
import static dev.cohort.smartgroups.SmartGroups.tag;
import static dev.cohort.smartgroups.SmartGroups.unassign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Smart group membership kept current as members change (issue 6): creation, invitations, updates, deletions, tags, property values, custom roles, imports.
 *
 * <p>Most operator tests check each rule three ways: a group created before the members existed (kept current
 * member by member as they are created, tagged and given values), a group created afterwards (evaluated over the
 * whole Spot), and {@code ~previewRule}.
 */
class SmartGroupKeptCurrentApiTest extends ApiTest {
    // ------------------------------------------------------------------------------------------------------------
    // membership kept current as members change

    @Test
    void members_created_invited_updated_and_deleted_move_in_and_out_at_once() {
        Api.SpotClient spot = newSpot();
        String admins = smart(spot, "Admins", cond("role", "eq", "Admin"));
        String accepted = smart(spot, "Accepted", cond("status", "eq", "Accepted"));
        String invited = smart(spot, "Invited", cond("status", "eq", "Invited"));
        String corp = smart(spot, "Corp", cond("email", "domainIs", "corp.com"));

        String x = member(spot, body("email", "x@corp.com", "role", "Admin", "status", "Accepted"));
        String y = spot.member("y@other.com");
        assertMembers(spot, admins, x);
        assertMembers(spot, accepted, x);
        assertMembers(spot, invited, y);
        assertMembers(spot, corp, x);

        spot.put("/v1/spotMembers/" + y, Map.of("role", "Admin")).expect(200);
        assertMembers(spot, admins, x, y);
        spot.put("/v1/spotMembers/" + x, Map.of("role", "Member")).expect(200);
        assertMembers(spot, admins, y);

        spot.put("/v1/spotMembers/" + y, Map.of("status", "Accepted")).expect(200);
        assertMembers(spot, accepted, x, y);
        assertMembers(spot, invited);
        spot.put("/v1/spotMembers/" + x, Map.of("status", "Left")).expect(200);
        assertMembers(spot, accepted, y);

        spot.put("/v1/spotMembers/" + y, Map.of("email", "y@sub.corp.com")).expect(200);
        assertMembers(spot, corp, x, y);
        spot.put("/v1/spotMembers/" + x, Map.of("email", "x@elsewhere.net")).expect(200);
        assertMembers(spot, corp, y);

        JsonNode bulk = spot.post("/v1/spotMembers~bulkInvite", Map.of("emails", List.of("z1@corp.com",
                "z2@corp.com"), "withEmailNotification", false)).expect(201).body();
        List<String> zs = ids(bulk.path("created"));
        assertThat(zs).hasSize(2);
        assertMembers(spot, invited, zs, "bulk-invited");
        List<String> corpMembers = new ArrayList<>(zs);
        corpMembers.add(y);
        assertMembers(spot, corp, corpMembers, "corp after invite");

        spot.delete("/v1/spotMembers/" + y).expect(204);
        assertMembers(spot, admins);
        assertMembers(spot, accepted);
        assertMembers(spot, corp, zs, "corp after delete");
    }

    @Test
    void tags_assigned_unassigned_renamed_and_deleted_move_members_in_and_out() {
        Api.SpotClient spot = newSpot();
        String vip = tag(spot, "vip");
        String silver = tag(spot, "silver");
        String byName = smart(spot, "By name", cond("tags", "hasAny", List.of("VIP")));
        String byId = smart(spot, "By id", cond("tags", "hasAny", List.of(vip)));
        String without = smart(spot, "Without", cond("tags", "hasNone", List.of(vip)));
        String a = spot.member("a@example.com");
        String b = spot.member("b@example.com");
        String c = spot.member("c@example.com");
        assertMembers(spot, byName);
        assertMembers(spot, without, a, b, c);

        assign(spot, vip, a, b);
        assign(spot, silver, c);
        assertMembers(spot, byName, a, b);
        assertMembers(spot, byId, a, b);
        assertMembers(spot, without, c);
        unassign(spot, vip, b);
        assertMembers(spot, byName, a);
        assertMembers(spot, byId, a);
        assertMembers(spot, without, b, c);

        // a rule naming a tag follows the name; one giving its id follows the tag
        spot.put("/v1/tags/" + vip, Map.of("name", "gold")).expect(200);
        assertMembers(spot, byName);
        assertMembers(spot, byId, a);
        spot.put("/v1/tags/" + silver, Map.of("name", "Vip")).expect(200);
        assertMembers(spot, byName, c);
        assertMembers(spot, byId, a);

        spot.delete("/v1/tags/" + vip).expect(204);
        assertMembers(spot, byId);
        assertMembers(spot, without, a, b, c);
        assertMembers(spot, byName, c);
    }

    @Test
    void property_values_set_cleared_and_options_removed_move_members_in_and_out() {
        Api.SpotClient spot = newSpot();
        String plan = property(spot, "plan", "SingleSelect", List.of("Free", "Pro"));
        property(spot, "seats", "Number", null);
        String pro = smart(spot, "Pro", prop("plan", "eq", "Pro"));
        String noPlan = smart(spot, "No plan", prop("plan", "isEmpty", null));
        String big = smart(spot, "Big", prop("seats", "gte", 10));
        String a = spot.member("a@example.com");
        String b = spot.member("b@example.com");
        assertMembers(spot, noPlan, a, b);

        setValue(spot, a, "plan", "Pro");
        assertMembers(spot, pro, a);
        assertMembers(spot, noPlan, b);
        setValue(spot, a, "plan", null);
        assertMembers(spot, pro);
        assertMembers(spot, noPlan, a, b);

        List<Map<String, Object>> several = List.of(Map.of("customPropertySlug", "plan", "value", "Pro"),
                Map.of("customPropertySlug", "seats", "value", 12));
        spot.post("/v1/spotMembers/" + b + "/customPropertiesValues", several).expect(200);
        assertMembers(spot, pro, b);
        assertMembers(spot, big, b);
        assertMembers(spot, noPlan, a);
        setValue(spot, b, "seats", 3);
        assertMembers(spot, big);

        // removing an option clears it from the members who had it
        spot.put("/v1/customProperties/" + plan, Map.of("possibleValues", List.of("Free", "Team"))).expect(200);
        assertMembers(spot, noPlan, a, b);
        assertMembers(spot, pro);
    }

    @Test
    void deleting_a_property_takes_its_values_out_of_the_rules_reading_it() {
        Api.SpotClient spot = newSpot();
        String company = property(spot, "company", "Text", null);
        String withCompany = smart(spot, "With company", prop("company", "isNotEmpty", null));
        String acme = smart(spot, "ACME", prop("company", "eq", "ACME"));
        String a = spot.member("a@example.com");
        String b = spot.member("b@example.com");
        setValue(spot, a, "company", "ACME");
        setValue(spot, b, "company", "Initech");
        assertMembers(spot, withCompany, a, b);
        assertMembers(spot, acme, a);
        spot.delete("/v1/customProperties/" + company).expect(204);
        assertMembers(spot, withCompany);
        assertMembers(spot, acme);
    }

    @Test
    void deleting_a_custom_role_moves_its_holders() {
        Api.SpotClient spot = newSpot();
        String coach = customRole(spot, "Coach");
        String coaches = smart(spot, "Coaches", cond("customRoleId", "eq", coach));
        String others = smart(spot, "Others", cond("customRoleId", "neq", coach));
        String a = member(spot, body("email", "a@example.com", "customRoleId", coach));
        String b = spot.member("b@example.com");
        assertMembers(spot, coaches, a);
        assertMembers(spot, others, b);
        spot.put("/v1/spotMembers/" + b, Map.of("customRoleId", coach)).expect(200);
        assertMembers(spot, coaches, a, b);
        assertMembers(spot, others);
        spot.delete("/v1/spotMemberCustomRole/" + coach).expect(204);
        assertMembers(spot, coaches);
        assertMembers(spot, others, a, b);
    }

    @Test
    void imported_members_move_in_and_out() {
        Api.SpotClient spot = newSpot();
        tag(spot, "vip");
        property(spot, "plan", "SingleSelect", List.of("Free", "Pro"));
        String vips = smart(spot, "VIPs", cond("tags", "hasAny", List.of("vip")));
        String acceptedGroup = smart(spot, "Accepted", cond("status", "eq", "Accepted"));
        String pro = smart(spot, "Pro", prop("plan", "eq", "Pro"));
        String known = member(spot, body("email", "known@example.com", "status", "Accepted"));
        assertMembers(spot, acceptedGroup, known);

        Api.Response result = importCsv(spot, "email,status,tags,plan\n"
                + "new1@example.com,,VIP,\n"
                + "new2@example.com,Accepted,,pro\n"
                + "known@example.com,Left,vip,\n").expect(200);
        assertThat(result.body().path("created").asInt()).isEqualTo(2);
        String new1 = byEmail(spot, "new1@example.com");
        String new2 = byEmail(spot, "new2@example.com");
        assertMembers(spot, vips, new1, known);
        assertMembers(spot, acceptedGroup, new2);
        assertMembers(spot, pro, new2);
    }

    private static String byEmail(Api.SpotClient spot, String email) {
        return spot.get(q("/v1/spotMembers?email[in]=" + email)).expect(200).body().path("items").get(0).path("id")
                .asString();
    }

    @Test
    void large_imports_and_bulk_tag_changes_over_several_batches_are_applied_too() {
        Api.SpotClient spot = newSpot();
        String vip = tag(spot, "vip");
        String vips = smart(spot, "VIPs", cond("tags", "hasAny", List.of("vip")));
        String accepted = smart(spot, "Accepted", cond("status", "eq", "Accepted"));
        // Two more groups every imported member enters: 1,800 memberships in one batch, written with COPY.
        String notRejected = smart(spot, "Not rejected", cond("status", "neq", "Rejected"));
        String examples = smart(spot, "Example addresses", cond("email", "domainIs", "example.com"));
        StringBuilder csv = new StringBuilder("email,status\n");
        for (int i = 0; i < 600; i++) {
            csv.append("bulk").append(i).append("@example.com,Accepted\n");
        }
        assertThat(importCsv(spot, csv.toString()).expect(200).body().path("created").asInt()).isEqualTo(600);
        assertThat(membersCount(spot, accepted)).isEqualTo(600);
        assertThat(membersCount(spot, notRejected)).isEqualTo(600);
        assertThat(membersCount(spot, examples)).isEqualTo(600);
        assertThat(memberIds(spot, examples)).containsExactlyInAnyOrderElementsOf(memberIds(spot, accepted));
        assertThat(spot.get("/v1/groups/" + accepted + "/spotMembers").expect(200).body().path("total").asLong())
                .isEqualTo(600);
        assertThat(membersCount(spot, vips)).isZero();

        List<String> all = new ArrayList<>();
        for (int page = 1; page <= 6; page++) {
            all.addAll(ids(spot.get("/v1/spotMembers?limit=100&page=" + page).expect(200).body().path("items")));
        }
        assertThat(new TreeSet<>(all)).hasSize(600);
        spot.post("/v1/tags/" + vip + "/spotMembers~bulkAssign", Map.of("spotMemberIds", all)).expect(204);
        assertThat(membersCount(spot, vips)).isEqualTo(600);
        assertThat(memberIds(spot, vips)).containsExactlyInAnyOrderElementsOf(all);
        spot.post("/v1/tags/" + vip + "/spotMembers~bulkUnassign", Map.of("spotMemberIds", all.subList(0, 550)))
                .expect(204);
        assertThat(memberIds(spot, vips)).containsExactlyInAnyOrderElementsOf(all.subList(550, 600));
        assertThat(membersCount(spot, vips)).isEqualTo(50);

        StringBuilder leaving = new StringBuilder("email,status\n");
        for (int i = 0; i < 520; i++) {
            leaving.append("bulk").append(i).append("@example.com,Left\n");
        }
        assertThat(importCsv(spot, leaving.toString()).expect(200).body().path("updated").asInt()).isEqualTo(520);
        assertThat(membersCount(spot, accepted)).isEqualTo(80);
        assertThat(spot.post("/v1/groups~previewRule", Map.of("rule", cond("status", "eq", "Accepted")))
                .expect(200).body().path("count").asLong()).isEqualTo(80);
    }

    @Test
    void a_pending_member_invited_to_a_live_is_accepted_and_leaves_a_pending_group() {
        Api.SpotClient spot = newSpot();
        String host = member(spot, body("email", "host@example.com", "status", "Accepted"));
        String pendingGroup = smart(spot, "Pending", cond("status", "eq", "Pending"));
        String acceptedGroup = smart(spot, "Accepted", cond("status", "eq", "Accepted"));
        String pending = member(spot, body("email", "wait@example.com", "status", "Pending"));
        assertMembers(spot, pendingGroup, pending);
        long start = Instant.now().getEpochSecond() + 86_400;
        Map<String, Object> live = new HashMap<>();
        live.put("title", "Live");
        live.put("spotMemberHostId", host);
        live.put("startDate", start);
        live.put("endDate", start + 3600);
        live.put("solution", "BuiltIn");
        live.put("visibility", "InvitedMembersOnly");
        String liveId = spot.post("/v1/lives", live).expect(201).text("id");
        spot.post("/v1/lives/" + liveId + "/participants", Map.of("member", pending)).expect(201);
        assertThat(spot.get("/v1/spotMembers/" + pending).expect(200).text("status")).isEqualTo("Accepted");
        assertMembers(spot, pendingGroup);
        assertMembers(spot, acceptedGroup, host, pending);
    }

    @Test
    void a_smart_groups_members_list_is_alphabetical_with_each_members_source() {
        Api.SpotClient spot = newSpot();
        String z = member(spot, body("email", "z@example.com", "firstname", "Zed", "lastname", "Adams", "role", "Admin"));
        String a = member(spot, body("email", "a@example.com", "firstname", "Ann", "lastname", "Young", "role", "Admin"));
        String m = member(spot, body("email", "m@example.com", "firstname", "Max", "lastname", "Martin"));
        String group = smart(spot, "Admins", cond("role", "eq", "Admin"));
        spot.post("/v1/groups/" + group + "/exceptions~bulkAdd", Map.of("type", "include", "spotMemberIds",
                List.of(m))).expect(200);
        JsonNode items = spot.get("/v1/groups/" + group + "/spotMembers").expect(200).body().path("items");
        assertThat(ids(items)).containsExactly(z, m, a);
        List<String> sources = new ArrayList<>();
        items.forEach(item -> sources.add(item.path("membershipSource").asString()));
        assertThat(sources).containsExactly("rule", "exception", "rule");
        assertThat(Arrays.asList(items.get(0).path("email").asString(), items.get(0).path("role").asString()))
                .containsExactly("z@example.com", "Admin");
        assertThat(spot.get("/v1/groups/" + group + "/spotMembers?search=martin").expect(200).body().path("total")
                .asLong()).isEqualTo(1);
    }
}
