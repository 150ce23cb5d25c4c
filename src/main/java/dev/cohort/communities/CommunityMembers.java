package dev.cohort.communities;

import dev.cohort.errors.ConflictException;
import dev.cohort.errors.NotFoundException;
import dev.cohort.groups.GroupMember;
import dev.cohort.groups.GroupService;
import dev.cohort.spots.Caller;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The members of a community group as its roles see them (SPEC rule 18): giving a member a role and removing one,
 * for operators and for members allowed by {@link CommunityAuthority}, each decided once at the top.
 */
@Service
class CommunityMembers {
    private final CommunityAuthority authority;
    private final CommunityRepository communities;
    private final GroupService groups;

    CommunityMembers(CommunityAuthority authority, CommunityRepository communities, GroupService groups) {
        this.authority = authority;
        this.communities = communities;
        this.groups = groups;
    }

    /**
     * Gives a member of the group the role {@code wanted}: an admin (or the owner) gives up to moderator, only the
     * owner names or un-names admins; the owner's role is never changed and never given (a conflict).
     */
    @Transactional
    GroupMember setRole(Caller caller, UUID groupId, UUID memberId, GroupRole wanted) {
        CommunityAuthority.Actor actor = authority.require(caller, groupId, CommunityAction.SET_ROLES);
        UUID spotId = caller.spotId();
        GroupRole current = communities.lockRole(spotId, groupId, memberId)
                .orElseThrow(() -> new NotFoundException("Group member"));
        if (wanted == GroupRole.OWNER && current != GroupRole.OWNER) {
            throw new ConflictException("groupRole", "a community group has one owner, its creator, for good: the "
                    + "role owner cannot be given");
        }
        authority.requireOver(actor, current.max(wanted), CommunityAction.SET_ROLES);
        communities.setRole(spotId, groupId, memberId, wanted == GroupRole.MEMBER ? null : wanted.value());
        return groups.member(spotId, groupId, memberId).orElseThrow(() -> new NotFoundException("Group member"));
    }

    /**
     * Removes a member from the group: a moderator removes members, an admin moderators too, the owner anyone but
     * themselves; a member removing themselves leaves (the owner never does: a conflict). What only this group gave
     * them is taken away (rule 8).
     */
    @Transactional
    void remove(Caller caller, UUID groupId, UUID memberId) {
        boolean self = memberId.equals(caller.memberId());
        CommunityAuthority.Actor actor = authority.require(caller, groupId,
                self ? CommunityAction.LEAVE : CommunityAction.REMOVE_MEMBERS);
        GroupRole target = communities.role(caller.spotId(), groupId, memberId)
                .orElseThrow(() -> new NotFoundException("Group member"));
        if (self && target == GroupRole.OWNER) {
            throw new ConflictException("spotMemberId", "the owner of a community group can never leave it");
        }
        if (!self) {
            authority.requireOver(actor, target, CommunityAction.REMOVE_MEMBERS);
        }
        groups.bulkRemove(caller.spotId(), groupId, List.of(memberId));
    }

    /**
     * Removes several members at once, each as {@link #remove} allows (the caller's own id: they leave); one refused
     * removal refuses them all, and nothing changes. Ids that are not in the group are ignored. Returns how many were
     * in it.
     */
    @Transactional
    int bulkRemove(Caller caller, UUID groupId, List<UUID> memberIds) {
        CommunityAuthority.Actor actor = authority.require(caller, groupId, CommunityAction.REMOVE_MEMBERS);
        for (Map.Entry<UUID, GroupRole> target : communities.roles(caller.spotId(), groupId, memberIds).entrySet()) {
            if (!target.getKey().equals(caller.memberId()) || target.getValue() == GroupRole.OWNER) {
                authority.requireOver(actor, target.getValue(), CommunityAction.REMOVE_MEMBERS);
            }
        }
        return groups.bulkRemove(caller.spotId(), groupId, memberIds);
    }
}
