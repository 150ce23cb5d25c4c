package dev.cohort.smartgroups;

import static dev.cohort.smartgroups.PropertyFixtures.CUSTOM_ROLES;
import static dev.cohort.smartgroups.PropertyFixtures.PROPS;
import static dev.cohort.smartgroups.PropertyFixtures.TAG_NAMES;
import static dev.cohort.smartgroups.PropertyFixtures.sleep;

import dev.cohort.smartgroups.PropertyFixtures.Prop;
import dev.cohort.support.ApiTest;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * SPEC "Smart group" (every member matching its rule, kept up to date automatically), randomised (issue 6): on random
 * members and random rules, after random sequences of member updates, tag changes, property values, imports,
 * deletions, rule changes and exceptions, the stored membership of every smart group equals its rule evaluated afresh
 * by the independent evaluator ({@link PropertyOracle#matches}), written from the contract alone
 * (/work/contract/smart-groups.md), never from the production classes.
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
 *
 * <p>This class drives the run (rounds, setup, the weighted choice of each step); a round's model of the Spot is in
 * {@link PropertyModel}, its random rules in {@link PropertyRules}, the evaluator in {@link PropertyOracle} (with
 * {@link MemberFieldConditions} and {@link PropertyConditions}), the checks after each step in {@link PropertyChecks},
 * and the steps themselves in {@link PropertyMemberSteps} and {@link PropertyGroupSteps}; the fixed vocabulary is in
 * {@link PropertyFixtures}.
 */
@TestPropertySource(properties = "COHORT_SMART_BATCH_MEMBERS=" + SmartGroupPropertyApiTest.BATCH)
class SmartGroupPropertyApiTest extends ApiTest {
    static final int BATCH = 5;

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

    /** One Spot, its members and smart groups, driven by one random stream: the setup and the random steps. */
    final class Round extends PropertyGroupSteps {
        final long seed;
        final int round;

        Round(long seed, int round, long roundSeed) {
            super(roundSeed, SmartGroupPropertyApiTest.this::newSpot);
            this.seed = seed;
            this.round = round;
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
    }
}
