package dev.cohort.joining;

import dev.cohort.errors.ConflictException;
import dev.cohort.errors.NotFoundException;
import dev.cohort.groups.Memberships;
import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups members join and leave themselves (SPEC rules 15-16): what they see, by the application's clock, and the
 * memberships they make, written through {@link Memberships} so that linked resources invite and revoke at once.
 * A member sees a live static group that is open or code, user viewable and inside its window; they join an open one
 * inside its window and leave an open or code one whenever they like.
 */
@Service
class SelfJoinService {
    static final String SELF_JOINED = "selfJoined";

    private final SelfJoinRepository groups;
    private final Memberships memberships;
    private final Clock clock;

    SelfJoinService(SelfJoinRepository groups, Memberships memberships, Clock clock) {
        this.groups = groups;
        this.memberships = memberships;
        this.clock = clock;
    }

    /** The groups the member sees: all of them (joinable now), or only those they are in. */
    ListPage<MemberGroup> visible(UUID spotId, UUID memberId, boolean joinedOnly, ListQuery query) {
        return groups.visible(spotId, memberId, now(), joinedOnly, query);
    }

    /**
     * Joins an open group inside its window; joining again changes nothing. A group the member may not see (not
     * user viewable, smart, deleted, another Spot's) is not found; a code group, a closed one or one outside its
     * window is a conflict saying why.
     */
    @Transactional
    void join(UUID spotId, UUID groupId, UUID memberId) {
        SelfJoinRepository.Target group = groups.lockShared(spotId, groupId, memberId)
                .filter(g -> g.kind().equals("static") && g.userViewable())
                .orElseThrow(() -> new NotFoundException("Group"));
        if (group.joinType().equals("code")) {
            throw new ConflictException("joinType", "this group is joined with a code");
        }
        if (group.joinType().equals("closed")) {
            throw new ConflictException("joinType", "only an operator can add you to this group");
        }
        OffsetDateTime now = now();
        if (group.startDate() != null && now.isBefore(group.startDate())) {
            throw new ConflictException("startDate", "this group opens at " + group.startDate().toInstant());
        }
        if (group.stopDate() != null && !now.isBefore(group.stopDate())) {
            throw new ConflictException("stopDate", "this group closed at " + group.stopDate().toInstant());
        }
        memberships.join(spotId, groupId, memberId, SELF_JOINED);
    }

    /** Throws not found unless the member may see the static group (they are in it, or could join it). */
    void requireVisible(UUID spotId, UUID groupId, UUID memberId) {
        groups.lockShared(spotId, groupId, memberId)
                .filter(g -> g.kind().equals("static") && (g.userViewable() || g.joined()))
                .orElseThrow(() -> new NotFoundException("Group"));
    }

    /**
     * Leaves an open or code group, whatever its window; leaving a group one is not in changes nothing. A closed
     * group is left only by an operator's removal (a conflict); a group the member is not in and may not see, or a
     * smart one, is not found.
     */
    @Transactional
    void leave(UUID spotId, UUID groupId, UUID memberId) {
        SelfJoinRepository.Target group = groups.lockShared(spotId, groupId, memberId)
                .filter(g -> g.kind().equals("static") && (g.userViewable() || g.joined()))
                .orElseThrow(() -> new NotFoundException("Group"));
        if (group.joinType().equals("closed")) {
            throw new ConflictException("joinType", "only an operator can remove you from this group");
        }
        if (group.joined()) {
            memberships.remove(spotId, groupId, List.of(memberId));
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
