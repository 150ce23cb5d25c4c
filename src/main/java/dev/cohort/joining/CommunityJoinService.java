package dev.cohort.joining;

import dev.cohort.communities.Communities;
import dev.cohort.communities.Community;
import dev.cohort.errors.ConflictException;
import dev.cohort.errors.NotFoundException;
import dev.cohort.groups.Admission;
import dev.cohort.groups.Memberships;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members joining and leaving community groups themselves (issue 16): an open group joins at once, an approval group
 * files a join request (one pending at a time; asking again answers the same one), both with the answers to the
 * group's membership questions, behind the {@link CommunityGate} (bans, subscriptions). Every change holds the group
 * row shared, as every membership change does.
 */
@Service
class CommunityJoinService {
    private final Communities communities;
    private final Memberships memberships;
    private final CommunityGate gate;
    private final JoinRequestRepository requests;
    private final JoinCodeRepository reads;
    private final Clock clock;

    CommunityJoinService(Communities communities, Memberships memberships, CommunityGate gate,
                         JoinRequestRepository requests, JoinCodeRepository reads, Clock clock) {
        this.communities = communities;
        this.memberships = memberships;
        this.gate = gate;
        this.requests = requests;
        this.reads = reads;
        this.clock = clock;
    }

    /** What a join did: Joined, or Pending with the request to approve. */
    record Outcome(String status, @Nullable UUID joinRequestId) {
        static Outcome joined() {
            return new Outcome("Joined", null);
        }
    }

    /** The community group {@code groupId}, when it is one. */
    Optional<Community> find(UUID spotId, UUID groupId) {
        return communities.find(spotId, groupId);
    }

    @Transactional
    Outcome join(UUID spotId, UUID groupId, UUID memberId, List<MembershipAnswers.Given> answers) {
        Community community = locked(spotId, groupId);
        if (reads.isMember(spotId, groupId, memberId)) {
            return Outcome.joined();
        }
        Instant now = clock.instant();
        Instant until = gate.admit(community, memberId, now);
        if (community.needsApproval()) {
            Optional<UUID> pending = requests.pending(spotId, groupId, memberId);
            if (pending.isPresent()) {
                return new Outcome("Pending", pending.get());
            }
        }
        List<MembershipAnswers.Stored> stored = MembershipAnswers.check(community.questions(), answers);
        if (community.needsApproval()) {
            return new Outcome("Pending", request(spotId, groupId, memberId, stored, null, null, now));
        }
        memberships.admit(spotId, groupId, List.of(new Admission(memberId, SelfJoinService.SELF_JOINED, null, until)));
        if (!stored.isEmpty()) {
            requests.joined(spotId, groupId, memberId, stored, now);
        }
        return Outcome.joined();
    }

    /** Files a pending request, or finds the one filed at the same moment. */
    UUID request(UUID spotId, UUID groupId, UUID memberId, List<MembershipAnswers.Stored> answers,
                 @Nullable UUID codeId, @Nullable UUID invitationId, Instant now) {
        return requests.file(spotId, groupId, memberId, answers, codeId, invitationId, now)
                .or(() -> requests.pending(spotId, groupId, memberId))
                .orElseThrow(() -> new IllegalStateException("a pending request neither filed nor found"));
    }

    @Transactional
    UUID cancel(UUID spotId, UUID groupId, UUID memberId) {
        locked(spotId, groupId);
        return requests.cancel(spotId, groupId, memberId, clock.instant())
                .orElseThrow(() -> new ConflictException("groupId", "you have no pending request to join this group"));
    }

    /** Leaves the group (the owner cannot); leaving a group one is not in changes nothing. */
    @Transactional
    void leave(UUID spotId, UUID groupId, UUID memberId) {
        Community community = locked(spotId, groupId);
        if (community.ownerMemberId().equals(memberId)) {
            throw new ConflictException("groupRole", "the owner cannot leave their group");
        }
        memberships.remove(spotId, groupId, List.of(memberId));
    }

    /** The community group, its row locked shared; not found when it is none (or gone). */
    private Community locked(UUID spotId, UUID groupId) {
        if (memberships.lockSharedAll(spotId, List.of(groupId)).isEmpty()) {
            throw new NotFoundException("Group");
        }
        return communities.find(spotId, groupId).orElseThrow(() -> new NotFoundException("Group"));
    }
}
