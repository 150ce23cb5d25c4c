package dev.cohort.joining;

import dev.cohort.communities.CommunityAction;
import dev.cohort.communities.CommunityAuthority;
import dev.cohort.communities.GroupRole;
import dev.cohort.errors.ConflictException;
import dev.cohort.errors.ForbiddenException;
import dev.cohort.groups.Memberships;
import dev.cohort.spots.Caller;
import dev.cohort.web.Filters;
import dev.cohort.web.Ids;
import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;

/**
 * Bans (issue 16): a banned member is removed from the community group (what only it gave them is taken away) and
 * every way back in they could take themselves is refused with {@code 409 "banned"}: a join, a join request, a code,
 * an invitation; their pending request is rejected ("banned") and cannot be approved. An operator's add (the groups
 * API) still works: it is the operator's deliberate decision, and the ban stays until it is lifted. The owner cannot
 * be banned; a member of the group's staff bans only members whose role is below theirs.
 */
@Service
class BanService {
    static final Filters.Spec FILTERS = Filters.spec()
            .uuid("spotMemberId", "b.member_id", Filters.Op.eq)
            .timestamp("createdAt", "b.created_at", Filters.Op.before, Filters.Op.after);

    private final CommunityAuthority authority;
    private final Memberships memberships;
    private final BanRepository bans;
    private final JoinRequestRepository requests;
    private final Clock clock;

    BanService(CommunityAuthority authority, Memberships memberships, BanRepository bans,
               JoinRequestRepository requests, Clock clock) {
        this.authority = authority;
        this.memberships = memberships;
        this.bans = bans;
        this.requests = requests;
        this.clock = clock;
    }


    @Transactional
    Ids.Outcome add(Caller caller, UUID groupId, List<String> ids, @Nullable String reason) {
        CommunityAuthority.Actor actor = authority.require(caller, groupId, CommunityAction.BAN);
        UUID spotId = caller.spotId();
        Map<String, UUID> parsed = Ids.parseEach(ids);
        Set<UUID> targets = new LinkedHashSet<>(parsed.values());
        if (targets.contains(actor.community().ownerMemberId())) {
            throw new ConflictException("spotMemberIds", "the owner of a group can never be banned from it");
        }
        if (!actor.operator()) {
            for (UUID target : targets) {
                GroupRole role = authority.roleOf(spotId, groupId, target);
                if (role.atLeast(actor.role())) {
                    throw new ForbiddenException(CommunityAction.BAN.right(), "you cannot ban " + target
                            + ": their role in this group (" + role.value() + ") is not below yours ("
                            + actor.role().value() + ")");
                }
            }
        }
        // Exclusively, so that no join, code or invitation passes the gate while the ban is being written: one that
        // started first is in the group (and removed below), one that waits sees the ban when it reads it.
        memberships.lockExclusive(spotId, groupId);
        List<UUID> banned = bans.add(spotId, groupId, targets.toArray(UUID[]::new), reason, caller.memberId(),
                clock.instant());
        memberships.remove(spotId, groupId, banned);
        requests.rejectBanned(spotId, groupId, banned.toArray(UUID[]::new), caller.memberId(), clock.instant());
        return Ids.outcome(ids, parsed, banned);
    }

    @Transactional
    Ids.Outcome remove(Caller caller, UUID groupId, List<String> ids) {
        authority.require(caller, groupId, CommunityAction.BAN);
        Map<String, UUID> parsed = Ids.parseEach(ids);
        List<UUID> lifted = bans.remove(caller.spotId(), groupId, new HashSet<>(parsed.values()).toArray(UUID[]::new));
        return Ids.outcome(ids, parsed, lifted);
    }

    ListPage<GroupBan> list(Caller caller, UUID groupId, MultiValueMap<String, String> query) {
        authority.require(caller, groupId, CommunityAction.BAN);
        return bans.list(caller.spotId(), groupId, ListQuery.read(query, FILTERS));
    }
}
