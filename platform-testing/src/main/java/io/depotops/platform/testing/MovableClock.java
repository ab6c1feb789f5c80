package io.depotops.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock for tests of rules that depend on the time: it runs with real time, and a test moves
 * it forward ({@link #advance(Duration)}) instead of sleeping until a deadline or a staleness limit
 * passes. A service puts it in place of its {@code Clock} with a bean of its tests:
 *
 * <pre>{@code
 * @Mock
 * @Singleton
 * public class TestClock extends MovableClock {}
 * }</pre>
 *
 * and a test that moves it calls {@link #reset()} afterwards, since the service keeps it.
 */
public class MovableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** Moves the clock forward by {@code amount} (it keeps running from there). */
    public void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a clock of a service only moves forward: " + amount);
        }
        offset.accumulateAndGet(amount, Duration::plus);
    }

    /** Back to real time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    /** How far ahead of real time the clock is. */
    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A snapshot in another zone: later moves of this clock do not reach it. */
    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset.get());
    }
}
