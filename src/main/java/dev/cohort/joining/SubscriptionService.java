package dev.cohort.joining;

import dev.cohort.communities.CommunityAction;
import dev.cohort.communities.CommunityAuthority;
import dev.cohort.errors.ConflictException;
import dev.cohort.groups.Memberships;
import dev.cohort.spots.Caller;
import dev.cohort.web.Ids;
import dev.cohort.web.Problems;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscriptions to community groups with access {@code subscription} (issue 16), as the host's billing reports them.
 * Only a member whose subscription is active may join, ask to or redeem a code there ({@link CommunityGate}); their
 * membership's end follows the subscription (the expiring-membership mechanism: a report moves the end of the
 * memberships of the group's plain members; owner, admins and moderators keep theirs), so the expiry job ends a
 * lapsed subscription's membership on time. A report with an end in the past ends the membership at the next run.
 */
@Service
class SubscriptionService {
    private final CommunityAuthority authority;
    private final Memberships memberships;
    private final SubscriptionRepository subscriptions;
    private final Clock clock;

    SubscriptionService(CommunityAuthority authority, Memberships memberships, SubscriptionRepository subscriptions,
                        Clock clock) {
        this.authority = authority;
        this.memberships = memberships;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /** One reported subscription: the member (as sent) and the end (Unix seconds). */
    record Reported(String spotMemberId, long validUntil) {
    }

    /** The members whose subscriptions were written (in the order sent) and the ids that were not (as sent). */
    record Result(List<UUID> upserted, List<String> failed) {
    }

    @Transactional
    Result upsert(Caller caller, UUID groupId, List<Reported> items) {
        CommunityAuthority.Actor actor = authority.require(caller, groupId, CommunityAction.EDIT_SETTINGS);
        Problems problems = new Problems();
        if (items.isEmpty()) {
            problems.add("items", "at least one subscription");
        }
        Map<UUID, Instant> ends = new LinkedHashMap<>();
        Map<String, UUID> parsed = new HashMap<>();
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Reported item = items.get(i);
            if (!texts.add(item.spotMemberId())) {
                problems.add("items[" + i + "].spotMemberId", "listed twice");
                continue;
            }
            UUID id = Ids.parse(item.spotMemberId());
            if (id != null) {
                parsed.put(item.spotMemberId(), id);
                ends.put(id, Instant.ofEpochSecond(item.validUntil()));
            }
        }
        problems.throwIfAny();
        if (!actor.community().subscription()) {
            throw new ConflictException("access", "this group's access is free: subscriptions apply to groups with "
                    + "access subscription");
        }
        UUID spotId = caller.spotId();
        // Exclusively, so that a member joining meanwhile either is in the group already (and follows the new end)
        // or reads the new subscription once this report is written.
        memberships.lockExclusive(spotId, groupId);
        List<UUID> written = subscriptions.upsert(spotId, groupId, ends.keySet().toArray(UUID[]::new),
                ends.values().toArray(Instant[]::new), clock.instant());
        List<UUID> plain = subscriptions.plainMembers(spotId, groupId, written.toArray(UUID[]::new));
        memberships.follow(spotId, groupId, plain, plain.stream().map(ends::get).toList());
        Set<UUID> done = new HashSet<>(written);
        List<UUID> upserted = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Reported item : items) {
            UUID id = parsed.get(item.spotMemberId());
            if (id != null && done.contains(id)) {
                upserted.add(id);
            } else {
                failed.add(item.spotMemberId());
            }
        }
        return new Result(upserted, failed);
    }
}
