package org.exportguard.server;

import org.exportguard.server.auth.Caller;

import java.util.Map;

/**
 * One checked request: who calls (null on public routes), the values of the path's {@code {name}} segments and the
 * body, read in full but never beyond the route's limit.
 */
public record Request(Caller caller, Map<String, String> pathParams, byte[] body) {
    /** The body as a JSON object; 400 when it is not one. */
    public JsonRequest json() throws ApiException {
        return JsonRequest.parse(body);
    }
}
