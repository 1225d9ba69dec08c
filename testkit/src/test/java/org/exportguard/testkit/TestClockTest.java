package org.exportguard.testkit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TestClockTest {
    @Test
    void movesOnlyWhenTold() {
        TestClock c = new TestClock(Instant.parse("2027-03-01T10:00:00Z"));
        long t0 = c.nanoTime();
        assertEquals(Instant.parse("2027-03-01T10:00:00Z"), c.instant());
        assertEquals(t0, c.nanoTime(), "no time passes by itself");
        c.advance(Duration.ofMillis(2500));
        assertEquals(Instant.parse("2027-03-01T10:00:02.500Z"), c.instant());
        assertEquals(2_500_000_000L, c.nanoTime() - t0);
        assertEquals(c.nanoTime(), c.ticker().getAsLong());
        assertEquals(Instant.parse("2027-03-01T10:00:02.500Z").toEpochMilli(), c.millis());
        c.set(Instant.parse("2027-03-02T00:00:00Z"));
        assertEquals(Instant.parse("2027-03-02T00:00:00Z"), c.instant());
    }

    @Test
    void neverMovesBack() {
        TestClock c = new TestClock();
        assertThrows(IllegalArgumentException.class, () -> c.advance(Duration.ofNanos(-1)));
        assertThrows(IllegalArgumentException.class, () -> c.set(TestClock.DEFAULT_START.minusSeconds(1)));
        assertEquals(TestClock.DEFAULT_START, c.instant());
    }

    @Test
    void aZoneViewMovesWithIt() {
        TestClock c = new TestClock();
        TestClock paris = c.withZone(ZoneId.of("Europe/Paris"));
        c.advanceMillis(1000);
        assertEquals(c.instant(), paris.instant());
        assertEquals(ZoneId.of("Europe/Paris"), paris.getZone());
    }
}
