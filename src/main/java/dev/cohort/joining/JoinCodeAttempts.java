package dev.cohort.joining;

import dev.cohort.system.FixedWindows;
import dev.cohort.system.Settings;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Failed join-code attempts per member, in a fixed window by the application's clock: {@code COHORT_JOIN_CODE_ATTEMPTS}
 * = {@code 10/10m} (default: 10 failures per 10 minutes) or {@code off}. Kept in memory, per node.
 */
@Component
class JoinCodeAttempts {
    private final FixedWindows windows;
    private final Clock clock;

    JoinCodeAttempts(Settings settings, Clock clock) {
        this.clock = clock;
        this.windows = FixedWindows.parse("COHORT_JOIN_CODE_ATTEMPTS", "10/10m",
                settings.get("COHORT_JOIN_CODE_ATTEMPTS").orElse("10/10m"));
    }

    /** 0 when the member may try a code, otherwise the seconds until their failures are forgotten. */
    long wait(UUID memberId) {
        return windows.wait(memberId, clock.millis());
    }

    /** Counts a failed attempt of the member. */
    void failed(UUID memberId) {
        windows.count(memberId, clock.millis());
    }
}
