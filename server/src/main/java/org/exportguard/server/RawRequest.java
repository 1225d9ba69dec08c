package org.exportguard.server;

import java.io.InputStream;
import java.util.Map;
import java.util.function.Function;

/**
 * A request as the transport hands it to the {@link Router}, before any check: method, the path and query as sent
 * (still %-encoded), a header lookup (case-insensitive, the first value, null when absent), the unread body, whether
 * it came over TLS (the workbench marks its session cookie {@code Secure} then) and every header's first value by its
 * name in lower case (for {@link Request#header}). It is what keeps the route table independent of the HTTP server
 * underneath.
 */
public record RawRequest(String method, String rawPath, String rawQuery, Function<String, String> header,
                         InputStream body, boolean overTls, Map<String, String> headers) {
    public RawRequest {
        headers = headers == null ? Map.of() : headers;
    }

    /** A plain-HTTP request whose headers are only looked up (tests). */
    public RawRequest(String method, String rawPath, String rawQuery, Function<String, String> header,
                      InputStream body) {
        this(method, rawPath, rawQuery, header, body, false, Map.of());
    }
}
