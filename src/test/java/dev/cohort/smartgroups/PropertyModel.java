package dev.cohort.smartgroups;

import static dev.cohort.smartgroups.PropertyFixtures.DATES;
import static dev.cohort.smartgroups.PropertyFixtures.DOMAINS;
import static dev.cohort.smartgroups.PropertyFixtures.NODES;
import static dev.cohort.smartgroups.PropertyFixtures.NUMBERS;
import static dev.cohort.smartgroups.PropertyFixtures.PLAN;
import static dev.cohort.smartgroups.PropertyFixtures.TEXTS;
import static dev.cohort.smartgroups.PropertyFixtures.TOPICS;
import static dev.cohort.smartgroups.PropertyFixtures.longOrNull;
import static dev.cohort.smartgroups.PropertyFixtures.number;
import static dev.cohort.smartgroups.PropertyFixtures.textOrNull;
import static dev.cohort.smartgroups.PropertyFixtures.texts;

import dev.cohort.smartgroups.PropertyFixtures.Prop;
import dev.cohort.support.Api;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The in-memory model of one round of {@link SmartGroupPropertyApiTest}: its random stream, the Spot's members
 * (with their property values), tags, custom roles and select options as last reloaded from the API, the smart
 * groups with their exceptions as the test made them, the requests that may change them (counted, and marking
 * the model stale), and the random picks over that state.
 */
abstract class PropertyModel {
    /** A member as the API returns it, with its property values (slug to non-null value). */
    record Member(String id, String email, String firstname, String lastname, String role, String customRoleId,
                  String status, JsonNode registrationSource, List<String> tagIds, Long registrationDate,
                  Long invitationDate, Long lastActivityAt, Map<String, JsonNode> values, JsonNode raw) {
    }

    record Tag(String id, String name) {
    }

    /** A smart group: its current rule (as sent) and its exceptions (member id to include/exclude), as modelled. */
    static final class SmartGroup {
        final String id;
        final String name;
        JsonNode rule;
        final Map<String, String> exceptions = new TreeMap<>();

        SmartGroup(String id, String name, JsonNode rule) {
            this.id = id;
            this.name = name;
            this.rule = rule;
        }
    }

    final SplittableRandom rnd;
    final Api.SpotClient spot;
    int step;
    String stepDescription = "setup";
    final List<String> log = new ArrayList<>();
    final Map<String, Integer> stepCounts = new TreeMap<>();
    int checks;
    int requests;
    final long started = System.currentTimeMillis();
    long membershipSum;
    int emptyGroups;
    int fullGroups;

    int emailCounter;
    int groupCounter;
    int tagCounter;
    final List<String> customRoleIds = new ArrayList<>();
    final Map<String, String> roleLabels = new HashMap<>();
    int roleCounter;
    final Map<String, String> propertyIds = new HashMap<>();
    /** The current possibleValues of the select properties. */
    final Map<String, List<String>> options = new HashMap<>(Map.of("plan", new ArrayList<>(PLAN), "topics",
            new ArrayList<>(TOPICS)));
    /** Smart groups turned static: the members they kept. */
    final Map<String, Set<String>> frozen = new TreeMap<>();
    final List<String> known = new ArrayList<>();
    final List<SmartGroup> groups = new ArrayList<>();
    Map<String, Member> members = new LinkedHashMap<>();
    List<Tag> tags = new ArrayList<>();
    /** Whether members, tags and values are as loaded (no request that may change them since). */
    boolean fresh;
    int reloads;
    boolean exceptionsTouched;
    int exceptionChecks;
    /** Property values by member, reloaded when a step wrote some (and all of them every tenth reload). */
    final Map<String, Map<String, JsonNode>> valueCache = new HashMap<>();
    final Set<String> valuesLoaded = new HashSet<>();
    final Set<String> dirtyValues = new HashSet<>();

    PropertyModel(long roundSeed, Supplier<Api.SpotClient> newSpot) {
        this.rnd = new SplittableRandom(roundSeed);
        this.spot = newSpot.get();
    }

    // ------------------------------------------------------------------------------------------------ state

    Api.Response get(String path) {
        requests++;
        return spot.get(path);
    }

    /** A POST that changes nothing (previews). */
    Api.Response query(String path, Object body) {
        requests++;
        return spot.post(path, body);
    }

    Api.Response post(String path, Object body) {
        fresh = false;
        return query(path, body);
    }

    Api.Response put(String path, Object body) {
        requests++;
        fresh = false;
        return spot.put(path, body);
    }

    Api.Response delete(String path) {
        requests++;
        fresh = false;
        return spot.delete(path);
    }

    void reload() {
        if (fresh) {
            return;
        }
        reloadMembers();
        reloadTags();
        boolean full = ++reloads % 10 == 0;
        for (Member m : members.values()) {
            String id = m.id();
            if (!full && valuesLoaded.contains(id) && !dirtyValues.contains(id)) {
                continue;
            }
            Map<String, JsonNode> values = new TreeMap<>();
            JsonNode items = get("/v1/spotMembers/" + id + "/customPropertiesValues?limit=100")
                    .expect(200).body().path("items");
            for (JsonNode item : items) {
                JsonNode value = item.path("value");
                if (!value.isNull() && !value.isMissingNode()) {
                    values.put(item.path("customPropertySlug").asString(), value);
                }
            }
            if (valuesLoaded.contains(id) && !dirtyValues.contains(id) && !values.equals(m.values())) {
                throw new AssertionError("the property values of member " + id + " changed although no request "
                        + "wrote them: " + m.values() + " became " + values);
            }
            m.values().clear();
            m.values().putAll(values);
            valuesLoaded.add(id);
        }
        dirtyValues.clear();
        known.retainAll(members.keySet());
        fresh = true;
    }

    void reloadMembers() {
        Map<String, Member> loaded = new LinkedHashMap<>();
        for (int page = 1; ; page++) {
            JsonNode body = get("/v1/spotMembers?limit=100&page=" + page).expect(200).body();
            for (JsonNode m : body.path("items")) {
                List<String> tagIds = texts(m.path("tagIds"));
                JsonNode source = m.path("registrationSource");
                loaded.put(m.path("id").asString(), new Member(m.path("id").asString(), m.path("email").asString(),
                        m.path("firstname").asString(), m.path("lastname").asString(), m.path("role").asString(),
                        textOrNull(m.path("customRoleId")), m.path("status").asString(),
                        source.isObject() ? source : null, tagIds, longOrNull(m.path("registrationDate")),
                        longOrNull(m.path("invitationDate")), longOrNull(m.path("lastActivityAt")),
                        valueCache.computeIfAbsent(m.path("id").asString(), k -> new TreeMap<>()), m));
            }
            if (body.path("items").size() < 100) {
                break;
            }
        }
        members = loaded;
    }

    void reloadTags() {
        List<Tag> loaded = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode body = get("/v1/tags?limit=100&page=" + page).expect(200).body();
            body.path("items").forEach(t -> loaded.add(new Tag(t.path("id").asString(), t.path("name").asString())));
            if (body.path("items").size() < 100) {
                break;
            }
        }
        tags = loaded;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    JsonNode randomValue(Prop p) {
        return switch (p.type()) {
            case "Text" -> NODES.stringNode(rnd.nextInt(6) == 0 ? "" : pick(TEXTS));
            case "SingleSelect" -> NODES.stringNode(pick(options.get("plan")));
            case "MultipleSelect" -> {
                ArrayNode array = NODES.arrayNode();
                for (String option : options.get("topics")) {
                    if (rnd.nextInt(3) == 0) {
                        array.add(option);
                    }
                }
                yield array;
            }
            case "Boolean" -> NODES.booleanNode(rnd.nextBoolean());
            case "Number" -> number(pick(NUMBERS));
            default -> {
                long date = pick(DATES);
                int form = rnd.nextInt(3);
                yield form == 0 ? NODES.numberNode(date) : form == 1 && date % 86_400 == 0
                        ? NODES.stringNode(LocalDate.ofEpochDay(date / 86_400).toString())
                        : NODES.stringNode(Instant.ofEpochSecond(date).toString());
            }
        };
    }

    Map<String, Object> valueItem(String slug, JsonNode value) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("customPropertySlug", slug);
        item.put("value", value);
        return item;
    }

    String newEmail() {
        String local = "u" + (++emailCounter) + "." + (char) ('a' + rnd.nextInt(26));
        return (rnd.nextInt(5) == 0 ? local.toUpperCase(Locale.ROOT) : local) + "@" + pick(DOMAINS);
    }

    String flipCase(String text) {
        return switch (rnd.nextInt(3)) {
            case 0 -> text;
            case 1 -> text.toUpperCase(Locale.ROOT);
            default -> text.toLowerCase(Locale.ROOT);
        };
    }

    <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    /** Distinct random members, in a random order. */
    List<String> pickMembers(int count) {
        List<String> pool = new ArrayList<>(known);
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < count && !pool.isEmpty(); i++) {
            chosen.add(pool.remove(rnd.nextInt(pool.size())));
        }
        return chosen;
    }

    <T> List<T> subset(List<T> pool, int min) {
        List<T> chosen = new ArrayList<>();
        for (T t : pool) {
            if (rnd.nextInt(3) == 0) {
                chosen.add(t);
            }
        }
        while (chosen.size() < min) {
            T t = pick(pool);
            if (!chosen.contains(t)) {
                chosen.add(t);
            }
        }
        return chosen;
    }

    String emailOf(String id) {
        Member m = members.get(id);
        if (m == null) {
            throw new IllegalStateException("the test picked member " + id + " before reloading it");
        }
        return m.email();
    }
}
