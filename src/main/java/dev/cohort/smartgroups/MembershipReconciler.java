package dev.cohort.smartgroups;

import static dev.cohort.smartgroups.BatchCheck.millis;
import static dev.cohort.smartgroups.BatchCheck.unsigned;

import dev.cohort.groups.Membership;
import dev.cohort.groups.Memberships;
import dev.cohort.members.MembersChanged;
import dev.cohort.smartgroups.BatchCheck.Changes;
import dev.cohort.smartgroups.BatchCheck.Inputs;
import dev.cohort.smartgroups.BatchCheck.Progress;
import dev.cohort.system.Settings;
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
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps smart-group memberships current as members change ({@link MembersChanged}): only the smart groups whose
 * rules read a changed field are re-checked, in memory, batch by batch, one read of the batch's facts whatever the
 * number of rules, the next batch checked on a worker while this one is written. Member changes raised while one is
 * handled wait their turn; parsed rules are cached per rule version.
 */
@Component
class MembershipReconciler implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(MembershipReconciler.class);
    /** At most this many (member, rule) checks per batch of a member change: bounds the memberships held in memory. */
    private static final int BATCH_CHECKS = 1_000_000;

    private final RuleRepository ruleRepository;
    private final FactRepository factRepository;
    private final ExceptionRepository exceptionRepository;
    private final RuleEvaluator evaluator;
    private final Memberships memberships;
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

    MembershipReconciler(RuleRepository rules, FactRepository facts, ExceptionRepository exceptions,
                         RuleEvaluator evaluator, Memberships memberships, Clock clock, Settings settings) {
        this.ruleRepository = rules;
        this.factRepository = facts;
        this.exceptionRepository = exceptions;
        this.evaluator = evaluator;
        this.memberships = memberships;
        this.clock = clock;
        this.batchMembers = settings.integer("COHORT_SMART_BATCH_MEMBERS", 5000);
    }

    @Override
    public void destroy() {
        checker.shutdownNow();
    }

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
            ruleRepository.lockSpot(spotId, true);
            RuleContext context = factRepository.context(spotId);
            for (UUID groupId : ruleRepository.candidates(spotId, event.fields(), null).keySet()) {
                if (memberships.lockExclusive(spotId, groupId)) {
                    for (RuleRepository.Stored stored : ruleRepository.rules(spotId, List.of(groupId))) {
                        evaluator.evaluate(spotId, groupId, RuleParser.stored(stored.rule(), context), context);
                    }
                }
            }
            return;
        }
        if (event.memberIds().isEmpty()) {
            return;
        }
        ruleRepository.lockSpot(spotId, false);
        Map<UUID, Integer> candidates = ruleRepository.candidates(spotId, event.fields(), null);
        if (!candidates.isEmpty()) {
            reconcileMembers(spotId, candidates, event.memberIds(), event.fresh());
        }
    }

    /** Brings the given members' memberships of the given smart groups in line with their rules and exceptions. */
    void reconcile(UUID spotId, Collection<UUID> groupIds, Collection<UUID> memberIds) {
        reconcileMembers(spotId, ruleRepository.candidates(spotId, null, groupIds), memberIds, false);
    }

    /** Forgets a group's parsed rule (it has none any more). */
    void forget(UUID groupId) {
        cache.remove(groupId);
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
        RuleContext context = factRepository.context(spotId);
        // In the database's order of group ids, so that each batch's pairs come out in index order.
        Map<UUID, Rule> rules = new TreeMap<>(BatchCheck::unsigned);
        rules.putAll(parsedRules(spotId, candidates, context));
        // In the database's order of ids, so that the member rows of successive batches are locked in one order.
        List<UUID> members = new ArrayList<>(new LinkedHashSet<>(memberIds));
        members.sort(BatchCheck::unsigned);
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
        Changes changes = BatchCheck.check(rules, read(spotId, rules, context, batches.get(0), fresh, progress), now, progress);
        for (int i = 0; i < batches.size(); i++) {
            Future<Changes> next = null;
            if (i + 1 < batches.size()) {
                Inputs inputs = read(spotId, rules, context, batches.get(i + 1), fresh, progress);
                next = checker.submit(() -> BatchCheck.check(rules, inputs, now, progress));
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

    /**
     * Locks the batch's members (in id order) and reads their facts, memberships and exceptions; members created by
     * this transaction ({@code fresh}) are neither locked (nobody else sees them) nor looked up in groups and
     * exceptions (they are in none).
     */
    private Inputs read(UUID spotId, Map<UUID, Rule> rules, RuleContext context, List<UUID> members, boolean fresh,
                        Progress progress) {
        long t0 = System.nanoTime();
        if (!fresh) {
            factRepository.lockMembers(spotId, members);
        }
        long locked = System.nanoTime();
        List<MemberFacts> facts = factRepository.facts(spotId, members, context);
        Inputs inputs = fresh ? new Inputs(facts, Map.of(), Map.of())
                : new Inputs(facts, factRepository.memberships(spotId, rules.keySet(), members), exceptionRepository.exceptions(spotId, members));
        progress.locks.add(locked - t0);
        progress.facts.add(System.nanoTime() - locked);
        return inputs;
    }

    /** Writes one batch's changes (every group that changes locked shared, in id order) and publishes them. */
    private void write(UUID spotId, Changes changes, Progress progress) {
        long t0 = System.nanoTime();
        List<Membership> enter = new ArrayList<>(changes.enter());
        List<Membership> leave = new ArrayList<>(changes.leave());
        if (enter.isEmpty() && leave.isEmpty()) {
            return;
        }
        Set<UUID> changed = new HashSet<>();
        enter.forEach(m -> changed.add(m.groupId()));
        leave.forEach(m -> changed.add(m.groupId()));
        Set<UUID> live = memberships.lockSharedAll(spotId, changed);
        enter.removeIf(m -> !live.contains(m.groupId()));
        leave.removeIf(m -> !live.contains(m.groupId()));
        if (!enter.isEmpty()) {
            memberships.addPairs(spotId, enter);
        }
        Map<UUID, List<UUID>> added = byGroup(enter);
        Map<UUID, List<UUID>> removed = byGroup(leave.isEmpty() ? List.of() : memberships.removePairs(spotId, leave));
        long t1 = System.nanoTime();
        progress.writes.add(t1 - t0);
        for (UUID groupId : new TreeSet<>(live)) {
            memberships.published(spotId, groupId, new Memberships.Diff(added.getOrDefault(groupId, List.of()),
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

    private static Map<UUID, List<UUID>> byGroup(List<Membership> memberships) {
        Map<UUID, List<UUID>> byGroup = new HashMap<>();
        memberships.forEach(m -> byGroup.computeIfAbsent(m.groupId(), g -> new ArrayList<>()).add(m.memberId()));
        return byGroup;
    }

    /** The candidates' rules, parsed (against {@code context}) once per rule version. */
    private Map<UUID, Rule> parsedRules(UUID spotId, Map<UUID, Integer> candidates, RuleContext context) {
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
            for (RuleRepository.Stored stored : ruleRepository.rules(spotId, missing)) {
                Rule rule = RuleParser.stored(stored.rule(), context);
                cache.put(stored.id(), new CachedRule(spotId, stored.version(), rule));
                rules.put(stored.id(), rule);
            }
        }
        return rules;
    }
}
