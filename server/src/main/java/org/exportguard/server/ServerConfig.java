package org.exportguard.server;

import org.exportguard.core.match.NameMatcher;

import java.net.InetAddress;
import java.util.function.LongSupplier;

/**
 * How the server runs.
 *
 * @param bind         the address to listen on (loopback unless told otherwise)
 * @param port         0 for any free port
 * @param threads      request threads (the pool is bounded: requests beyond threads + queue are refused)
 * @param queue        requests waiting for a thread at most
 * @param maxJsonBytes the largest JSON request body
 * @param ratePerSecond requests per second allowed per token, sustained
 * @param burst        requests per token allowed at once above the sustained rate
 * @param threshold    lowest score a screening hit reports
 * @param limit        most hits per screened name
 * @param ticker       elapsed time in nanoseconds, for the per-token rate limits and the token cache:
 *                     {@code System::nanoTime}; tests hand in a clock they move themselves instead of sleeping
 */
public record ServerConfig(InetAddress bind, int port, int threads, int queue, long maxJsonBytes,
                           double ratePerSecond, int burst, double threshold, int limit, LongSupplier ticker) {
    public static final long DEFAULT_MAX_JSON = 1 << 20;

    /** With the system's ticker ({@code System::nanoTime}). */
    public ServerConfig(InetAddress bind, int port, int threads, int queue, long maxJsonBytes,
                        double ratePerSecond, int burst, double threshold, int limit) {
        this(bind, port, threads, queue, maxJsonBytes, ratePerSecond, burst, threshold, limit, System::nanoTime);
    }

    public static ServerConfig defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ServerConfig(InetAddress.getLoopbackAddress(), 8080, Math.max(4, 2 * cores), 1024,
                DEFAULT_MAX_JSON, 100, 200, NameMatcher.DEFAULT_THRESHOLD, 10);
    }

    public ServerConfig withBind(InetAddress b) {
        return new ServerConfig(b, port, threads, queue, maxJsonBytes, ratePerSecond, burst, threshold, limit, ticker);
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(bind, p, threads, queue, maxJsonBytes, ratePerSecond, burst, threshold, limit, ticker);
    }

    public ServerConfig withThreads(int t) {
        return new ServerConfig(bind, port, t, queue, maxJsonBytes, ratePerSecond, burst, threshold, limit, ticker);
    }

    public ServerConfig withMaxJsonBytes(long m) {
        return new ServerConfig(bind, port, threads, queue, m, ratePerSecond, burst, threshold, limit, ticker);
    }

    public ServerConfig withTicker(LongSupplier t) {
        return new ServerConfig(bind, port, threads, queue, maxJsonBytes, ratePerSecond, burst, threshold, limit, t);
    }

    public ServerConfig withRate(double perSecond, int b) {
        return new ServerConfig(bind, port, threads, queue, maxJsonBytes, perSecond, b, threshold, limit, ticker);
    }
}
