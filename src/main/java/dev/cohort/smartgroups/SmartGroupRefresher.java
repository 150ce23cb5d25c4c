package dev.cohort.smartgroups;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-evaluates the smart groups whose rules compare dates with "now" (withinLastDays, moreThanDaysAgo), every
 * {@code COHORT_SMART_REFRESH_MINUTES} (default 60): members who came into or fell out of the window enter or leave,
 * with their invitations and revocations. Each group is evaluated in its own transaction; its
 * {@code ruleEvaluatedAt} shows when.
 */
@Component
public class SmartGroupRefresher {
    private static final Logger log = LoggerFactory.getLogger(SmartGroupRefresher.class);

    private final SmartGroupService smartGroups;

    SmartGroupRefresher(SmartGroupService smartGroups) {
        this.smartGroups = smartGroups;
    }

    /** Evaluates every smart group with relative dates over its Spot; returns how many were evaluated. */
    @Scheduled(fixedDelayString = "#{${COHORT_SMART_REFRESH_MINUTES:60} * 60000}",
            initialDelayString = "#{${COHORT_SMART_REFRESH_MINUTES:60} * 60000}")
    public int refreshRelative() {
        long started = System.nanoTime();
        int evaluated = 0;
        for (RuleRepository.SmartGroupRef group : smartGroups.relativeGroups()) {
            try {
                if (smartGroups.reevaluate(group.spotId(), group.groupId())) {
                    evaluated++;
                }
            } catch (RuntimeException e) {
                log.warn("Spot {}: smart group {} could not be re-evaluated: {}", group.spotId(), group.groupId(),
                        e.toString());
            }
        }
        if (evaluated > 0) {
            log.info("Re-evaluated {} smart groups with relative dates in {} ms", evaluated,
                    (System.nanoTime() - started) / 1_000_000);
        }
        return evaluated;
    }
}
