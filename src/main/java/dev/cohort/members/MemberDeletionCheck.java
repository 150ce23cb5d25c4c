package dev.cohort.members;

import java.util.Collection;
import java.util.UUID;

/**
 * What a module above may refuse of a member's deletion: called by {@link MemberService} before anything is deleted,
 * inside the deletion's transaction, with the member rows locked. An implementation throws a
 * {@code ConflictException} to refuse (nothing is deleted then). Implemented by the modules that hold something a
 * member must not leave behind (communities: the community groups they own), which sit above members; members only
 * calls it.
 */
public interface MemberDeletionCheck {
    /** Refuses, with a {@code ConflictException}, the deletion of {@code memberIds} from the Spot. */
    void checkDeletion(UUID spotId, Collection<UUID> memberIds);
}
