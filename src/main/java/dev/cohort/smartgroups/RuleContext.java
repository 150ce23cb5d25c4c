package dev.cohort.smartgroups;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a rule is checked against: the Spot's tags (by id and lower-cased name), custom properties (by slug) and
 * custom roles.
 */
record RuleContext(Map<UUID, String> tags, Map<String, UUID> tagsByName, Map<String, Property> properties,
                   Set<UUID> customRoles) {

    record Property(UUID id, String type, List<String> options) {
    }
}
