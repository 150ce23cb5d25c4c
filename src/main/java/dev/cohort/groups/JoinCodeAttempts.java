package dev.cohort.groups;

import dev.cohort.system.Settings;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Failed join-code attempts per member, in a fixed window by the application's clock: {@code COHORT_JOIN_CODE_ATTEMPTS}
 * = {@code 10/10m} (default: 10 failures per 10 minutes) or {@code off}. Kept in memory, per node.
 */
@Component
class JoinCodeAttempts {
    private static final Pattern FORMAT = Pattern.compile("^(\\d+)/(\\d+)(ms|s|m|h)$");

    private final int permits;
    private final long windowMillis;
    private final Clock clock;
    private final Map<UUID, Window> windows = new ConcurrentHashMap<>();

    JoinCodeAttempts(Settings settings, Clock clock) {
        this.clock = clock;
        String spec = settings.get("COHORT_JOIN_CODE_ATTEMPTS").orElse("10/10m").trim();
        if (spec.equalsIgnoreCase("off")) {
            permits = 0;
            windowMillis = 0;
            return;
        }
        Matcher m = FORMAT.matcher(spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("COHORT_JOIN_CODE_ATTEMPTS must look like 10/10m or be 'off', not "
                    + spec);
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

    /** 0 when the member may try a code, otherwise the seconds until their failures are forgotten. */
    long wait(UUID memberId) {
        Window window = windows.get(memberId);
        if (permits == 0 || window == null) {
            return 0;
        }
        long now = clock.millis();
        synchronized (window) {
            if (now - window.start >= windowMillis) {
                return 0;
            }
            return window.failed < permits ? 0 : Math.max(1, (window.start + windowMillis - now + 999) / 1000);
        }
    }

    /** Counts a failed attempt of the member. */
    void failed(UUID memberId) {
        if (permits == 0) {
            return;
        }
        long now = clock.millis();
        Window window = windows.computeIfAbsent(memberId, id -> new Window());
        synchronized (window) {
            if (now - window.start >= windowMillis) {
                window.start = now;
                window.failed = 0;
            }
            window.failed++;
        }
    }

    private static final class Window {
        long start = Long.MIN_VALUE / 2;
        int failed;
    }
}
