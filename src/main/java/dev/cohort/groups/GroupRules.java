package dev.cohort.groups;

import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What groups ask of smart-group rules: checking a rule, giving a group one or taking it away, and evaluating it.
 * Implemented by the module that owns rules (smartgroups), which sits above this one; groups only calls it.
 */
public interface GroupRules {
    /** Checks a rule against the Spot; an {@code InvalidInputException} naming each problem under {@code path}. */
    void check(UUID spotId, JsonNode rule, String path);

    /** Gives a group a rule (making it smart) and evaluates it over the whole Spot. */
    void setRule(UUID spotId, UUID groupId, JsonNode rule);

    /** Turns a smart group into a static one: its members stay, as manual members. */
    void clearRule(UUID spotId, UUID groupId);

    /**
     * Takes the Spot's rule lock exclusively: a change that will both lock a group row and evaluate a rule takes it
     * first, in the order every other path takes them (rule lock, then group row, then member rows).
     */
    void lockSpot(UUID spotId);

    /** Re-evaluates a smart group over the whole Spot; false if it is not one. */
    boolean reevaluate(UUID spotId, UUID groupId);

    /**
     * How a member of a smart group got there, as a SQL expression over the membership row {@code gm}:
     * {@code 'exception'} or {@code 'rule'}.
     */
    String membershipSource();
}
