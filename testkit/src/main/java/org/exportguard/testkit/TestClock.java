package org.exportguard.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A clock a test moves by hand, instead of sleeping: a {@link Clock} for code that reads wall time, and
 * {@link #nanoTime()} / {@link #ticker()} for code that measures elapsed time the way {@code System.nanoTime} does
 * (caches, rate limits). Both read the same time, which only moves forward, and only when the test says so.
 * Thread-safe: the code under test may read it from other threads.
 */
public final class TestClock extends Clock {
    /** Where a clock made with {@link #TestClock()} starts. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicLong nanos; // since the epoch; shared by the views withZone makes
    private final ZoneId zone;

    public TestClock() {
        this(DEFAULT_START);
    }

    public TestClock(Instant start) {
        this(new AtomicLong(Math.addExact(Math.multiplyExact(start.getEpochSecond(), 1_000_000_000L),
                start.getNano())), ZoneOffset.UTC);
    }

    private TestClock(AtomicLong nanos, ZoneId zone) {
        this.nanos = nanos;
        this.zone = zone;
    }

    /** Moves time forward by {@code d} (never back: elapsed time as a ticker sees it cannot be negative). */
    public TestClock advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("time only moves forward in a test clock: " + d);
        }
        nanos.addAndGet(d.toNanos());
        return this;
    }

    public TestClock advanceMillis(long millis) {
        return advance(Duration.ofMillis(millis));
    }

    /** Moves time forward to {@code t}, which must not be earlier than now. */
    public TestClock set(Instant t) {
        return advance(Duration.between(instant(), t));
    }

    /** The time as {@code System.nanoTime} would give it: for code that measures elapsed time. */
    public long nanoTime() {
        return nanos.get();
    }

    /** {@link #nanoTime()} as a supplier, to hand to code that takes a ticker. */
    public LongSupplier ticker() {
        return this::nanoTime;
    }

    @Override
    public Instant instant() {
        long n = nanos.get();
        return Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
    }

    @Override
    public long millis() {
        return Math.floorDiv(nanos.get(), 1_000_000L);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same time (moving together with this clock) seen in another zone. */
    @Override
    public TestClock withZone(ZoneId z) {
        return new TestClock(nanos, z);
    }

    @Override
    public String toString() {
        return "TestClock[" + instant() + ", " + zone + "]";
    }
}
