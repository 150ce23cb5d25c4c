package dev.cohort.groups;

import java.util.List;
import java.util.UUID;

/** Members left a group (only those who were in it). Published inside the removing transaction. */
public record MembersRemovedFromGroup(UUID spotId, UUID groupId, List<UUID> memberIds) {
}
