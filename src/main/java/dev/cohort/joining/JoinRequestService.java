package dev.cohort.joining;

import dev.cohort.communities.CommunityAction;
import dev.cohort.communities.CommunityAuthority;
import dev.cohort.groups.Admission;
import dev.cohort.groups.Memberships;
import dev.cohort.spots.Caller;
import dev.cohort.web.Filters;
import dev.cohort.web.Ids;
import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;

/**
 * Deciding join requests (issue 16), by operators and by the group's moderators and above: set-based approvals and
 * rejections of up to {@link #MAX_DECISIONS} requests at once. An approval lets the members in through
 * {@link Memberships} (linked resources invite them at once) and tells them, in-app and by email through the outbox;
 * a banned member's request, or in a subscription group one without an active subscription, is not approved.
 */
@Service
class JoinRequestService {
    static final int MAX_DECISIONS = 10_000;
    static final Filters.Spec FILTERS = Filters.spec()
            .enumeration("status", "r.status", List.of("Pending", "Approved", "Rejected", "Cancelled"),
                    Filters.Op.eq, Filters.Op.in)
            .uuid("spotMemberId", "r.member_id", Filters.Op.eq)
            .timestamp("createdAt", "r.created_at", Filters.Op.before, Filters.Op.after);

    private final CommunityAuthority authority;
    private final Memberships memberships;
    private final JoinRequestRepository requests;
    private final JoinNotices notices;
    private final JoinLinks links;
    private final Clock clock;

    JoinRequestService(CommunityAuthority authority, Memberships memberships, JoinRequestRepository requests,
                       JoinNotices notices, JoinLinks links, Clock clock) {
        this.authority = authority;
        this.memberships = memberships;
        this.requests = requests;
        this.notices = notices;
        this.links = links;
        this.clock = clock;
    }


    ListPage<JoinRequest> list(Caller caller, UUID groupId, MultiValueMap<String, String> query) {
        authority.require(caller, groupId, CommunityAction.APPROVE);
        return requests.list(caller.spotId(), groupId, ListQuery.read(query, FILTERS));
    }

    @Transactional
    Ids.Outcome approve(Caller caller, UUID groupId, List<String> ids, @Nullable String reason) {
        CommunityAuthority.Actor actor = authority.require(caller, groupId, CommunityAction.APPROVE);
        UUID spotId = caller.spotId();
        memberships.lockSharedAll(spotId, List.of(groupId));
        Map<String, UUID> parsed = Ids.parseEach(ids);
        Instant now = clock.instant();
        List<JoinRequestRepository.Decided> approved = requests.approve(spotId, groupId,
                new HashSet<>(parsed.values()).toArray(UUID[]::new), caller.memberId(), reason, now,
                actor.community().subscription());
        List<Admission> admissions = new ArrayList<>(approved.size());
        for (JoinRequestRepository.Decided request : approved) {
            Instant until = request.subscriptionUntil();
            if (request.membershipDays() != null) {
                Instant days = now.plus(Duration.ofDays(request.membershipDays()));
                until = until == null || days.isBefore(until) ? days : until;
            }
            admissions.add(new Admission(request.memberId(), request.joinCodeId() == null
                    ? SelfJoinService.SELF_JOINED : "code", request.joinCodeId(), until));
        }
        memberships.admit(spotId, groupId, admissions);
        notices.decided(spotId, groupId, approved.stream().map(JoinRequestRepository.Decided::id).toList(),
                approved.stream().map(JoinRequestRepository.Decided::memberId).toList(), true, reason,
                links.group(actor.community()));
        return Ids.outcome(ids, parsed, approved.stream().map(JoinRequestRepository.Decided::id).toList());
    }

    @Transactional
    Ids.Outcome reject(Caller caller, UUID groupId, List<String> ids, @Nullable String reason) {
        authority.require(caller, groupId, CommunityAction.APPROVE);
        UUID spotId = caller.spotId();
        Map<String, UUID> parsed = Ids.parseEach(ids);
        List<JoinRequestRepository.Decided> rejected = requests.reject(spotId, groupId,
                new HashSet<>(parsed.values()).toArray(UUID[]::new), caller.memberId(), reason, clock.instant());
        notices.decided(spotId, groupId, rejected.stream().map(JoinRequestRepository.Decided::id).toList(),
                rejected.stream().map(JoinRequestRepository.Decided::memberId).toList(), false, reason, null);
        return Ids.outcome(ids, parsed, rejected.stream().map(JoinRequestRepository.Decided::id).toList());
    }
}
