package dev.cohort.groups;

import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The Group object of the MeltingSpot API ({@code id, name, description, emoji, icon}) plus Cohort's
 * {@code kind} ("static" or "smart"), a smart group's {@code rule} and the time it was last evaluated over the whole
 * Spot ({@code ruleEvaluatedAt}), {@code membersCount}, {@code resourcesCount} and dates (Unix milliseconds).
 */
public record Group(UUID id, String name, String description, String emoji, String icon, String kind,
                    JsonNode rule, Long ruleEvaluatedAt, long membersCount, long resourcesCount, long createdAt,
                    long updatedAt) {
}
