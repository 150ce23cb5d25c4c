package dev.cohort.smartgroups;

import dev.cohort.members.SpotMember;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** Who a rule would select, or bring into and take out of a smart group, without saving anything. */
@Service
class SmartGroupPreviews {
    static final int PREVIEW_LIMIT = 20;

    private final SmartGroupService smartGroups;
    private final FactRepository facts;
    private final EvaluationRepository evaluations;
    private final PlannerSettings planner;
    private final Clock clock;

    SmartGroupPreviews(SmartGroupService smartGroups, FactRepository facts, EvaluationRepository evaluations,
                       PlannerSettings planner, Clock clock) {
        this.smartGroups = smartGroups;
        this.facts = facts;
        this.evaluations = evaluations;
        this.planner = planner;
        this.clock = clock;
    }

    @Schema(name = "RulePreview", description = "How many members a rule selects, and the first of them")
    public record Preview(long count, List<SpotMember> items) {
    }

    @Schema(name = "RuleChangePreview", description = "The members a new rule would bring into the group and take out")
    public record Change(long count, Preview entering, Preview leaving) {
    }

    /**
     * Who a rule selects now, without saving anything. (Not a read-only transaction: the evaluation is written to a
     * temporary table, dropped at commit, which the count and the page then read.)
     */
    @Transactional
    public Preview preview(UUID spotId, JsonNode rule) {
        RuleContext context = facts.context(spotId);
        RuleSql.Predicate predicate = RuleSql.compile(RuleParser.parse(rule, "rule", context), context, clock.instant());
        long count = planner.evaluating(() -> evaluations.want(spotId, null, predicate));
        return new Preview(count, count == 0 ? List.of() : evaluations.wantedPage(spotId, PREVIEW_LIMIT));
    }

    /**
     * Who would enter and who would leave a smart group if its rule became {@code rule} (exceptions applied): the
     * rule is evaluated once, and both sides are read from that evaluation.
     */
    @Transactional
    public Change preview(UUID spotId, UUID groupId, JsonNode rule) {
        smartGroups.requireSmart(spotId, groupId);
        RuleContext context = facts.context(spotId);
        RuleSql.Predicate predicate = RuleSql.compile(RuleParser.parse(rule, "rule", context), context, clock.instant());
        return planner.evaluating(() -> {
            long count = evaluations.want(spotId, groupId, predicate);
            EvaluationRepository.Page entering = evaluations.change(spotId, groupId, true, PREVIEW_LIMIT);
            EvaluationRepository.Page leaving = evaluations.change(spotId, groupId, false, PREVIEW_LIMIT);
            return new Change(count, new Preview(entering.count(), entering.items()),
                    new Preview(leaving.count(), leaving.items()));
        });
    }
}
