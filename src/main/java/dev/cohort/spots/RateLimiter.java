package dev.cohort.spots;

import dev.cohort.system.Settings;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Fixed-window request limit per Spot key: {@code COHORT_RATE_LIMIT} = {@code 100/10s} (default) or {@code off}. */
@Component
class RateLimiter {
    private static final Pattern FORMAT = Pattern.compile("^(\\d+)/(\\d+)(ms|s|m|h)$");

    private final int permits;
    private final long windowMillis;
    private final Map<UUID, Window> windows = new ConcurrentHashMap<>();

    RateLimiter(Settings settings) {
        String spec = settings.rateLimit().trim();
        if (spec.equalsIgnoreCase("off")) {
            permits = 0;
            windowMillis = 0;
            return;
        }
        Matcher m = FORMAT.matcher(spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("COHORT_RATE_LIMIT must look like 100/10s or be 'off', not " + spec);
        }
        permits = Integer.parseInt(m.group(1));
        long amount = Long.parseLong(m.group(2));
        windowMillis = switch (m.group(3)) {
            case "ms" -> amount;
            case "s" -> amount * 1000;
            case "m" -> amount * 60_000;
            default -> amount * 3_600_000;
        };
    }

    /** 0 when the call may proceed, otherwise the seconds to wait before the next window opens. */
    long acquire(UUID spotId) {
        if (permits == 0) {
            return 0;
        }
        long now = System.currentTimeMillis();
        Window window = windows.computeIfAbsent(spotId, id -> new Window());
        synchronized (window) {
            if (now - window.start >= windowMillis) {
                window.start = now;
                window.used = 0;
            }
            if (window.used < permits) {
                window.used++;
                return 0;
            }
            return Math.max(1, (window.start + windowMillis - now + 999) / 1000);
        }
    }

    private static final class Window {
        long start;
        int used;
    }
}
