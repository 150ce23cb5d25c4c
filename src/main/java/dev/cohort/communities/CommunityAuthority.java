package dev.cohort.communities;

import dev.cohort.errors.ForbiddenException;
import dev.cohort.errors.NotFoundException;
import dev.cohort.spots.Caller;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one authorization decision at the top of every community-group operation: who the caller is in the group
 * (an operator with the Spot's key, or a member with their group role, raised to admin for the Spot's Admins and to
 * moderator for holders of a custom role with {@code groups.moderate}), and whether that role may do the action.
 * A member who may not even see the group gets a {@code 404}, one who may see it but not do this a {@code 403}
 * naming the missing right.
 */
@Component
public class CommunityAuthority {
    private final CommunityRepository communities;

    CommunityAuthority(CommunityRepository communities) {
        this.communities = communities;
    }

    /** The caller's standing in a community group, once allowed. */
    public record Actor(Community community, UUID memberId, GroupRole role) {
        public boolean operator() {
            return memberId == null;
        }
    }

    /** Allows {@code action} on the community group {@code groupId}, or throws; unknown groups are {@code 404}. */
    public Actor require(Caller caller, UUID groupId, CommunityAction action) {
        Community community = communities.find(caller.spotId(), groupId)
                .orElseThrow(() -> new NotFoundException("community group " + groupId));
        if (caller.memberId() == null) {
            return new Actor(community, null, GroupRole.OWNER);
        }
        GroupRole role = roleOf(caller.spotId(), groupId, caller.memberId());
        if (!role.atLeast(action.least())) {
            throw new ForbiddenException(action.right(), "your role in this group (" + role.value()
                    + ") does not allow this: it needs " + action.least().value() + " or above (" + action.right()
                    + ")");
        }
        return new Actor(community, caller.memberId(), role);
    }

    /** A member's effective role in a group: their own, or what the Spot gives them, whichever is stronger. */
    public GroupRole roleOf(UUID spotId, UUID groupId, UUID memberId) {
        CommunityRepository.Standing standing = communities.standing(spotId, groupId, memberId);
        GroupRole own = standing.member() ? GroupRole.of(standing.groupRole()) : GroupRole.NONE;
        GroupRole spot = standing.spotAdmin() ? GroupRole.ADMIN
                : standing.spotModerator() ? GroupRole.MODERATOR : GroupRole.NONE;
        return own.atLeast(spot) ? own : spot;
    }
}
