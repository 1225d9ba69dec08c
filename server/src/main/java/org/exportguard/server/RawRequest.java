package org.exportguard.server;

import java.io.InputStream;
import java.util.function.Function;

/**
 * A request as the transport hands it to the {@link Router}, before any check: method, the path and query as sent
 * (still %-encoded), a header lookup (case-insensitive, the first value, null when absent) and the unread body. It
 * is what keeps the route table independent of the HTTP server underneath.
 */
public record RawRequest(String method, String rawPath, String rawQuery, Function<String, String> header,
                         InputStream body) {
}
