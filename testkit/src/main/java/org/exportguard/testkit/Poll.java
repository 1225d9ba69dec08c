package org.exportguard.testkit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Waiting for another process to catch up (a server that checks the store every 2 s, a token cache of another
 * process): ask again every {@code interval} until the answer is right or the deadline passes. The one place tests
 * sleep, and only while polling something outside this JVM that no clock of ours drives.
 */
public final class Poll {
    private Poll() {
    }

    /** The last answer of {@code ask}: the first that {@code done} accepts, or the one at the deadline. */
    public static <T> T until(Duration deadline, Duration interval, Callable<T> ask, Predicate<T> done)
            throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            T answer = ask.call();
            if (done.test(answer) || System.nanoTime() - end >= 0) {
                return answer;
            }
            Thread.sleep(interval.toMillis());
        }
    }
}
