package dev.cohort.communities;

import dev.cohort.errors.ConflictException;
import dev.cohort.members.MemberDeletionCheck;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A member who owns a live community group cannot be deleted from the Spot: the group would be left with a missing
 * owner, and the owner is never replaced (SPEC rule 18). A {@code 409} naming the groups; nothing is deleted.
 */
@Component
class OwnerDeletionCheck implements MemberDeletionCheck {
    private final CommunityRepository communities;

    OwnerDeletionCheck(CommunityRepository communities) {
        this.communities = communities;
    }

    @Override
    public void checkDeletion(UUID spotId, Collection<UUID> memberIds) {
        List<CommunityRepository.Owned> owned = communities.ownedBy(spotId, memberIds);
        if (!owned.isEmpty()) {
            throw new ConflictException("spotMemberId", "the member owns community groups: "
                    + owned.stream().map(g -> "'" + g.name() + "' (" + g.groupId() + ")")
                            .collect(Collectors.joining(", "))
                    + "; delete these community groups first (a community group's owner is never transferred)");
        }
    }
}
