package dev.cohort.groups;

import dev.cohort.web.Problems;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What groups ask of community groups (issue 16): checking and storing a community group's own fields, showing
 * them in every Group answer, and guarding its owner. Implemented by the module that owns them (communities), which
 * sits above this one; groups only calls it, inside its own transactions.
 */
public interface GroupCommunities {
    /**
     * Checks the community part of a body for the group {@code groupId} (null: a group being created), adding each
     * bad field to {@code problems}.
     */
    void check(UUID spotId, @Nullable UUID groupId, CommunityInput input, Problems problems);

    /**
     * Makes the new group {@code groupId} a community group owned by {@code ownerId}, who is already a member: its
     * row, a slug made from {@code name}, the owner's group role.
     */
    void create(UUID spotId, UUID groupId, String name, UUID ownerId, CommunityInput input);

    /** Applies a checked update of a community group's fields; true when one of them changed. */
    boolean update(UUID spotId, UUID groupId, CommunityInput input);

    /** The community fields of those of {@code groupIds} that are community groups, by group id. */
    Map<UUID, CommunityFields> fields(UUID spotId, Collection<UUID> groupIds);

    /** Refuses (a conflict) to remove a community group's owner, when {@code memberIds} holds them. */
    void requireOwnerStays(UUID spotId, UUID groupId, Collection<UUID> memberIds);

    /** Refuses (a conflict) a membership end for a community group's owner, when {@code memberIds} holds them. */
    void requireOwnerPermanent(UUID spotId, UUID groupId, Collection<UUID> memberIds);
}
