package org.exportguard.server;

import org.exportguard.testkit.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The token bucket on a clock the test moves: no sleeping, and no dependence on how fast the machine is. */
class RateLimiterTest {
    @Test
    void aBurstThenOneRequestPerRefillAndRetryAfterInWholeSeconds() {
        TestClock clock = new TestClock();
        RateLimiter limiter = new RateLimiter(0.5, 3, clock.ticker()); // 3 at once, then one every 2 s
        assertEquals(0, limiter.acquire("t"));
        assertEquals(0, limiter.acquire("t"));
        assertEquals(0, limiter.acquire("t"));
        assertEquals(2, limiter.acquire("t"), "empty: a whole unit takes 2 s at 0.5/s");
        clock.advance(Duration.ofMillis(1500));
        assertEquals(1, limiter.acquire("t"), "three quarters of a unit back: 0.5 s to go, said as 1 s");
        clock.advance(Duration.ofMillis(500));
        assertEquals(0, limiter.acquire("t"), "a unit refilled after 2 s");
        assertEquals(2, limiter.acquire("t"));
    }

    @Test
    void eachKeyHasItsOwnBucketAndRefillStopsAtTheBurst() {
        TestClock clock = new TestClock();
        RateLimiter limiter = new RateLimiter(1, 2, clock.ticker());
        assertEquals(0, limiter.acquire("a"));
        assertEquals(0, limiter.acquire("a"));
        assertEquals(1, limiter.acquire("a"));
        assertEquals(0, limiter.acquire("b"), "another token is not slowed by the first");
        clock.advance(Duration.ofHours(1)); // an hour idle refills two units, not 3,600
        assertEquals(0, limiter.acquire("a"));
        assertEquals(0, limiter.acquire("a"));
        assertEquals(1, limiter.acquire("a"));
    }
}
