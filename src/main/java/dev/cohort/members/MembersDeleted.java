package dev.cohort.members;

import java.util.List;
import java.util.UUID;

/**
 * Members are being deleted from their Spot. Published inside the deleting transaction before the rows go, so
 * that listeners (group memberships, access) remove what refers to them in the same transaction.
 */
public record MembersDeleted(UUID spotId, List<UUID> memberIds) {
}
