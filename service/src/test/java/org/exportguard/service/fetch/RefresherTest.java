package org.exportguard.service.fetch;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The refresher's back-off: exponential from a minute, never longer than the schedule itself. */
class RefresherTest {
    @Test
    void retriesBackOffExponentiallyUpToTheInterval() {
        Duration sixHours = Duration.ofHours(6);
        assertEquals(Duration.ofMinutes(1), Refresher.retryDelay(1, sixHours));
        assertEquals(Duration.ofMinutes(2), Refresher.retryDelay(2, sixHours));
        assertEquals(Duration.ofMinutes(4), Refresher.retryDelay(3, sixHours));
        assertEquals(Duration.ofMinutes(256), Refresher.retryDelay(9, sixHours));
        assertEquals(sixHours, Refresher.retryDelay(10, sixHours), "bounded by the interval");
        assertEquals(sixHours, Refresher.retryDelay(1000, sixHours), "no overflow");
        assertEquals(Duration.ofSeconds(2), Refresher.retryDelay(1, Duration.ofSeconds(2)), "short schedules");
        assertEquals(Duration.ofSeconds(2), Refresher.retryDelay(5, Duration.ofSeconds(2)));
    }

    @Test
    void durationsAreWrittenAsPeopleWriteThem() {
        assertEquals("6h", Refresher.human(Duration.ofHours(6)));
        assertEquals("1h30m", Refresher.human(Duration.ofMinutes(90)));
        assertEquals("1d", Refresher.human(Duration.ofDays(1)));
        assertEquals("45s", Refresher.human(Duration.ofSeconds(45)));
    }
}
