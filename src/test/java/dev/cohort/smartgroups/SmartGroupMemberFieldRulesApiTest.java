package dev.cohort.smartgroups;

import static dev.cohort.smartgroups.RuleCases.c;
import static dev.cohort.smartgroups.RuleCases.check;
import static dev.cohort.smartgroups.RuleCases.earlyGroups;
import static dev.cohort.smartgroups.RuleCases.setDates;
import static dev.cohort.smartgroups.SmartGroups.all;
import static dev.cohort.smartgroups.SmartGroups.any;
import static dev.cohort.smartgroups.SmartGroups.assign;
import static dev.cohort.smartgroups.SmartGroups.body;
import static dev.cohort.smartgroups.SmartGroups.cond;
import static dev.cohort.smartgroups.SmartGroups.customRole;
import static dev.cohort.smartgroups.SmartGroups.member;
import static dev.cohort.smartgroups.SmartGroups.not;
import static dev.cohort.smartgroups.SmartGroups.tag;

import dev.cohort.smartgroups.RuleCases.Case;
import dev.cohort.smartgroups.RuleCases.People;
import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Smart group rules on member fields (issue 6): role, customRoleId, status, registrationSource (eq neq in notin), nested all/any/not, tags, email, and dates.
 *
 * <p>Most operator tests check each rule three ways: a group created before the members existed (kept current
 * member by member as they are created, tagged and given values), a group created afterwards (evaluated over the
 * whole Spot), and {@code ~previewRule}.
 */
class SmartGroupMemberFieldRulesApiTest extends ApiTest {
    // ------------------------------------------------------------------------------------------------------------
    // role, customRoleId, status, registrationSource: eq neq in notin

    private record Roles(String coach, String mentor) {
    }

    private static Roles roles(Api.SpotClient spot) {
        return new Roles(customRole(spot, "Coach"), customRole(spot, "Mentor"));
    }

    /** Seven members covering every status, both roles, custom roles or none, registration sources or none. */
    private static People rolePopulation(Api.SpotClient spot, Roles roles) {
        People p = new People();
        p.add("a", member(spot, body("email", "a@example.com", "role", "Admin", "status", "Accepted",
                "customRoleId", roles.coach(), "registrationSource", Map.of("utm_source", "newsletter", "source", "api"))));
        p.add("b", member(spot, body("email", "b@example.com", "role", "Member", "status", "Pending",
                "customRoleId", roles.mentor(), "registrationSource", Map.of("source", "api"))));
        p.add("c", member(spot, body("email", "c@example.com")));
        p.add("d", member(spot, body("email", "d@example.com", "status", "Left", "customRoleId", roles.coach(),
                "registrationSource", Map.of("utm_source", "Newsletter"))));
        p.add("e", member(spot, body("email", "e@example.com", "role", "Admin", "status", "Deactivated")));
        p.add("f", member(spot, body("email", "f@example.com", "status", "Rejected",
                "registrationSource", Map.of("utm_source", "ads"))));
        p.add("g", member(spot, body("email", "g@example.com", "status", "DeclinedInvitation",
                "customRoleId", roles.mentor())));
        return p;
    }

    @Test
    void role_custom_role_status_and_registration_source_match_with_eq_neq_in_notin() {
        Api.SpotClient spot = newSpot();
        Roles roles = roles(spot);
        List<Case> cases = List.of(
                c(cond("role", "eq", "Admin"), "a", "e"),
                c(cond("role", "neq", "Admin"), "b", "c", "d", "f", "g"),
                c(cond("role", "in", List.of("Member")), "b", "c", "d", "f", "g"),
                c(cond("role", "notin", List.of("Member")), "a", "e"),
                c(cond("role", "in", List.of("Member", "Admin")), "a", "b", "c", "d", "e", "f", "g"),
                c(cond("status", "eq", "Accepted"), "a"),
                c(cond("status", "neq", "Accepted"), "b", "c", "d", "e", "f", "g"),
                c(cond("status", "eq", "Invited"), "c"),
                c(cond("status", "in", List.of("Pending", "Left", "Rejected", "DeclinedInvitation")), "b", "d", "f", "g"),
                c(cond("status", "notin", List.of("Accepted", "Invited", "Deactivated")), "b", "d", "f", "g"),
                c(cond("status", "in", List.of("Deactivated")), "e"),
                c(cond("customRoleId", "eq", roles.coach()), "a", "d"),
                c(cond("customRoleId", "neq", roles.coach()), "b", "c", "e", "f", "g"),
                c(cond("customRoleId", "in", List.of(roles.coach(), roles.mentor())), "a", "b", "d", "g"),
                c(cond("customRoleId", "notin", List.of(roles.mentor())), "a", "c", "d", "e", "f"),
                c(cond("registrationSource", "eq", "newsletter"), "a"),
                c(cond("registrationSource", "eq", "api"), "b"),
                c(cond("registrationSource", "neq", "newsletter"), "b", "c", "d", "e", "f", "g"),
                c(cond("registrationSource", "in", List.of("Newsletter", "ads")), "d", "f"),
                c(cond("registrationSource", "notin", List.of("api", "newsletter")), "c", "d", "e", "f", "g"));
        List<String> early = earlyGroups(spot, cases);
        People people = rolePopulation(spot, roles);
        check(spot, people, early, cases);
    }

    @Test
    void nested_all_any_and_not_combine_conditions() {
        Api.SpotClient spot = newSpot();
        Roles roles = roles(spot);
        List<Case> cases = List.of(
                c(all(cond("role", "eq", "Admin")), "a", "e"),
                c(any(cond("status", "eq", "Left")), "d"),
                c(all(cond("role", "eq", "Admin"), cond("status", "eq", "Accepted")), "a"),
                c(any(all(cond("role", "eq", "Admin"), cond("status", "eq", "Accepted")),
                        cond("customRoleId", "eq", roles.mentor())), "a", "b", "g"),
                c(not(any(cond("role", "eq", "Admin"), cond("status", "in", List.of("Left")))), "b", "c", "f", "g"),
                c(not(not(cond("role", "eq", "Admin"))), "a", "e"),
                c(all(not(cond("customRoleId", "in", List.of(roles.coach(), roles.mentor()))),
                        any(cond("status", "eq", "Invited"), cond("registrationSource", "eq", "ads"))), "c", "f"),
                c(all(cond("role", "eq", "Admin"), cond("role", "eq", "Member"))),
                c(any(not(cond("role", "eq", "Admin")), cond("role", "eq", "Admin")),
                        "a", "b", "c", "d", "e", "f", "g"));
        List<String> early = earlyGroups(spot, cases);
        People people = rolePopulation(spot, roles);
        check(spot, people, early, cases);
    }

    // ------------------------------------------------------------------------------------------------------------
    // tags

    @Test
    void tags_match_by_id_or_case_insensitive_name_with_hasAny_hasAll_hasNone() {
        Api.SpotClient spot = newSpot();
        String vip = tag(spot, "VIP");
        String speaker = tag(spot, "Speaker");
        String alumni = tag(spot, "Alumni");
        List<Case> cases = List.of(
                c(cond("tags", "hasAny", List.of(vip)), "t1", "t2"),
                c(cond("tags", "hasAny", List.of("vip")), "t1", "t2"),
                c(cond("tags", "hasAny", List.of("VIP", "speaker")), "t1", "t2", "t3"),
                c(cond("tags", "hasAny", List.of(alumni))),
                c(cond("tags", "hasAll", List.of(vip, speaker)), "t1"),
                c(cond("tags", "hasAll", List.of(vip, "SPEAKER")), "t1"),
                c(cond("tags", "hasAll", List.of("Speaker")), "t1", "t3"),
                c(cond("tags", "hasAll", List.of(vip, alumni))),
                c(cond("tags", "hasNone", List.of(vip)), "t3", "t4"),
                c(cond("tags", "hasNone", List.of("vip", speaker)), "t4"),
                c(cond("tags", "hasNone", List.of("alumni")), "t1", "t2", "t3", "t4"));
        List<String> early = earlyGroups(spot, cases);
        People p = new People();
        String t1 = p.add("t1", spot.member("t1@example.com"));
        String t2 = p.add("t2", spot.member("t2@example.com"));
        String t3 = p.add("t3", spot.member("t3@example.com"));
        p.add("t4", spot.member("t4@example.com"));
        assign(spot, vip, t1, t2);
        assign(spot, speaker, t1, t3);
        check(spot, p, early, cases);
    }

    // ------------------------------------------------------------------------------------------------------------
    // email

    @Test
    void email_eq_contains_and_domainIs_ignore_case_and_domainIs_takes_subdomains_only() {
        Api.SpotClient spot = newSpot();
        List<Case> cases = List.of(
                c(cond("email", "eq", "ada@example.com"), "ada"),
                c(cond("email", "eq", "ADA@EXAMPLE.COM"), "ada"),
                c(cond("email", "eq", "ada@example")),
                c(cond("email", "contains", "EXAMPLE"), "ada", "bob", "eve", "zed", "mal"),
                c(cond("email", "contains", "@a."), "bob"),
                c(cond("email", "domainIs", "example.com"), "ada", "bob"),
                c(cond("email", "domainIs", "Example.COM"), "ada", "bob"),
                c(cond("email", "domainIs", "a.example.com"), "bob"),
                c(cond("email", "domainIs", "example.org"), "zed"),
                c(cond("email", "domainIs", "evil.net"), "mal"),
                c(not(cond("email", "domainIs", "example.com")), "eve", "zed", "mal"));
        List<String> early = earlyGroups(spot, cases);
        People p = new People();
        p.add("ada", spot.member("Ada@Example.com"));
        p.add("bob", spot.member("bob@a.example.com"));
        p.add("eve", spot.member("eve@badexample.com"));
        p.add("zed", spot.member("zed@example.org"));
        p.add("mal", spot.member("mal@example.com.evil.net"));
        check(spot, p, early, cases);
    }

    // ------------------------------------------------------------------------------------------------------------
    // registrationDate, invitationDate, lastActivityAt

    @Test
    void dates_compare_before_after_and_relative_days_and_null_dates_never_match() {
        Api.SpotClient spot = newSpot();
        Instant now = Instant.now();
        Instant old = now.minus(Duration.ofDays(100));
        Instant recent = now.minus(Duration.ofDays(5));
        People p = new People();
        // Each field has one old value, one recent value and one null, on different members.
        setDates(jdbc, spot, p.add("p", spot.member("p@example.com")), old, recent, null);
        setDates(jdbc, spot, p.add("q", spot.member("q@example.com")), recent, null, old);
        setDates(jdbc, spot, p.add("r", spot.member("r@example.com")), null, old, recent);
        Map<String, String[]> oldRecentNull = Map.of(
                "registrationDate", new String[] {"p", "q", "r"},
                "invitationDate", new String[] {"r", "p", "q"},
                "lastActivityAt", new String[] {"q", "r", "p"});
        long monthAgo = now.minus(Duration.ofDays(30)).getEpochSecond();
        long tomorrow = now.plus(Duration.ofDays(1)).getEpochSecond();
        List<Case> cases = new ArrayList<>();
        oldRecentNull.forEach((field, labels) -> {
            String o = labels[0];
            String r = labels[1];
            String n = labels[2];
            cases.add(c(cond(field, "before", monthAgo), o));
            cases.add(c(cond(field, "after", monthAgo), r));
            cases.add(c(cond(field, "before", monthAgo * 1000), o));
            cases.add(c(cond(field, "after", monthAgo * 1000), r));
            cases.add(c(cond(field, "before", tomorrow), o, r));
            cases.add(c(cond(field, "after", tomorrow)));
            cases.add(c(cond(field, "withinLastDays", 30), r));
            cases.add(c(cond(field, "moreThanDaysAgo", 30), o));
            cases.add(c(cond(field, "withinLastDays", 1000), o, r));
            cases.add(c(cond(field, "moreThanDaysAgo", 1000)));
            cases.add(c(cond(field, "moreThanDaysAgo", 0), o, r));
            cases.add(c(not(cond(field, "withinLastDays", 30)), o, n));
        });
        // The dates were written straight into the table: only whole-Spot evaluations see them.
        check(spot, p, null, cases);
    }
}
