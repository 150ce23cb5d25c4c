package dev.cohort.groups;

import java.util.List;
import java.util.UUID;

/** Members entered a group (only those who were not in it already). Published inside the adding transaction. */
public record MembersAddedToGroup(UUID spotId, UUID groupId, List<UUID> memberIds) {
}
