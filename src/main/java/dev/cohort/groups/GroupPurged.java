package dev.cohort.groups;

import java.util.UUID;

/** A group deleted longer ago than the retention period is removed for good; published before its rows go. */
public record GroupPurged(UUID spotId, UUID groupId) {
}
