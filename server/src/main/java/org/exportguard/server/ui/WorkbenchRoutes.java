package org.exportguard.server.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.json.Json;
import org.exportguard.server.ApiException;
import org.exportguard.server.ApiResponse;
import org.exportguard.server.Request;
import org.exportguard.server.Route;
import org.exportguard.server.auth.Authenticator;
import org.exportguard.server.auth.Caller;
import org.exportguard.server.json.Schemas;
import org.exportguard.store.Role;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The analyst workbench's routes: its page and assets (public: they hold no data; every datum comes from the API
 * after sign-in), sign-in with a user's token (a form post that sets the session cookie), the session's user, role
 * and CSRF token for the page's script, and sign-out. The pages call the same {@code /api/} routes as any client,
 * with the same role checks; {@link Sessions} is how the router accepts the cookie in place of a bearer token.
 */
public final class WorkbenchRoutes {
    private final Sessions sessions;
    private final Authenticator authenticator;
    private final Assets assets;

    public WorkbenchRoutes(Sessions sessions, Authenticator authenticator) {
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.assets = Assets.load();
    }

    public List<Route> routes() {
        // The asset route comes last: its {file} segment would also match /ui/session.
        return List.of(
                new Route("GET", "/", null, 0, "The analyst workbench (HTML; its data come from the API after sign-in)",
                        null, null, r -> assets.get("index.html")),
                new Route("POST", "/ui/signin", null, 4096, "Sign in to the workbench with a user's token (a form "
                        + "field 'token'): sets the HttpOnly, SameSite=Strict session cookie and redirects to /; an "
                        + "unknown token redirects to /?signin=failed", null, null, this::signIn)
                        .withErrors(Map.of(303, "signed in, or not (see the Location)", 403,
                                "posted from another site")),
                new Route("GET", "/ui/session", Role.VIEWER, 0, "Who is signed in, their role, and the CSRF token "
                        + "every change made with the session cookie must send as X-CSRF-Token", null,
                        Schemas.parse("""
                                {"type":"object","properties":{"name":{"type":"string"},"role":{"type":"string"},
                                  "csrf":{"type":["string","null"]}}}"""), this::session),
                new Route("POST", "/ui/signout", Role.VIEWER, 0, "End the workbench session (the cookie is "
                        + "forgotten by the server and the browser)", null, Schemas.parse("{\"type\":\"object\"}"),
                        this::signOut),
                new Route("GET", "/ui/{file}", null, 0, "The workbench's scripts and styles (no data)",
                        null, null, r -> assets.get(r.pathParams().get("file")))
                        .withErrors(Map.of(404, "no such asset")));
    }

    private ApiResponse signIn(Request r) throws ApiException {
        refuseOtherSites(r);
        String token = formField(new String(r.body(), StandardCharsets.UTF_8), "token");
        Optional<Caller> caller = token == null || token.isBlank() ? Optional.empty()
                : authenticator.authenticate(token.strip());
        if (caller.isEmpty()) {
            return redirect("/?signin=failed", Map.of());
        }
        Sessions.Session s = sessions.open(token.strip());
        return redirect("/", Map.of("Set-Cookie", sessions.cookie(s, r.overTls())));
    }

    private ApiResponse session(Request r) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("name", r.caller().name());
        o.put("role", r.caller().role().label());
        Optional<Sessions.Session> s = sessions.use(Sessions.sessionId(r.header("cookie")));
        o.put("csrf", s.map(Sessions.Session::csrf).orElse(null));
        return ApiResponse.ok(o);
    }

    private ApiResponse signOut(Request r) {
        sessions.close(Sessions.sessionId(r.header("cookie")));
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("signedOut", true);
        ApiResponse ok = ApiResponse.ok(o);
        return new ApiResponse(200, ok.contentType(), ok.body(),
                Map.of("Set-Cookie", Sessions.expiredCookie(r.overTls())));
    }

    /**
     * A sign-in posted from a page of another site is refused: a browser names the page's origin in {@code Origin},
     * which must then be this server's own (login CSRF would sign the victim in as the attacker).
     */
    private static void refuseOtherSites(Request r) throws ApiException {
        String origin = r.header("origin");
        String host = r.header("host");
        if (origin == null) { // not a browser's cross-site post: browsers send Origin on every POST
            return;
        }
        String originHost;
        try {
            URI u = URI.create(origin);
            originHost = u.getRawAuthority();
        } catch (IllegalArgumentException e) {
            originHost = null;
        }
        if (originHost == null || !originHost.equalsIgnoreCase(host)) {
            throw new ApiException(403, "sign-in posted from another site (" + origin + ")");
        }
    }

    /** One field of an {@code application/x-www-form-urlencoded} body, or null. */
    static String formField(String body, String name) throws ApiException {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                try {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw ApiException.badField(name, "'" + name + "' is not form-encoded: " + e.getMessage());
                }
            }
        }
        return null;
    }

    private static ApiResponse redirect(String location, Map<String, String> more) {
        Map<String, String> h = new java.util.HashMap<>(more);
        h.put("Location", location);
        return new ApiResponse(303, ApiResponse.HTML, new byte[0], Map.copyOf(h));
    }
}
