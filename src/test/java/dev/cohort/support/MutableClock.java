package dev.cohort.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests can move forward: the system UTC clock plus an offset that {@link #advance(Duration)} grows. It starts
 * at {@code Clock.systemUTC().instant()} and keeps ticking with real time, so that code measuring short durations
 * still sees time pass. Thread-safe: request threads read it while the test advances it.
 */
public class MutableClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> offset;

    public MutableClock() {
        this(Clock.systemUTC(), new AtomicReference<>(Duration.ZERO));
    }

    private MutableClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    /** Moves this clock (and every clock {@link #withZone derived} from it) forward by {@code amount}. */
    public void advance(Duration amount) {
        offset.updateAndGet(current -> current.plus(amount));
    }

    /** Back to the system time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    /** How far ahead of the system clock this clock is. */
    public Duration offset() {
        return offset.get();
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(base.getZone()) ? this : new MutableClock(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public String toString() {
        return "MutableClock[" + base.getZone() + " + " + offset.get() + "]";
    }
}
