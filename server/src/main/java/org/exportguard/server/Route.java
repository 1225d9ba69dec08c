package org.exportguard.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.store.Role;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One operation of the API: method and path (segments in braces, {@code /api/deals/{id}}, match any one segment),
 * the least role that may call it (null: public, no token needed), the largest body it reads (0: it reads none),
 * what the OpenAPI document says about it, and the handler. The route table is the single source of the router,
 * the role checks and {@code /openapi.json}.
 *
 * @param requestSchema  JSON schema of the request body, or null when it takes none
 * @param responseSchema JSON schema of the 200 response
 * @param streamsBody    the handler reads the body itself from {@link Request#stream()} (large uploads), instead
 *                       of the router reading it into memory first
 * @param errors         the answers the handler itself may give beyond the router's (e.g. 404, 409), by status,
 *                       with what each means, for the OpenAPI document
 */
public record Route(String method, String path, Role minRole, long maxBody, String summary,
                    ObjectNode requestSchema, ObjectNode responseSchema, Handler handler, boolean streamsBody,
                    Map<Integer, String> errors) {
    public Route(String method, String path, Role minRole, long maxBody, String summary,
                 ObjectNode requestSchema, ObjectNode responseSchema, Handler handler) {
        this(method, path, minRole, maxBody, summary, requestSchema, responseSchema, handler, false, Map.of());
    }

    public Route(String method, String path, Role minRole, long maxBody, String summary,
                 ObjectNode requestSchema, ObjectNode responseSchema, Handler handler, boolean streamsBody) {
        this(method, path, minRole, maxBody, summary, requestSchema, responseSchema, handler, streamsBody, Map.of());
    }

    /** This route, documenting these answers of its handler too. */
    public Route withErrors(Map<Integer, String> more) {
        Map<Integer, String> all = new java.util.TreeMap<>(errors);
        all.putAll(more);
        return new Route(method, path, minRole, maxBody, summary, requestSchema, responseSchema, handler,
                streamsBody, Map.copyOf(all));
    }

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(handler, "handler");
        errors = errors == null ? Map.of() : Map.copyOf(errors);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + path);
        }
    }

    public boolean isPublic() {
        return minRole == null;
    }

    /** The path parameters when {@code rawPath} fits this route's path, else null. */
    public Map<String, String> match(String rawPath) {
        String[] want = path.split("/", -1);
        String[] got = rawPath.split("/", -1);
        if (want.length != got.length) {
            return null;
        }
        Map<String, String> params = null;
        for (int i = 0; i < want.length; i++) {
            String w = want[i];
            if (w.startsWith("{") && w.endsWith("}")) {
                if (got[i].isEmpty()) {
                    return null;
                }
                if (params == null) {
                    params = new HashMap<>();
                }
                params.put(w.substring(1, w.length() - 1), URLDecoder.decode(got[i], StandardCharsets.UTF_8));
            } else if (!w.equals(got[i])) {
                return null;
            }
        }
        return params == null ? Map.of() : params;
    }
}
