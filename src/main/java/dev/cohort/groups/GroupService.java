package dev.cohort.groups;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.cohort.errors.ConflictException;
import dev.cohort.errors.InvalidInputException;
import dev.cohort.errors.NotFoundException;
import dev.cohort.members.MembersDeleted;
import dev.cohort.system.Settings;
import dev.cohort.web.Ids;
import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/** Groups of a Spot and their members. Membership changes publish batch events inside their transaction. */
@Service
public class GroupService {
    private static final Logger log = LoggerFactory.getLogger(GroupService.class);
    private final GroupRepository groups;
    private final MembershipRepository memberships;
    private final Memberships changes;
    private final GroupRules rules;
    private final GroupCommunities communities;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final int retentionDays;

    GroupService(GroupRepository groups, MembershipRepository memberships, Memberships changes, GroupRules rules,
                 GroupCommunities communities, ApplicationEventPublisher events, Settings settings, Clock clock) {
        this.groups = groups;
        this.memberships = memberships;
        this.changes = changes;
        this.rules = rules;
        this.communities = communities;
        this.events = events;
        this.clock = clock;
        this.retentionDays = settings.integer("COHORT_GROUP_RETENTION_DAYS", 30);
    }

    /** What a bulk add did: members now in the group (new or already there), those already there, and failures. */
    public record BulkAdd(List<String> added, List<String> alreadyMembers, List<String> failed) {
    }

    /**
     * Creates a group with its self-join settings (checked): static with its initial members, or smart when
     * {@code rule} is given (already checked), in which case it is evaluated over the whole Spot before this returns.
     */
    @Transactional
    public Group create(UUID spotId, String name, String description, String emoji, String icon,
                        List<UUID> initialMembers, JsonNode rule, JoinSettings settings) {
        UUID id = groups.insert(spotId, "static", name, description, emoji, icon, settings);
        if (rule != null) {
            rules.setRule(spotId, id, rule);
        } else if (initialMembers != null && !initialMembers.isEmpty()) {
            changes.add(spotId, id, initialMembers, null); // a new group: permanent memberships
        }
        return get(spotId, id);
    }

    /**
     * Creates a community group owned by {@code ownerId} (a member of the Spot, checked), who becomes its first
     * member with the group role owner, with its initial members and its community fields (checked), all in one
     * transaction.
     */
    @Transactional
    public Group createCommunity(UUID spotId, String name, String description, String emoji, String icon,
                                 List<UUID> initialMembers, JoinSettings settings, UUID ownerId,
                                 CommunityInput community) {
        UUID id = groups.insert(spotId, "community", name, description, emoji, icon, settings);
        List<UUID> members = new ArrayList<>(new LinkedHashSet<>(initialMembers));
        members.remove(ownerId);
        members.add(0, ownerId);
        changes.add(spotId, id, members, null);
        communities.create(spotId, id, name, ownerId, community);
        return get(spotId, id);
    }

    public Group get(UUID spotId, UUID id) {
        return find(spotId, id).orElseThrow(() -> new NotFoundException("Group"));
    }

    /** The live group {@code id} of the Spot, with its community fields; empty when deleted or unknown. */
    public Optional<Group> find(UUID spotId, UUID id) {
        return groups.find(spotId, id).map(g -> g.isCommunity() ? withCommunities(spotId, List.of(g)).get(0) : g);
    }

    public ListPage<Group> list(UUID spotId, MultiValueMap<String, String> query) {
        ListQuery list = ListQuery.read(query, GroupFilters.SPEC);
        ListPage<Group> page = groups.page(spotId, list.where(), list.params(), list.paging());
        return new ListPage<>(withCommunities(spotId, page.items()), page.total());
    }

    /** The groups with their community fields, read in one go for the community groups among them. */
    private List<Group> withCommunities(UUID spotId, List<Group> page) {
        List<UUID> ids = page.stream().filter(Group::isCommunity).map(Group::id).toList();
        if (ids.isEmpty()) {
            return page;
        }
        Map<UUID, CommunityFields> fields = communities.fields(spotId, ids);
        return page.stream().map(g -> g.isCommunity() ? g.with(fields.getOrDefault(g.id(), CommunityFields.NONE)) : g)
                .toList();
    }

    /**
     * Updates the given columns and a community group's fields ({@code community}, checked; empty for other kinds);
     * then, when {@code kind} is given, turns the group smart with {@code rule} (or gives a smart group its new
     * rule), or static keeping its members.
     */
    @Transactional
    public Group update(UUID spotId, UUID id, Map<String, Object> columns, String kind, JsonNode rule,
                        CommunityInput community) {
        // The rule first: it takes the Spot's smart lock before the group row, in the order member changes take them.
        if ("smart".equals(kind)) {
            rules.setRule(spotId, id, rule);
            changes.clearExpiry(spotId, id);
        } else if ("static".equals(kind) && "smart".equals(groups.kind(spotId, id).orElse(null))) {
            rules.clearRule(spotId, id);
        }
        boolean changed = !community.isEmpty() && communities.update(spotId, id, community);
        if (!groups.update(spotId, id, columns, kind != null || changed)) {
            throw new NotFoundException("Group");
        }
        return get(spotId, id);
    }

    @Transactional
    public void delete(UUID spotId, UUID id) {
        if (!groups.softDelete(spotId, id)) {
            throw new NotFoundException("Group");
        }
        events.publishEvent(new GroupDeleted(spotId, id));
        log.info("Spot {}: deleted group {} (restorable for {} days)", spotId, id, retentionDays);
    }

    /** Brings back a group deleted less than the retention period ago, with its members and links. */
    @Transactional
    public Group restore(UUID spotId, UUID id) {
        rules.lockSpot(spotId);
        if (!groups.restore(spotId, id, retentionDays)) {
            throw new NotFoundException("Deleted group");
        }
        events.publishEvent(new GroupRestored(spotId, id));
        // Members changed while it was deleted: a smart group catches up, with invitations for those who entered.
        rules.reevaluate(spotId, id);
        log.info("Spot {}: restored group {}", spotId, id);
        return get(spotId, id);
    }

    /**
     * Locks a live group against membership changes (they take a shared lock) while its links change, so that a
     * member added at the same moment is either fanned out by the link or sees the link.
     */
    @Transactional
    public void lockForLinking(UUID spotId, UUID groupId) {
        if (!groups.lockExclusive(spotId, groupId)) {
            throw new NotFoundException("Group");
        }
    }

    /** The subset of {@code ids} that are live groups of the Spot. */
    public Set<UUID> existing(UUID spotId, java.util.Collection<UUID> ids) {
        return groups.existing(spotId, ids);
    }

    /**
     * Adds members by id text. Malformed ids, unknown ids and other Spots' members are reported as failed; members
     * already in the group are reported as added (adding twice changes nothing but {@code validUntil}, which every
     * listed membership takes: Unix seconds, or null for a permanent one).
     */
    @Transactional
    public BulkAdd bulkAdd(UUID spotId, UUID groupId, List<String> memberIds, @Nullable Long validUntil) {
        Instant until = validUntil(spotId, groupId, validUntil);
        requireLive(spotId, groupId);
        Map<String, UUID> parsed = Ids.parseEach(memberIds);
        if (until != null) {
            communities.requireOwnerPermanent(spotId, groupId, parsed.values());
        }
        List<UUID> inserted = changes.add(spotId, groupId, new ArrayList<>(new LinkedHashSet<>(parsed.values())),
                until);
        Set<UUID> present = new HashSet<>(inserted);
        Set<UUID> known = new HashSet<>(present);
        Set<UUID> rest = new HashSet<>(parsed.values());
        rest.removeAll(present);
        known.addAll(memberships.alreadyIn(spotId, groupId, rest.toArray(UUID[]::new)));
        List<String> added = new ArrayList<>();
        List<String> already = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (String text : memberIds) {
            UUID id = parsed.get(text);
            if (!reported.add(text)) {
                continue;
            }
            if (id == null || !known.contains(id)) {
                failed.add(text);
            } else {
                added.add(text);
                if (!present.contains(id)) {
                    already.add(text);
                }
            }
        }
        return new BulkAdd(added, already, failed);
    }

    /**
     * Adds one member until {@code validUntil} (Unix seconds; null: permanently), or sets a member's date anew;
     * false when the id is not a member of the Spot.
     */
    @Transactional
    public boolean add(UUID spotId, UUID groupId, UUID memberId, @Nullable Long validUntil) {
        Instant until = validUntil(spotId, groupId, validUntil);
        requireLive(spotId, groupId);
        if (until != null) {
            communities.requireOwnerPermanent(spotId, groupId, List.of(memberId));
        }
        changes.add(spotId, groupId, List.of(memberId), until);
        return memberships.alreadyIn(spotId, groupId, new UUID[] {memberId}).contains(memberId);
    }

    /** Removes members; returns how many were in the group. Ids that are not in the group are ignored. */
    @Transactional
    public int bulkRemove(UUID spotId, UUID groupId, List<UUID> memberIds) {
        requireLive(spotId, groupId);
        if (memberIds.isEmpty()) {
            return 0;
        }
        communities.requireOwnerStays(spotId, groupId, memberIds);
        return changes.remove(spotId, groupId, List.copyOf(new LinkedHashSet<>(memberIds))).size();
    }

    public ListPage<GroupMember> members(UUID spotId, UUID groupId, MultiValueMap<String, String> query) {
        String kind = groups.kind(spotId, groupId).orElseThrow(() -> new NotFoundException("Group"));
        ListQuery list = GroupMemberFilters.read(query, GroupMemberFilters.role(kind));
        return memberships.members(spotId, groupId, source(kind), GroupMemberFilters.role(kind), list.where(),
                list.params(), list.paging(), list.filtered());
    }

    /** One member of a live group, as its member list shows them; empty when they are not in it. */
    public Optional<GroupMember> member(UUID spotId, UUID groupId, UUID memberId) {
        String kind = groups.kind(spotId, groupId).orElseThrow(() -> new NotFoundException("Group"));
        return memberships.member(spotId, groupId, memberId, source(kind), GroupMemberFilters.role(kind));
    }

    /** How a member got into a group of {@code kind}, as a SQL expression over the membership row {@code gm}. */
    private String source(String kind) {
        return kind.equals("smart") ? rules.membershipSource() : "coalesce(gm.source, 'manual')";
    }

    @EventListener
    void onMembersDeleted(MembersDeleted event) {
        memberships.removeFromAllGroups(event.spotId(), event.memberIds().toArray(UUID[]::new));
    }

    /**
     * A membership's end: null stays null (permanent); a time not after the clock's, or on a smart group (whose
     * memberships follow its rule), is a 400 naming validUntil.
     */
    private @Nullable Instant validUntil(UUID spotId, UUID groupId, @Nullable Long seconds) {
        if (seconds == null) {
            return null;
        }
        Instant until = Instant.ofEpochSecond(seconds);
        long now = clock.instant().getEpochSecond();
        if (!until.isAfter(clock.instant())) {
            throw new InvalidInputException("validUntil", "must be in the future: Unix seconds after " + now
                    + ", got " + seconds);
        }
        if ("smart".equals(groups.kind(spotId, groupId).orElse(null))) {
            throw new InvalidInputException("validUntil", "group " + groupId + " is a smart group: its memberships "
                    + "follow its rule and cannot expire");
        }
        return until;
    }

    /** Locks a live static group for a manual membership change; a smart group's members come from its rule. */
    private void requireLive(UUID spotId, UUID groupId) {
        String kind = groups.lockShared(spotId, groupId).orElseThrow(() -> new NotFoundException("Group"));
        if (kind.equals("smart")) {
            throw new ConflictException("spotMemberIds", "Group " + groupId + " is a smart group: its members come "
                    + "from its rule. To always include or exclude members, use POST /v1/groups/" + groupId
                    + "/exceptions~bulkAdd with {\"spotMemberIds\": [...], \"type\": \"include\"} or \"exclude\".");
        }
    }
}
