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
 * known token, 401 otherwise.
 */
class LoadGeneratorTest {
    static final String TOKEN = "viewer-token-0123456789";
    static HttpServer server;
    static URI uri;

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
    }

    @AfterAll
    static void down() {
        server.stop(0);
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
