package dev.cohort.groups;

import java.util.UUID;

/**
 * The Group object of the MeltingSpot API ({@code id, name, description, emoji, icon}) plus Cohort's
 * {@code kind}, {@code membersCount}, {@code resourcesCount} and dates (Unix milliseconds).
 */
public record Group(UUID id, String name, String description, String emoji, String icon, String kind,
                    long membersCount, long resourcesCount, long createdAt, long updatedAt) {
}
