package dev.cohort.smartgroups;

import dev.cohort.errors.ConflictException;
import dev.cohort.errors.NotFoundException;
import dev.cohort.groups.GroupRules;
import dev.cohort.groups.Memberships;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Smart groups' rules: membership decided by a rule and stored like any other. A rule created or changed is
 * evaluated over the whole Spot ({@link RuleEvaluator}); members entering or leaving publish the same events as
 * manual changes, so access follows (rules 6-12). This is the {@link GroupRules} groups calls.
 */
@Service
public class SmartGroupService implements GroupRules {
    private final RuleRepository rules;
    private final FactRepository facts;
    private final ExceptionRepository exceptions;
    private final RuleEvaluator evaluator;
    private final MembershipReconciler reconciler;
    private final Memberships memberships;

    SmartGroupService(RuleRepository rules, FactRepository facts, ExceptionRepository exceptions,
                      RuleEvaluator evaluator, MembershipReconciler reconciler, Memberships memberships) {
        this.rules = rules;
        this.facts = facts;
        this.exceptions = exceptions;
        this.evaluator = evaluator;
        this.reconciler = reconciler;
        this.memberships = memberships;
    }

    /** Checks a rule against the Spot; a 400 naming each problem under {@code path} otherwise. */
    @Override
    public void check(UUID spotId, JsonNode rule, String path) {
        RuleParser.parse(rule, path, facts.context(spotId));
    }

    /**
     * Gives a group a rule (making it smart) and evaluates it over the whole Spot: members who enter or leave are
     * added or removed, and only they are invited or revoked.
     */
    @Override
    @Transactional
    public void setRule(UUID spotId, UUID groupId, JsonNode rule) {
        RuleContext context = facts.context(spotId);
        Rule parsed = RuleParser.parse(rule, "rule", context);
        rules.lockSpot(spotId, true);
        if (!memberships.lockExclusive(spotId, groupId)) {
            throw new NotFoundException("Group");
        }
        rules.saveRule(spotId, groupId, rule, parsed);
        evaluator.evaluate(spotId, groupId, parsed, context);
    }

    /** Turns a smart group into a static one: its members stay, as manual members; its exceptions go. */
    @Override
    @Transactional
    public void clearRule(UUID spotId, UUID groupId) {
        rules.lockSpot(spotId, true);
        if (!memberships.lockExclusive(spotId, groupId)) {
            throw new NotFoundException("Group");
        }
        rules.saveRule(spotId, groupId, null, null);
        exceptions.clearExceptions(spotId, groupId);
        reconciler.forget(groupId);
    }

    @Override
    public void lockSpot(UUID spotId) {
        rules.lockSpot(spotId, true);
    }

    /** Re-evaluates a smart group over the whole Spot (a restored group, relative dates); false if it is not one. */
    @Override
    @Transactional
    public boolean reevaluate(UUID spotId, UUID groupId) {
        rules.lockSpot(spotId, true);
        if (!memberships.lockExclusive(spotId, groupId)) {
            return false;
        }
        List<RuleRepository.Stored> stored = rules.rules(spotId, List.of(groupId));
        if (stored.isEmpty()) {
            return false;
        }
        RuleContext context = facts.context(spotId);
        evaluator.evaluate(spotId, groupId, RuleParser.stored(stored.get(0).rule(), context), context);
        return true;
    }

    @Override
    public String membershipSource() {
        return ExceptionRepository.MEMBERSHIP_SOURCE;
    }

    List<RuleRepository.SmartGroupRef> relativeGroups() {
        return rules.relativeGroups();
    }

    /** A 404 when there is no such live group, a 409 when it is static: only smart groups have rules and exceptions. */
    void requireSmart(UUID spotId, UUID groupId) {
        String kind = memberships.kind(spotId, groupId).orElseThrow(() -> new NotFoundException("Group"));
        if (!kind.equals("smart")) {
            throw new ConflictException("kind", "Group " + groupId + " is a static group: only smart groups have "
                    + "rules and exceptions; add or remove its members with /v1/groups/" + groupId + "/spotMembers");
        }
    }
}
