package dev.cohort.groups;

import java.util.UUID;

/** A deleted group was restored with its members and links; published inside the restoring transaction. */
public record GroupRestored(UUID spotId, UUID groupId) {
}
