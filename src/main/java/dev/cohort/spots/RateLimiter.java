package dev.cohort.spots;

import dev.cohort.system.FixedWindows;
import dev.cohort.system.Settings;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Fixed-window request limit per Spot key: {@code COHORT_RATE_LIMIT} = {@code 100/10s} (default) or {@code off}. */
@Component
class RateLimiter {
    private final FixedWindows windows;

    RateLimiter(Settings settings) {
        this.windows = FixedWindows.parse("COHORT_RATE_LIMIT", "100/10s", settings.rateLimit());
    }

    /** 0 when the call may proceed, otherwise the seconds to wait before the next window opens. */
    long acquire(UUID spotId) {
        return windows.acquire(spotId, System.currentTimeMillis());
    }
}
