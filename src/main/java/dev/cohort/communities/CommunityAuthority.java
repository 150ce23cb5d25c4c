package dev.cohort.communities;

import dev.cohort.errors.ConflictException;
import dev.cohort.errors.ForbiddenException;
import dev.cohort.errors.NotFoundException;
import dev.cohort.spots.Caller;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one authorization decision at the top of every community-group operation: who the caller is in the group
 * (an operator with the Spot's key, or a member with their group role, raised to admin for the Spot's Admins and to
 * moderator for holders of a custom role with {@code groups.moderate}), and whether that role may do the action.
 * An unknown group, another Spot's or one of another kind is a {@code 404}; a role that may not do the action (a
 * non-member's included) a {@code 403} naming the missing right. What depends on the member acted upon (removing a
 * moderator needs an admin, naming an admin the owner, and the owner is never demoted, removed or banned) is decided
 * in one place too: {@link #requireOver}.
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

    /**
     * Allows {@code action} on the community group {@code groupId}, or throws; unknown groups are {@code 404}, and so
     * are deleted ones except for {@link CommunityAction#RESTORE}.
     */
    public Actor require(Caller caller, UUID groupId, CommunityAction action) {
        Community community = (action == CommunityAction.RESTORE ? communities.findAny(caller.spotId(), groupId)
                : communities.find(caller.spotId(), groupId))
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

    /**
     * Allows an allowed actor's {@code action} (remove, ban, set a role) on a member whose own group role is
     * {@code target} (for a role change: the stronger of their role and the one given). The owner is never its target
     * (a {@code 409}, operators included); otherwise the actor's role must be above the target's and at least the
     * action's weakest: a moderator removes members, an admin moderators and members, the owner admins; naming or
     * un-naming an admin is the owner's (the right {@code groups.nameAdmins}).
     */
    public void requireOver(Actor actor, GroupRole target, CommunityAction action) {
        if (target == GroupRole.OWNER) {
            throw new ConflictException("spotMemberId", "the owner of a community group can never be "
                    + switch (action) {
                        case REMOVE_MEMBERS -> "removed";
                        case BAN -> "banned";
                        case SET_ROLES -> "demoted or replaced";
                        default -> "the target of this";
                    });
        }
        if (actor.operator()) {
            return;
        }
        GroupRole needed = action.least().max(target.above());
        if (!actor.role().atLeast(needed)) {
            String right = action == CommunityAction.SET_ROLES && needed == GroupRole.OWNER
                    ? CommunityAction.NAME_ADMINS.right() : action.right();
            throw new ForbiddenException(right, "your role in this group (" + actor.role().value() + ") does not "
                    + "allow this on a member whose role is " + target.value() + ": it needs " + needed.value()
                    + " or above (" + right + ")");
        }
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
