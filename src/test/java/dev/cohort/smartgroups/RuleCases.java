package dev.cohort.smartgroups;

import static dev.cohort.smartgroups.SmartGroups.ids;
import static dev.cohort.smartgroups.SmartGroups.json;
import static dev.cohort.smartgroups.SmartGroups.membership;
import static dev.cohort.smartgroups.SmartGroups.property;
import static dev.cohort.smartgroups.SmartGroups.smart;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The cases of the rule tests: a rule and the members it must select, checked three ways (see {@link #check}). */
final class RuleCases {
    private RuleCases() {
    }

    /** A rule and the labels of the members it must select. */
    record Case(Object rule, List<String> expected) {
    }

    static Case c(Object rule, String... expected) {
        return new Case(rule, List.of(expected));
    }

    /** Members by label, for setting up and for readable failures. */
    static final class People {
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
    static List<String> earlyGroups(Api.SpotClient spot, List<Case> cases) {
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
    static void check(Api.SpotClient spot, People people, List<String> early, List<Case> cases) {
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
    static Map<String, Long> membersCounts(Api.SpotClient spot) {
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

    static void compare(List<String> failures, String how, String rule, Set<String> expected,
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

    /** Sets a member's dates (null clears one). */
    static void setDates(JdbcClient jdbc, Api.SpotClient spot, String member, Instant registration, Instant invitation,
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

    /** The custom properties of the property tests, one of each type. */
    static void properties(Api.SpotClient spot) {
        property(spot, "company", "Text", null);
        property(spot, "plan", "SingleSelect", List.of("Free", "Pro", "Team"));
        property(spot, "topics", "MultipleSelect", List.of("Java", "Go", "Rust"));
        property(spot, "newsletter", "Boolean", null);
        property(spot, "seats", "Number", null);
        property(spot, "renewal", "Date", null);
    }
}
