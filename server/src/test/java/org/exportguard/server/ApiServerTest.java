package org.exportguard.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.core.hash.Sha256;
import org.exportguard.json.Json;
import org.exportguard.server.auth.Authenticator;
import org.exportguard.server.auth.Caller;
import org.exportguard.store.Role;
import org.exportguard.testkit.CslCsv;
import org.exportguard.testkit.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API over real HTTP against a running server on an ephemeral port, with a real (small) list file. */
class ApiServerTest {
    static final String VIEWER = "viewer-token-0123456789";
    static final String ADMIN = "admin-token-0123456789";

    @TempDir
    static Path dir;
    static Path listFile;
    static ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    static ApiServer server;
    static HttpClient client = HttpClient.newHttpClient();

    /** Two users, vera (viewer) and ada (admin), known only by their tokens' hashes, as the store keeps them. */
    static Authenticator users() {
        Map<String, Caller> byHash = Map.of(Sha256.hex(VIEWER), new Caller("vera", Role.VIEWER),
                Sha256.hex(ADMIN), new Caller("ada", Role.ADMIN));
        return token -> java.util.Optional.ofNullable(byHash.get(Sha256.hex(token)));
    }

    static ApiServer start(ServerConfig cfg) throws Exception {
        ListService lists = ListService.load(ListProvider.paths(List.of(listFile)));
        PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
        return ApiServer.start(cfg, users(), lists, AuditTrail.log(log),
                List.of(), log);
    }

    @BeforeAll
    static void up() throws Exception {
        listFile = dir.resolve("csl.csv");
        CslCsv.write(listFile, CslCsv.entity("el-1", "NSO Group"),
                CslCsv.entity("el-2", "Candiru").aliases("Saito Tech Ltd.; Taveta Ltd."));
        server = start(ServerConfig.defaults().withPort(0).withRate(1000, 1000));
    }

    @AfterAll
    static void down() {
        server.close();
    }

    record Res(int status, String body, HttpResponse<String> raw) {
        JsonNode json() throws Exception {
            return Json.MAPPER.readTree(body);
        }
    }

    static Res call(ApiServer s, String method, String path, String token, HttpRequest.BodyPublisher body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.uri() + path)).method(method, body);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Res(r.statusCode(), r.body(), r);
    }

    static Res post(String path, String token, String json) throws Exception {
        return call(server, "POST", path, token, HttpRequest.BodyPublishers.ofString(json));
    }

    static Res get(String path, String token) throws Exception {
        return call(server, "GET", path, token, HttpRequest.BodyPublishers.noBody());
    }

    static void assertError(Res r, int status) throws Exception {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(r.json().get("error").isTextual(), r.body());
        assertFalse(r.body().contains("\tat ") || r.body().contains("Exception"), r.body());
    }

    @Test
    void screenGivesHitsInTheCliShape() throws Exception {
        Res r = post("/api/screen", VIEWER, "{\"name\":\"Saito Tech Ltd\",\"type\":\"organization\",\"country\":\"IL\"}");
        assertEquals(200, r.status(), r.body());
        JsonNode j = r.json();
        assertEquals("Saito Tech Ltd", j.get("query").asText());
        JsonNode hit = j.get("hits").get(0);
        assertEquals("el-2", hit.get("sourceId").asText());
        assertEquals("Candiru", hit.get("name").asText());
        for (String f : List.of("source", "type", "matchedName", "score", "explanation")) {
            assertNotNull(hit.get(f), f);
        }
        r = post("/api/screen", VIEWER, "{\"name\":\"Jane Smith\"}");
        assertEquals(0, r.json().get("hits").size(), r.body());
    }

    @Test
    void matchGivesScoreMatchAndExplanation() throws Exception {
        Res r = post("/api/match", VIEWER, "{\"name1\":\"Vladimir Puttin\",\"name2\":\"PUTIN, Vladimir\",\"type\":\"person\"}");
        assertEquals(200, r.status(), r.body());
        JsonNode j = r.json();
        assertTrue(j.get("score").asDouble() > 0.85, r.body());
        assertTrue(j.get("match").asBoolean(), r.body());
        assertFalse(j.get("explanation").asText().isEmpty(), r.body());
        assertTrue(j.get("details").isObject(), r.body());
    }

    @Test
    void withoutAGoodTokenIs401() throws Exception {
        assertError(post("/api/screen", null, "{\"name\":\"x\"}"), 401);
        Res r = post("/api/screen", "not-a-token", "{\"name\":\"x\"}");
        assertError(r, 401);
        assertEquals("Bearer", r.raw().headers().firstValue("WWW-Authenticate").orElse(""));
        assertError(get("/api/lists", null), 401);
    }

    @Test
    void anAnswerGivenWithoutReadingTheBodyClosesTheConnectionAndSaysSo() throws Exception {
        Res r = post("/api/screen", null, "{\"name\":\"x\"}");
        assertError(r, 401);
        // else the client reuses a connection the server is closing, and its next request fails with no answer
        assertEquals("close", r.raw().headers().firstValue("Connection").orElse(""));
        Res read = post("/api/screen", ADMIN, "{\"name\":\"x\"}");
        assertEquals(200, read.status(), read.body());
        assertEquals("", read.raw().headers().firstValue("Connection").orElse(""), "a read body keeps the connection");
    }

    @Test
    void aRoleTooLowIs403AndAdminReloadsForReal() throws Exception {
        assertError(call(server, "POST", "/api/lists/reload", VIEWER, HttpRequest.BodyPublishers.noBody()), 403);
        Res before = get("/api/lists", VIEWER);
        assertEquals(200, before.status(), before.body());
        assertEquals("US-CSL", before.json().get("lists").get(0).get("id").asText(), before.body());

        // A server of its own, so only its list file changes: add an entry, reload, and it is screened at once.
        Path own = dir.resolve("reload");
        Files.createDirectories(own);
        Path file = own.resolve("csl.csv");
        CslCsv.write(file, CslCsv.entity("el-1", "NSO Group"));
        ByteArrayOutputStream ownLog = new ByteArrayOutputStream();
        ApiServer s = ApiServer.start(ServerConfig.defaults().withPort(0),
                users(),
                ListService.load(ListProvider.paths(List.of(file))),
                AuditTrail.log(new PrintStream(ownLog, true, StandardCharsets.UTF_8)), List.of(),
                System.err);
        try {
            CslCsv.write(file, CslCsv.entity("el-1", "NSO Group"), CslCsv.entity("el-9", "Positive Technologies"));
            Res r = call(s, "POST", "/api/lists/reload", ADMIN, HttpRequest.BodyPublishers.noBody());
            assertEquals(200, r.status(), r.body());
            assertEquals(2, r.json().get("parties").asInt(), r.body());
            assertEquals(2, r.json().get("version").asInt(), r.body());
            Res hit = call(s, "POST", "/api/screen", VIEWER,
                    HttpRequest.BodyPublishers.ofString("{\"name\":\"Positive Technologies\"}"));
            assertEquals("el-9", hit.json().get("hits").get(0).get("sourceId").asText(), hit.body());
            assertTrue(ownLog.toString(StandardCharsets.UTF_8).contains("ada (admin) lists.reload"));

            // A broken file: the reload fails and the old lists keep serving.
            Files.writeString(file, "not a list at all\n");
            r = call(s, "POST", "/api/lists/reload", ADMIN, HttpRequest.BodyPublishers.noBody());
            assertError(r, 500);
            assertTrue(r.json().get("error").asText().contains("unchanged"), r.body());
            r = call(s, "GET", "/api/lists", VIEWER, HttpRequest.BodyPublishers.noBody());
            assertEquals(2, r.json().get("version").asInt(), r.body());
        } finally {
            s.close();
        }
    }

    @Test
    void malformedBodiesAre400NamingTheField() throws Exception {
        Map<String, String> cases = Map.of(
                "{}", "name",
                "{\"name\":\"  \"}", "name",
                "{\"name\":42}", "name",
                "{\"name\":\"x\",\"type\":\"planet\"}", "type",
                "{\"name\":\"x\",\"nmae\":\"y\"}", "nmae",
                "{\"name\":\"x\",\"name\":\"y\"}", "name");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Res r = post("/api/screen", VIEWER, c.getKey());
            assertError(r, 400);
            assertEquals(c.getValue(), r.json().path("field").asText(), c.getKey() + " -> " + r.body());
        }
        Res r = post("/api/match", VIEWER, "{\"name1\":\"a\"}");
        assertError(r, 400);
        assertEquals("name2", r.json().get("field").asText());
        for (String bad : List.of("", "{\"name\":", "[1]", "{\"name\":\"x\"} trailing")) {
            assertError(post("/api/screen", VIEWER, bad), 400);
        }
    }

    @Test
    void aNameOverTheLimitsIs400NamingTheFieldAndTheLimit() throws Exception {
        // 70 KB in one word used to run the server out of memory; it fits the body limit, so the name limit says no
        Res r = post("/api/screen", VIEWER, "{\"name\":\"" + "a".repeat(70_000) + "\"}");
        assertError(r, 400);
        assertEquals("name", r.json().path("field").asText(), r.body());
        assertTrue(r.json().path("error").asText().contains("at most 1000"), r.body());
        r = post("/api/match", VIEWER, "{\"name1\":\"x\",\"name2\":\"" + "w ".repeat(101) + "\"}");
        assertError(r, 400);
        assertEquals("name2", r.json().path("field").asText(), r.body());
        // the largest name allowed is screened, and answers
        r = post("/api/screen", VIEWER, "{\"name\":\"" + "b".repeat(1000) + "\"}");
        assertEquals(200, r.status(), r.body());
    }

    @Test
    void aBodyOverTheLimitIs413EvenWithoutContentLength() throws Exception {
        String big = "{\"name\":\"" + "a".repeat((int) ServerConfig.DEFAULT_MAX_JSON) + "\"}";
        assertError(post("/api/screen", VIEWER, big), 413);
        // Chunked: no Content-Length, so the limit is enforced while reading.
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        Res r = call(server, "POST", "/api/screen", VIEWER,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
        assertError(r, 413);
    }

    /**
     * The limiter runs on a clock the test moves, so five calls are "at once" however slow the machine, and the
     * refill is checked exactly, without sleeping.
     */
    @Test
    void tooManyRequestsFromOneTokenIs429WithRetryAfter() throws Exception {
        TestClock clock = new TestClock();
        ApiServer slow = start(ServerConfig.defaults().withPort(0).withRate(0.5, 3).withTicker(clock.ticker()));
        try {
            List<Integer> codes = new ArrayList<>();
            Res last = null;
            for (int i = 0; i < 5; i++) {
                last = call(slow, "GET", "/api/lists", VIEWER, HttpRequest.BodyPublishers.noBody());
                codes.add(last.status());
            }
            assertEquals(List.of(200, 200, 200, 429, 429), codes);
            assertError(last, 429);
            assertEquals("2", last.raw().headers().firstValue("Retry-After").orElse(""), "one unit at 0.5/s");
            // Another token has its own bucket.
            assertEquals(200, call(slow, "GET", "/api/lists", ADMIN, HttpRequest.BodyPublishers.noBody()).status());
            // After the 2 s it was told to wait, one more call goes through, and only one.
            clock.advance(Duration.ofSeconds(2));
            assertEquals(200, call(slow, "GET", "/api/lists", VIEWER, HttpRequest.BodyPublishers.noBody()).status());
            assertEquals(429, call(slow, "GET", "/api/lists", VIEWER, HttpRequest.BodyPublishers.noBody()).status());
        } finally {
            slow.close();
        }
    }

    @Test
    void unknownRouteIs404AndWrongMethodIs405() throws Exception {
        assertError(get("/api/nothing", VIEWER), 404);
        assertError(get("/nothing", null), 404); // "/" is the workbench now
        Res r = get("/api/screen", VIEWER);
        assertError(r, 405);
        assertEquals("POST", r.raw().headers().firstValue("Allow").orElse(""));
        assertError(call(server, "DELETE", "/health", null, HttpRequest.BodyPublishers.noBody()), 405);
    }

    @Test
    void healthNeedsNoToken() throws Exception {
        Res r = get("/health", null);
        assertEquals(200, r.status(), r.body());
        assertEquals("ok", r.json().get("status").asText());
        assertEquals(2, r.json().get("parties").asInt());
    }

    @Test
    void openApiListsEveryRouteAndDocsRenderIt() throws Exception {
        Res r = get("/openapi.json", null);
        assertEquals(200, r.status(), r.body());
        JsonNode doc = r.json();
        assertTrue(doc.get("openapi").asText().startsWith("3."));
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
            operations += it.next().getValue().size();
        }
        assertEquals(server.routes().size(), operations);
        for (Route route : server.routes()) {
            JsonNode op = doc.get("paths").path(route.path()).path(route.method().toLowerCase());
            assertFalse(op.isMissingNode(), route.method() + " " + route.path());
            if (!route.isPublic()) {
                assertEquals(route.minRole().label(), op.get("x-min-role").asText());
            }
        }
        assertEquals("admin", doc.at("/paths/~1api~1lists~1reload/post/x-min-role").asText());
        for (String path : List.of("/paths/~1api~1screen/post", "/paths/~1api~1match/post")) {
            assertTrue(doc.at(path).toString().contains("\"maxLength\":1000"), path + " documents the name limit");
        }
        Res docs = get("/docs", null);
        assertEquals(200, docs.status());
        assertTrue(docs.raw().headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        for (Route route : server.routes()) {
            assertTrue(docs.body().contains(route.path()), route.path());
        }
        assertFalse(docs.body().contains("<script"), "no scripts: works offline");
    }

    @Test
    void aFailingHandlerIsAGeneric500AndOneLogLine() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Route boom = new Route("GET", "/api/boom", Role.VIEWER, 0, "fails", null, null,
                r -> {
                    throw new IllegalStateException("secret detail\nsecond line");
                });
        try (ApiServer s = ApiServer.start(ServerConfig.defaults().withPort(0),
                users(), ListService.load(ListProvider.paths(List.of(listFile))),
                AuditTrail.log(System.err), List.of(boom), new PrintStream(log, true, StandardCharsets.UTF_8))) {
            Res r = call(s, "GET", "/api/boom", VIEWER, HttpRequest.BodyPublishers.noBody());
            assertError(r, 500);
            assertEquals("internal error", r.json().get("error").asText());
            assertFalse(r.body().contains("secret"));
            String logged = log.toString(StandardCharsets.UTF_8);
            assertEquals(1, logged.strip().split("\n").length, logged);
            assertTrue(logged.contains("GET /api/boom") && logged.contains("secret detail second line"), logged);
            // The extra route is in the OpenAPI document too.
            assertTrue(call(s, "GET", "/openapi.json", null, HttpRequest.BodyPublishers.noBody()).body()
                    .contains("/api/boom"));
        }
    }
}
