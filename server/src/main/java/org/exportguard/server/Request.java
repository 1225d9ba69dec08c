package org.exportguard.server;

import org.exportguard.server.auth.Caller;

import java.io.InputStream;
import java.util.Map;

/**
 * One checked request: who calls (null on public routes), the values of the path's {@code {name}} segments, the
 * query parameters, and the body: read in full but never beyond the route's limit, or, on a streaming route
 * ({@link Route#streamsBody()}), left unread in {@code stream} for the handler to copy (up to the route's limit)
 * wherever it must go; the request's headers (names in lower case, first value of each) and whether it came over
 * TLS (the session cookie is marked {@code Secure} then).
 */
public record Request(Caller caller, Map<String, String> pathParams, Map<String, String> query, byte[] body,
                      InputStream stream, String contentLength, String contentType, Map<String, String> headers,
                      boolean overTls) {
    public Request {
        headers = headers == null ? Map.of() : headers;
    }

    public Request(Caller caller, Map<String, String> pathParams, Map<String, String> query, byte[] body,
                   InputStream stream, String contentLength, String contentType) {
        this(caller, pathParams, query, body, stream, contentLength, contentType, Map.of(), false);
    }

    public Request(Caller caller, Map<String, String> pathParams, Map<String, String> query, byte[] body,
                   InputStream stream, String contentLength) {
        this(caller, pathParams, query, body, stream, contentLength, null);
    }

    /** A request with a body read in full and no query (tests and simple callers). */
    public Request(Caller caller, Map<String, String> pathParams, byte[] body) {
        this(caller, pathParams, Map.of(), body, InputStream.nullInputStream(), null);
    }

    /** The body as a JSON object; 400 when it is not one. */
    public JsonRequest json() throws ApiException {
        return JsonRequest.parse(body);
    }

    /** A request header's first value by its name in lower case, or null. */
    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    /** A query parameter, or null. */
    public String query(String name) {
        return query.get(name);
    }
}
