package org.exportguard.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.exportguard.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The load generator ({@code bench serve}) against a stand-in for {@code POST /api/screen} on the JDK's HTTP server
 * (the server module's own: the real API is tested in the server module): 200 with the query echoed for the one
 * known token, 401 otherwise; and a second stand-in that answers every request 200 with a wrong body.
 */
class LoadGeneratorTest {
    static final String TOKEN = "viewer-token-0123456789";
    static HttpServer server;
    static URI uri;
    static HttpServer wrong;
    static URI wrongUri;
    /** The wrong answers the second stand-in gives in turn, all with status 200. */
    static final List<String> WRONG_BODIES = List.of(
            "{\"query\":\"someone else\",\"hits\":[]}",     // not the name sent
            "{\"query\":\"%s\"}",                           // no hits
            "{\"query\":\"%s\",\"hits\":{}}",               // hits not an array
            "{\"query\":\"%s\",\"hits\":[",                 // cut short
            "[]",                                             // not an object
            "",                                               // empty
            "{\"query\":\"%s\",\"hits\":[]} {}",             // trailing content
            "<html>ok</html>");

    @BeforeAll
    static void up() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/screen", ex -> {
            byte[] body;
            int status;
            try (InputStream in = ex.getRequestBody()) {
                JsonNode req = Json.MAPPER.readTree(in.readAllBytes());
                if (("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                    status = 200;
                    body = Json.line(Json.object().put("query", req.path("name").asText()).set("hits",
                            Json.array())).getBytes(StandardCharsets.UTF_8);
                } else {
                    status = 401;
                    body = "{\"error\":\"unknown token\"}".getBytes(StandardCharsets.UTF_8);
                }
            }
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());

        java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
        wrong = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        wrong.createContext("/api/screen", ex -> {
            String name;
            try (InputStream in = ex.getRequestBody()) {
                name = Json.MAPPER.readTree(in.readAllBytes()).path("name").asText();
            }
            String text = WRONG_BODIES.get(Math.floorMod(turn.getAndIncrement(), WRONG_BODIES.size()));
            byte[] body = text.replace("%s", name).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        wrong.setExecutor(Executors.newFixedThreadPool(2));
        wrong.start();
        wrongUri = URI.create("http://127.0.0.1:" + wrong.getAddress().getPort());
    }

    @AfterAll
    static void down() {
        server.stop(0);
        wrong.stop(0);
    }

    @Test
    void aTwoHundredWithTheWrongBodyIsAnError() throws Exception {
        int n = WRONG_BODIES.size() * 3;
        JsonNode r = new LoadGenerator(new LoadGenerator.Plan(wrongUri, TOKEN, List.of("NSO Group", "Jane Smith"),
                1, 10, 0, 0, n)).run();
        assertEquals(n, r.get("requests").asInt(), r.toString());
        assertEquals(n, r.get("errors").asInt(), r.toString());
        assertEquals(n, r.get("outcomes").get(LoadGenerator.BAD_BODY).asInt(), r.toString());
        assertTrue(r.get("outcomes").path("200").isMissingNode(), r.toString());
    }

    @Test
    void aScreenAnswerEchoesTheQueryAndHasHits() {
        assertTrue(answer("{\"query\":\"NSO Group\",\"hits\":[{\"source\":\"US-CSL\",\"score\":1.0}]}", "NSO Group"));
        assertTrue(answer("{\"id\":null,\"query\":\"Zoë\",\"hits\":[]}", "Zoë"));
        assertTrue(answer("{\"hits\":[],\"query\":\"x\"} \n", "x"));
        for (String bad : WRONG_BODIES) {
            assertTrue(!answer(bad.replace("%s", "x"), "x"), bad);
        }
        assertTrue(!answer("{\"query\":\"x\",\"hits\":[1,]}", "x"), "malformed inside hits");
    }

    private static boolean answer(String body, String name) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return LoadGenerator.screenAnswer(b, b.length, name);
    }

    @Test
    void loadGeneratorCountsAnswersAndStaysOnThisMachine() throws Exception {
        LoadGenerator g = new LoadGenerator(new LoadGenerator.Plan(uri, TOKEN,
                List.of("NSO Group", "Jane Smith", "Saito Tech"), 4, 10, 0, 0, 200));
        JsonNode r = g.run();
        assertEquals(200, r.get("requests").asInt(), r.toString());
        assertEquals(0, r.get("errors").asInt(), r.toString());
        assertEquals(200, r.get("outcomes").get("200").asInt(), r.toString());
        assertTrue(r.get("p99_ms").asDouble() >= r.get("p50_ms").asDouble(), r.toString());
        // A wrong token: every answer is an error, counted by status.
        r = new LoadGenerator(new LoadGenerator.Plan(uri, "wrong", List.of("x"), 2, 10, 0, 0, 20)).run();
        assertEquals(20, r.get("errors").asInt(), r.toString());
        assertEquals(20, r.get("outcomes").get("401").asInt(), r.toString());
        assertThrows(IllegalArgumentException.class, () -> new LoadGenerator(new LoadGenerator.Plan(
                URI.create("http://192.0.2.1:8080"), TOKEN, List.of("x"), 1, 1, 0, 0, 1)));
    }
}
