package dev.cohort.smartgroups;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The randomised test of issue 6: on random members and random rules, after random sequences of member updates,
 * tag changes, property values, imports, deletions, rule changes and exceptions, the stored membership of every smart
 * group equals its rule evaluated afresh by the independent evaluator below ({@link Round#matches}), written from the
 * contract alone (/work/contract/smart-groups.md), never from the production classes.
 *
 * <p>One Spot per round: tags, custom roles, one custom property of each type, ~40 members (random role, status,
 * custom role, email domains with subdomains, registrationSource or none, tags, property values or none) and 7 smart
 * groups with random rules (every field, every operator valid for it, nested all/any/not) and random exceptions. Each
 * step is one of: update a member (PUT), create or bulk-invite members, assign/unassign a tag to at most 5 members or
 * to more (the SQL path), set or clear property values, import a CSV of new and existing members (at most 5 rows or
 * more), delete a member, change a rule (sometimes a one-condition edit, with {@code ~previewRule} checked against the
 * evaluator), add or remove exceptions, create a smart group, turn a static group smart or a smart group static (it
 * must then keep its members), a manual membership edit (refused with a 409), create or delete a tag (never one a rule
 * names by name: whether names resolve at save or at evaluation is not in the contract), create or delete a custom
 * role, remove or restore an option of a select property. After each step every smart group is compared (members,
 * membershipSource, membersCount, kind, rule as sent, ruleEvaluatedAt, exceptions), then two random conditions are
 * previewed over the Spot ({@code POST /v1/groups~previewRule}) against the evaluator.
 *
 * <p>Reproducible: the seed comes from the system property {@code cohort.seed} (random otherwise), is printed at the
 * start and is in every failure message. {@code cohort.rounds} and {@code cohort.steps} scale the run (default 3 rounds
 * of 40 steps). Member changes are checked in batches of 5 members, so that imports and bulk tag assignments span
 * several batches; rule changes are evaluated over the whole Spot.
 *
 * <p>The state the evaluator reads is reloaded from the API after every step: members and tags, and the property
 * values of the members a step wrote values for (all of them every tenth reload, which also checks that no other
 * values changed). Only the exceptions are modelled by the test (and compared with the stored exceptions). Date
 * conditions keep away from boundaries: relative ones use N of at least one day (members are seconds old), absolute
 * ones are days away from now or on a whole second at least one second away from every member date (every later
 * date is set to "now", later still).
 */
@TestPropertySource(properties = "COHORT_SMART_BATCH_MEMBERS=" + SmartGroupPropertyApiTest.BATCH)
class SmartGroupPropertyApiTest extends ApiTest {
    static final int BATCH = 5;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long DAY = 86_400_000L;

    private static final List<String> ROLES = List.of("Member", "Admin");
    private static final List<String> STATUSES = List.of("Accepted", "Deactivated", "DeclinedInvitation", "Invited",
            "Left", "Pending", "Rejected");
    private static final List<String> TAG_NAMES = List.of("VIP", "early", "Speaker", "beta-tester", "Alumni");
    private static final List<String> CUSTOM_ROLES = List.of("Coach", "Mentor", "Moderator");
    private static final List<String> SOURCES = List.of("google", "Google", "newsletter", "partner-x");
    private static final List<String> DOMAINS = List.of("example.com", "a.example.com", "x.b.example.com",
            "badexample.com", "example.org", "mail.example.org", "EXAMPLE.com", "Sub.Example.Org", "other.net");
    private static final List<String> DOMAIN_RULES = List.of("example.com", "Example.COM", "a.example.com",
            "b.example.com", "badexample.com", "example.org", "MAIL.example.org", "xample.com", "other.net",
            "nowhere.io");
    private static final List<String> EMAIL_FRAGMENTS = List.of("ample", "A.EX", "@a.", ".org", "u1", "bad", "@");

    private static final List<String> TEXTS = List.of("ACME", "acme", "Acme Corp", "Globex", "initech",
            "Big, \"Inc.\"");
    private static final List<String> TEXT_RULES = List.of("ACME", "acme", "Globex", "Acme Corp", "Big, \"Inc.\"",
            "none");
    private static final List<String> TEXT_CONTAINS = List.of("acme", "CORP", "ob", "zzz", "I", "\"inc");
    private static final List<String> PLAN = List.of("Free", "Pro", "Team");
    private static final List<String> TOPICS = List.of("Java", "Go", "Rust", "Python");
    private static final List<Double> NUMBERS = List.of(-3.0, 0.0, 1.0, 2.5, 7.0, 10.0, 100.0);
    private static final List<Double> NUMBER_RULES = List.of(-3.0, -1.0, 0.0, 1.0, 2.5, 5.0, 7.0, 10.0, 100.0);
    /** 2023-01-15, 2024-05-01, 2024-05-01T12:00:00Z, 2025-01-01 (Unix seconds). */
    private static final List<Long> DATES = List.of(1_673_740_800L, 1_714_521_600L, 1_714_564_800L, 1_735_689_600L);

    private static final List<Prop> PROPS = List.of(
            new Prop("company", "Company", "Text", null),
            new Prop("plan", "Plan", "SingleSelect", PLAN),
            new Prop("topics", "Topics", "MultipleSelect", TOPICS),
            new Prop("newsletter", "Newsletter", "Boolean", null),
            new Prop("seats", "Seats", "Number", null),
            new Prop("renewal", "Renewal", "Date", null));

    /** Fields with weights: each custom property type weighs about as much as a member field. */
    private static final List<String> MEMBER_FIELDS = weighted(Map.of("role", 2, "customRoleId", 2, "status", 3,
            "registrationSource", 3, "tags", 4, "email", 5, "registrationDate", 2, "invitationDate", 2,
            "lastActivityAt", 1, "customProperty", 12));

    record Prop(String slug, String label, String type, List<String> options) {
    }

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

    @Test
    void stored_smart_membership_always_equals_the_rule_evaluated_afresh() {
        String property = System.getProperty("cohort.seed");
        long seed = property == null || property.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(property.trim());
        int rounds = Integer.getInteger("cohort.rounds", 3);
        int steps = Integer.getInteger("cohort.steps", 40);
        System.out.println("SmartGroupPropertyApiTest: seed " + seed + " (" + rounds + " rounds of " + steps
                + " steps; reproduce with -Dcohort.seed=" + seed + ")");
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int round = 1; round <= rounds; round++) {
            long roundSeed = seeds.nextLong();
            Round r = new Round(seed, round, roundSeed);
            try {
                r.run(steps);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("[seed " + seed + ", round " + round + " (round seed " + roundSeed
                        + "), step " + r.step + ": " + r.stepDescription + "; reproduce with -Dcohort.seed=" + seed
                        + "]\n" + e.getMessage() + "\nrecent steps:\n  " + String.join("\n  ", r.recentSteps())
                        + "\nsmart groups:\n  " + String.join("\n  ", r.groups.stream().map(g -> g.id + " " + g.rule
                        + " exceptions " + g.exceptions).toList())
                        + "\n(reproduce with -Dcohort.seed=" + seed + ")", e);
            }
            System.out.println("SmartGroupPropertyApiTest: round " + round + " passed: " + r.summary());
        }
    }

    /** One Spot, its members and smart groups, driven by one random stream. */
    final class Round {
        final long seed;
        final int round;
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

        Round(long seed, int round, long roundSeed) {
            this.seed = seed;
            this.round = round;
            this.rnd = new SplittableRandom(roundSeed);
            this.spot = newSpot();
        }

        List<String> recentSteps() {
            return log.subList(Math.max(0, log.size() - 12), log.size());
        }

        String summary() {
            return (System.currentTimeMillis() - started) + " ms, " + requests + " requests, " + checks
                    + " group checks, average membership " + (checks == 0 ? 0 : membershipSum / checks)
                    + " of ~" + members.size() + " members, " + emptyGroups + " empty, " + fullGroups
                    + " everyone; steps " + stepCounts;
        }

        void run(int steps) {
            setup();
            for (step = 1; step <= steps; step++) {
                randomStep();
                log.add(step + ": " + stepDescription);
                check();
                probe();
                probe();
            }
        }

        // ------------------------------------------------------------------------------------------------ setup

        void setup() {
            for (String name : TAG_NAMES) {
                post("/v1/tags", Map.of("name", name)).expect(201);
            }
            for (String label : CUSTOM_ROLES) {
                String id = post("/v1/spotMemberCustomRole", Map.of("label", label)).expect(201).text("id");
                customRoleIds.add(id);
                roleLabels.put(id, label);
            }
            for (Prop p : PROPS) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("slug", p.slug());
                body.put("label", p.label());
                body.put("type", p.type());
                if (p.options() != null) {
                    body.put("possibleValues", p.options());
                }
                propertyIds.put(p.slug(), post("/v1/customProperties", body).expect(201).text("id"));
            }
            reload();
            // Two groups before any member: members created later must enter them as they are created.
            stepDescription = "setup: two smart groups on an empty Spot";
            createGroup();
            createGroup();
            stepDescription = "setup: first members";
            int initial = 34 + rnd.nextInt(8);
            for (int i = 0; i < initial / 2; i++) {
                createMember(true);
            }
            long firstHalf = System.currentTimeMillis();
            stepDescription = "setup: tags of the first members";
            assignSetupTags();
            check();
            stepDescription = "setup: five more smart groups";
            for (int i = 0; i < 5; i++) {
                createGroup();
            }
            // A pause of 3 s at least between the two halves, so that a date threshold can fall between them, a second
            // away from every member's dates.
            sleep(Math.max(0, 3_000 - (System.currentTimeMillis() - firstHalf)));
            stepDescription = "setup: second members";
            for (int i = initial / 2; i < initial; i++) {
                createMember(true);
            }
            reload();
            stepDescription = "setup: tags of the second members";
            assignSetupTags();
            check();
            stepDescription = "setup: exceptions";
            for (SmartGroup g : groups) {
                if (rnd.nextBoolean()) {
                    addExceptions(g, 1 + rnd.nextInt(4));
                }
            }
            log.add("setup: " + known.size() + " members, " + groups.size() + " smart groups");
            check();
        }

        void assignSetupTags() {
            for (Tag tag : tags) {
                List<String> ids = pickMembers(rnd.nextInt(known.size() / 2 + 1));
                post("/v1/tags/" + tag.id() + "/spotMembers~bulkAssign", Map.of("spotMemberIds", ids))
                        .expect(204);
            }
        }

        // ------------------------------------------------------------------------------------------------ steps

        record Kind(String name, int weight, Runnable action) {
        }

        void randomStep() {
            boolean crowded = known.size() > 48;
            List<Kind> kinds = List.of(
                    new Kind("update member", 16, this::updateMember),
                    new Kind("tags few", 10, () -> tagMembers(1 + rnd.nextInt(BATCH))),
                    new Kind("tags bulk", 8, () -> tagMembers(BATCH + 1 + rnd.nextInt(15))),
                    new Kind("property values", 14, this::setValues),
                    new Kind("import", 12, () -> importCsv(rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(BATCH)
                            : BATCH + 1 + rnd.nextInt(12))),
                    new Kind("delete member", 5, this::deleteMember),
                    new Kind("create member", 6, () -> {
                        if (crowded) {
                            deleteMember();
                        } else {
                            createMember(false);
                        }
                    }),
                    new Kind("bulk invite", 4, () -> {
                        if (crowded) {
                            deleteMember();
                        } else {
                            bulkInvite(1 + rnd.nextInt(2 * BATCH));
                        }
                    }),
                    new Kind("change rule", 14, this::changeRule),
                    new Kind("add exceptions", 9, () -> addExceptions(pick(groups), 1 + rnd.nextInt(2 * BATCH))),
                    new Kind("remove exceptions", 6, () -> removeExceptions(pick(groups))),
                    new Kind("create group", 3, this::createGroup),
                    new Kind("static group made smart", 2, this::convertStaticGroup),
                    new Kind("smart group made static", 2, this::freezeGroup),
                    new Kind("manual edit refused", 2, this::manualEdit),
                    new Kind("delete tag", 3, this::deleteTag),
                    new Kind("create tag", 3, () -> {
                        String name = "topic-" + (++tagCounter);
                        post("/v1/tags", Map.of("name", name)).expect(201);
                        stepDescription = "create tag " + name;
                    }),
                    new Kind("custom roles", 3, this::changeCustomRoles),
                    new Kind("select options", 3, this::changeOptions));
            int total = kinds.stream().mapToInt(Kind::weight).sum();
            int roll = rnd.nextInt(total);
            for (Kind kind : kinds) {
                roll -= kind.weight();
                if (roll < 0) {
                    stepDescription = kind.name() + " (failed before it completed)";
                    kind.action().run();
                    stepCounts.merge(kind.name(), 1, Integer::sum);
                    return;
                }
            }
        }

        void changeCustomRoles() {
            if (customRoleIds.size() >= 2 && (customRoleIds.size() >= 5 || rnd.nextBoolean())) {
                String id = pick(customRoleIds);
                delete("/v1/spotMemberCustomRole/" + id).expect(204);
                customRoleIds.remove(id);
                stepDescription = "delete custom role " + id + " (" + roleLabels.get(id) + ")";
            } else {
                String label = "Role " + (++roleCounter);
                String id = post("/v1/spotMemberCustomRole", Map.of("label", label)).expect(201).text("id");
                customRoleIds.add(id);
                roleLabels.put(id, label);
                stepDescription = "create custom role " + id + " (" + label + ")";
            }
        }

        /** Removes an option of a select property (members lose it) or puts one back. */
        void changeOptions() {
            String slug = rnd.nextBoolean() ? "plan" : "topics";
            List<String> current = new ArrayList<>(options.get(slug));
            List<String> missing = new ArrayList<>(slug.equals("plan") ? PLAN : TOPICS);
            missing.removeAll(current);
            if (!missing.isEmpty() && (current.size() <= 2 || rnd.nextBoolean())) {
                current.add(pick(missing));
            } else {
                current.remove(pick(current));
            }
            put("/v1/customProperties/" + propertyIds.get(slug), Map.of("possibleValues", current)).expect(200);
            options.put(slug, current);
            dirtyValues.addAll(members.keySet());
            stepDescription = "possibleValues of " + slug + " set to " + current;
        }

        /** PUT {"kind": "static"}: the group keeps its members and no longer follows its rule. */
        void freezeGroup() {
            if (groups.size() <= 4 || frozen.size() >= 3) {
                changeRule();
                return;
            }
            SmartGroup group = pick(groups);
            reload();
            Set<String> members = expected(group);
            Api.Response response = put("/v1/groups/" + group.id, Map.of("kind", "static"));
            stepDescription = "turn smart group " + group.id + " static (keeping " + members.size() + " members)";
            if (response.status() != 200 || !"static".equals(response.body().path("kind").asString())
                    || !response.body().path("rule").isNull()
                    || response.body().path("membersCount").asLong(-1) != members.size()) {
                throw new AssertionError("PUT {\"kind\": \"static\"} on smart group " + group.id + " with "
                        + members.size() + " members answered " + response.status() + " " + response.raw().body());
            }
            groups.remove(group);
            frozen.put(group.id, members);
        }

        /** A static group with hand-picked members turned smart: its members are then the rule's. */
        void convertStaticGroup() {
            reload();
            List<String> manual = pickMembers(rnd.nextInt(8));
            String name = "Static " + (++groupCounter);
            String id = post("/v1/groups", Map.of("name", name, "spotMemberIds", manual)).expect(201).text("id");
            JsonNode rule = randomRule();
            ObjectNode body = NODES.objectNode();
            body.put("kind", "smart");
            body.set("rule", rule);
            Api.Response response = put("/v1/groups/" + id, body);
            stepDescription = "static group " + id + " with " + manual + " turned smart with rule " + rule;
            if (response.status() != 200) {
                throw new AssertionError("PUT {\"kind\": \"smart\", \"rule\": ...} on static group " + id + " answered "
                        + response.status() + ": " + response.raw().body() + "\nrule: " + rule);
            }
            SmartGroup group = new SmartGroup(id, name, rule);
            groups.add(group);
            expectRuleEcho(response.body(), rule, "PUT /v1/groups/" + id);
            expectCount(group, response.body(), expected(rule, Map.of()), "PUT /v1/groups/" + id);
        }

        /** Adding or removing members by hand is refused on a smart group, naming the exceptions endpoint. */
        void manualEdit() {
            SmartGroup group = pick(groups);
            String member = pick(known);
            Api.Response response = switch (rnd.nextInt(3)) {
                case 0 -> post("/v1/groups/" + group.id + "/spotMembers", Map.of("spotMemberId", member));
                case 1 -> post("/v1/groups/" + group.id + "/spotMembers~bulkAdd", Map.of("spotMemberIds",
                        List.of(member)));
                default -> post("/v1/groups/" + group.id + "/spotMembers~bulkRemove", Map.of("spotMemberIds",
                        List.of(member)));
            };
            stepDescription = "manual " + response.raw().request().uri().getPath() + " of " + member + " on smart group";
            if (response.status() != 409 || !response.body().path("detail").asString()
                    .contains("/v1/groups/" + group.id + "/exceptions~bulkAdd")) {
                throw new AssertionError(stepDescription + " answered " + response.status() + " "
                        + response.raw().body() + "; expected a 409 whose detail names /v1/groups/" + group.id
                        + "/exceptions~bulkAdd");
            }
        }

        /** A random condition or shallow rule previewed over the Spot (set-based SQL) against the evaluator. */
        void probe() {
            JsonNode rule = rnd.nextInt(10) < 7 ? condition() : node(0, 1);
            stepDescription = "probe " + rule;
            previewNew(rule);
        }

        void createMember(boolean initial) {
            Map<String, Object> body = new LinkedHashMap<>();
            String email = newEmail();
            body.put("email", email);
            body.put("firstname", pick(List.of("Ada", "Alan", "Grace", "Edsger", "Barbara")));
            body.put("lastname", "L" + rnd.nextInt(1000));
            if (rnd.nextInt(4) > 0) {
                body.put("role", pick(ROLES));
            }
            if (rnd.nextInt(5) > 0) {
                body.put("status", pick(STATUSES));
            }
            if (rnd.nextBoolean()) {
                body.put("customRoleId", pick(customRoleIds));
            }
            int source = rnd.nextInt(6);
            if (source == 1) {
                body.put("registrationSource", Map.of("utm_source", pick(SOURCES)));
            } else if (source == 2) {
                body.put("registrationSource", Map.of("source", pick(SOURCES)));
            } else if (source == 3) {
                body.put("registrationSource", Map.of("utm_source", pick(SOURCES), "source", pick(SOURCES),
                        "utm_medium", "email"));
            } else if (source == 4) {
                body.put("registrationSource", Map.of("utm_campaign", "spring"));
            } else if (source == 5) {
                body.put("registrationSource", Map.of("utm_source", pick(SOURCES), "utm_campaign", "spring"));
            }
            String id = post("/v1/spotMembers", body).expect(201).text("id");
            known.add(id);
            stepDescription = "create member " + id + " " + Api.JSON.writeValueAsString(body);
            if (initial || rnd.nextBoolean()) {
                List<Map<String, Object>> values = new ArrayList<>();
                for (Prop p : PROPS) {
                    if (rnd.nextInt(3) > 0) {
                        values.add(valueItem(p.slug(), randomValue(p)));
                    }
                }
                post("/v1/spotMembers/" + id + "/customPropertiesValues", values).expect(200);
                dirtyValues.add(id);
                stepDescription += ", then values " + Api.JSON.writeValueAsString(values);
            }
        }

        void bulkInvite(int count) {
            List<String> emails = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                emails.add(newEmail());
            }
            if (!known.isEmpty() && rnd.nextInt(3) == 0) {
                emails.add(flipCase(emailOf(pick(known))));
            }
            Api.Response response = post("/v1/spotMembers~bulkInvite",
                    Map.of("emails", emails, "withEmailNotification", false)).expect(201);
            response.body().path("created").forEach(m -> known.add(m.path("id").asString()));
            stepDescription = "bulk invite " + emails;
        }

        void updateMember() {
            String id = pick(known);
            Map<String, Object> body = new LinkedHashMap<>();
            if (rnd.nextInt(3) == 0) {
                body.put("role", pick(ROLES));
            }
            if (rnd.nextInt(2) == 0) {
                body.put("status", pick(STATUSES));
            }
            if (rnd.nextInt(3) == 0) {
                body.put("customRoleId", rnd.nextInt(3) == 0 ? null : pick(customRoleIds));
            }
            if (rnd.nextInt(4) == 0) {
                body.put("email", newEmail());
            }
            if (rnd.nextInt(4) == 0 || body.isEmpty()) {
                body.put("firstname", pick(List.of("Ada", "Alan", "Grace", "Edsger", "Barbara")));
            }
            put("/v1/spotMembers/" + id, body).expect(200);
            stepDescription = "update member " + id + " " + Api.JSON.writeValueAsString(body);
        }

        void tagMembers(int count) {
            Tag tag = pick(tags);
            List<String> ids = pickMembers(count);
            boolean assign = rnd.nextInt(3) > 0;
            post("/v1/tags/" + tag.id() + "/spotMembers~" + (assign ? "bulkAssign" : "bulkUnassign"),
                    Map.of("spotMemberIds", ids)).expect(204);
            stepDescription = (assign ? "assign" : "unassign") + " tag " + tag.name() + " " + tag.id() + " to "
                    + ids.size() + " members " + ids;
        }

        void setValues() {
            String id = pick(known);
            dirtyValues.add(id);
            String path = "/v1/spotMembers/" + id + "/customPropertiesValues";
            if (rnd.nextBoolean()) {
                Prop p = pick(PROPS);
                JsonNode value = rnd.nextInt(5) == 0 ? NODES.nullNode() : randomValue(p);
                ObjectNode body = NODES.objectNode();
                body.set("value", value);
                put(path + "/" + p.slug(), body).expect(200);
                stepDescription = "set " + p.slug() + " of " + id + " to " + value;
            } else {
                List<Map<String, Object>> values = new ArrayList<>();
                for (Prop p : PROPS) {
                    if (rnd.nextInt(3) == 0) {
                        values.add(valueItem(p.slug(), rnd.nextInt(4) == 0 ? NODES.nullNode() : randomValue(p)));
                    }
                }
                post(path, values).expect(200);
                stepDescription = "set values of " + id + ": " + Api.JSON.writeValueAsString(values);
            }
        }

        void importCsv(int rows) {
            List<String> columns = new ArrayList<>(List.of("email"));
            for (String column : List.of("firstname", "lastname", "role", "status", "tags")) {
                if (rnd.nextBoolean()) {
                    columns.add(column);
                }
            }
            for (Prop p : PROPS) {
                if (rnd.nextBoolean()) {
                    columns.add(p.slug());
                }
            }
            StringBuilder csv = new StringBuilder(String.join(",", columns)).append("\r\n");
            Set<String> used = new HashSet<>();
            for (int i = 0; i < rows; i++) {
                String email;
                if (!known.isEmpty() && rnd.nextInt(100) < (known.size() > 48 ? 85 : 50)) {
                    String id = pick(known);
                    email = flipCase(emailOf(id));
                    dirtyValues.add(id);
                } else {
                    email = newEmail();
                }
                if (!used.add(email.toLowerCase(Locale.ROOT))) {
                    email = newEmail();
                    used.add(email.toLowerCase(Locale.ROOT));
                }
                List<String> cells = new ArrayList<>();
                for (String column : columns) {
                    cells.add(csvCell(column, email));
                }
                csv.append(String.join(",", cells)).append(rnd.nextBoolean() ? "\r\n" : "\n");
            }
            fresh = false;
            requests++;
            Api.Response response = spot.api.send("POST", "/v1/spotMembers~import", spot.key, csv.toString(),
                    "text/csv").expect(200);
            if (response.body().path("failed").asInt() != 0) {
                throw new AssertionError("the generated import had failed rows (a test mistake): " + response.body()
                        + "\n" + csv);
            }
            stepDescription = "import " + rows + " rows (" + response.body().path("created").asInt() + " created, "
                    + response.body().path("updated").asInt() + " updated):\n" + csv.toString().trim();
            reloadMembers();
            List<Member> created = new ArrayList<>();
            for (Member m : members.values()) {
                if (!known.contains(m.id())) {
                    created.add(m);
                }
            }
            created.sort((a, b) -> a.email().toLowerCase(Locale.ROOT).compareTo(b.email().toLowerCase(Locale.ROOT)));
            created.forEach(m -> known.add(m.id()));
        }

        String csvCell(String column, String email) {
            if (column.equals("email")) {
                return email;
            }
            if (rnd.nextInt(10) < 3) {
                return "";
            }
            return switch (column) {
                case "firstname" -> pick(List.of("Ada", "Alan", "Grace", "Linus"));
                case "lastname" -> "I" + rnd.nextInt(100);
                case "role" -> flipCase(pick(ROLES));
                case "status" -> {
                    String status = pick(STATUSES);
                    yield status.equals("DeclinedInvitation") && rnd.nextBoolean() ? "declined" : flipCase(status);
                }
                case "tags" -> {
                    List<String> names = new ArrayList<>();
                    for (int k = rnd.nextInt(3); k >= 0; k--) {
                        names.add(rnd.nextInt(12) == 0 ? "imported-" + (++tagCounter) : flipCase(pick(tags).name()));
                    }
                    yield String.join(";", names);
                }
                default -> propertyCell(prop(column));
            };
        }

        String propertyCell(Prop p) {
            return switch (p.type()) {
                case "Text" -> quote(pick(TEXTS));
                case "SingleSelect" -> flipCase(pick(options.get("plan")));
                case "MultipleSelect" -> {
                    List<String> chosen = new ArrayList<>();
                    for (String option : options.get("topics")) {
                        if (rnd.nextInt(3) == 0) {
                            chosen.add(flipCase(option));
                        }
                    }
                    yield chosen.isEmpty() ? pick(options.get("topics")) : String.join(";", chosen);
                }
                case "Boolean" -> flipCase(Boolean.toString(rnd.nextBoolean()));
                case "Number" -> {
                    double n = pick(NUMBERS);
                    yield n == Math.rint(n) && rnd.nextBoolean() ? Long.toString((long) n) : Double.toString(n);
                }
                default -> {
                    long date = pick(DATES);
                    int form = rnd.nextInt(3);
                    yield form == 0 ? Long.toString(date) : form == 1 && date % 86_400 == 0
                            ? LocalDate.ofEpochDay(date / 86_400).toString() : Instant.ofEpochSecond(date).toString();
                }
            };
        }

        void deleteMember() {
            String id = pick(known);
            delete("/v1/spotMembers/" + id).expect(204);
            known.remove(id);
            groups.forEach(g -> g.exceptions.remove(id));
            exceptionsTouched = true;
            stepDescription = "delete member " + id;
        }

        void deleteTag() {
            // A tag named in a rule is never deleted: whether a name is resolved when the rule is saved or when it is
            // evaluated is not in the contract. Tags referenced by id are fair game: no member has them any more.
            Set<String> named = new HashSet<>();
            groups.forEach(g -> collectTagNames(g.rule, named));
            List<Tag> candidates = tags.stream().filter(t -> !named.contains(t.name().toLowerCase(Locale.ROOT)))
                    .toList();
            if (candidates.size() < 2) {
                stepDescription = "delete tag: none deletable";
                return;
            }
            Tag tag = pick(candidates);
            delete("/v1/tags/" + tag.id()).expect(204);
            stepDescription = "delete tag " + tag.name() + " " + tag.id();
        }

        void createGroup() {
            reload();
            JsonNode rule = randomRule();
            Set<String> expected = expected(rule, Map.of());
            String name = "Smart " + (++groupCounter);
            ObjectNode body = NODES.objectNode();
            body.put("name", name);
            body.put("kind", "smart");
            body.set("rule", rule);
            Api.Response response = post("/v1/groups", body);
            if (response.status() != 201) {
                throw new AssertionError("creating a smart group with a valid rule answered " + response.status()
                        + ": " + response.raw().body() + "\nrule: " + rule);
            }
            SmartGroup group = new SmartGroup(response.text("id"), name, rule);
            groups.add(group);
            stepDescription = "create smart group " + group.id + " with rule " + rule;
            expectRuleEcho(response.body(), rule, "POST /v1/groups");
            expectCount(group, response.body(), expected, "POST /v1/groups");
        }

        /** The membersCount a create or update answered; a wrong one is reported with the membership's details. */
        void expectCount(SmartGroup group, JsonNode answer, Set<String> expected, String request) {
            long count = answer.path("membersCount").asLong(-1);
            if (count != expected.size()) {
                checkGroup(group);
                throw new AssertionError(request + " answered membersCount " + count + " but " + expected.size()
                        + " members are expected (the group as stored now is right); rule " + group.rule);
            }
        }

        void changeRule() {
            SmartGroup group = pick(groups);
            // Sometimes a small edit of the current rule (small entering/leaving sets), when every tag it names is
            // still there (a deleted tag in a rule makes it invalid to save again).
            boolean small = rnd.nextInt(6) == 0;
            reload();
            JsonNode rule = small && stillValid(group.rule) ? mutate(group.rule) : randomRule();
            Set<String> before = expected(group);
            Set<String> after = expected(rule, group.exceptions);
            if (rnd.nextBoolean()) {
                previewExisting(group, rule, before, after);
            }
            if (rnd.nextInt(3) == 0) {
                previewNew(rule);
            }
            ObjectNode body = NODES.objectNode();
            body.set("rule", rule);
            Api.Response response = put("/v1/groups/" + group.id, body);
            if (response.status() != 200) {
                throw new AssertionError("PUT /v1/groups/" + group.id + " with a valid rule answered "
                        + response.status() + ": " + response.raw().body() + "\nrule: " + rule);
            }
            stepDescription = "change rule of " + group.id + " from " + group.rule + " to " + rule + " (expected "
                    + before.size() + " -> " + after.size() + ")";
            group.rule = rule;
            expectRuleEcho(response.body(), rule, "PUT /v1/groups/" + group.id);
            expectCount(group, response.body(), after, "PUT /v1/groups/" + group.id);
        }

        void previewExisting(SmartGroup group, JsonNode rule, Set<String> before, Set<String> after) {
            ObjectNode body = NODES.objectNode();
            body.set("rule", rule);
            Api.Response preview = query("/v1/groups/" + group.id + "~previewRule", body);
            if (preview.status() != 200) {
                throw new AssertionError("POST /v1/groups/" + group.id + "~previewRule answered " + preview.status()
                        + ": " + preview.raw().body() + "\nrule: " + rule);
            }
            Set<String> entering = new TreeSet<>(after);
            entering.removeAll(before);
            Set<String> leaving = new TreeSet<>(before);
            leaving.removeAll(after);
            JsonNode b = preview.body();
            List<String> problems = new ArrayList<>();
            if (b.path("count").asLong(-1) != after.size()) {
                problems.add("count " + b.path("count") + " but expected " + after.size());
            }
            if (b.path("entering").path("count").asLong(-1) != entering.size()) {
                problems.add("entering.count " + b.path("entering").path("count") + " but expected " + entering.size()
                        + " " + entering);
            }
            if (b.path("leaving").path("count").asLong(-1) != leaving.size()) {
                problems.add("leaving.count " + b.path("leaving").path("count") + " but expected " + leaving.size()
                        + " " + leaving);
            }
            b.path("entering").path("items").forEach(m -> {
                if (!entering.contains(m.path("id").asString())) {
                    problems.add("entering.items lists " + m.path("id").asString() + " which does not enter");
                }
            });
            b.path("leaving").path("items").forEach(m -> {
                if (!leaving.contains(m.path("id").asString())) {
                    problems.add("leaving.items lists " + m.path("id").asString() + " which does not leave");
                }
            });
            if (!problems.isEmpty()) {
                throw new AssertionError("POST /v1/groups/" + group.id + "~previewRule disagrees with the evaluator: "
                        + problems + "\ncurrent rule: " + group.rule + "\nnew rule: " + rule + "\nexceptions: "
                        + group.exceptions + "\nanswer: " + b + "\n" + describeMembers(union(entering, leaving), rule,
                        group.exceptions));
            }
        }

        void previewNew(JsonNode rule) {
            ObjectNode body = NODES.objectNode();
            body.set("rule", rule);
            Api.Response preview = query("/v1/groups~previewRule", body);
            if (preview.status() != 200) {
                throw new AssertionError("POST /v1/groups~previewRule answered " + preview.status() + ": "
                        + preview.raw().body() + "\nrule: " + rule);
            }
            Set<String> expected = expected(rule, Map.of());
            long count = preview.body().path("count").asLong(-1);
            List<String> wrongItems = new ArrayList<>();
            preview.body().path("items").forEach(m -> {
                if (!expected.contains(m.path("id").asString())) {
                    wrongItems.add(m.path("id").asString());
                }
            });
            if (count != expected.size() || !wrongItems.isEmpty()
                    || preview.body().path("items").size() != Math.min(20, expected.size())) {
                throw new AssertionError("POST /v1/groups~previewRule answered count " + count + " with "
                        + preview.body().path("items").size() + " items (not matching: " + wrongItems + ") but the "
                        + "rule matches " + expected.size() + "\nrule: " + rule + "\n"
                        + describeMembers(new TreeSet<>(wrongItems), rule, Map.of()));
            }
        }

        void addExceptions(SmartGroup group, int count) {
            String type = rnd.nextBoolean() ? "include" : "exclude";
            List<String> ids = pickMembers(count);
            List<String> sent = new ArrayList<>(ids);
            String bogus = null;
            if (rnd.nextInt(4) == 0) {
                bogus = UUID.randomUUID().toString();
                sent.add(rnd.nextInt(sent.size() + 1), bogus);
            }
            Api.Response response = post("/v1/groups/" + group.id + "/exceptions~bulkAdd",
                    Map.of("spotMemberIds", sent, "type", type)).expect(200);
            List<String> failed = texts(response.body().path("failedSpotMemberIds"));
            List<String> added = texts(response.body().path("addedSpotMemberIds"));
            // Members without any exception before must be listed as added (one that had the other type is replaced,
            // whether it is then listed as added is not in the contract).
            if ((bogus != null && !failed.contains(bogus)) || ids.stream().anyMatch(failed::contains)
                    || !added.containsAll(ids.stream().filter(id -> !group.exceptions.containsKey(id)).toList())) {
                throw new AssertionError("exceptions~bulkAdd " + type + " of " + sent + " (unknown: " + bogus
                        + ") answered " + response.body());
            }
            ids.forEach(id -> group.exceptions.put(id, type));
            exceptionsTouched = true;
            stepDescription = "add " + type + " exceptions to " + group.id + ": " + sent;
        }

        void removeExceptions(SmartGroup group) {
            List<String> ids = new ArrayList<>();
            List<String> excepted = new ArrayList<>(group.exceptions.keySet());
            for (int i = rnd.nextInt(4); i >= 0; i--) {
                if (!excepted.isEmpty() && rnd.nextInt(4) > 0) {
                    ids.add(pick(excepted));
                } else {
                    ids.add(pick(known));
                }
            }
            ids = new ArrayList<>(new LinkedHashSet<>(ids));
            String type = switch (rnd.nextInt(3)) {
                case 0 -> "include";
                case 1 -> "exclude";
                default -> null;
            };
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("spotMemberIds", ids);
            if (type != null) {
                body.put("type", type);
            }
            Api.Response response = post("/v1/groups/" + group.id + "/exceptions~bulkRemove", body).expect(200);
            int removed = 0;
            for (String id : ids) {
                String current = group.exceptions.get(id);
                if (current != null && (type == null || type.equals(current))) {
                    group.exceptions.remove(id);
                    removed++;
                }
            }
            if (response.body().path("removedCount").asInt(-1) != removed) {
                throw new AssertionError("exceptions~bulkRemove " + body + " answered " + response.body()
                        + " but " + removed + " of those exceptions existed");
            }
            exceptionsTouched = true;
            stepDescription = "remove " + (type == null ? "any" : type) + " exceptions of " + group.id + ": " + ids;
        }

        // ------------------------------------------------------------------------------------------------ check

        /**
         * Every smart group against the evaluator. The groups come from one list call ({@code kind[eq]=smart}); their
         * exceptions are compared after a step that touched exceptions or deleted a member, and every fifth check.
         */
        void check() {
            reload();
            Map<String, JsonNode> listed = new HashMap<>();
            for (int page = 1; ; page++) {
                JsonNode body = get("/v1/groups?kind%5Beq%5D=smart&limit=100&page=" + page).expect(200).body();
                body.path("items").forEach(g -> listed.put(g.path("id").asString(), g));
                if (body.path("items").size() < 100) {
                    break;
                }
            }
            boolean exceptions = exceptionsTouched || ++exceptionChecks % 5 == 0;
            for (SmartGroup g : groups) {
                JsonNode group = listed.get(g.id);
                if (group == null) {
                    throw new AssertionError("smart group " + g.id + " is missing from GET /v1/groups?kind[eq]=smart: "
                            + listed.keySet());
                }
                checkGroup(g, group, exceptions);
            }
            if (listed.size() != groups.size()) {
                throw new AssertionError("GET /v1/groups?kind[eq]=smart lists " + listed.keySet() + " but the smart "
                        + "groups are " + groups.stream().map(g -> g.id).toList());
            }
            exceptionsTouched = false;
            frozen.forEach(this::checkFrozen);
        }

        /** A smart group turned static keeps the members it had (less the deleted ones), whatever changes since. */
        void checkFrozen(String id, Set<String> kept) {
            Set<String> expected = new TreeSet<>(kept);
            expected.retainAll(members.keySet());
            Map<String, String> stored = storedMembers(id);
            JsonNode group = get("/v1/groups/" + id).expect(200).body();
            List<String> problems = new ArrayList<>();
            if (!stored.keySet().equals(expected)) {
                problems.add("members " + stored.keySet() + " but it kept " + expected);
            }
            if (group.path("membersCount").asLong(-1) != expected.size()) {
                problems.add("membersCount " + group.path("membersCount"));
            }
            if (!"static".equals(group.path("kind").asString()) || !group.path("rule").isNull()) {
                problems.add("kind " + group.path("kind") + ", rule " + group.path("rule"));
            }
            if (stored.values().stream().anyMatch(source -> !"manual".equals(source))) {
                problems.add("membershipSource of its members: " + stored);
            }
            if (!problems.isEmpty()) {
                throw new AssertionError("group " + id + ", turned static from smart, after step " + step + " ["
                        + stepDescription + "]: " + problems + "\n" + describeMembers(union(stored.keySet(), expected), null,
                        Map.of()));
            }
        }

        /** The members of a group as listed (all pages), with their membershipSource. */
        Map<String, String> storedMembers(String id) {
            Map<String, String> stored = new TreeMap<>();
            for (int page = 1; ; page++) {
                JsonNode body = get("/v1/groups/" + id + "/spotMembers?limit=100&page=" + page).expect(200)
                        .body();
                body.path("items").forEach(m -> stored.put(m.path("id").asString(), m.path("membershipSource")
                        .asString()));
                if (body.path("items").size() < 100) {
                    return stored;
                }
            }
        }

        void checkGroup(SmartGroup g) {
            checkGroup(g, get("/v1/groups/" + g.id).expect(200).body(), true);
        }

        void checkGroup(SmartGroup g, JsonNode group, boolean exceptions) {
            Set<String> matched = matching(g.rule);
            Set<String> expected = expected(g.rule, g.exceptions);
            Map<String, String> stored = new TreeMap<>();
            long total = -1;
            for (int page = 1; ; page++) {
                JsonNode body = get("/v1/groups/" + g.id + "/spotMembers?limit=100&page=" + page).expect(200)
                        .body();
                total = body.path("total").asLong();
                body.path("items").forEach(m -> stored.put(m.path("id").asString(), m.path("membershipSource")
                        .asString()));
                if (body.path("items").size() < 100) {
                    break;
                }
            }
            long count = group.path("membersCount").asLong(-1);

            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(stored.keySet());
            Set<String> unexpected = new TreeSet<>(stored.keySet());
            unexpected.removeAll(expected);
            List<String> problems = new ArrayList<>();
            if (!missing.isEmpty() || !unexpected.isEmpty()) {
                problems.add("stored membership differs from the rule evaluated afresh: " + missing.size()
                        + " missing (expected, not stored) " + missing + ", " + unexpected.size()
                        + " unexpected (stored, not expected) " + unexpected);
            }
            if (count != expected.size() || total != stored.size()) {
                problems.add("membersCount " + count + ", list total " + total + ", listed " + stored.size()
                        + ", expected " + expected.size());
            }
            for (Map.Entry<String, String> e : stored.entrySet()) {
                String id = e.getKey();
                boolean byRule = matched.contains(id) && !"exclude".equals(g.exceptions.get(id));
                boolean byException = "include".equals(g.exceptions.get(id));
                if (byRule && !byException && !"rule".equals(e.getValue())) {
                    problems.add("member " + id + " is there by the rule only but membershipSource is " + e.getValue());
                } else if (byException && !byRule && !"exception".equals(e.getValue())) {
                    problems.add("member " + id + " is there by an include exception only but membershipSource is "
                            + e.getValue());
                }
            }
            if (!"smart".equals(group.path("kind").asString())) {
                problems.add("kind is " + group.path("kind"));
            }
            if (!Api.JSON.readTree(Api.JSON.writeValueAsString(g.rule)).equals(group.path("rule"))) {
                problems.add("rule is returned as " + group.path("rule") + ", not as sent");
            }
            if (group.path("ruleEvaluatedAt").isNull() || group.path("ruleEvaluatedAt").isMissingNode()) {
                problems.add("ruleEvaluatedAt is " + group.path("ruleEvaluatedAt"));
            }
            Map<String, String> storedExceptions = new TreeMap<>(g.exceptions);
            for (int page = 1; exceptions; page++) {
                if (page == 1) {
                    storedExceptions.clear();
                }
                JsonNode body = get("/v1/groups/" + g.id + "/exceptions?limit=100&page=" + page).expect(200)
                        .body();
                body.path("items").forEach(x -> storedExceptions.put(x.path("spotMemberId").asString(),
                        x.path("type").asString()));
                if (body.path("items").size() < 100) {
                    break;
                }
            }
            if (!storedExceptions.equals(g.exceptions)) {
                problems.add("stored exceptions " + storedExceptions + " differ from those added and removed "
                        + g.exceptions);
            }
            checks++;
            membershipSum += expected.size();
            if (expected.isEmpty()) {
                emptyGroups++;
            } else if (expected.size() == members.size()) {
                fullGroups++;
            }
            if (!problems.isEmpty()) {
                Set<String> differing = union(missing, unexpected);
                throw new AssertionError("smart group " + g.id + " (" + g.name + ") after step " + step + " ["
                        + stepDescription + "]:\n- " + String.join("\n- ", problems) + "\nrule: " + g.rule
                        + "\nexceptions: " + g.exceptions + "\nstored (id=source): " + stored + "\n"
                        + describeMembers(differing, g.rule, g.exceptions));
            }
        }

        Set<String> expected(SmartGroup g) {
            return expected(g.rule, g.exceptions);
        }

        /** Membership = (rule matches AND not excluded) OR included. */
        Set<String> expected(JsonNode rule, Map<String, String> exceptions) {
            Set<String> result = new TreeSet<>();
            for (Member m : members.values()) {
                String exception = exceptions.get(m.id());
                if ("include".equals(exception) || (!"exclude".equals(exception) && matches(rule, m))) {
                    result.add(m.id());
                }
            }
            return result;
        }

        Set<String> matching(JsonNode rule) {
            Set<String> result = new TreeSet<>();
            for (Member m : members.values()) {
                if (matches(rule, m)) {
                    result.add(m.id());
                }
            }
            return result;
        }

        String describeMembers(Set<String> ids, JsonNode rule, Map<String, String> exceptions) {
            StringBuilder out = new StringBuilder();
            for (String id : ids) {
                Member m = members.get(id);
                out.append("member ").append(id);
                if (m == null) {
                    out.append(": not a member of the Spot (any more)\n");
                    continue;
                }
                if (rule == null) {
                    out.append("\n  ").append(describe(m)).append('\n');
                    continue;
                }
                out.append(": exception ").append(exceptions.get(id)).append(", rule ").append(matches(rule, m))
                        .append("\n  ").append(describe(m)).append("\n  evaluation:\n");
                trace(rule, m, "rule", out);
            }
            return out.toString();
        }

        String describe(Member m) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("email", m.email());
            data.put("role", m.role());
            data.put("customRoleId", m.customRoleId() == null ? null
                    : m.customRoleId() + " (" + roleLabels.getOrDefault(m.customRoleId(), "?") + ")");
            data.put("status", m.status());
            data.put("registrationSource", m.registrationSource());
            List<String> tagNames = new ArrayList<>();
            for (String t : m.tagIds()) {
                tagNames.add(t + " (" + tags.stream().filter(x -> x.id().equals(t)).map(Tag::name).findFirst()
                        .orElse("?") + ")");
            }
            data.put("tags", tagNames);
            data.put("registrationDate", showDate(m.registrationDate()));
            data.put("invitationDate", showDate(m.invitationDate()));
            data.put("lastActivityAt", showDate(m.lastActivityAt()));
            data.put("values", m.values().toString());
            return data.toString();
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

        // ------------------------------------------------------------------------------------------------ rules

        /** A random rule over the current state (reloaded by the caller). */
        JsonNode randomRule() {
            // Shallow rules are the most sensitive to each operator; deep ones check the combinations.
            int roll = rnd.nextInt(100);
            return node(0, roll < 30 ? 0 : roll < 65 ? 1 : roll < 85 ? 2 : 3);
        }

        JsonNode node(int depth, int maxDepth) {
            int roll = rnd.nextInt(100);
            if (depth >= maxDepth || (depth > 0 && roll < 20)) {
                return condition();
            }
            ObjectNode node = NODES.objectNode();
            if (roll < 80) {
                ArrayNode children = node.putArray(roll % 2 == 0 ? "all" : "any");
                for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
                    children.add(node(depth + 1, maxDepth));
                }
            } else {
                node.set("not", node(depth + 1, maxDepth));
            }
            return node;
        }

        JsonNode condition() {
            String field = pick(MEMBER_FIELDS);
            ObjectNode c = NODES.objectNode();
            c.put("field", field);
            switch (field) {
                case "role" -> stringChoice(c, ROLES, List.of());
                case "customRoleId" -> stringChoice(c, customRoleIds, List.of());
                case "status" -> stringChoice(c, STATUSES, List.of());
                case "registrationSource" -> stringChoice(c, SOURCES, List.of("nope", "email"));
                case "tags" -> {
                    c.put("op", pick(List.of("hasAny", "hasAll", "hasNone")));
                    ArrayNode values = c.putArray("value");
                    Set<String> chosen = new HashSet<>();
                    for (int i = 1 + rnd.nextInt(Math.min(3, tags.size())); i > 0; i--) {
                        Tag t = pick(tags);
                        boolean byName = rnd.nextBoolean();
                        if (chosen.add(t.id())) {
                            values.add(byName ? flipCase(t.name()) : t.id());
                        }
                    }
                }
                case "email" -> {
                    String op = pick(List.of("eq", "contains", "domainIs"));
                    c.put("op", op);
                    Member someone = members.isEmpty() ? null : members.get(pick(new ArrayList<>(members.keySet())));
                    String value = switch (op) {
                        case "eq" -> someone == null || rnd.nextInt(5) == 0 ? "nobody@example.com"
                                : flipCase(someone.email());
                        case "contains" -> {
                            if (someone == null || rnd.nextBoolean()) {
                                yield pick(EMAIL_FRAGMENTS);
                            }
                            String email = someone.email();
                            int from = rnd.nextInt(email.length() - 1);
                            yield flipCase(email.substring(from, Math.min(email.length(), from + 2 + rnd.nextInt(5))));
                        }
                        default -> pick(DOMAIN_RULES);
                    };
                    c.put("value", value);
                }
                case "registrationDate", "invitationDate", "lastActivityAt" -> dateCondition(c);
                default -> propertyCondition(c);
            }
            return c;
        }

        void stringChoice(ObjectNode c, List<String> pool, List<String> extra) {
            List<String> all = new ArrayList<>(pool);
            all.addAll(extra);
            String op = pick(List.of("eq", "neq", "in", "notin"));
            c.put("op", op);
            if (op.equals("eq") || op.equals("neq")) {
                c.put("value", pick(all));
            } else {
                ArrayNode values = c.putArray("value");
                subset(all, 1).forEach(values::add);
            }
        }

        void dateCondition(ObjectNode c) {
            String op = pick(List.of("before", "after", "withinLastDays", "moreThanDaysAgo"));
            c.put("op", op);
            int kind = rnd.nextInt(3);
            int days = 1 + rnd.nextInt(1000);
            double position = rnd.nextDouble();
            boolean millis = rnd.nextBoolean();
            if (op.equals("withinLastDays") || op.equals("moreThanDaysAgo")) {
                c.put("value", kind == 0 ? 1 : days);
                return;
            }
            long now = System.currentTimeMillis();
            long threshold = switch (kind) {
                case 0 -> now - days * DAY;
                case 1 -> now + days * DAY;
                default -> safeSplit(now, position);
            };
            threshold = threshold / 1000 * 1000;
            c.put("value", millis ? threshold : threshold / 1000);
        }

        /**
         * A whole second at least 1 s away from every member date and from now: between two of the members' dates
         * (or between the last one and now), so that members fall on both sides; later dates are all "now", later.
         */
        long safeSplit(long now, double position) {
            TreeSet<Long> dates = new TreeSet<>();
            for (Member m : members.values()) {
                for (Long d : new Long[] {m.registrationDate(), m.invitationDate(), m.lastActivityAt()}) {
                    if (d != null) {
                        dates.add(d);
                    }
                }
            }
            dates.add(now);
            List<Long> candidates = new ArrayList<>();
            Long previous = null;
            for (long d : dates) {
                if (previous != null) {
                    for (long s = (previous + 1_999) / 1000 * 1000; s <= d - 1_000; s += 1000) {
                        candidates.add(s);
                    }
                }
                previous = d;
            }
            if (candidates.isEmpty()) {
                return now - DAY;
            }
            return candidates.get((int) (position * candidates.size()));
        }

        void propertyCondition(ObjectNode c) {
            Prop p = pick(PROPS);
            c.put("key", p.slug());
            List<String> ops = switch (p.type()) {
                case "Text" -> List.of("eq", "neq", "in", "notin", "contains", "isEmpty", "isNotEmpty");
                case "SingleSelect" -> List.of("eq", "neq", "in", "notin", "isEmpty", "isNotEmpty");
                case "MultipleSelect" -> List.of("contains", "in", "notin", "isEmpty", "isNotEmpty");
                case "Boolean" -> List.of("eq", "neq", "isEmpty", "isNotEmpty");
                case "Number" -> List.of("eq", "neq", "in", "notin", "gt", "gte", "lt", "lte", "isEmpty", "isNotEmpty");
                default -> List.of("eq", "neq", "gt", "gte", "lt", "lte", "isEmpty", "isNotEmpty");
            };
            String op = pick(ops);
            c.put("op", op);
            if (op.equals("isEmpty") || op.equals("isNotEmpty")) {
                return;
            }
            boolean list = op.equals("in") || op.equals("notin");
            Supplier<JsonNode> one = switch (p.type()) {
                case "Text" -> op.equals("contains") ? () -> NODES.stringNode(pick(TEXT_CONTAINS))
                        : () -> NODES.stringNode(pick(TEXT_RULES));
                case "SingleSelect" -> () -> NODES.stringNode(flipCase(pick(options.get("plan"))));
                case "MultipleSelect" -> () -> NODES.stringNode(pick(options.get("topics")));
                case "Boolean" -> () -> NODES.booleanNode(rnd.nextBoolean());
                case "Number" -> () -> number(pick(NUMBER_RULES));
                default -> () -> {
                    long date = pick(DATES);
                    return date % 86_400 == 0 && rnd.nextBoolean()
                            ? NODES.stringNode(LocalDate.ofEpochDay(date / 86_400).toString()) : NODES.numberNode(date);
                };
            };
            if (list) {
                ArrayNode values = c.putArray("value");
                for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
                    values.add(one.get());
                }
            } else {
                c.set("value", one.get());
            }
        }

        /** A copy of a rule with one condition replaced (small edits make small entering/leaving sets). */
        JsonNode mutate(JsonNode rule) {
            List<JsonNode> conditions = new ArrayList<>();
            collectConditions(rule, conditions);
            JsonNode target = conditions.get(rnd.nextInt(conditions.size()));
            return replace(rule, target, condition());
        }

        JsonNode replace(JsonNode node, JsonNode target, JsonNode with) {
            if (node == target) {
                return with;
            }
            if (node.has("all") || node.has("any")) {
                String key = node.has("all") ? "all" : "any";
                ObjectNode copy = NODES.objectNode();
                ArrayNode children = copy.putArray(key);
                node.get(key).forEach(child -> children.add(replace(child, target, with)));
                return copy;
            }
            if (node.has("not")) {
                ObjectNode copy = NODES.objectNode();
                copy.set("not", replace(node.get("not"), target, with));
                return copy;
            }
            return node;
        }

        // ------------------------------------------------------------------------------------------------ evaluator

        boolean matches(JsonNode node, Member m) {
            if (node.has("all")) {
                for (JsonNode child : node.get("all")) {
                    if (!matches(child, m)) {
                        return false;
                    }
                }
                return true;
            }
            if (node.has("any")) {
                for (JsonNode child : node.get("any")) {
                    if (matches(child, m)) {
                        return true;
                    }
                }
                return false;
            }
            if (node.has("not")) {
                return !matches(node.get("not"), m);
            }
            String op = node.path("op").asString();
            JsonNode value = node.path("value");
            return switch (node.path("field").asString()) {
                case "role" -> strings(op, m.role(), value);
                case "customRoleId" -> strings(op, m.customRoleId(), value);
                case "status" -> strings(op, m.status(), value);
                case "registrationSource" -> strings(op, source(m), value);
                case "tags" -> tagsMatch(op, m, value);
                case "email" -> email(op, m.email(), value.asString());
                case "registrationDate" -> date(op, m.registrationDate(), value);
                case "invitationDate" -> date(op, m.invitationDate(), value);
                case "lastActivityAt" -> date(op, m.lastActivityAt(), value);
                case "customProperty" -> property(node.path("key").asString(), op, m, value);
                default -> throw new IllegalStateException("the generator made an unknown field: " + node);
            };
        }

        /** eq/in need a value; neq is exactly not eq and notin exactly not in. Case-sensitive. */
        boolean strings(String op, String actual, JsonNode value) {
            return switch (op) {
                case "eq" -> actual != null && actual.equals(value.asString());
                case "neq" -> !strings("eq", actual, value);
                case "in" -> actual != null && texts(value).contains(actual);
                case "notin" -> !strings("in", actual, value);
                default -> throw new IllegalStateException(op);
            };
        }

        /** registrationSource.utm_source, or .source when there is no utm_source. */
        String source(Member m) {
            JsonNode source = m.registrationSource();
            if (source == null) {
                return null;
            }
            if (source.path("utm_source").isString()) {
                return source.path("utm_source").asString();
            }
            return source.path("source").isString() ? source.path("source").asString() : null;
        }

        boolean tagsMatch(String op, Member m, JsonNode value) {
            Set<String> wanted = new HashSet<>();
            for (JsonNode v : value) {
                String text = v.asString();
                String id = "missing:" + text;
                for (Tag t : tags) {
                    if (t.id().equalsIgnoreCase(text) || t.name().equalsIgnoreCase(text)) {
                        id = t.id();
                        break;
                    }
                }
                wanted.add(id);
            }
            Set<String> has = new HashSet<>(m.tagIds());
            return switch (op) {
                case "hasAny" -> wanted.stream().anyMatch(has::contains);
                case "hasAll" -> has.containsAll(wanted);
                case "hasNone" -> wanted.stream().noneMatch(has::contains);
                default -> throw new IllegalStateException(op);
            };
        }

        boolean email(String op, String email, String value) {
            String e = email.toLowerCase(Locale.ROOT);
            String v = value.toLowerCase(Locale.ROOT);
            return switch (op) {
                case "eq" -> e.equals(v);
                case "contains" -> e.contains(v);
                case "domainIs" -> {
                    String domain = e.substring(e.lastIndexOf('@') + 1);
                    yield domain.equals(v) || domain.endsWith("." + v);
                }
                default -> throw new IllegalStateException(op);
            };
        }

        /** Dates in Unix ms; rule values in seconds (ms from 1e11). Null never matches. */
        boolean date(String op, Long date, JsonNode value) {
            if (date == null) {
                return false;
            }
            long v = value.asLong();
            long now = System.currentTimeMillis();
            return switch (op) {
                case "before" -> date < (v >= 100_000_000_000L ? v : v * 1000);
                case "after" -> date > (v >= 100_000_000_000L ? v : v * 1000);
                case "withinLastDays" -> date >= now - v * DAY;
                case "moreThanDaysAgo" -> date < now - v * DAY;
                default -> throw new IllegalStateException(op);
            };
        }

        boolean property(String slug, String op, Member m, JsonNode value) {
            JsonNode actual = m.values().get(slug);
            boolean empty = actual == null || actual.isNull() || (actual.isString() && actual.asString().isEmpty())
                    || (actual.isArray() && actual.isEmpty());
            if (op.equals("isEmpty")) {
                return empty;
            }
            if (op.equals("isNotEmpty")) {
                return !empty;
            }
            if (op.equals("neq")) {
                return !property(slug, "eq", m, value);
            }
            if (op.equals("notin")) {
                return !property(slug, "in", m, value);
            }
            if (actual == null) {
                return false;
            }
            String type = prop(slug).type();
            switch (type) {
                case "Text" -> {
                    String text = actual.asString();
                    return switch (op) {
                        case "eq" -> text.equals(value.asString());
                        case "in" -> texts(value).contains(text);
                        case "contains" -> text.toLowerCase(Locale.ROOT).contains(value.asString()
                                .toLowerCase(Locale.ROOT));
                        default -> throw new IllegalStateException(op);
                    };
                }
                case "SingleSelect" -> {
                    String text = actual.asString();
                    return switch (op) {
                        case "eq" -> text.equalsIgnoreCase(value.asString());
                        case "in" -> texts(value).stream().anyMatch(text::equalsIgnoreCase);
                        default -> throw new IllegalStateException(op);
                    };
                }
                case "MultipleSelect" -> {
                    List<String> has = texts(actual);
                    return switch (op) {
                        case "contains" -> has.stream().anyMatch(value.asString()::equalsIgnoreCase);
                        case "in" -> texts(value).stream().anyMatch(v -> has.stream().anyMatch(v::equalsIgnoreCase));
                        default -> throw new IllegalStateException(op);
                    };
                }
                case "Boolean" -> {
                    if (!op.equals("eq")) {
                        throw new IllegalStateException(op);
                    }
                    return actual.isBoolean() && actual.booleanValue() == value.booleanValue();
                }
                case "Number" -> {
                    BigDecimal n = new BigDecimal(actual.toString());
                    return switch (op) {
                        case "eq" -> n.compareTo(new BigDecimal(value.toString())) == 0;
                        case "in" -> {
                            boolean any = false;
                            for (JsonNode v : value) {
                                any |= n.compareTo(new BigDecimal(v.toString())) == 0;
                            }
                            yield any;
                        }
                        default -> compare(op, n.compareTo(new BigDecimal(value.toString())));
                    };
                }
                default -> {
                    long seconds = actual.asLong();
                    long v = value.isString()
                            ? LocalDate.parse(value.asString()).atStartOfDay(ZoneOffset.UTC).toEpochSecond()
                            : value.asLong();
                    return op.equals("eq") ? seconds == v : compare(op, Long.compare(seconds, v));
                }
            }
        }

        boolean compare(String op, int cmp) {
            return switch (op) {
                case "gt" -> cmp > 0;
                case "gte" -> cmp >= 0;
                case "lt" -> cmp < 0;
                case "lte" -> cmp <= 0;
                default -> throw new IllegalStateException(op);
            };
        }

        /** Each node of the rule with what it evaluates to for the member, for failure messages. */
        void trace(JsonNode node, Member m, String path, StringBuilder out) {
            if (node.has("all") || node.has("any")) {
                String key = node.has("all") ? "all" : "any";
                out.append("    ").append(path).append(" (").append(key).append(") = ").append(matches(node, m))
                        .append('\n');
                for (int i = 0; i < node.get(key).size(); i++) {
                    trace(node.get(key).get(i), m, path + "." + key + "[" + i + "]", out);
                }
            } else if (node.has("not")) {
                out.append("    ").append(path).append(" (not) = ").append(matches(node, m)).append('\n');
                trace(node.get("not"), m, path + ".not", out);
            } else {
                out.append("    ").append(path).append(' ').append(node).append(" = ").append(matches(node, m))
                        .append('\n');
            }
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

        /** Whether every tag, custom role and select option the rule names still exists (it can be saved again). */
        boolean stillValid(JsonNode rule) {
            List<JsonNode> conditions = new ArrayList<>();
            collectConditions(rule, conditions);
            for (JsonNode c : conditions) {
                List<String> values = c.path("value").isArray() ? texts(c.path("value"))
                        : List.of(c.path("value").asString());
                String field = c.path("field").asString();
                for (String v : values) {
                    boolean exists = switch (field) {
                        case "tags" -> tags.stream().anyMatch(t -> t.id().equalsIgnoreCase(v)
                                || t.name().equalsIgnoreCase(v));
                        case "customRoleId" -> customRoleIds.contains(v);
                        case "customProperty" -> !options.containsKey(c.path("key").asString())
                                || c.path("value").isMissingNode()
                                || options.get(c.path("key").asString()).stream().anyMatch(v::equalsIgnoreCase);
                        default -> true;
                    };
                    if (!exists) {
                        return false;
                    }
                }
            }
            return true;
        }

        void expectRuleEcho(JsonNode group, JsonNode rule, String request) {
            JsonNode sent = Api.JSON.readTree(Api.JSON.writeValueAsString(rule));
            if (!sent.equals(group.path("rule")) || !"smart".equals(group.path("kind").asString())) {
                throw new AssertionError(request + " answered kind " + group.path("kind") + " and rule "
                        + group.path("rule") + "; sent rule " + sent);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- statics

    static List<String> weighted(Map<String, Integer> weights) {
        List<String> list = new ArrayList<>();
        new TreeMap<>(weights).forEach((name, weight) -> {
            for (int i = 0; i < weight; i++) {
                list.add(name);
            }
        });
        return List.copyOf(list);
    }

    static Prop prop(String slug) {
        return PROPS.stream().filter(p -> p.slug().equals(slug)).findFirst().orElseThrow();
    }

    static JsonNode number(double n) {
        return n == Math.rint(n) ? NODES.numberNode((long) n) : NODES.numberNode(n);
    }

    static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }

    static String textOrNull(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asString();
    }

    static Long longOrNull(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asLong();
    }

    static String showDate(Long millis) {
        return millis == null ? "null" : millis + " (" + Instant.ofEpochMilli(millis) + ")";
    }

    static Set<String> union(Collection<String> a, Collection<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    static void collectConditions(JsonNode node, List<JsonNode> out) {
        if (node.has("all") || node.has("any")) {
            node.get(node.has("all") ? "all" : "any").forEach(child -> collectConditions(child, out));
        } else if (node.has("not")) {
            collectConditions(node.get("not"), out);
        } else {
            out.add(node);
        }
    }

    static void collectTagNames(JsonNode rule, Set<String> names) {
        List<JsonNode> conditions = new ArrayList<>();
        collectConditions(rule, conditions);
        for (JsonNode c : conditions) {
            if ("tags".equals(c.path("field").asString())) {
                for (JsonNode v : c.path("value")) {
                    String text = v.asString();
                    if (!text.matches("[0-9a-fA-F-]{36}")) {
                        names.add(text.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
