package dev.cohort.system;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts per key in fixed windows, from a setting written {@code N/D} (N uses per D: {@code 100/10s}, {@code 10/10m};
 * units {@code ms s m h}) or {@code off}: the request limit per Spot key and the failed join-code attempts per member
 * both read it. Kept in memory, per node; windows that have ended are dropped at most once per window length, so
 * the memory held is that of the keys used in the last window or two, however many keys come and go.
 */
public final class FixedWindows {
    private static final Pattern FORMAT = Pattern.compile("^(\\d+)/(\\d+)(ms|s|m|h)$");

    private final int permits;
    private final long windowMillis;
    private final Map<Object, Window> windows = new ConcurrentHashMap<>();
    private volatile long prunedAt = Long.MIN_VALUE / 2;

    private FixedWindows(int permits, long windowMillis) {
        this.permits = permits;
        this.windowMillis = windowMillis;
    }

    /** The setting {@code name}'s value {@code spec}; {@code example} names a valid one in the error. */
    public static FixedWindows parse(String name, String example, String spec) {
        String text = spec.trim();
        if (text.equalsIgnoreCase("off")) {
            return new FixedWindows(0, 0);
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(name + " must look like " + example + " or be 'off', not " + text);
        }
        long amount = Long.parseLong(m.group(2));
        long millis = switch (m.group(3)) {
            case "ms" -> amount;
            case "s" -> amount * 1000;
            case "m" -> amount * 60_000;
            default -> amount * 3_600_000;
        };
        return new FixedWindows(Integer.parseInt(m.group(1)), millis);
    }

    /** Counts a use of {@code key} when its window has room: 0, else the seconds until the window ends. */
    public long acquire(Object key, long nowMillis) {
        if (permits == 0) {
            return 0;
        }
        prune(nowMillis);
        while (true) {
            Window window = windows.computeIfAbsent(key, k -> new Window());
            synchronized (window) {
                if (window.dropped) {
                    continue; // pruned between the lookup and the lock: a new window takes its place
                }
                window.renew(nowMillis, windowMillis);
                if (window.used < permits) {
                    window.used++;
                    return 0;
                }
                return window.wait(nowMillis, windowMillis);
            }
        }
    }

    /** Without counting: 0 when {@code key} has room in its window, else the seconds until the window ends. */
    public long wait(Object key, long nowMillis) {
        Window window = permits == 0 ? null : windows.get(key);
        if (window == null) {
            return 0;
        }
        synchronized (window) {
            window.renew(nowMillis, windowMillis);
            return window.used < permits ? 0 : window.wait(nowMillis, windowMillis);
        }
    }

    /** Counts a use of {@code key}, room or not. */
    public void count(Object key, long nowMillis) {
        if (permits == 0) {
            return;
        }
        prune(nowMillis);
        while (true) {
            Window window = windows.computeIfAbsent(key, k -> new Window());
            synchronized (window) {
                if (window.dropped) {
                    continue;
                }
                window.renew(nowMillis, windowMillis);
                window.used++;
                return;
            }
        }
    }

    /** How many keys have a window held in memory (ended ones not yet dropped included). */
    public int size() {
        return windows.size();
    }

    /**
     * Drops the windows that have ended, at most once per window length: an ended window counts as no window at
     * all (the next use opens a new one), so nothing is forgotten that would still count.
     */
    private void prune(long nowMillis) {
        long last = prunedAt;
        if (nowMillis - last < windowMillis) {
            return;
        }
        prunedAt = nowMillis;
        windows.values().removeIf(window -> {
            synchronized (window) {
                if (nowMillis - window.start >= windowMillis) {
                    window.dropped = true;
                }
                return window.dropped;
            }
        });
    }

    private static final class Window {
        long start = Long.MIN_VALUE / 2; // a new key's window has ended: the first use opens one
        int used;
        boolean dropped;

        void renew(long now, long length) {
            if (now - start >= length) {
                start = now;
                used = 0;
            }
        }

        long wait(long now, long length) {
            return Math.max(1, (start + length - now + 999) / 1000);
        }
    }
}
