package dev.cohort.groups;

import java.util.UUID;

/** A (group, member) membership, as written in batches of several groups ({@link Memberships#addPairs}). */
public record Membership(UUID groupId, UUID memberId) {
}
