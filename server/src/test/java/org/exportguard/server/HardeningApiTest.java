package org.exportguard.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.json.Json;
import org.exportguard.store.Role;
import org.exportguard.store.Store;
import org.exportguard.store.StoreLocation;
import org.exportguard.testkit.CslCsv;
import org.exportguard.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13's weaknesses of the API that a server in this process shows over real HTTP on a real SQLite store: the
 * security headers on every answer (the transport's own errors too), error answers that name no server path and no
 * library class, and a token revoked through this server refused at once. The token cache runs on a clock the test
 * does NOT move, so "at once" cannot be the cache expiring.
 */
class HardeningApiTest {
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    Store store;
    StoreServer server;
    final TestClock clock = new TestClock();
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
    String admin, viewer;

    @BeforeEach
    void up() throws Exception {
        store = Store.open(StoreLocation.sqlite(dir.resolve("data")));
        admin = store.users().add("ada", Role.ADMIN, "test");
        viewer = store.users().add("vic", Role.VIEWER, "test");
        server = StoreServer.start(ServerConfig.defaults().withPort(0).withRate(1000, 1000)
                        .withTicker(clock.ticker()), store, 1 << 20, "test",
                new PrintStream(log, true, StandardCharsets.UTF_8));
        // A store without lists answers /api/screen 503 (fail closed): these tests screen, so lists come first.
        HttpResponse<String> imported = call("POST", "/api/lists?source=US-CSL&filename=csl.csv", admin,
                CslCsv.text(CslCsv.entity("el-1", "NSO Group")).getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(200, imported.statusCode(), imported.body());
    }

    @AfterEach
    void down() {
        server.close();
        store.close();
    }

    HttpResponse<String> call(String method, String path, String token, byte[] body, String contentType)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.api().uri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String json) throws Exception {
        return call("POST", path, token, json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    static void assertSecurityHeaders(String what, java.util.function.Function<String, String> header) {
        String csp = header.apply("Content-Security-Policy");
        assertTrue(csp != null && csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'")
                && !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), what + ": CSP " + csp);
        assertEquals("DENY", header.apply("X-Frame-Options"), what);
        assertEquals("no-referrer", header.apply("Referrer-Policy"), what);
        assertEquals("nosniff", header.apply("X-Content-Type-Options"), what);
        assertEquals("no-store", header.apply("Cache-Control"), what);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        List<HttpResponse<String>> answers = List.of(
                call("GET", "/health", null, null, null),
                call("GET", "/docs", null, null, null),
                call("GET", "/openapi.json", null, null, null),
                call("GET", "/no/such/route", null, null, null),
                call("DELETE", "/health", null, null, null),
                call("GET", "/api/lists", null, null, null),
                call("GET", "/api/users", viewer, null, null),
                post("/api/screen", viewer, "{\"name\":\"Jane Smith\"}"),
                post("/api/screen", viewer, "{\"name\":"));
        for (HttpResponse<String> r : answers) {
            assertSecurityHeaders(r.request().method() + " " + r.request().uri().getPath() + " " + r.statusCode(),
                    h -> r.headers().firstValue(h).orElse(null));
        }
        assertEquals(List.of(200, 200, 200, 404, 405, 401, 403, 200, 400),
                answers.stream().map(HttpResponse::statusCode).toList());
    }

    /** The docs page renders under the policy: its one inline style is allowed by hash, and it has no script. */
    @Test
    void theDocsPageNeedsNothingThePolicyForbids() throws Exception {
        HttpResponse<String> r = call("GET", "/docs", null, null, null);
        String style = r.body().replaceAll("(?s).*<style>(.*?)</style>.*", "$1");
        String hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest
                .getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8)));
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("'sha256-" + hash + "'"));
        assertFalse(r.body().contains("<script"), "no script on the docs page");
    }

    /** A request head the transport refuses before any route sees it: the same headers, JSON, no library name. */
    @Test
    void theTransportsOwnErrorsAreJsonWithTheSecurityHeaders() throws Exception {
        String raw = rawExchange("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(64 * 1024)
                + "\r\n\r\n");
        assertTrue(raw.startsWith("HTTP/1.1 431"), raw);
        Map<String, String> headers = headersOf(raw);
        assertSecurityHeaders("431", h -> headers.get(h.toLowerCase(java.util.Locale.ROOT)));
        assertFalse(raw.toLowerCase(java.util.Locale.ROOT).contains("jetty"), raw);
        String bad = rawExchange("GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(bad.startsWith("HTTP/1.1 400"), bad);
        assertFalse(bad.toLowerCase(java.util.Locale.ROOT).contains("jetty")
                || bad.contains("Exception"), bad);
    }

    @Test
    void errorsNameNoServerPathAndNoLibraryClass() throws Exception {
        // Jackson's own limits name its classes: `StreamReadConstraints.getMaxNestingDepth()`.
        assertClean(post("/api/screen", viewer, "[".repeat(1500) + "]".repeat(1500)), 400);
        assertClean(post("/api/screen", viewer, "{\"name\":" + "1".repeat(1500) + "}"), 400);
        assertClean(post("/api/screen", viewer, "{\"name\":\"x\", \"name\":\"y\"}"), 400);
        assertClean(call("POST", "/api/screen", viewer, new byte[]{'{', '"', (byte) 0xff, '"', ':', '1', '}'},
                "application/json"), 400);
        // A bad list file inside a zip, in a folder of its own: the reader's message names the temporary file.
        byte[] zip = zip(Map.of("lists/deeper/us-csl.csv", "not,a,list\n1,2\n".getBytes(StandardCharsets.UTF_8)));
        assertClean(call("POST", "/api/lists?source=US-CSL", admin, zip, "application/zip"), 400);
        assertClean(call("POST", "/api/lists?source=US-CSL&filename=csl.csv", admin,
                (CslCsv.text(CslCsv.entity("el-1", "NSO Group")) + "\"broken").getBytes(StandardCharsets.UTF_8),
                "text/csv"), 400);
    }

    private static void assertClean(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode j = Json.MAPPER.readTree(r.body());
        String error = j.get("error").asText();
        String tmp = System.getProperty("java.io.tmpdir");
        for (String leak : List.of(tmp, "exportguard-upload", "StreamReadConstraints", "com.fasterxml", "jackson",
                "java.", "Exception", "`", "/tmp/", System.getProperty("user.dir"))) {
            assertFalse(error.contains(leak), "'" + leak + "' in: " + error);
        }
        assertFalse(error.isBlank(), r.body());
    }

    @Test
    void aTokenRevokedThroughThisServerIsRefusedAtOnce() throws Exception {
        HttpResponse<String> added = post("/api/users", admin, "{\"name\":\"zed\",\"role\":\"viewer\"}");
        assertEquals(201, added.statusCode(), added.body());
        String token = Json.MAPPER.readTree(added.body()).get("token").asText();
        assertEquals(200, post("/api/screen", token, "{\"name\":\"x\"}").statusCode(), "cached as valid now");
        assertEquals(200, call("POST", "/api/users/zed/revoke", admin, null, null).statusCode());
        // The clock has not moved: a cached answer would still let the token through.
        assertEquals(401, post("/api/screen", token, "{\"name\":\"x\"}").statusCode(),
                "revoked through this server: refused from the next request on");
    }

    /** One request written on a plain socket, the answer read until the server closes or 5 s pass. */
    private String rawExchange(String request) throws Exception {
        URI u = server.api().uri();
        try (Socket s = new Socket(u.getHost(), u.getPort())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    got.write(buf, 0, n);
                    if (got.toString(StandardCharsets.ISO_8859_1).contains("}")) {
                        break; // the JSON error body is one object
                    }
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
                // what arrived is the answer
            }
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static Map<String, String> headersOf(String raw) {
        Map<String, String> h = new java.util.HashMap<>();
        for (String line : raw.split("\r\n\r\n", 2)[0].split("\r\n")) {
            int c = line.indexOf(':');
            if (c > 0) {
                h.put(line.substring(0, c).strip().toLowerCase(java.util.Locale.ROOT), line.substring(c + 1).strip());
            }
        }
        return h;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
