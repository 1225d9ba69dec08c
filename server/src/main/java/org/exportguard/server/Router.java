package org.exportguard.server;

import org.exportguard.core.hash.Sha256;
import org.exportguard.server.auth.Authenticator;
import org.exportguard.server.auth.Caller;
import org.exportguard.server.ui.Sessions;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every request passes here, in this order: route (404, 405), bearer token or workbench session cookie (401; a
 * state change made with the cookie without its CSRF token: 403), role (403), rate per token (429), body size (413),
 * then the route's handler (400 for a bad body). Whatever goes wrong, the caller gets a JSON error
 * and never a stack trace; an unexpected failure is a 500 with a generic message and one line on the log. It knows
 * nothing of the HTTP server underneath: the transport hands it a {@link RawRequest} and writes out the answer, whose
 * headers already hold {@link SecurityHeaders} and whose error message names no server path or class
 * ({@link SafeMessages}).
 */
final class Router {
    private static final String BEARER = "Bearer ";

    private final List<Route> routes;
    private final Authenticator authenticator;
    private final RateLimiter limiter;
    private final PrintStream log;
    private final Sessions sessions;

    Router(List<Route> routes, Authenticator authenticator, RateLimiter limiter, PrintStream log) {
        this(routes, authenticator, limiter, log, null);
    }

    /** @param sessions the workbench's sign-in sessions, whose cookie stands for a token; null: bearer tokens only */
    Router(List<Route> routes, Authenticator authenticator, RateLimiter limiter, PrintStream log, Sessions sessions) {
        this.routes = List.copyOf(routes);
        this.authenticator = authenticator;
        this.limiter = limiter;
        this.log = log;
        this.sessions = sessions;
    }

    /** The answer to one request, never an exception: headers complete, ready for the transport to write. */
    ApiResponse handle(RawRequest req) {
        ApiResponse response;
        try {
            response = dispatch(req);
        } catch (ApiException e) {
            response = ApiResponse.error(e.status(), SafeMessages.clean(e.getMessage()), e.field(), e.headers());
        } catch (Throwable t) { // a bug, or an Error: one line on the log, a generic answer to the caller
            log.println("exportguard: internal error on " + req.method() + " " + req.rawPath() + ": " + oneLine(t));
            response = ApiResponse.error(500, "internal error", null, Map.of());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", response.contentType());
        headers.putAll(SecurityHeaders.all());
        headers.putAll(response.headers()); // a route may set its own (e.g. Cache-Control for a static file)
        if (response.status() == 413) {
            // Discard (never keep) what is left of a moderately oversized body before answering: closing a
            // socket with unread input resets it, and the reset can destroy the 413 before the client reads it.
            // Beyond the cap the connection is simply ended.
            discard(req.body(), DRAIN_CAP);
            headers.put("Connection", "close");
        }
        return new ApiResponse(response.status(), response.contentType(), response.body(), headers);
    }

    private ApiResponse dispatch(RawRequest req) throws Exception {
        String path = req.rawPath();
        String method = req.method();
        Route route = null;
        Map<String, String> params = null;
        Set<String> allowed = new LinkedHashSet<>();
        for (Route r : routes) {
            Map<String, String> p = r.match(path);
            if (p != null) {
                allowed.add(r.method());
                if (r.method().equals(method)) {
                    route = r;
                    params = p;
                    break;
                }
            }
        }
        if (route == null) {
            if (allowed.isEmpty()) {
                throw new ApiException(404, "no such route: " + path);
            }
            throw new ApiException(405, "method " + method + " not allowed on " + path, null,
                    Map.of("Allow", String.join(", ", allowed)));
        }
        Caller caller = null;
        if (!route.isPublic()) {
            String token = bearerToken(req.header());
            if (token == null) {
                token = sessionToken(req.header(), method);
            }
            Optional<Caller> c = token == null ? Optional.empty() : authenticator.authenticate(token);
            if (c.isEmpty()) {
                throw new ApiException(401, token == null ? "missing 'Authorization: Bearer TOKEN' (or a signed-in "
                        + "workbench session)" : "unknown token",
                        null, Map.of("WWW-Authenticate", "Bearer"));
            }
            caller = c.get();
            if (!caller.role().atLeast(route.minRole())) {
                throw new ApiException(403, "role " + caller.role().label() + " may not call " + method + " "
                        + route.path() + " (needs " + route.minRole().label() + ")");
            }
            long wait = limiter.acquire(Sha256.hex(token));
            if (wait > 0) {
                throw new ApiException(429, "too many requests for this token; retry after " + wait + " s", null,
                        Map.of("Retry-After", Long.toString(wait)));
            }
        }
        byte[] body = new byte[0];
        String contentLength = req.header().apply("Content-Length");
        if (route.maxBody() > 0 && !route.streamsBody()) {
            body = BodyReader.read(req.body(), contentLength, route.maxBody());
        }
        return route.handler().handle(new Request(caller, params, query(req.rawQuery()), body,
                req.body(), contentLength, req.header().apply("Content-Type"), req.headers(), req.overTls()));
    }

    /**
     * The token a live workbench session cookie stands for, or null. A state change (any method but GET and HEAD)
     * made with the cookie must carry the session's CSRF token in {@code X-CSRF-Token}: a form another site makes
     * the browser post cannot know it, so it is refused (403) before anything is done.
     */
    private String sessionToken(Function<String, String> header, String method) throws ApiException {
        if (sessions == null) {
            return null;
        }
        Optional<Sessions.Session> s = sessions.use(Sessions.sessionId(header.apply("Cookie")));
        if (s.isEmpty()) {
            return null;
        }
        boolean safe = method.equals("GET") || method.equals("HEAD");
        if (!safe && !Sessions.csrfMatches(s.get(), header.apply(Sessions.CSRF_HEADER))) {
            throw new ApiException(403, "missing or wrong CSRF token: a change made with the workbench's session "
                    + "must send the session's X-CSRF-Token header");
        }
        return s.get().token();
    }

    /** The query string's parameters ({@code a=1&b=2}), decoded; the first of a repeated name wins. */
    static Map<String, String> query(String rawQuery) throws ApiException {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(java.net.URLDecoder.decode(k, java.nio.charset.StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(v, java.nio.charset.StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) { // a bad %-escape
                throw new ApiException(400, "bad query string: " + e.getMessage());
            }
        }
        return out;
    }

    /** The token of an {@code Authorization: Bearer TOKEN} header, or null. */
    static String bearerToken(Function<String, String> headers) {
        String h = headers.apply("Authorization");
        if (h == null || h.length() <= BEARER.length() || !h.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String t = h.substring(BEARER.length()).strip();
        return t.isEmpty() ? null : t;
    }

    /** Most bytes of an oversized body read and thrown away so the 413 reaches the client intact. */
    private static final long DRAIN_CAP = 16L << 20;

    private static void discard(java.io.InputStream in, long cap) {
        byte[] buf = new byte[16384];
        long total = 0;
        try {
            for (int n; total < cap && (n = in.read(buf)) > 0; ) {
                total += n;
            }
        } catch (IOException e) {
            // the client went away or stalled: the connection ends anyway
        }
    }

    static String oneLine(Throwable t) {
        String msg = t.getMessage();
        return (t.getClass().getSimpleName() + (msg == null ? "" : ": " + msg)).replaceAll("[\\r\\n\\t]+", " ");
    }
}
