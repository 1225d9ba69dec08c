package org.exportguard.server;

import org.exportguard.core.match.NameMatcher;

import java.net.InetAddress;
import java.util.function.LongSupplier;

/**
 * How the server runs.
 *
 * @param bind         the address to listen on (loopback unless told otherwise)
 * @param port         0 for any free port
 * @param threads      request threads (a bounded pool; requests beyond them wait, at most one per open connection)
 * @param queue        requests waiting for a thread at most under the JDK server this replaced; kept for callers,
 *                     unused: waiting requests are bounded by {@link HttpLimits#maxConnections()}
 * @param maxJsonBytes the largest JSON request body
 * @param ratePerSecond requests per second allowed per token, sustained
 * @param burst        requests per token allowed at once above the sustained rate
 * @param threshold    lowest score a screening hit reports
 * @param limit        most hits per screened name
 * @param ticker       elapsed time in nanoseconds, for the per-token rate limits and the token cache:
 *                     {@code System::nanoTime}; tests hand in a clock they move themselves instead of sleeping
 * @param limits       timeouts and caps per connection (slow and many clients)
 * @param tls          the certificate and key to answer HTTPS with, or null for plain HTTP
 */
public record ServerConfig(InetAddress bind, int port, int threads, int queue, long maxJsonBytes,
                           double ratePerSecond, int burst, double threshold, int limit, LongSupplier ticker,
                           HttpLimits limits, TlsFiles tls) {
    public static final long DEFAULT_MAX_JSON = 1 << 20;
    /**
     * Request threads by default. A thread is held only while a request is handled (its body read, then the work):
     * stalled heads hold none, a stalled body holds one until the body timeout. Enough that a few dozen slow
     * uploads cannot take them all, few enough that screening on two cores is not thrashed.
     */
    public static final int DEFAULT_THREADS = 64;

    /** With the system's ticker ({@code System::nanoTime}), the default limits and no TLS. */
    public ServerConfig(InetAddress bind, int port, int threads, int queue, long maxJsonBytes,
                        double ratePerSecond, int burst, double threshold, int limit) {
        this(bind, port, threads, queue, maxJsonBytes, ratePerSecond, burst, threshold, limit, System::nanoTime);
    }

    /** With the default limits and no TLS. */
    public ServerConfig(InetAddress bind, int port, int threads, int queue, long maxJsonBytes,
                        double ratePerSecond, int burst, double threshold, int limit, LongSupplier ticker) {
        this(bind, port, threads, queue, maxJsonBytes, ratePerSecond, burst, threshold, limit, ticker,
                HttpLimits.DEFAULTS, null);
    }

    public ServerConfig {
        java.util.Objects.requireNonNull(limits, "limits");
    }

    public static ServerConfig defaults() {
        return new ServerConfig(InetAddress.getLoopbackAddress(), 8080, DEFAULT_THREADS, 1024,
                DEFAULT_MAX_JSON, 100, 200, NameMatcher.DEFAULT_THRESHOLD, 10);
    }

    public ServerConfig withLimits(HttpLimits l) {
        return new ServerConfig(bind, port, threads, queue, maxJsonBytes, ratePerSecond, burst, threshold, limit,
                ticker, l, tls);
    }

    public ServerConfig withTls(TlsFiles t) {
        return new ServerConfig(bind, port, threads, queue, maxJsonBytes, ratePerSecond, burst, threshold, limit,
                ticker, limits, t);
    }

    public ServerConfig withBind(InetAddress b) {
        return new ServerConfig(b, port, threads, queue, maxJsonBytes, ratePerSecond, burst, threshold, limit, ticker,
                limits, tls);
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(bind, p, threads, queue, maxJsonBytes, ratePerSecond, burst, threshold, limit, ticker,
                limits, tls);
    }

    public ServerConfig withThreads(int t) {
        return new ServerConfig(bind, port, t, queue, maxJsonBytes, ratePerSecond, burst, threshold, limit, ticker,
                limits, tls);
    }

    public ServerConfig withMaxJsonBytes(long m) {
        return new ServerConfig(bind, port, threads, queue, m, ratePerSecond, burst, threshold, limit, ticker,
                limits, tls);
    }

    public ServerConfig withTicker(LongSupplier t) {
        return new ServerConfig(bind, port, threads, queue, maxJsonBytes, ratePerSecond, burst, threshold, limit, t,
                limits, tls);
    }

    public ServerConfig withRate(double perSecond, int b) {
        return new ServerConfig(bind, port, threads, queue, maxJsonBytes, perSecond, b, threshold, limit, ticker,
                limits, tls);
    }
}
