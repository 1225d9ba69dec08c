package org.exportguard.server;

import java.util.Map;

/**
 * A request the server refuses, with the HTTP status, a message for the caller and, for a bad request body, the
 * field at fault. Becomes {@code {"error":"...","field":"..."}}; never carries a stack trace to the caller.
 */
public final class ApiException extends Exception {
    private final int status;
    private final String field;
    private final Map<String, String> headers;

    public ApiException(int status, String message) {
        this(status, message, null, Map.of());
    }

    public ApiException(int status, String message, String field, Map<String, String> headers) {
        super(message, null, false, false); // no stack trace: this is an answer, not a bug
        this.status = status;
        this.field = field;
        this.headers = Map.copyOf(headers);
    }

    /** 400 for a bad value of one field of the request body. */
    public static ApiException badField(String field, String message) {
        return new ApiException(400, message, field, Map.of());
    }

    public int status() {
        return status;
    }

    /** The request body field at fault, or null. */
    public String field() {
        return field;
    }

    /** Extra response headers (Allow, Retry-After, WWW-Authenticate). */
    public Map<String, String> headers() {
        return headers;
    }
}
