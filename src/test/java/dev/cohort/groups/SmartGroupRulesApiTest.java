package dev.cohort.groups;

import static dev.cohort.groups.SmartGroups.all;
import static dev.cohort.groups.SmartGroups.any;
import static dev.cohort.groups.SmartGroups.assertMembers;
import static dev.cohort.groups.SmartGroups.assign;
import static dev.cohort.groups.SmartGroups.body;
import static dev.cohort.groups.SmartGroups.cond;
import static dev.cohort.groups.SmartGroups.customRole;
import static dev.cohort.groups.SmartGroups.group;
import static dev.cohort.groups.SmartGroups.groupsTotal;
import static dev.cohort.groups.SmartGroups.ids;
import static dev.cohort.groups.SmartGroups.importCsv;
import static dev.cohort.groups.SmartGroups.json;
import static dev.cohort.groups.SmartGroups.member;
import static dev.cohort.groups.SmartGroups.memberIds;
import static dev.cohort.groups.SmartGroups.membersCount;
import static dev.cohort.groups.SmartGroups.membership;
import static dev.cohort.groups.SmartGroups.not;
import static dev.cohort.groups.SmartGroups.prop;
import static dev.cohort.groups.SmartGroups.property;
import static dev.cohort.groups.SmartGroups.q;
import static dev.cohort.groups.SmartGroups.setRule;
import static dev.cohort.groups.SmartGroups.setValue;
import static dev.cohort.groups.SmartGroups.smart;
import static dev.cohort.groups.SmartGroups.smartBody;
import static dev.cohort.groups.SmartGroups.tag;
import static dev.cohort.groups.SmartGroups.texts;
import static dev.cohort.groups.SmartGroups.unassign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Smart groups (issue 6): every field and operator of the rule language, with members that match and members that
 * don't, the 400s of bad rules, the smart-group endpoints, and membership kept current as members change.
 *
 * <p>Most operator tests check each rule three ways: a group created before the members existed (kept current
 * member by member as they are created, tagged and given values), a group created afterwards (evaluated over the
 * whole Spot), and {@code ~previewRule}.
 */
class SmartGroupRulesApiTest extends ApiTest {

    /** A rule and the labels of the members it must select. */
    private record Case(Object rule, List<String> expected) {
    }

    private static Case c(Object rule, String... expected) {
        return new Case(rule, List.of(expected));
    }

    /** Members by label, for setting up and for readable failures. */
    private static final class People {
        final Map<String, String> ids = new LinkedHashMap<>();

        String add(String label, String id) {
            ids.put(label, id);
            return id;
        }

        String id(String label) {
            String id = ids.get(label);
            if (id == null) {
                throw new IllegalArgumentException("no member labelled " + label);
            }
            return id;
        }

        List<String> ids(List<String> labels) {
            return labels.stream().map(this::id).toList();
        }

        Set<String> labels(Iterable<String> memberIds) {
            Map<String, String> byId = new HashMap<>();
            ids.forEach((label, id) -> byId.put(id, label));
            Set<String> labels = new TreeSet<>();
            memberIds.forEach(id -> labels.add(byId.getOrDefault(id, "?" + id)));
            return labels;
        }
    }

    /** Creates one smart group per case (before the members exist), returning their ids. */
    private static List<String> earlyGroups(Api.SpotClient spot, List<Case> cases) {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            groups.add(smart(spot, "early " + i, cases.get(i).rule()));
        }
        return groups;
    }

    /**
     * Checks each case: the early group (if any) kept current member by member, a new group evaluated over the whole
     * Spot, and the preview. Every mismatch is collected, then reported together.
     */
    private static void check(Api.SpotClient spot, People people, List<String> early, List<Case> cases) {
        List<String> late = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            late.add(smart(spot, "late " + i, cases.get(i).rule()));
        }
        Map<String, Long> counts = membersCounts(spot);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case test = cases.get(i);
            Set<String> expected = new TreeSet<>(test.expected());
            String rule = json(test.rule());
            if (early != null) {
                compare(failures, "kept current", rule, expected, spot, people, early.get(i), counts);
            }
            compare(failures, "created after", rule, expected, spot, people, late.get(i), counts);
            Api.Response preview = spot.post("/v1/groups~previewRule", Map.of("rule", test.rule()));
            if (preview.status() != 200) {
                failures.add("preview " + rule + ": status " + preview.status() + " " + preview.raw().body());
                continue;
            }
            Set<String> previewed = people.labels(ids(preview.body().path("items")));
            if (preview.body().path("count").asLong() != expected.size() || !previewed.equals(expected)) {
                failures.add("preview " + rule + ": expected " + expected + " but got count "
                        + preview.body().path("count").asLong() + " items " + previewed);
            }
        }
        assertThat(failures).as("rules whose membership is wrong").isEmpty();
    }

    /** Every group's membersCount, by id, from the group list. */
    private static Map<String, Long> membersCounts(Api.SpotClient spot) {
        Map<String, Long> counts = new HashMap<>();
        long total = Long.MAX_VALUE;
        for (int page = 1; counts.size() < total; page++) {
            JsonNode list = spot.get("/v1/groups?limit=100&page=" + page).expect(200).body();
            total = list.path("total").asLong();
            if (list.path("items").isEmpty()) {
                break;
            }
            list.path("items").forEach(g -> counts.put(g.path("id").asString(), g.path("membersCount").asLong()));
        }
        return counts;
    }

    private static void compare(List<String> failures, String how, String rule, Set<String> expected,
                                Api.SpotClient spot, People people, String group, Map<String, Long> counts) {
        Map<String, String> sources = membership(spot, group);
        Set<String> actual = people.labels(sources.keySet());
        long count = counts.getOrDefault(group, -1L);
        if (!actual.equals(expected) || count != expected.size()) {
            failures.add(how + " " + rule + ": expected " + expected + " but got " + actual + " (membersCount "
                    + count + ")");
        }
        if (!sources.values().stream().allMatch("rule"::equals)) {
            failures.add(how + " " + rule + ": membershipSource should be \"rule\": " + sources.values());
        }
    }

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

    private void setDates(Api.SpotClient spot, String member, Instant registration, Instant invitation,
                          Instant lastActivity) {
        jdbc.sql("update member set registration_date = :r, invitation_date = :i, last_activity_at = :l "
                        + "where spot_id = :spot and id = :id")
                .param("r", at(registration), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("i", at(invitation), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("l", at(lastActivity), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("spot", UUID.fromString(spot.spotId)).param("id", UUID.fromString(member)).update();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Test
    void dates_compare_before_after_and_relative_days_and_null_dates_never_match() {
        Api.SpotClient spot = newSpot();
        Instant now = Instant.now();
        Instant old = now.minus(Duration.ofDays(100));
        Instant recent = now.minus(Duration.ofDays(5));
        People p = new People();
        // Each field has one old value, one recent value and one null, on different members.
        setDates(spot, p.add("p", spot.member("p@example.com")), old, recent, null);
        setDates(spot, p.add("q", spot.member("q@example.com")), recent, null, old);
        setDates(spot, p.add("r", spot.member("r@example.com")), null, old, recent);
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

    // ------------------------------------------------------------------------------------------------------------
    // custom properties, one test per type

    private static final long MAY_1 = 1_714_521_600L;   // 2024-05-01T00:00:00Z
    private static final long JUNE_1 = 1_717_200_000L;  // 2024-06-01T00:00:00Z

    private static void properties(Api.SpotClient spot) {
        property(spot, "company", "Text", null);
        property(spot, "plan", "SingleSelect", List.of("Free", "Pro", "Team"));
        property(spot, "topics", "MultipleSelect", List.of("Java", "Go", "Rust"));
        property(spot, "newsletter", "Boolean", null);
        property(spot, "seats", "Number", null);
        property(spot, "renewal", "Date", null);
    }

    /** p1 and p2 have a value of every property, p3 empty ones ("" and []), p4 none. */
    private static People propertyPopulation(Api.SpotClient spot) {
        People p = new People();
        String p1 = p.add("p1", spot.member("p1@example.com"));
        String p2 = p.add("p2", spot.member("p2@example.com"));
        String p3 = p.add("p3", spot.member("p3@example.com"));
        p.add("p4", spot.member("p4@example.com"));
        setValue(spot, p1, "company", "ACME Corp");
        setValue(spot, p1, "plan", "Pro");
        setValue(spot, p1, "topics", List.of("Java", "Go"));
        setValue(spot, p1, "newsletter", true);
        setValue(spot, p1, "seats", 10);
        setValue(spot, p1, "renewal", MAY_1);
        setValue(spot, p2, "company", "acme");
        setValue(spot, p2, "plan", "Free");
        setValue(spot, p2, "topics", List.of("Rust"));
        setValue(spot, p2, "newsletter", false);
        setValue(spot, p2, "seats", 2.5);
        setValue(spot, p2, "renewal", "2024-06-01");
        setValue(spot, p3, "company", "");
        setValue(spot, p3, "topics", List.of());
        return p;
    }

    private void checkProperties(List<Case> cases) {
        Api.SpotClient spot = newSpot();
        properties(spot);
        List<String> early = earlyGroups(spot, cases);
        People people = propertyPopulation(spot);
        check(spot, people, early, cases);
    }

    @Test
    void text_properties_support_eq_neq_in_notin_contains_isEmpty_isNotEmpty() {
        checkProperties(List.of(
                c(prop("company", "eq", "acme"), "p2"),
                c(prop("company", "eq", "ACME")),
                c(prop("company", "neq", "acme"), "p1", "p3", "p4"),
                c(prop("company", "in", List.of("ACME Corp", "acme")), "p1", "p2"),
                c(prop("company", "in", List.of("acme corp"))),
                c(prop("company", "notin", List.of("acme")), "p1", "p3", "p4"),
                c(prop("company", "contains", "AcMe"), "p1", "p2"),
                c(prop("company", "contains", "corp"), "p1"),
                c(prop("company", "isEmpty", null), "p3", "p4"),
                c(prop("company", "isNotEmpty", null), "p1", "p2")));
    }

    @Test
    void single_select_properties_support_eq_neq_in_notin_isEmpty_isNotEmpty_with_options_in_any_case() {
        checkProperties(List.of(
                c(prop("plan", "eq", "Pro"), "p1"),
                c(prop("plan", "eq", "pro"), "p1"),
                c(prop("plan", "eq", "Team")),
                c(prop("plan", "neq", "PRO"), "p2", "p3", "p4"),
                c(prop("plan", "in", List.of("free", "Team")), "p2"),
                c(prop("plan", "notin", List.of("Free")), "p1", "p3", "p4"),
                c(prop("plan", "isEmpty", null), "p3", "p4"),
                c(prop("plan", "isNotEmpty", null), "p1", "p2")));
    }

    @Test
    void multiple_select_properties_support_contains_in_notin_isEmpty_isNotEmpty() {
        checkProperties(List.of(
                c(prop("topics", "contains", "Java"), "p1"),
                c(prop("topics", "contains", "Rust"), "p2"),
                c(prop("topics", "in", List.of("Go", "Rust")), "p1", "p2"),
                c(prop("topics", "in", List.of("Go")), "p1"),
                c(prop("topics", "notin", List.of("Java")), "p2", "p3", "p4"),
                c(prop("topics", "notin", List.of("Java", "Rust")), "p3", "p4"),
                c(prop("topics", "isEmpty", null), "p3", "p4"),
                c(prop("topics", "isNotEmpty", null), "p1", "p2")));
    }

    @Test
    void boolean_properties_support_eq_neq_isEmpty_isNotEmpty() {
        checkProperties(List.of(
                c(prop("newsletter", "eq", true), "p1"),
                c(prop("newsletter", "eq", false), "p2"),
                c(prop("newsletter", "neq", true), "p2", "p3", "p4"),
                c(prop("newsletter", "neq", false), "p1", "p3", "p4"),
                c(prop("newsletter", "isEmpty", null), "p3", "p4"),
                c(prop("newsletter", "isNotEmpty", null), "p1", "p2")));
    }

    @Test
    void number_properties_support_eq_neq_in_notin_gt_gte_lt_lte_isEmpty_isNotEmpty() {
        checkProperties(List.of(
                c(prop("seats", "eq", 10), "p1"),
                c(prop("seats", "eq", 10.0), "p1"),
                c(prop("seats", "eq", 2.5), "p2"),
                c(prop("seats", "neq", 10), "p2", "p3", "p4"),
                c(prop("seats", "in", List.of(2.5, 7)), "p2"),
                c(prop("seats", "notin", List.of(2.5)), "p1", "p3", "p4"),
                c(prop("seats", "gt", 2.5), "p1"),
                c(prop("seats", "gte", 2.5), "p1", "p2"),
                c(prop("seats", "lt", 10), "p2"),
                c(prop("seats", "lte", 10), "p1", "p2"),
                c(prop("seats", "lt", 0)),
                c(prop("seats", "gt", -1), "p1", "p2"),
                c(prop("seats", "isEmpty", null), "p3", "p4"),
                c(prop("seats", "isNotEmpty", null), "p1", "p2")));
    }

    @Test
    void date_properties_support_eq_neq_gt_gte_lt_lte_isEmpty_isNotEmpty_with_seconds_or_iso_dates() {
        checkProperties(List.of(
                c(prop("renewal", "eq", MAY_1), "p1"),
                c(prop("renewal", "eq", "2024-05-01"), "p1"),
                c(prop("renewal", "neq", "2024-05-01"), "p2", "p3", "p4"),
                c(prop("renewal", "neq", JUNE_1), "p1", "p3", "p4"),
                c(prop("renewal", "gt", "2024-05-01"), "p2"),
                c(prop("renewal", "gte", MAY_1), "p1", "p2"),
                c(prop("renewal", "lt", "2024-06-01"), "p1"),
                c(prop("renewal", "lte", JUNE_1), "p1", "p2"),
                c(prop("renewal", "gt", "2030-01-01")),
                c(prop("renewal", "isEmpty", null), "p3", "p4"),
                c(prop("renewal", "isNotEmpty", null), "p1", "p2")));
    }

    /**
     * Rules reading only tags and values are evaluated from the holders of one tag or value they require (hasAll of
     * several tags from its first, hasAny of tags a member may hold both of); the rest of the rule, negations and
     * alternatives included, is checked on those. A rule reading the member row too is evaluated over every member.
     */
    @Test
    void conjunctions_of_tags_and_values_select_the_same_members_whichever_condition_drives_them() {
        Api.SpotClient spot = newSpot();
        properties(spot);
        String vip = tag(spot, "VIP");
        String speaker = tag(spot, "Speaker");
        String alumni = tag(spot, "Alumni");
        List<Case> cases = List.of(
                c(all(prop("plan", "in", List.of("Pro", "Free")), prop("seats", "gt", 5)), "p1"),
                c(all(cond("tags", "hasAny", List.of(vip, speaker)), prop("plan", "eq", "Pro")), "p1"),
                c(all(cond("tags", "hasAny", List.of(vip, speaker)), not(prop("company", "contains", "corp"))),
                        "p2", "p3"),
                c(all(cond("tags", "hasAny", List.of(vip, speaker)), not(prop("plan", "eq", "Team"))),
                        "p1", "p2", "p3"),
                c(all(cond("tags", "hasAll", List.of(vip, speaker)), prop("newsletter", "eq", true)), "p1"),
                c(all(cond("tags", "hasAll", List.of(speaker, vip)), not(prop("plan", "eq", "Free"))), "p1"),
                c(all(prop("company", "isNotEmpty", null),
                        any(prop("seats", "lt", 5), prop("topics", "contains", "Java"))), "p1", "p2"),
                c(all(prop("plan", "neq", "Pro"), cond("tags", "hasAny", List.of("vip"))), "p2"),
                c(all(cond("tags", "hasNone", List.of(speaker)), prop("renewal", "gte", MAY_1)), "p2"),
                c(all(prop("topics", "in", List.of("Rust", "Go")), prop("seats", "lte", 10)), "p1", "p2"),
                c(all(cond("tags", "hasAny", List.of(vip)), cond("email", "contains", "p2")), "p2"),
                c(all(prop("seats", "gte", 100), cond("tags", "hasAny", List.of(speaker)))),
                c(all(cond("tags", "hasAny", List.of(alumni)), prop("plan", "isNotEmpty", null))));
        List<String> early = earlyGroups(spot, cases);
        People people = propertyPopulation(spot);
        assign(spot, vip, people.id("p1"), people.id("p2"));
        assign(spot, speaker, people.id("p1"), people.id("p3"));
        check(spot, people, early, cases);
    }

    // ------------------------------------------------------------------------------------------------------------
    // the issue's example

    @Test
    void the_issues_example_rule_selects_vip_members_not_gone_who_are_pro_or_recent() {
        Api.SpotClient spot = newSpot();
        String vip = tag(spot, "vip");
        property(spot, "plan", "SingleSelect", List.of("Free", "Pro"));
        String rule = "{\"all\": [{\"field\": \"tags\", \"op\": \"hasAny\", \"value\": [\"vip\"]}, {\"not\": "
                + "{\"field\": \"status\", \"op\": \"in\", \"value\": [\"Left\", \"Deactivated\"]}}, {\"any\": "
                + "[{\"field\": \"customProperty\", \"key\": \"plan\", \"op\": \"eq\", \"value\": \"pro\"}, "
                + "{\"field\": \"registrationDate\", \"op\": \"withinLastDays\", \"value\": 30}]}]}";
        JsonNode ruleJson = Api.JSON.readTree(rule);
        People p = new People();
        String n1 = p.add("n1", member(spot, body("email", "n1@example.com", "status", "Accepted")));
        String n2 = p.add("n2", member(spot, body("email", "n2@example.com", "status", "Accepted")));
        String n3 = p.add("n3", member(spot, body("email", "n3@example.com", "status", "Left")));
        String n4 = p.add("n4", member(spot, body("email", "n4@example.com", "status", "Accepted")));
        String n5 = p.add("n5", member(spot, body("email", "n5@example.com", "status", "Accepted")));
        String n6 = p.add("n6", member(spot, body("email", "n6@example.com")));
        String n7 = p.add("n7", member(spot, body("email", "n7@example.com", "status", "Deactivated")));
        assign(spot, vip, n1, n2, n3, n4, n6, n7);
        setValue(spot, n1, "plan", "Pro");
        setValue(spot, n2, "plan", "Free");
        setValue(spot, n3, "plan", "Pro");
        setValue(spot, n4, "plan", "Free");
        setValue(spot, n5, "plan", "Pro");
        setDates(spot, n4, Instant.now().minus(Duration.ofDays(60)), null, null);

        Api.Response created = spot.post("/v1/groups", "{\"name\": \"Example\", \"kind\": \"smart\", \"rule\": "
                + rule + "}").expect(201);
        assertThat(created.body().path("rule")).isEqualTo(ruleJson);
        assertThat(created.body().path("membersCount").asLong()).isEqualTo(2);
        String group = created.text("id");
        assertThat(p.labels(memberIds(spot, group))).containsExactly("n1", "n2");
        assertThat(membership(spot, group).values()).containsOnly("rule");

        // kept current member by member
        setValue(spot, n4, "plan", "Pro");                          // now pro: enters
        spot.put("/v1/spotMembers/" + n1, Map.of("status", "Deactivated")).expect(200);   // gone: leaves
        unassign(spot, vip, n2);                                   // no longer vip: leaves
        assign(spot, vip, n5);                                     // vip and pro: enters
        spot.put("/v1/spotMembers/" + n6, Map.of("status", "Accepted")).expect(200);      // registered now: enters
        assertThat(p.labels(memberIds(spot, group))).containsExactly("n4", "n5", "n6");
        assertThat(membersCount(spot, group)).isEqualTo(3);
        assertThat(spot.post("/v1/groups~previewRule", "{\"rule\": " + rule + "}").expect(200).body()
                .path("count").asLong()).isEqualTo(3);
        assertThat(n7).isNotNull();
    }

    // ------------------------------------------------------------------------------------------------------------
    // bad rules

    /** A bad rule and the problem field it must name ("rule.value" also accepts "rule.value[i]"). */
    private record Bad(Object rule, String field) {
    }

    private static Bad bad(Object rule, String field) {
        return new Bad(rule, field);
    }

    private static boolean names(List<String> fields, String expected) {
        return fields.stream().anyMatch(f -> f.equals(expected) || f.startsWith(expected + "["));
    }

    @Test
    void malformed_and_ill_typed_rules_are_400s_naming_the_place_in_the_tree_and_nothing_is_saved() {
        Api.SpotClient spot = newSpot();
        properties(spot);
        tag(spot, "vip");
        String coach = customRole(spot, "Coach");
        Api.SpotClient other = newSpot();
        String theirTag = tag(other, "theirs");
        String theirRole = customRole(other, "Theirs");
        String kept = smart(spot, "Kept", cond("role", "eq", "Admin"));
        Map<String, Object> noField = new LinkedHashMap<>();
        noField.put("op", "eq");
        noField.put("value", "x");
        Map<String, Object> noOp = new LinkedHashMap<>();
        noOp.put("field", "role");
        noOp.put("value", "Admin");
        Map<String, Object> noKey = new LinkedHashMap<>();
        noKey.put("field", "customProperty");
        noKey.put("op", "eq");
        noKey.put("value", "x");

        List<Bad> bads = List.of(
                // unknown field, op, key
                bad(cond("colour", "eq", "red"), "rule.field"),
                bad(all(cond("role", "eq", "Admin"), cond("role", "like", "Admin")), "rule.all[1].op"),
                bad(any(prop("nope", "eq", "x")), "rule.any[0].key"),
                bad(noField, "rule.field"),
                bad(noOp, "rule.op"),
                bad(noKey, "rule.key"),
                bad(cond("role", "eq", null), "rule.value"),
                // an operator that does not fit the field or the property type
                bad(prop("newsletter", "gt", true), "rule.op"),
                bad(prop("company", "gt", "a"), "rule.op"),
                bad(prop("topics", "eq", "Java"), "rule.op"),
                bad(prop("plan", "contains", "Pro"), "rule.op"),
                bad(prop("renewal", "contains", "2024"), "rule.op"),
                bad(prop("seats", "contains", "1"), "rule.op"),
                bad(prop("renewal", "withinLastDays", 3), "rule.op"),
                bad(cond("tags", "eq", List.of("vip")), "rule.op"),
                bad(cond("email", "in", List.of("a@example.com")), "rule.op"),
                bad(cond("registrationDate", "eq", 1_700_000_000L), "rule.op"),
                bad(cond("role", "hasAny", List.of("Admin")), "rule.op"),
                bad(cond("status", "contains", "Acc"), "rule.op"),
                // a string where a date or a timestamp is needed, a number compared with a date
                bad(all(not(cond("registrationDate", "before", "yesterday"))), "rule.all[0].not.value"),
                bad(cond("invitationDate", "after", "tomorrow"), "rule.value"),
                bad(cond("lastActivityAt", "withinLastDays", "30"), "rule.value"),
                bad(cond("registrationDate", "withinLastDays", -1), "rule.value"),
                bad(cond("registrationDate", "moreThanDaysAgo", 1.5), "rule.value"),
                bad(prop("renewal", "gt", "tomorrow"), "rule.value"),
                bad(prop("renewal", "eq", true), "rule.value"),
                bad(prop("seats", "gt", "2024-05-01"), "rule.value"),
                bad(prop("seats", "lt", true), "rule.value"),
                bad(prop("seats", "in", List.of(1, "two")), "rule.value"),
                bad(prop("newsletter", "eq", "yes"), "rule.value"),
                bad(prop("plan", "eq", "Enterprise"), "rule.value"),
                bad(prop("topics", "contains", List.of("Java")), "rule.value"),
                bad(prop("topics", "in", "Java"), "rule.value"),
                bad(prop("company", "eq", 12), "rule.value"),
                bad(prop("company", "isEmpty", "x"), "rule.value"),
                // unknown tags, roles, statuses, custom roles
                bad(cond("tags", "hasAny", List.of("ghost")), "rule.value"),
                bad(cond("tags", "hasAny", List.of(theirTag)), "rule.value"),
                bad(cond("tags", "hasAll", List.of()), "rule.value"),
                bad(all(cond("role", "eq", "Admin"), any(cond("status", "eq", "Accepted"),
                        not(cond("tags", "hasNone", List.of("vip", "ghost"))))), "rule.all[1].any[1].not.value"),
                bad(cond("role", "eq", "King"), "rule.value"),
                bad(cond("role", "in", "Admin"), "rule.value"),
                bad(cond("role", "eq", List.of("Admin")), "rule.value"),
                bad(cond("status", "in", List.of()), "rule.value"),
                bad(cond("status", "notin", List.of("Accepted", "Happy")), "rule.value"),
                bad(cond("customRoleId", "eq", "not-a-uuid"), "rule.value"),
                bad(cond("customRoleId", "eq", UUID.randomUUID().toString()), "rule.value"),
                bad(cond("customRoleId", "in", List.of(coach, theirRole)), "rule.value"),
                bad(cond("email", "domainIs", 3), "rule.value"),
                bad(cond("registrationSource", "eq", 5), "rule.value"),
                // malformed nodes
                bad(Map.of("all", List.of()), "rule.all"),
                bad(any(Map.of("all", List.of())), "rule.any[0].all"),
                bad(Map.of("any", "role"), "rule.any"),
                bad(Map.of("not", List.of()), "rule.not"),
                bad(Map.of(), "rule.field"),
                bad("role = Admin", "rule"));

        long groups = groupsTotal(spot);
        List<String> failures = new ArrayList<>();
        for (Bad bad : bads) {
            String rule = json(bad.rule());
            Api.Response create = spot.post("/v1/groups", smartBody("Bad", bad.rule()));
            if (create.status() != 400 || !names(create.problemFields(), bad.field())) {
                failures.add("create " + rule + ": expected 400 naming " + bad.field() + " but got " + create.status()
                        + " " + create.raw().body());
            }
            Api.Response preview = spot.post("/v1/groups~previewRule", Map.of("rule", bad.rule()));
            if (preview.status() != 400 || !names(preview.problemFields(), bad.field())) {
                failures.add("preview " + rule + ": expected 400 naming " + bad.field() + " but got "
                        + preview.status() + " " + preview.raw().body());
            }
            Api.Response update = setRule(spot, kept, bad.rule());
            if (update.status() != 400 || !names(update.problemFields(), bad.field())) {
                failures.add("update " + rule + ": expected 400 naming " + bad.field() + " but got "
                        + update.status() + " " + update.raw().body());
            }
        }
        assertThat(failures).as("bad rules not refused as expected").isEmpty();
        assertThat(groupsTotal(spot)).as("nothing saved").isEqualTo(groups);
        assertThat(group(spot, kept).path("rule")).isEqualTo(Api.JSON.valueToTree(cond("role", "eq", "Admin")));
    }

    @Test
    void smart_group_bodies_are_checked_kind_rule_and_initial_members_together() {
        Api.SpotClient spot = newSpot();
        String ada = spot.member("ada@example.com");
        Map<String, Object> noRule = body("name", "S", "kind", "smart");
        assertThat(spot.post("/v1/groups", noRule).expect(400).problemFields()).contains("rule");
        Map<String, Object> staticWithRule = body("name", "S", "rule", cond("role", "eq", "Admin"));
        assertThat(spot.post("/v1/groups", staticWithRule).expect(400).problemFields()).contains("rule");
        Map<String, Object> explicitStatic = body("name", "S", "kind", "static", "rule", cond("role", "eq", "Admin"));
        assertThat(spot.post("/v1/groups", explicitStatic).expect(400).problemFields()).contains("rule");
        Map<String, Object> withMembers = smartBody("S", cond("role", "eq", "Admin"));
        withMembers.put("spotMemberIds", List.of(ada));
        assertThat(spot.post("/v1/groups", withMembers).expect(400).problemFields()).isNotEmpty();
        Map<String, Object> badKind = body("name", "S", "kind", "clever", "rule", cond("role", "eq", "Admin"));
        assertThat(spot.post("/v1/groups", badKind).expect(400).problemFields()).contains("kind");
        // The body's own fields are checked first (typed body), the rule against the Spot once they are well-formed.
        assertThat(spot.post("/v1/groups", body("name", "", "kind", "smart", "rule", cond("colour", "eq", "x")))
                .expect(400).problemFields()).containsExactly("name");
        assertThat(spot.post("/v1/groups", body("name", "S", "kind", "smart", "rule", cond("colour", "eq", "x")))
                .expect(400).problemFields()).contains("rule.field");
        assertThat(groupsTotal(spot)).isZero();
        assertThat(spot.post("/v1/groups", body("name", "Plain", "kind", "static")).expect(201).text("kind"))
                .isEqualTo("static");
    }

    @Test
    void rules_are_limited_in_depth_conditions_and_list_sizes() {
        Api.SpotClient spot = newSpot();
        Object deep = cond("role", "eq", "Admin");
        for (int i = 0; i < 7; i++) {
            deep = all(deep);
        }
        smart(spot, "Deep enough", deep);
        Object tooDeep = cond("role", "eq", "Admin");
        for (int i = 0; i < 15; i++) {
            tooDeep = not(tooDeep);
        }
        spot.post("/v1/groups", smartBody("Too deep", tooDeep)).expect(400);

        List<Object> conditions = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            conditions.add(cond("registrationSource", "neq", "s" + i));
        }
        smart(spot, "200 conditions", Map.of("all", conditions));
        conditions.add(cond("registrationSource", "neq", "one more"));
        spot.post("/v1/groups", smartBody("201 conditions", Map.of("all", conditions))).expect(400);

        List<String> values = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            values.add("source " + i);
        }
        smart(spot, "1000 values", cond("registrationSource", "notin", values));
        values.add("source 1000");
        spot.post("/v1/groups", smartBody("1001 values", cond("registrationSource", "notin", values))).expect(400);
        assertThat(groupsTotal(spot)).isEqualTo(3);
    }

    // ------------------------------------------------------------------------------------------------------------
    // group objects, lists, previews

    @Test
    void a_smart_group_shows_its_kind_rule_and_evaluation_time_and_groups_filter_by_kind() {
        Api.SpotClient spot = newSpot();
        String vip = tag(spot, "VIP");
        String ada = spot.member("ada@example.com");
        String bob = spot.member("bob@example.com");
        spot.member("cid@example.com");
        assign(spot, vip, ada, bob);
        Map<String, Object> rule = cond("tags", "hasAny", List.of("vip"));
        long before = System.currentTimeMillis();
        Api.Response created = spot.post("/v1/groups", smartBody("VIPs", rule)).expect(201);
        long after = System.currentTimeMillis();
        JsonNode smartGroup = created.body();
        assertThat(smartGroup.path("kind").asString()).isEqualTo("smart");
        assertThat(smartGroup.path("rule")).as("stored and returned as sent").isEqualTo(Api.JSON.valueToTree(rule));
        assertThat(smartGroup.path("membersCount").asLong()).isEqualTo(2);
        assertThat(smartGroup.path("ruleEvaluatedAt").isNumber()).isTrue();
        assertThat(smartGroup.path("ruleEvaluatedAt").asLong()).isBetween(before - 1000, after + 1000);
        String id = created.text("id");
        assertThat(group(spot, id).path("rule")).isEqualTo(Api.JSON.valueToTree(rule));
        assertThat(group(spot, id).path("ruleEvaluatedAt").asLong())
                .isEqualTo(smartGroup.path("ruleEvaluatedAt").asLong());

        String plainId = spot.group("Plain");
        JsonNode plain = group(spot, plainId);
        assertThat(plain.path("kind").asString()).isEqualTo("static");
        assertThat(plain.path("rule").isNull()).isTrue();
        assertThat(plain.path("ruleEvaluatedAt").isNull()).isTrue();
        spot.post("/v1/groups/" + plainId + "/spotMembers", Map.of("spotMemberId", ada)).expect(204);
        assertThat(membership(spot, plainId)).containsExactly(Map.entry(ada, "manual"));
        assertThat(membership(spot, id)).containsOnly(Map.entry(ada, "rule"), Map.entry(bob, "rule"));

        JsonNode list = spot.get("/v1/groups").expect(200).body();
        assertThat(list.path("total").asLong()).isEqualTo(2);
        for (JsonNode item : list.path("items")) {
            boolean isSmart = item.path("id").asString().equals(id);
            assertThat(item.path("kind").asString()).isEqualTo(isSmart ? "smart" : "static");
            assertThat(item.path("rule").isNull()).isEqualTo(!isSmart);
        }
        JsonNode smartOnly = spot.get(q("/v1/groups?kind[eq]=smart")).expect(200).body();
        assertThat(ids(smartOnly.path("items"))).containsExactly(id);
        assertThat(smartOnly.path("total").asLong()).isEqualTo(1);
        assertThat(ids(spot.get(q("/v1/groups?kind[eq]=static")).expect(200).body().path("items")))
                .containsExactly(plainId);
        assertThat(spot.get(q("/v1/groups?kind[eq]=clever")).expect(400).problemFields()).containsExactly("kind[eq]");
    }

    @Test
    void preview_counts_every_match_lists_the_first_20_alphabetically_and_saves_nothing() {
        Api.SpotClient spot = newSpot();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new java.util.Random(6));
        for (int i : order) {
            spot.member(String.format("m%02d@match.org", i), "First", String.format("L%02d", i));
        }
        spot.member("aaa@other.org", "A", "A");
        spot.member("zzz@match.org.uk", "Z", "Z");
        Api.Response preview = spot.post("/v1/groups~previewRule",
                Map.of("rule", cond("email", "domainIs", "match.org"))).expect(200);
        assertThat(preview.body().path("count").asLong()).isEqualTo(25);
        List<String> lastnames = new ArrayList<>();
        preview.body().path("items").forEach(m -> lastnames.add(m.path("lastname").asString()));
        List<String> first20 = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            first20.add(String.format("L%02d", i));
        }
        assertThat(lastnames).containsExactlyElementsOf(first20);
        assertThat(preview.body().path("items").get(0).path("email").asString()).isEqualTo("m00@match.org");

        Api.Response none = spot.post("/v1/groups~previewRule",
                Map.of("rule", cond("email", "domainIs", "nowhere.net"))).expect(200);
        assertThat(none.body().path("count").asLong()).isZero();
        assertThat(none.body().path("items").isArray()).isTrue();
        assertThat(none.body().path("items").isEmpty()).isTrue();

        assertThat(spot.post("/v1/groups~previewRule", Map.of("rule", all(cond("email", "like", "x"))))
                .expect(400).problemFields()).containsExactly("rule.all[0].op");
        assertThat(spot.post("/v1/groups~previewRule", Map.of()).expect(400).problemFields()).contains("rule");
        assertThat(groupsTotal(spot)).as("nothing saved").isZero();
    }

    @Test
    void preview_on_a_smart_group_shows_who_would_enter_and_leave_with_exceptions_applied() {
        Api.SpotClient spot = newSpot();
        String vip = tag(spot, "VIP");
        String speaker = tag(spot, "Speaker");
        String a = spot.member("a@example.com", "A", "Vip");
        String b = spot.member("b@example.com", "B", "Both");
        String c = spot.member("c@example.com", "C", "Speaker");
        String d = spot.member("d@example.com", "D", "Nothing");
        String e = spot.member("e@example.com", "E", "Speaker2");
        assign(spot, vip, a, b);
        assign(spot, speaker, b, c, e);
        Map<String, Object> rule = cond("tags", "hasAny", List.of(vip));
        String group = smart(spot, "G", rule);
        assertMembers(spot, group, a, b);

        Map<String, Object> speakers = Map.of("rule", cond("tags", "hasAny", List.of("speaker")));
        JsonNode preview = spot.post("/v1/groups/" + group + "~previewRule", speakers).expect(200).body();
        assertThat(preview.path("count").asLong()).isEqualTo(3);
        assertThat(preview.path("entering").path("count").asLong()).isEqualTo(2);
        assertThat(ids(preview.path("entering").path("items"))).containsExactlyInAnyOrder(c, e);
        assertThat(preview.path("leaving").path("count").asLong()).isEqualTo(1);
        assertThat(ids(preview.path("leaving").path("items"))).containsExactly(a);

        spot.post("/v1/groups/" + group + "/exceptions~bulkAdd", Map.of("spotMemberIds", List.of(c), "type", "exclude"))
                .expect(200);
        spot.post("/v1/groups/" + group + "/exceptions~bulkAdd", Map.of("spotMemberIds", List.of(d), "type", "include"))
                .expect(200);
        assertMembers(spot, group, a, b, d);
        JsonNode withExceptions = spot.post("/v1/groups/" + group + "~previewRule", speakers).expect(200).body();
        assertThat(withExceptions.path("count").asLong()).as("b, d and e").isEqualTo(3);
        assertThat(ids(withExceptions.path("entering").path("items"))).containsExactly(e);
        assertThat(withExceptions.path("entering").path("count").asLong()).isEqualTo(1);
        assertThat(ids(withExceptions.path("leaving").path("items"))).containsExactly(a);

        JsonNode same = spot.post("/v1/groups/" + group + "~previewRule", Map.of("rule", rule)).expect(200).body();
        assertThat(same.path("count").asLong()).isEqualTo(3);
        assertThat(same.path("entering").path("count").asLong()).isZero();
        assertThat(same.path("leaving").path("count").asLong()).isZero();

        assertThat(spot.post("/v1/groups/" + group + "~previewRule", Map.of("rule", cond("tags", "hasAny",
                List.of("ghost")))).expect(400).problemFields()).isNotEmpty().allMatch(f -> f.startsWith("rule.value"));
        assertThat(group(spot, group).path("rule")).as("the preview changed nothing")
                .isEqualTo(Api.JSON.valueToTree(rule));
        assertMembers(spot, group, a, b, d);
        spot.post("/v1/groups/" + UUID.randomUUID() + "~previewRule", speakers).expect(404);
    }

    // ------------------------------------------------------------------------------------------------------------
    // manual edits, exceptions, conversions, rule changes

    @Test
    void manual_membership_edits_on_a_smart_group_are_409s_pointing_to_the_exceptions() {
        Api.SpotClient spot = newSpot();
        String admin = member(spot, body("email", "admin@example.com", "role", "Admin"));
        String plain = spot.member("plain@example.com");
        String group = smart(spot, "Admins", cond("role", "eq", "Admin"));
        List<Api.Response> refused = List.of(
                spot.post("/v1/groups/" + group + "/spotMembers", Map.of("spotMemberId", plain)),
                spot.post("/v1/groups/" + group + "/spotMembers~bulkAdd", Map.of("spotMemberIds", List.of(plain))),
                spot.post("/v1/groups/" + group + "/spotMembers~bulkRemove", Map.of("spotMemberIds", List.of(admin))));
        for (Api.Response response : refused) {
            response.expect(409);
            assertThat(response.body().path("detail").asString()).contains("exceptions~bulkAdd");
        }
        assertMembers(spot, group, admin);
    }

    @Test
    void exceptions_include_and_exclude_members_whatever_the_rule_says() {
        Api.SpotClient spot = newSpot();
        Api.SpotClient other = newSpot();
        String stranger = other.member("stranger@example.com");
        String vip = tag(spot, "VIP");
        String a = spot.member("a@example.com");
        String b = spot.member("b@example.com");
        String c = spot.member("c@example.com");
        String d = spot.member("d@example.com");
        assign(spot, vip, a, b);
        String group = smart(spot, "VIPs", cond("tags", "hasAny", List.of(vip)));
        String exceptions = "/v1/groups/" + group + "/exceptions";

        Api.Response included = spot.post(exceptions + "~bulkAdd", Map.of("type", "include",
                "spotMemberIds", List.of(c, stranger, UUID.randomUUID().toString(), "malformed"))).expect(200);
        assertThat(membership(spot, group)).containsOnly(Map.entry(a, "rule"), Map.entry(b, "rule"),
                Map.entry(c, "exception"));
        assertThat(membersCount(spot, group)).isEqualTo(3);

        spot.post(exceptions + "~bulkAdd", Map.of("type", "exclude", "spotMemberIds", List.of(a, d))).expect(200);
        assertMembers(spot, group, b, c);
        assign(spot, vip, d);                                       // an excluded member who starts matching stays out
        assertMembers(spot, group, b, c);
        unassign(spot, vip, a);
        assign(spot, vip, a);
        assertMembers(spot, group, b, c);

        JsonNode list = spot.get(exceptions).expect(200).body();
        assertThat(list.path("total").asLong()).isEqualTo(3);
        Map<String, String> types = new HashMap<>();
        list.path("items").forEach(item -> {
            types.put(item.path("spotMemberId").asString(), item.path("type").asString());
            assertThat(item.path("createdAt").isMissingNode() || item.path("createdAt").isNull()).isFalse();
        });
        assertThat(types).containsOnly(Map.entry(a, "exclude"), Map.entry(c, "include"), Map.entry(d, "exclude"));
        JsonNode includes = spot.get(q(exceptions + "?type[eq]=include")).expect(200).body();
        assertThat(includes.path("total").asLong()).isEqualTo(1);
        assertThat(includes.path("items").get(0).path("spotMemberId").asString()).isEqualTo(c);
        assertThat(spot.get(q(exceptions + "?type[eq]=exclude")).expect(200).body().path("total").asLong())
                .isEqualTo(2);

        // one exception per member: the other type replaces it
        spot.post(exceptions + "~bulkAdd", Map.of("type", "include", "spotMemberIds", List.of(a))).expect(200);
        assertMembers(spot, group, a, b, c);
        assertThat(spot.get(exceptions).expect(200).body().path("total").asLong()).isEqualTo(3);
        assertThat(spot.get(q(exceptions + "?type[eq]=include")).expect(200).body().path("total").asLong())
                .isEqualTo(2);

        // removing an exception re-evaluates the member against the rule
        Api.Response wrongType = spot.post(exceptions + "~bulkRemove", Map.of("type", "exclude",
                "spotMemberIds", List.of(c))).expect(200);
        assertThat(wrongType.body().path("removedCount").asInt()).isZero();
        assertMembers(spot, group, a, b, c);
        Api.Response removed = spot.post(exceptions + "~bulkRemove", Map.of("spotMemberIds", List.of(c, d, b)))
                .expect(200);
        assertThat(removed.body().path("removedCount").asInt()).isEqualTo(2);
        assertThat(membership(spot, group)).as("c no longer included, d no longer excluded and vip")
                .containsOnly(Map.entry(a, "exception"), Map.entry(b, "rule"), Map.entry(d, "rule"));
        spot.post(exceptions + "~bulkRemove", Map.of("spotMemberIds", List.of(a))).expect(200);
        assertThat(membership(spot, group)).containsOnly(Map.entry(a, "rule"), Map.entry(b, "rule"),
                Map.entry(d, "rule"));
        assertThat(membersCount(spot, group)).isEqualTo(3);

        // an included member who stops matching stays
        spot.post(exceptions + "~bulkAdd", Map.of("type", "include", "spotMemberIds", List.of(b))).expect(200);
        unassign(spot, vip, b);
        assertMembers(spot, group, a, b, d);

        assertThat(spot.post(exceptions + "~bulkAdd", Map.of("type", "sometimes", "spotMemberIds", List.of(c)))
                .expect(400).problemFields()).containsExactly("type");
        assertThat(spot.post(exceptions + "~bulkAdd", Map.of("spotMemberIds", List.of(c))).expect(400)
                .problemFields()).containsExactly("type");
        assertThat(spot.post(exceptions + "~bulkAdd", Map.of("type", "include")).expect(400).problemFields())
                .containsExactly("spotMemberIds");
        assertMembers(spot, group, a, b, d);
        assertThat(spot.get(exceptions).expect(200).body().path("total").asLong()).as("only b's inclusion is left")
                .isEqualTo(1);

        // the first answer, as the contract names its fields
        assertThat(texts(included.body().path("addedSpotMemberIds"))).containsExactly(c);
        assertThat(texts(included.body().path("failedSpotMemberIds"))).hasSize(3).contains(stranger, "malformed");
    }

    @Test
    void exceptions_on_a_static_group_are_409s() {
        Api.SpotClient spot = newSpot();
        String ada = spot.member("ada@example.com");
        String group = spot.group("Static");
        String exceptions = "/v1/groups/" + group + "/exceptions";
        spot.post(exceptions + "~bulkAdd", Map.of("type", "include", "spotMemberIds", List.of(ada))).expect(409);
        spot.post(exceptions + "~bulkRemove", Map.of("spotMemberIds", List.of(ada))).expect(409);
        spot.get(exceptions).expect(409);
        assertThat(membersCount(spot, group)).isZero();
    }

    @Test
    void a_static_group_turned_smart_follows_its_rule() {
        Api.SpotClient spot = newSpot();
        String admin = member(spot, body("email", "admin@example.com", "role", "Admin"));
        String plain = spot.member("plain@example.com");
        String other = member(spot, body("email", "other@example.com", "role", "Admin"));
        String group = spot.group("Was static");
        spot.post("/v1/groups/" + group + "/spotMembers~bulkAdd", Map.of("spotMemberIds", List.of(admin, plain)))
                .expect(200);
        assertThat(membership(spot, group)).containsOnly(Map.entry(admin, "manual"), Map.entry(plain, "manual"));

        Map<String, Object> rule = cond("role", "eq", "Admin");
        JsonNode turned = spot.put("/v1/groups/" + group, Map.of("kind", "smart", "rule", rule)).expect(200).body();
        assertThat(turned.path("kind").asString()).isEqualTo("smart");
        assertThat(turned.path("rule")).isEqualTo(Api.JSON.valueToTree(rule));
        assertThat(turned.path("ruleEvaluatedAt").isNumber()).isTrue();
        assertThat(turned.path("membersCount").asLong()).isEqualTo(2);
        assertThat(membership(spot, group)).containsOnly(Map.entry(admin, "rule"), Map.entry(other, "rule"));
        spot.post("/v1/groups/" + group + "/spotMembers", Map.of("spotMemberId", plain)).expect(409);
        spot.put("/v1/spotMembers/" + admin, Map.of("role", "Member")).expect(200);
        String newAdmin = member(spot, body("email", "new@example.com", "role", "Admin"));
        assertMembers(spot, group, other, newAdmin);
        assertThat(spot.get(q("/v1/groups?kind[eq]=smart")).expect(200).body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void a_smart_group_turned_static_keeps_its_members_and_is_no_longer_kept_current() {
        Api.SpotClient spot = newSpot();
        String admin = member(spot, body("email", "admin@example.com", "role", "Admin"));
        String plain = spot.member("plain@example.com");
        String other = member(spot, body("email", "other@example.com", "role", "Admin"));
        Map<String, Object> rule = cond("role", "eq", "Admin");
        String smartGroup = smart(spot, "Was smart", rule);
        spot.post("/v1/groups/" + smartGroup + "/exceptions~bulkAdd", Map.of("type", "include",
                "spotMemberIds", List.of(plain))).expect(200);
        assertMembers(spot, smartGroup, admin, other, plain);
        JsonNode back = spot.put("/v1/groups/" + smartGroup, Map.of("kind", "static")).expect(200).body();
        assertThat(back.path("kind").asString()).isEqualTo("static");
        assertThat(back.path("rule").isNull()).isTrue();
        assertThat(back.path("ruleEvaluatedAt").isNull()).isTrue();
        assertThat(back.path("membersCount").asLong()).isEqualTo(3);
        assertThat(membership(spot, smartGroup)).containsOnly(Map.entry(admin, "manual"), Map.entry(other, "manual"),
                Map.entry(plain, "manual"));
        // no longer kept current, and hand-editable again
        spot.put("/v1/spotMembers/" + admin, Map.of("role", "Member")).expect(200);
        String newAdmin = member(spot, body("email", "new@example.com", "role", "Admin"));
        assertMembers(spot, smartGroup, admin, other, plain);
        spot.post("/v1/groups/" + smartGroup + "/spotMembers~bulkRemove", Map.of("spotMemberIds", List.of(plain)))
                .expect(200);
        spot.post("/v1/groups/" + smartGroup + "/spotMembers", Map.of("spotMemberId", newAdmin)).expect(204);
        assertMembers(spot, smartGroup, admin, other, newAdmin);
        spot.get("/v1/groups/" + smartGroup + "/exceptions").expect(409);
        assertThat(spot.get(q("/v1/groups?kind[eq]=smart")).expect(200).body().path("total").asLong()).isZero();
    }

    @Test
    void changing_the_rule_reevaluates_the_whole_spot_and_moves_ruleEvaluatedAt() throws InterruptedException {
        Api.SpotClient spot = newSpot();
        String admin = member(spot, body("email", "admin@example.com", "role", "Admin"));
        String accepted = member(spot, body("email", "accepted@example.com", "status", "Accepted"));
        String both = member(spot, body("email", "both@example.com", "role", "Admin", "status", "Accepted"));
        String group = smart(spot, "G", cond("role", "eq", "Admin"));
        long first = group(spot, group).path("ruleEvaluatedAt").asLong();
        assertMembers(spot, group, admin, both);
        Thread.sleep(5);
        Map<String, Object> rule = cond("status", "eq", "Accepted");
        JsonNode changed = setRule(spot, group, rule).expect(200).body();
        assertThat(changed.path("rule")).isEqualTo(Api.JSON.valueToTree(rule));
        assertThat(changed.path("membersCount").asLong()).isEqualTo(2);
        assertThat(changed.path("ruleEvaluatedAt").asLong()).isGreaterThan(first);
        assertMembers(spot, group, accepted, both);
        JsonNode renamed = spot.put("/v1/groups/" + group, Map.of("name", "Renamed")).expect(200).body();
        assertThat(renamed.path("rule")).as("a rename keeps the rule").isEqualTo(Api.JSON.valueToTree(rule));
        assertThat(renamed.path("kind").asString()).isEqualTo("smart");
        assertMembers(spot, group, accepted, both);
    }

    @Test
    void another_spots_key_gets_404_on_the_smart_group_endpoints() {
        Api.SpotClient spot = newSpot();
        Api.SpotClient other = newSpot();
        String admin = member(spot, body("email", "admin@example.com", "role", "Admin"));
        String theirs = other.member("theirs@example.com");
        String group = smart(spot, "Admins", cond("role", "eq", "Admin"));
        String base = "/v1/groups/" + group;
        Map<String, Object> rule = Map.of("rule", cond("role", "eq", "Member"));
        other.get(base).expect(404);
        other.put(base, rule).expect(404);
        other.put(base, Map.of("kind", "static")).expect(404);
        other.post(base + "~previewRule", rule).expect(404);
        other.get(base + "/spotMembers").expect(404);
        other.post(base + "/exceptions~bulkAdd", Map.of("type", "include", "spotMemberIds", List.of(theirs)))
                .expect(404);
        other.post(base + "/exceptions~bulkRemove", Map.of("spotMemberIds", List.of(admin))).expect(404);
        other.get(base + "/exceptions").expect(404);
        assertThat(other.get(q("/v1/groups?kind[eq]=smart")).expect(200).body().path("total").asLong()).isZero();
        assertThat(other.post("/v1/groups~previewRule", rule).expect(200).body().path("count").asLong())
                .as("only their own member").isEqualTo(1);
        spot.get(base + "/exceptions").expect(200);
        assertThat(group(spot, group).path("rule"))
                .isEqualTo(Api.JSON.valueToTree(cond("role", "eq", "Admin")));
        assertMembers(spot, group, admin);
    }

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
