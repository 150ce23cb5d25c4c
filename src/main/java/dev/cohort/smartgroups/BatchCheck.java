package dev.cohort.smartgroups;

import dev.cohort.groups.Membership;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * One batch of a member change checked in memory: every rule against every member of the batch, with the
 * exceptions, giving the memberships to add and remove. No database work, so that it runs on a worker while the
 * previous batch is written.
 */
final class BatchCheck {
    private BatchCheck() {
    }

    /** Where the time of a member change's batches went, and how many memberships it moved (for the log). */
    static final class Progress {
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

    static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    /** UUIDs compared as PostgreSQL orders them: as unsigned bytes. */
    static int unsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** What the rules read of one batch of members, and where they stand now. */
    record Inputs(List<MemberFacts> facts, Map<UUID, Set<UUID>> current,
                          Map<UUID, Map<UUID, String>> exceptions) {
    }

    /** The memberships one batch of members gains and loses, each list in (group, member) order. */
    record Changes(List<Membership> enter, List<Membership> leave) {
    }

    /** Every rule (in group id order) checked against every member of the batch, in memory: no database work. */
    static Changes check(Map<UUID, Rule> rules, Inputs inputs, Instant now, Progress progress) {
        long t0 = System.nanoTime();
        List<Membership> enter = new ArrayList<>();
        List<Membership> leave = new ArrayList<>();
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
                    (wanted ? enter : leave).add(new Membership(groupId, member.id()));
                }
            }
        }
        progress.rules.add(System.nanoTime() - t0);
        return new Changes(enter, leave);
    }
}
