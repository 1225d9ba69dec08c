package org.exportguard.server;

import java.time.Duration;

/**
 * What one connection may take of the server, so that slow or many clients cannot starve the rest. Request heads are
 * read without holding a request thread (the transport reads them as bytes arrive), so a stalled client costs a
 * connection, never a thread; these bound how long and how many.
 *
 * @param headerTimeout  a connection must deliver a complete request head within this of its opening or of its
 *                       previous answer, however slowly it trickles bytes; otherwise it is closed (an idle
 *                       keep-alive connection too)
 * @param bodyTimeout    a request body must arrive in full within this of its head; otherwise the connection is
 *                       closed and the request fails (408). Large list uploads over slow links need more
 * @param idleTimeout    a connection on which nothing moves, in either direction, for this long is closed
 * @param maxConnections connections open at once; beyond it new ones wait in the system's accept queue until one
 *                       closes
 * @param maxHeaderBytes the largest request head (request line and headers); a larger one is refused with 431
 */
public record HttpLimits(Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout, int maxConnections,
                         int maxHeaderBytes) {
    public static final HttpLimits DEFAULTS = new HttpLimits(Duration.ofSeconds(20), Duration.ofSeconds(60),
            Duration.ofSeconds(30), 1000, 16 * 1024);

    public HttpLimits {
        positive("headerTimeout", headerTimeout);
        positive("bodyTimeout", bodyTimeout);
        positive("idleTimeout", idleTimeout);
        if (maxConnections < 1 || maxHeaderBytes < 1024) {
            throw new IllegalArgumentException("maxConnections must be positive and maxHeaderBytes at least 1024");
        }
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }
}
