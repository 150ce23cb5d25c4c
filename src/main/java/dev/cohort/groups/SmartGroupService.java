package dev.cohort.groups;

import dev.cohort.errors.ConflictException;
import dev.cohort.errors.NotFoundException;
import dev.cohort.members.MembersChanged;
import dev.cohort.members.SpotMember;
import dev.cohort.system.Settings;
import dev.cohort.web.Ids;
import dev.cohort.web.ListPage;
import dev.cohort.web.Paging;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Smart groups: membership decided by a rule and stored like any other, kept current as members and rules change.
 * Members entering or leaving publish the same events as manual changes, so access follows (rules 6-12).
 *
 * <p>A rule created or changed is evaluated over the whole Spot by set-based SQL that applies only the difference.
 * A member change re-checks only the smart groups whose rules read a changed field, in memory: batch by batch, one
 * read of the batch's facts whatever the number of rules, the next batch checked while this one is written.
 */
@Service
public class SmartGroupService implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(SmartGroupService.class);
    static final int PREVIEW_LIMIT = 20;
    /** At most this many (member, rule) checks per batch of a member change: bounds the memberships held in memory. */
    private static final int BATCH_CHECKS = 1_000_000;

    private final SmartGroupRepository smart;
    private final GroupRepository groups;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int batchMembers;
    /** Parsed rules by group, valid for one rule version; cleared per Spot when tags or properties change. */
    private final Map<UUID, CachedRule> cache = new ConcurrentHashMap<>();
    /** Checks the rules of a large member change's next batch while the current one is written. */
    private final ExecutorService checker = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "smart-rule-checks");
        thread.setDaemon(true);
        return thread;
    });
    /** Member changes raised while one is being handled (a live invitation accepting a member) wait their turn. */
    private final ThreadLocal<Deque<MembersChanged>> pending = new ThreadLocal<>();

    private record CachedRule(UUID spotId, int version, Rule rule) {
    }

    SmartGroupService(SmartGroupRepository smart, GroupRepository groups, ApplicationEventPublisher events,
                      Clock clock, Settings settings) {
        this.smart = smart;
        this.groups = groups;
        this.events = events;
        this.clock = clock;
        this.batchMembers = settings.integer("COHORT_SMART_BATCH_MEMBERS", 5000);
    }

    @Override
    public void destroy() {
        checker.shutdownNow();
    }

    /** Checks a rule against the Spot; a 400 naming each problem under {@code path} otherwise. */
    Rule parse(UUID spotId, JsonNode rule, String path) {
        return RuleParser.parse(rule, path, smart.context(spotId));
    }

    /**
     * Gives a group a rule (making it smart) and evaluates it over the whole Spot: members who enter or leave are
     * added or removed, and only they are invited or revoked.
     */
    @Transactional
    public void setRule(UUID spotId, UUID groupId, JsonNode rule) {
        RuleContext context = smart.context(spotId);
        Rule parsed = RuleParser.parse(rule, "rule", context);
        smart.lockSpot(spotId, true);
        if (!groups.lockExclusive(spotId, groupId)) {
            throw new NotFoundException("Group");
        }
        smart.saveRule(spotId, groupId, rule, parsed);
        evaluate(spotId, groupId, parsed, context);
    }

    /** Turns a smart group into a static one: its members stay, as manual members; its exceptions go. */
    @Transactional
    public void clearRule(UUID spotId, UUID groupId) {
        smart.lockSpot(spotId, true);
        if (!groups.lockExclusive(spotId, groupId)) {
            throw new NotFoundException("Group");
        }
        smart.saveRule(spotId, groupId, null, null);
        smart.clearExceptions(spotId, groupId);
        cache.remove(groupId);
    }

    /**
     * Takes the Spot's smart lock exclusively: a change that will both lock a group row and evaluate a rule takes it
     * first, in the order every other path takes them (smart lock, then group row, then member rows).
     */
    void lockSpot(UUID spotId) {
        smart.lockSpot(spotId, true);
    }

    /** Re-evaluates a smart group over the whole Spot (a restored group, relative dates); false if it is not one. */
    @Transactional
    public boolean reevaluate(UUID spotId, UUID groupId) {
        smart.lockSpot(spotId, true);
        if (!groups.lockExclusive(spotId, groupId)) {
            return false;
        }
        List<SmartGroupRepository.Stored> stored = smart.rules(spotId, List.of(groupId));
        if (stored.isEmpty()) {
            return false;
        }
        RuleContext context = smart.context(spotId);
        evaluate(spotId, groupId, RuleParser.stored(stored.get(0).rule(), context), context);
        return true;
    }

    private void evaluate(UUID spotId, UUID groupId, Rule rule, RuleContext context) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        RuleSql.Predicate predicate = RuleSql.compile(rule, context, now);
        SmartGroupRepository.Diff diff = smart.evaluating(() -> {
            smart.want(spotId, groupId, predicate);
            return smart.reconcile(spotId, groupId);
        });
        smart.evaluated(spotId, groupId, now);
        publish(spotId, groupId, diff);
        log.info("Spot {}: smart group {} evaluated over the Spot in {} ms: {} entered, {} left", spotId, groupId,
                (System.nanoTime() - started) / 1_000_000, diff.added().size(), diff.removed().size());
    }

    // Previews

    @Schema(name = "RulePreview", description = "How many members a rule selects, and the first of them")
    public record Preview(long count, List<SpotMember> items) {
    }

    @Schema(name = "RuleChangePreview", description = "The members a new rule would bring into the group and take out")
    public record Change(long count, Preview entering, Preview leaving) {
    }

    /**
     * Who a rule selects now, without saving anything. (Not a read-only transaction: the evaluation is written to a
     * temporary table, dropped at commit, which the count and the page then read.)
     */
    @Transactional
    public Preview preview(UUID spotId, JsonNode rule) {
        RuleContext context = smart.context(spotId);
        RuleSql.Predicate predicate = RuleSql.compile(RuleParser.parse(rule, "rule", context), context, clock.instant());
        long count = smart.evaluating(() -> smart.want(spotId, null, predicate));
        return new Preview(count, count == 0 ? List.of() : smart.wantedPage(spotId, PREVIEW_LIMIT));
    }

    /**
     * Who would enter and who would leave a smart group if its rule became {@code rule} (exceptions applied): the
     * rule is evaluated once, and both sides are read from that evaluation.
     */
    @Transactional
    public Change preview(UUID spotId, UUID groupId, JsonNode rule) {
        requireSmart(spotId, groupId);
        RuleContext context = smart.context(spotId);
        RuleSql.Predicate predicate = RuleSql.compile(RuleParser.parse(rule, "rule", context), context, clock.instant());
        return smart.evaluating(() -> {
            long count = smart.want(spotId, groupId, predicate);
            SmartGroupRepository.Page entering = smart.change(spotId, groupId, true, PREVIEW_LIMIT);
            SmartGroupRepository.Page leaving = smart.change(spotId, groupId, false, PREVIEW_LIMIT);
            return new Change(count, new Preview(entering.count(), entering.items()),
                    new Preview(leaving.count(), leaving.items()));
        });
    }

    // Exceptions

    public record ExceptionsAdded(List<String> addedSpotMemberIds, List<String> failedSpotMemberIds) {
    }

    /** Lists members as always included in or always excluded from the group, and applies it at once. */
    @Transactional
    public ExceptionsAdded addExceptions(UUID spotId, UUID groupId, List<String> memberIds, String type) {
        requireSmart(spotId, groupId);
        Map<String, UUID> parsed = Ids.parseEach(memberIds);
        smart.lockSpot(spotId, false);
        Set<UUID> listed = new HashSet<>(smart.addExceptions(spotId, groupId,
                new LinkedHashSet<>(parsed.values()).toArray(UUID[]::new), type));
        reconcileMembers(spotId, List.of(groupId), listed);
        List<String> added = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String text : new LinkedHashSet<>(memberIds)) {
            UUID id = parsed.get(text);
            (id != null && listed.contains(id) ? added : failed).add(text);
        }
        return new ExceptionsAdded(added, failed);
    }

    /** Removes exceptions (of one type, or any); the members are then in the group if and only if the rule says so. */
    @Transactional
    public int removeExceptions(UUID spotId, UUID groupId, List<UUID> memberIds, String type) {
        requireSmart(spotId, groupId);
        smart.lockSpot(spotId, false);
        List<UUID> removed = smart.removeExceptions(spotId, groupId, memberIds.toArray(UUID[]::new), type);
        reconcileMembers(spotId, List.of(groupId), removed);
        return removed.size();
    }

    public ListPage<SmartGroupRepository.RuleException> exceptions(UUID spotId, UUID groupId, String where,
                                                              Map<String, Object> params, Paging paging) {
        requireSmart(spotId, groupId);
        return smart.exceptionPage(spotId, groupId, where, params, paging);
    }

    private void requireSmart(UUID spotId, UUID groupId) {
        String kind = groups.kind(spotId, groupId).orElseThrow(() -> new NotFoundException("Group"));
        if (!kind.equals("smart")) {
            throw new ConflictException("kind", "Group " + groupId + " is a static group: only smart groups have "
                    + "rules and exceptions; add or remove its members with /v1/groups/" + groupId + "/spotMembers");
        }
    }

    // Keeping membership current

    /** Member fields changed: corrects their memberships of the smart groups whose rules read those fields. */
    @EventListener
    void onMembersChanged(MembersChanged event) {
        Deque<MembersChanged> queue = pending.get();
        if (queue != null) {
            queue.add(event);
            return;
        }
        queue = new ArrayDeque<>();
        queue.add(event);
        pending.set(queue);
        try {
            while (!queue.isEmpty()) {
                handle(queue.poll());
            }
        } finally {
            pending.remove();
        }
    }

    private void handle(MembersChanged event) {
        UUID spotId = event.spotId();
        if (event.memberIds() == null) {
            // Tags, properties or roles were redefined: every rule reading them is evaluated afresh.
            cache.values().removeIf(c -> c.spotId().equals(spotId));
            smart.lockSpot(spotId, true);
            RuleContext context = smart.context(spotId);
            for (UUID groupId : smart.candidates(spotId, event.fields(), null).keySet()) {
                if (groups.lockExclusive(spotId, groupId)) {
                    for (SmartGroupRepository.Stored stored : smart.rules(spotId, List.of(groupId))) {
                        evaluate(spotId, groupId, RuleParser.stored(stored.rule(), context), context);
                    }
                }
            }
            return;
        }
        if (event.memberIds().isEmpty()) {
            return;
        }
        smart.lockSpot(spotId, false);
        Map<UUID, Integer> candidates = smart.candidates(spotId, event.fields(), null);
        if (!candidates.isEmpty()) {
            reconcileMembers(spotId, candidates, event.memberIds(), event.fresh());
        }
    }

    private void reconcileMembers(UUID spotId, Collection<UUID> groupIds, Collection<UUID> memberIds) {
        reconcileMembers(spotId, smart.candidates(spotId, null, groupIds), memberIds, false);
    }

    /**
     * Brings the given members' memberships of the candidate groups in line with the rules, in one pass over the
     * members whatever the number of rules: batch by batch ({@code COHORT_SMART_BATCH_MEMBERS}, fewer when there are
     * many rules), each batch's facts read in one query, every rule checked in memory, and the memberships of all
     * the groups that change written in one statement per direction.
     */
    private void reconcileMembers(UUID spotId, Map<UUID, Integer> candidates, Collection<UUID> memberIds,
                                  boolean fresh) {
        if (candidates.isEmpty() || memberIds.isEmpty()) {
            return;
        }
        RuleContext context = smart.context(spotId);
        // In the database's order of group ids, so that each batch's pairs come out in index order.
        Map<UUID, Rule> rules = new TreeMap<>(SmartGroupService::unsigned);
        rules.putAll(rules(spotId, candidates, context));
        // In the database's order of ids, so that the member rows of successive batches are locked in one order.
        List<UUID> members = new ArrayList<>(new LinkedHashSet<>(memberIds));
        members.sort(SmartGroupService::unsigned);
        int batch = Math.max(1, Math.min(batchMembers, BATCH_CHECKS / Math.max(1, rules.size())));
        Instant now = clock.instant();
        Progress progress = new Progress();
        List<List<UUID>> batches = new ArrayList<>();
        for (int from = 0; from < members.size(); from += batch) {
            batches.add(members.subList(from, Math.min(members.size(), from + batch)));
        }
        // Pipelined: the next batch's rules are checked (in memory, on a worker) while this one's memberships are
        // written (in the database), so that the two cores work at once. The batches' members are disjoint, so
        // reading one batch before writing the previous one reads the same facts and memberships.
        Changes changes = check(rules, read(spotId, rules, context, batches.get(0), fresh, progress), now, progress);
        for (int i = 0; i < batches.size(); i++) {
            Future<Changes> next = null;
            if (i + 1 < batches.size()) {
                Inputs inputs = read(spotId, rules, context, batches.get(i + 1), fresh, progress);
                next = checker.submit(() -> check(rules, inputs, now, progress));
            }
            try {
                write(spotId, changes, progress);
            } catch (RuntimeException e) {
                if (next != null) {
                    next.cancel(true);
                }
                throw e;
            }
            if (next != null) {
                changes = await(next);
            }
        }
        if (members.size() > batch) {
            log.info("Spot {}: {} changed members checked against {} smart group rules in {} batches in {} ms "
                            + "(locks {} ms, facts {} ms, rules {} ms alongside the writes, memberships written {} ms, "
                            + "events {} ms): "
                            + "{} entered, {} left",
                    spotId, members.size(), rules.size(), (members.size() + batch - 1) / batch,
                    millis(System.nanoTime() - progress.started), millis(progress.locks.sum()),
                    millis(progress.facts.sum()), millis(progress.rules.sum()), millis(progress.writes.sum()),
                    millis(progress.events.sum()), progress.entered.sum(), progress.left.sum());
        }
    }

    /** Where the time of a member change's batches went, and how many memberships it moved (for the log). */
    private static final class Progress {
        final long started = System.nanoTime();
        // Adders: the rule checks run on a worker thread while the caller writes.
        final LongAdder locks = new LongAdder();
        final LongAdder facts = new LongAdder();
        final LongAdder rules = new LongAdder();
        final LongAdder writes = new LongAdder();
        final LongAdder events = new LongAdder();
        final LongAdder entered = new LongAdder();
        final LongAdder left = new LongAdder();
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    /** UUIDs compared as PostgreSQL orders them: as unsigned bytes. */
    private static int unsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** What the rules read of one batch of members, and where they stand now. */
    private record Inputs(List<MemberFacts> facts, Map<UUID, Set<UUID>> current,
                          Map<UUID, Map<UUID, String>> exceptions) {
    }

    /** The memberships one batch of members gains and loses, each list in (group, member) order. */
    private record Changes(List<GroupRepository.Membership> enter, List<GroupRepository.Membership> leave) {
    }

    /**
     * Locks the batch's members (in id order) and reads their facts, memberships and exceptions; members created by
     * this transaction ({@code fresh}) are neither locked (nobody else sees them) nor looked up in groups and
     * exceptions (they are in none).
     */
    private Inputs read(UUID spotId, Map<UUID, Rule> rules, RuleContext context, List<UUID> members, boolean fresh,
                        Progress progress) {
        long t0 = System.nanoTime();
        if (!fresh) {
            smart.lockMembers(spotId, members);
        }
        long locked = System.nanoTime();
        List<MemberFacts> facts = smart.facts(spotId, members, context);
        Inputs inputs = fresh ? new Inputs(facts, Map.of(), Map.of())
                : new Inputs(facts, smart.memberships(spotId, rules.keySet(), members), smart.exceptions(spotId, members));
        progress.locks.add(locked - t0);
        progress.facts.add(System.nanoTime() - locked);
        return inputs;
    }

    /** Every rule (in group id order) checked against every member of the batch, in memory: no database work. */
    private static Changes check(Map<UUID, Rule> rules, Inputs inputs, Instant now, Progress progress) {
        long t0 = System.nanoTime();
        List<GroupRepository.Membership> enter = new ArrayList<>();
        List<GroupRepository.Membership> leave = new ArrayList<>();
        List<MemberFacts> facts = new ArrayList<>(inputs.facts());
        facts.sort((a, b) -> unsigned(a.id(), b.id()));
        for (Map.Entry<UUID, Rule> entry : rules.entrySet()) {
            UUID groupId = entry.getKey();
            Rule rule = entry.getValue();
            Set<UUID> in = inputs.current().getOrDefault(groupId, Set.of());
            Map<UUID, String> listed = inputs.exceptions().getOrDefault(groupId, Map.of());
            for (MemberFacts member : facts) {
                String exception = listed.get(member.id());
                boolean wanted = "include".equals(exception)
                        || (!"exclude".equals(exception) && RuleMatcher.matches(rule, member, now));
                if (wanted != in.contains(member.id())) {
                    (wanted ? enter : leave).add(new GroupRepository.Membership(groupId, member.id()));
                }
            }
        }
        progress.rules.add(System.nanoTime() - t0);
        return new Changes(enter, leave);
    }

    /** Writes one batch's changes (every group that changes locked shared, in id order) and publishes them. */
    private void write(UUID spotId, Changes changes, Progress progress) {
        long t0 = System.nanoTime();
        List<GroupRepository.Membership> enter = new ArrayList<>(changes.enter());
        List<GroupRepository.Membership> leave = new ArrayList<>(changes.leave());
        if (enter.isEmpty() && leave.isEmpty()) {
            return;
        }
        Set<UUID> changed = new HashSet<>();
        enter.forEach(m -> changed.add(m.groupId()));
        leave.forEach(m -> changed.add(m.groupId()));
        Set<UUID> live = groups.lockSharedAll(spotId, changed);
        enter.removeIf(m -> !live.contains(m.groupId()));
        leave.removeIf(m -> !live.contains(m.groupId()));
        if (!enter.isEmpty()) {
            groups.addPairs(spotId, enter);
        }
        Map<UUID, List<UUID>> added = byGroup(enter);
        Map<UUID, List<UUID>> removed = byGroup(leave.isEmpty() ? List.of() : groups.removePairs(spotId, leave));
        long t1 = System.nanoTime();
        progress.writes.add(t1 - t0);
        for (UUID groupId : new java.util.TreeSet<>(live)) {
            publish(spotId, groupId, new SmartGroupRepository.Diff(added.getOrDefault(groupId, List.of()),
                    removed.getOrDefault(groupId, List.of())));
        }
        progress.events.add(System.nanoTime() - t1);
        progress.entered.add(enter.size());
        progress.left.add(removed.values().stream().mapToLong(List::size).sum());
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking smart group rules", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Checking smart group rules failed", e.getCause());
        }
    }

    private static Map<UUID, List<UUID>> byGroup(List<GroupRepository.Membership> memberships) {
        Map<UUID, List<UUID>> byGroup = new HashMap<>();
        memberships.forEach(m -> byGroup.computeIfAbsent(m.groupId(), g -> new ArrayList<>()).add(m.memberId()));
        return byGroup;
    }

    /** The candidates' rules, parsed (against {@code context}) once per rule version. */
    private Map<UUID, Rule> rules(UUID spotId, Map<UUID, Integer> candidates, RuleContext context) {
        Map<UUID, Rule> rules = new HashMap<>();
        List<UUID> missing = new ArrayList<>();
        candidates.forEach((groupId, version) -> {
            CachedRule cached = cache.get(groupId);
            if (cached != null && cached.version() == version) {
                rules.put(groupId, cached.rule());
            } else {
                missing.add(groupId);
            }
        });
        if (!missing.isEmpty()) {
            for (SmartGroupRepository.Stored stored : smart.rules(spotId, missing)) {
                Rule rule = RuleParser.stored(stored.rule(), context);
                cache.put(stored.id(), new CachedRule(spotId, stored.version(), rule));
                rules.put(stored.id(), rule);
            }
        }
        return rules;
    }

    private void publish(UUID spotId, UUID groupId, SmartGroupRepository.Diff diff) {
        if (!diff.added().isEmpty()) {
            events.publishEvent(new MembersAddedToGroup(spotId, groupId, diff.added()));
        }
        if (!diff.removed().isEmpty()) {
            events.publishEvent(new MembersRemovedFromGroup(spotId, groupId, diff.removed()));
        }
    }

    List<GroupRepository.Expired> relativeGroups() {
        return smart.relativeGroups();
    }
}
