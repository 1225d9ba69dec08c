package org.exportguard.server;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (per API token): {@code burst} requests at once, refilled at {@code perSecond}. Buckets
 * are made only for authenticated callers, so their number is bounded by the number of valid tokens.
 */
public final class RateLimiter {
    private final double perSecond;
    private final double burst;
    private final LongSupplier ticker;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double perSecond, double burst) {
        this(perSecond, burst, System::nanoTime);
    }

    /** @param ticker elapsed time in nanoseconds ({@code System::nanoTime}; a test's own clock in tests) */
    public RateLimiter(double perSecond, double burst, LongSupplier ticker) {
        if (!(perSecond > 0) || !(burst >= 1)) {
            throw new IllegalArgumentException("rate must be > 0 and burst >= 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.ticker = ticker;
    }

    /** 0 when the request may go ahead (one unit taken), else the whole seconds to wait before retrying (>= 1). */
    public long acquire(String key) {
        long now = ticker.getAsLong();
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, now)).take(perSecond, burst, now);
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(double burst, long now) {
            tokens = burst;
            last = now;
        }

        synchronized long take(double perSecond, double burst, long now) {
            if (now - last > 0) { // a caller that read the ticker before another's take must not move time back
                tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
                last = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }
    }
}
