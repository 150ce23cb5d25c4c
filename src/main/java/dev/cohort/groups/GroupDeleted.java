package dev.cohort.groups;

import java.util.UUID;

/** A group was deleted (it can still be restored); published inside the deleting transaction. */
public record GroupDeleted(UUID spotId, UUID groupId) {
}
