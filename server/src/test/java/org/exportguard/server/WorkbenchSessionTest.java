package org.exportguard.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.json.Json;
import org.exportguard.store.Role;
import org.exportguard.store.Store;
import org.exportguard.store.StoreLocation;
import org.exportguard.testkit.DealJson;
import org.exportguard.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workbench's sessions over real HTTP on a real store: sign-in with a token sets an HttpOnly, SameSite=Strict
 * cookie; a change made with the cookie needs the session's CSRF token (403 without, nothing stored); roles are the
 * API's; a sign-in posted from another site is refused; sessions end on sign-out and after 30 idle minutes (a test
 * clock, no sleeping).
 */
class WorkbenchSessionTest {
    static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    Path dir;
    Store store;
    StoreServer server;
    final TestClock clock = new TestClock();
    String analyst;
    String viewer;

    @BeforeEach
    void up() throws Exception {
        store = Store.open(StoreLocation.sqlite(dir.resolve("data")));
        analyst = store.users().add("ann", Role.ANALYST, "test");
        viewer = store.users().add("vic", Role.VIEWER, "test");
        server = StoreServer.start(ServerConfig.defaults().withPort(0).withRate(1000, 1000)
                        .withTicker(clock.ticker()), store, 1 << 20, "test",
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void down() {
        server.close();
        store.close();
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.api().uri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in with {@code token}; the session cookie's value. */
    String signIn(String token) throws Exception {
        HttpResponse<String> r = send("POST", "/ui/signin", "token=" + token,
                "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(303, r.statusCode());
        assertEquals("/", r.headers().firstValue("Location").orElseThrow());
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"),
                cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP: a Secure cookie would never come back");
        return cookie.substring("eg_session=".length(), cookie.indexOf(';'));
    }

    JsonNode session(String cookie) throws Exception {
        HttpResponse<String> r = send("GET", "/ui/session", null, "Cookie", "eg_session=" + cookie);
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void anUnknownTokenSignsNobodyIn() throws Exception {
        HttpResponse<String> r = send("POST", "/ui/signin", "token=eg_nobody",
                "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(303, r.statusCode());
        assertEquals("/?signin=failed", r.headers().firstValue("Location").orElseThrow());
        assertTrue(r.headers().firstValue("Set-Cookie").isEmpty());
        assertEquals(401, send("GET", "/ui/session", null, "Cookie", "eg_session=made-up").statusCode());
    }

    @Test
    void aChangeMadeWithTheCookieNeedsTheSessionsCsrfToken() throws Exception {
        String cookie = signIn(analyst);
        JsonNode me = session(cookie);
        assertEquals("ann", me.get("name").asText());
        assertEquals("analyst", me.get("role").asText());
        String csrf = me.get("csrf").asText();
        String deal = DealJson.usSoftware("d-1", "Someone Ltd", "DE").json();

        HttpResponse<String> forged = send("POST", "/api/deals", deal, "Cookie", "eg_session=" + cookie,
                "Content-Type", "text/plain");
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("CSRF"), forged.body());
        assertEquals(403, send("POST", "/api/deals", deal, "Cookie", "eg_session=" + cookie,
                "X-CSRF-Token", csrf + "x").statusCode());
        assertTrue(store.deals().get("d-1").isEmpty(), "a refused change stores nothing");

        assertEquals(201, send("POST", "/api/deals", deal, "Cookie", "eg_session=" + cookie,
                "X-CSRF-Token", csrf).statusCode());
        assertTrue(store.deals().get("d-1").isPresent());
        assertEquals(200, send("GET", "/api/deals/d-1", null, "Cookie", "eg_session=" + cookie).statusCode(),
                "reading needs no CSRF token");
    }

    @Test
    void rolesAreTheApisAndASignInFromAnotherSiteIsRefused() throws Exception {
        String cookie = signIn(viewer);
        String csrf = session(cookie).get("csrf").asText();
        assertEquals(403, send("POST", "/api/deals", DealJson.usSoftware("d-2", "X Ltd", "DE").json(),
                "Cookie", "eg_session=" + cookie, "X-CSRF-Token", csrf).statusCode());
        assertEquals(403, send("GET", "/api/audit", null, "Cookie", "eg_session=" + cookie).statusCode());
        HttpResponse<String> r = send("POST", "/ui/signin", "token=" + analyst,
                "Content-Type", "application/x-www-form-urlencoded", "Origin", "http://evil.example");
        assertEquals(403, r.statusCode());
        assertTrue(r.headers().firstValue("Set-Cookie").isEmpty());
    }

    @Test
    void aSessionEndsOnSignOutAndAfterThirtyIdleMinutes() throws Exception {
        String cookie = signIn(analyst);
        String csrf = session(cookie).get("csrf").asText();
        assertEquals(403, send("POST", "/ui/signout", null, "Cookie", "eg_session=" + cookie).statusCode(),
                "signing out is a change too: a forged sign-out is refused");
        HttpResponse<String> out = send("POST", "/ui/signout", null, "Cookie", "eg_session=" + cookie,
                "X-CSRF-Token", csrf);
        assertEquals(200, out.statusCode());
        assertTrue(out.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
        assertEquals(401, send("GET", "/ui/session", null, "Cookie", "eg_session=" + cookie).statusCode());

        String other = signIn(analyst);
        clock.advance(Duration.ofMinutes(29));
        session(other); // used: the idle time starts again
        clock.advance(Duration.ofMinutes(29));
        session(other);
        clock.advance(Duration.ofMinutes(31));
        assertEquals(401, send("GET", "/ui/session", null, "Cookie", "eg_session=" + other).statusCode());
    }

    @Test
    void thePageAndItsAssetsCarryAStrictContentSecurityPolicy() throws Exception {
        for (String path : List.of("/", "/ui/app.js", "/ui/style.css")) {
            HttpResponse<String> r = send("GET", path, null);
            assertEquals(200, r.statusCode(), path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'")
                    && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe"), csp);
        }
        // Jetty refuses an encoded '/' in a path itself (400, ambiguous); anything else unknown under /ui/ is a 404.
        int escape = send("GET", "/ui/..%2Fsecret", null).statusCode();
        assertTrue(escape == 400 || escape == 404, "status " + escape);
        assertEquals(404, send("GET", "/ui/no-such-asset.js", null).statusCode());
        HttpResponse<String> html = send("GET", "/", null);
        assertFalse(html.body().contains("<script>") || html.body().contains(" style="), "no inline script or style");
    }
}
