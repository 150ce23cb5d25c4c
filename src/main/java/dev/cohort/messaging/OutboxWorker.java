package dev.cohort.messaging;

import dev.cohort.system.Settings;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the email outbox: claims due rows in batches, renders each from the Spot's invitation template, sends it
 * and marks it sent in its own statement. A failure is retried with exponential back-off, then the row is dead.
 * Delivery is at least once; the Message-ID lets the recipient's side drop the rare redelivery after a crash.
 */
@Component
public class OutboxWorker {
    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    static final long RETRY_BASE_SECONDS = 30;
    static final long RETRY_MAX_SECONDS = 3600;
    private static final int MAX_BATCHES_PER_PASS = 100;

    private final OutboxRepository outbox;
    private final MailTransport transport;
    private final InvitationEmails emails;
    private final boolean enabled;
    private final int batchSize;
    private final int leaseSeconds;
    private final int maxAttempts;

    OutboxWorker(OutboxRepository outbox, MailTransport transport, InvitationEmails emails, Settings settings) {
        this.outbox = outbox;
        this.transport = transport;
        this.emails = emails;
        this.enabled = Boolean.parseBoolean(settings.get("COHORT_OUTBOX_ENABLED").orElse("true"));
        this.batchSize = settings.integer("COHORT_OUTBOX_BATCH_SIZE", 50);
        this.leaseSeconds = settings.integer("COHORT_OUTBOX_LEASE_SECONDS", 300);
        this.maxAttempts = settings.integer("COHORT_OUTBOX_MAX_ATTEMPTS", 8);
        log.info("Outbox: emails leave through {}{}", transport.describe(), enabled ? "" : " (worker disabled)");
    }

    /** What one delivery pass did. */
    public record Pass(int sent, int retried, int dead) {
        Pass plus(Pass other) {
            return new Pass(sent + other.sent, retried + other.retried, dead + other.dead);
        }
    }

    @Scheduled(fixedDelayString = "${COHORT_OUTBOX_POLL_MILLIS:1000}", initialDelayString = "${COHORT_OUTBOX_POLL_MILLIS:1000}")
    void poll() {
        if (!enabled) {
            return;
        }
        try {
            deliverPending();
        } catch (RuntimeException e) {
            log.warn("Outbox pass failed, will try again: {}", e.toString());
        }
    }

    /** Delivers every row that is due now, batch after batch, on the calling thread. */
    public Pass deliverPending() {
        return deliverPending(null);
    }

    /** One synchronous pass over the due emails of one Spot (of every Spot when {@code spotId} is null). */
    public Pass deliverPending(UUID spotId) {
        Pass total = new Pass(0, 0, 0);
        for (int i = 0; i < MAX_BATCHES_PER_PASS; i++) {
            List<OutboxRepository.Claimed> batch = outbox.claim(batchSize, leaseSeconds, spotId);
            if (batch.isEmpty()) {
                break;
            }
            Pass pass = deliver(batch);
            log.info("Outbox batch: {} sent, {} failed ({} to retry, {} dead)", pass.sent(),
                    pass.retried() + pass.dead(), pass.retried(), pass.dead());
            total = total.plus(pass);
        }
        return total;
    }

    private Pass deliver(List<OutboxRepository.Claimed> batch) {
        long deadline = System.nanoTime() + leaseSeconds * 500_000_000L;
        int sent = 0;
        int retried = 0;
        int dead = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (System.nanoTime() > deadline) {
                // Half the lease is gone: hand the rest back rather than let another worker claim them mid-send.
                outbox.release(batch.subList(i, batch.size()).stream().mapToLong(OutboxRepository.Claimed::id)
                        .toArray());
                break;
            }
            OutboxRepository.Claimed row = batch.get(i);
            switch (deliver(row)) {
                case SENT -> sent++;
                case RETRY -> retried++;
                case DEAD -> dead++;
            }
        }
        return new Pass(sent, retried, dead);
    }

    private enum Outcome { SENT, RETRY, DEAD }

    private Outcome deliver(OutboxRepository.Claimed row) {
        if (row.attempts() > maxAttempts) {
            outbox.markDead(row.id(), "gave up: the last allowed attempt was interrupted before it finished");
            return Outcome.DEAD;
        }
        Email email;
        try {
            email = emails.render(row);
        } catch (InvitationEmails.Undeliverable e) {
            outbox.markDead(row.id(), e.getMessage());
            log.warn("Outbox row {} cannot be delivered: {}", row.id(), e.getMessage());
            return Outcome.DEAD;
        }
        try {
            transport.send(email);
        } catch (Exception e) {
            String error = describe(e);
            if (row.attempts() >= maxAttempts) {
                outbox.markDead(row.id(), error);
                log.warn("Outbox row {} is dead after {} attempts: {}", row.id(), row.attempts(), error);
                return Outcome.DEAD;
            }
            outbox.retryLater(row.id(), backoffSeconds(row.attempts()), error);
            return Outcome.RETRY;
        }
        outbox.markSent(row.id());
        return Outcome.SENT;
    }

    /** 30 s after the first attempt, doubling after each one, at most an hour. */
    static long backoffSeconds(int attempts) {
        int exponent = Math.max(0, Math.min(attempts - 1, 20));
        return Math.min(RETRY_BASE_SECONDS << exponent, RETRY_MAX_SECONDS);
    }

    private static String describe(Exception e) {
        StringBuilder text = new StringBuilder(e.toString());
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            text.append("; caused by ").append(cause);
        }
        String message = text.toString();
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }
}
