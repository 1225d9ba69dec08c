package org.exportguard.server;

import org.exportguard.server.auth.Caller;

import java.io.InputStream;
import java.util.Map;

/**
 * One checked request: who calls (null on public routes), the values of the path's {@code {name}} segments, the
 * query parameters, and the body: read in full but never beyond the route's limit, or, on a streaming route
 * ({@link Route#streamsBody()}), left unread in {@code stream} for the handler to copy (up to the route's limit)
 * wherever it must go.
 */
public record Request(Caller caller, Map<String, String> pathParams, Map<String, String> query, byte[] body,
                      InputStream stream, String contentLength, String contentType) {
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

    /** A query parameter, or null. */
    public String query(String name) {
        return query.get(name);
    }
}
