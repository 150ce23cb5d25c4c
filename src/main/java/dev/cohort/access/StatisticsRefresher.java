package dev.cohort.access;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refreshes the planner statistics of the access tables after large fan-outs, in the background, so that plans
 * chosen on statistics taken before a fan-out of 100,000 rows do not outlive it.
 */
@Component
class StatisticsRefresher {
    static final int LARGE = 10_000;
    private static final Logger log = LoggerFactory.getLogger(StatisticsRefresher.class);

    private final JdbcClient jdbc;
    private final AtomicBoolean due = new AtomicBoolean();

    StatisticsRefresher(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Notes that a change touched {@code rows} rows. */
    void touched(int rows) {
        if (rows >= LARGE) {
            due.set(true);
        }
    }

    @Scheduled(fixedDelay = 2000, initialDelay = 2000)
    void refreshIfDue() {
        if (due.getAndSet(false)) {
            long started = System.nanoTime();
            jdbc.sql("analyze participant, notification, outbox").update();
            log.info("Refreshed access statistics after a large fan-out ({} ms)", (System.nanoTime() - started) / 1_000_000);
        }
    }
}
