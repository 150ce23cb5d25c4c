package dev.cohort.groups;

import dev.cohort.system.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Removes for good the groups deleted longer ago than {@code COHORT_GROUP_RETENTION_DAYS} (default 30). */
@Component
public class GroupPurger {
    private static final Logger log = LoggerFactory.getLogger(GroupPurger.class);

    private final GroupRepository groups;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final int retentionDays;

    GroupPurger(GroupRepository groups, ApplicationEventPublisher events, TransactionTemplate transactions,
                Settings settings) {
        this.groups = groups;
        this.events = events;
        this.transactions = transactions;
        this.retentionDays = settings.integer("COHORT_GROUP_RETENTION_DAYS", 30);
    }

    /** Purges expired groups, one transaction each; returns how many. */
    @Scheduled(fixedDelayString = "${COHORT_GROUP_PURGE_MILLIS:3600000}", initialDelay = 60_000)
    public int purge() {
        int purged = 0;
        for (GroupRepository.Expired group : groups.expired(retentionDays, 1000)) {
            transactions.executeWithoutResult(status -> {
                events.publishEvent(new GroupPurged(group.spotId(), group.groupId()));
                groups.purge(group.spotId(), group.groupId());
            });
            purged++;
        }
        if (purged > 0) {
            log.info("Purged {} groups deleted more than {} days ago", purged, retentionDays);
        }
        return purged;
    }
}
