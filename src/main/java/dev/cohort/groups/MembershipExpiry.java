package dev.cohort.groups;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends the memberships whose {@code validUntil} has come (rule 16b), every {@code COHORT_MEMBERSHIP_EXPIRY_SECONDS}
 * (default 30), so within a minute of the time: one statement and one transaction per group, through
 * {@link Memberships}, so that the group's count moves and its linked resources revoke what only it gave (rule 8).
 * Deleted groups keep theirs until restored (the next run after the restore ends them) or purged.
 */
@Component
public class MembershipExpiry {
    private static final Logger log = LoggerFactory.getLogger(MembershipExpiry.class);
    /** Groups read per round; a run goes on while rounds are full and end memberships. */
    static final int GROUPS_PER_ROUND = 1000;
    /** The latest validUntil taken: the last second of year 9999 (a time in milliseconds is refused). */
    static final long LATEST = 253_402_300_799L;
    /** What the bodies' validUntil field says. */
    static final String DESCRIPTION = "Cohort: Unix seconds, in the future, at which the membership ends by itself "
            + "(static and community groups); a re-add sets it anew, and a re-add without it makes the membership "
            + "permanent";

    private final MembershipExpiryRepository repository;
    private final Memberships memberships;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MembershipExpiry(MembershipExpiryRepository repository, Memberships memberships, TransactionTemplate transactions,
                     Clock clock) {
        this.repository = repository;
        this.memberships = memberships;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What one run did: the memberships it ended, in how many groups. */
    public record Expired(long memberships, int groups) {
    }

    /** Ends every membership due at the clock's present time; a group that fails is logged and left to the next run. */
    @Scheduled(fixedDelayString = "${COHORT_MEMBERSHIP_EXPIRY_SECONDS:30}",
            initialDelayString = "${COHORT_MEMBERSHIP_EXPIRY_SECONDS:30}", timeUnit = TimeUnit.SECONDS)
    public Expired expire() {
        Instant now = clock.instant();
        long start = System.nanoTime();
        long ended = 0;
        int groups = 0;
        List<MembershipExpiryRepository.Due> due;
        long endedBefore;
        do {
            endedBefore = ended;
            due = repository.due(now, GROUPS_PER_ROUND);
            for (MembershipExpiryRepository.Due group : due) {
                try {
                    Integer n = transactions.execute(status ->
                            memberships.expire(group.spotId(), group.groupId(), now).size());
                    if (n != null && n > 0) {
                        ended += n;
                        groups++;
                    }
                } catch (DataAccessException e) {
                    log.warn("Spot {}: expired memberships of group {} not ended, left to the next run",
                            group.spotId(), group.groupId(), e);
                }
            }
        } while (due.size() == GROUPS_PER_ROUND && ended > endedBefore);
        if (ended > 0) {
            log.info("Ended {} expired memberships in {} groups in {} ms (validUntil at or before {})", ended, groups,
                    (System.nanoTime() - start) / 1_000_000, now);
        }
        return new Expired(ended, groups);
    }
}
