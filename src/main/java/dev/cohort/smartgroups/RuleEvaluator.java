package dev.cohort.smartgroups;

import dev.cohort.groups.Memberships;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Evaluates a rule over the whole Spot by set-based SQL that applies only the difference: members who enter or
 * leave are added or removed (through groups), and only they are published, so only they are invited or revoked.
 * The caller holds the Spot's rule lock and the group's row exclusively.
 */
@Component
class RuleEvaluator {
    private static final Logger log = LoggerFactory.getLogger(RuleEvaluator.class);

    private final EvaluationRepository evaluations;
    private final RuleRepository rules;
    private final PlannerSettings planner;
    private final Memberships memberships;
    private final Clock clock;

    RuleEvaluator(EvaluationRepository evaluations, RuleRepository rules, PlannerSettings planner,
                  Memberships memberships, Clock clock) {
        this.evaluations = evaluations;
        this.rules = rules;
        this.planner = planner;
        this.memberships = memberships;
        this.clock = clock;
    }

    void evaluate(UUID spotId, UUID groupId, Rule rule, RuleContext context) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        RuleSql.Predicate predicate = RuleSql.compile(rule, context, now);
        Memberships.Diff diff = planner.evaluating(() -> {
            evaluations.want(spotId, groupId, predicate);
            return memberships.replace(spotId, groupId, EvaluationRepository.WANTED);
        });
        rules.evaluated(spotId, groupId, now);
        memberships.published(spotId, groupId, diff);
        log.info("Spot {}: smart group {} evaluated over the Spot in {} ms: {} entered, {} left", spotId, groupId,
                (System.nanoTime() - started) / 1_000_000, diff.added().size(), diff.removed().size());
    }
}
