package dev.cohort.groups;

import dev.cohort.errors.InvalidInputException;
import dev.cohort.web.Problems;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A group body's {@code kind} and {@code rule}, checked together (the rule by {@link GroupRules}). */
final class GroupKinds {
    private GroupKinds() {
    }

    /** The kind asked for (null when not given) and a smart group's checked rule (null when none is given). */
    record Smart(String kind, JsonNode rule) {
    }

    /**
     * Checks {@code kind} and {@code rule}: a rule needs the smart kind (given, or the group's current one); turning
     * a group smart needs a rule. Rule problems are added to {@code problems}, so that all are answered together.
     */
    static Smart read(GroupRules rules, UUID spotId, String kind, JsonNode rule, String currentKind,
                      Problems problems) {
        if (rule != null && rule.isNull()) {
            rule = null;
        }
        String effective = kind != null ? kind : currentKind == null ? "static" : currentKind;
        if (rule != null && !effective.equals("smart")) {
            problems.add("rule", "only smart groups have a rule: send \"kind\": \"smart\" with it");
            return new Smart(kind, null);
        }
        if (rule == null && "smart".equals(kind) && !"smart".equals(currentKind)) {
            problems.add("rule", "is required for a smart group");
            return new Smart(kind, null);
        }
        if (rule != null) {
            try {
                rules.check(spotId, rule, "rule");
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
                return new Smart(kind, null);
            }
        }
        return new Smart(kind, rule);
    }
}
