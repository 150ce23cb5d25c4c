package dev.cohort.groups;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Membership writes, the group row locks they take, and the events they publish: {@link MembersAddedToGroup} and
 * {@link MembersRemovedFromGroup}, inside the writing transaction, for the members who really entered or left.
 * Used by {@link GroupService} for manual changes, by smart groups for the changes their rules make, and by joining
 * for the members who join and leave groups themselves.
 */
@Component
public class Memberships {
    private static final Logger log = LoggerFactory.getLogger(Memberships.class);

    private final GroupRepository groups;
    private final MembershipRepository memberships;
    private final MembershipExpiryRepository expiring;
    private final AdmissionRepository admissions;
    private final ApplicationEventPublisher events;

    Memberships(GroupRepository groups, MembershipRepository memberships, MembershipExpiryRepository expiring,
                AdmissionRepository admissions, ApplicationEventPublisher events) {
        this.groups = groups;
        this.memberships = memberships;
        this.expiring = expiring;
        this.admissions = admissions;
        this.events = events;
    }

    /** Members entering and leaving a group in one change. */
    public record Diff(List<UUID> added, List<UUID> removed) {
    }

    /** The kind of a live group ("static" or "smart"). */
    public Optional<String> kind(UUID spotId, UUID groupId) {
        return groups.kind(spotId, groupId);
    }

    /** Locks a live group's row exclusively (no membership change meanwhile); false when there is no such group. */
    public boolean lockExclusive(UUID spotId, UUID groupId) {
        return groups.lockExclusive(spotId, groupId);
    }

    /** Locks the live groups among {@code ids} (shared, in id order) for membership changes; returns them. */
    public Set<UUID> lockSharedAll(UUID spotId, Collection<UUID> groupIds) {
        return groups.lockSharedAll(spotId, groupIds);
    }

    /**
     * Adds (group, member) pairs not stored yet, of groups the caller holds shared, with each group's count delta.
     * Pairs sorted by group, then member (as the database orders ids) are written in index order. No event: the
     * caller publishes what entered with {@link #published}.
     */
    public void addPairs(UUID spotId, List<Membership> pairs) {
        memberships.addPairs(spotId, pairs);
    }

    /** Removes (group, member) pairs of several groups with the count deltas; returns those removed. No event. */
    public List<Membership> removePairs(UUID spotId, List<Membership> pairs) {
        return memberships.removePairs(spotId, pairs);
    }

    /**
     * Brings a group's stored membership in line with the members listed in {@code wanted} (a table of the
     * transaction with an {@code id} column), in one statement; the caller holds the group's row exclusively and
     * publishes the change with {@link #published}.
     */
    public Diff replace(UUID spotId, UUID groupId, String wanted) {
        return memberships.replace(spotId, groupId, wanted);
    }

    /** Publishes who entered and who left a group (nothing for an empty side). */
    public void published(UUID spotId, UUID groupId, Diff diff) {
        if (!diff.added().isEmpty()) {
            events.publishEvent(new MembersAddedToGroup(spotId, groupId, diff.added()));
        }
        if (!diff.removed().isEmpty()) {
            events.publishEvent(new MembersRemovedFromGroup(spotId, groupId, diff.removed()));
        }
    }

    /**
     * A member joins a group by themselves, recording how ({@code source}, one of the sources the
     * {@code group_membership} table allows: selfJoined; a code's membership is {@link #redeemed}), the caller
     * holding the group row shared; true (and published) when they were not in it already, which changes nothing.
     */
    public boolean join(UUID spotId, UUID groupId, UUID memberId, String source) {
        boolean added = memberships.addJoined(spotId, groupId, memberId, source);
        if (added) {
            events.publishEvent(new MembersAddedToGroup(spotId, groupId, List.of(memberId)));
        }
        return added;
    }

    /**
     * A member joins a group with a join code (source code, the code's id, until {@code validUntil} or permanently),
     * the caller holding the group row shared; true (and published) when they were not in it already.
     */
    public boolean redeemed(UUID spotId, UUID groupId, UUID memberId, UUID codeId, @Nullable Instant validUntil) {
        boolean added = memberships.addRedeemed(spotId, groupId, memberId, codeId,
                validUntil == null ? null : OffsetDateTime.ofInstant(validUntil, ZoneOffset.UTC));
        if (added) {
            events.publishEvent(new MembersAddedToGroup(spotId, groupId, List.of(memberId)));
        }
        return added;
    }

    /**
     * Lets members into a group by a decision made above groups (approved join requests, accepted invitations,
     * codes), in one statement whatever their number, the caller holding the group row shared: each admission's
     * source, code and end date are written; members already in the group are left as they are. Returns (and
     * publishes) those who entered.
     */
    public List<UUID> admit(UUID spotId, UUID groupId, List<Admission> admitted) {
        if (admitted.isEmpty()) {
            return List.of();
        }
        List<UUID> added = admissions.admit(spotId, groupId, admitted);
        log.debug("Spot {}: {} of {} admitted members added to group {}", spotId, added.size(), admitted.size(),
                groupId);
        if (!added.isEmpty()) {
            events.publishEvent(new MembersAddedToGroup(spotId, groupId, added));
        }
        return added;
    }

    /**
     * Gives the memberships of {@code memberIds} the end dates {@code validUntil} (same order) in one statement,
     * the expiring-membership mechanism's date: at that time the expiry job ends them. Members not in the group are
     * skipped. Returns the number of memberships whose date changed.
     */
    public int follow(UUID spotId, UUID groupId, List<UUID> memberIds, List<Instant> validUntil) {
        if (memberIds.isEmpty()) {
            return 0;
        }
        return admissions.follow(spotId, groupId, memberIds.toArray(UUID[]::new), validUntil.toArray(Instant[]::new));
    }

    /**
     * Adds the Spot's members among {@code memberIds} until {@code validUntil} (null: permanently); those already in
     * the group get the same date (a re-add extends or clears it). Returns (and publishes) those who were not in it.
     */
    List<UUID> add(UUID spotId, UUID groupId, List<UUID> memberIds, @Nullable Instant validUntil) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        List<UUID> added = expiring.addMembers(spotId, groupId, memberIds.toArray(UUID[]::new), validUntil);
        log.debug("Spot {}: {} of {} members added to group {} until {}", spotId, added.size(), memberIds.size(),
                groupId, validUntil);
        if (!added.isEmpty()) {
            events.publishEvent(new MembersAddedToGroup(spotId, groupId, added));
        }
        return added;
    }

    /**
     * Ends the memberships of a live static or community group whose validUntil is at or before {@code now}, in one
     * statement, under the group's shared lock (as any membership change); returns (and publishes) the members who
     * left.
     */
    List<UUID> expire(UUID spotId, UUID groupId, Instant now) {
        if (groups.lockShared(spotId, groupId).map("smart"::equals).orElse(true)) {
            return List.of();
        }
        List<UUID> removed = expiring.expire(spotId, groupId, now);
        if (!removed.isEmpty()) {
            events.publishEvent(new MembersRemovedFromGroup(spotId, groupId, removed));
        }
        return removed;
    }

    /** Makes every membership of a group permanent: a group turned smart, whose memberships follow its rule. */
    void clearExpiry(UUID spotId, UUID groupId) {
        expiring.clear(spotId, groupId);
    }

    /** Removes members; returns (and publishes) those who were in the group. */
    public List<UUID> remove(UUID spotId, UUID groupId, List<UUID> memberIds) {
        List<UUID> removed = memberships.removeMembers(spotId, groupId, memberIds.toArray(UUID[]::new));
        log.debug("Spot {}: {} members removed from group {}", spotId, removed.size(), groupId);
        if (!removed.isEmpty()) {
            events.publishEvent(new MembersRemovedFromGroup(spotId, groupId, removed));
        }
        return removed;
    }
}
