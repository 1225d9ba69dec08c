package org.exportguard.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.core.hash.Sha256;
import org.exportguard.json.Json;
import org.exportguard.server.auth.Authenticator;
import org.exportguard.server.auth.Caller;
import org.exportguard.store.Role;
import org.exportguard.testkit.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /api/screen} on a real server over the real OFAC SDN set: every hit carries its listed entry's
 * details (in full: the workbench shows them), the query's dob, country and identifiers move the score and say so,
 * bad evidence is a 400 naming the field, and the OpenAPI document describes all of it.
 */
class ScreenEvidenceApiTest {
    static final String VIEWER = "viewer-token-evidence-0123";
    static ApiServer server;
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void up() throws Exception {
        Authenticator users = token -> java.util.Optional.ofNullable(
                Map.of(Sha256.hex(VIEWER), new Caller("vera", Role.VIEWER)).get(Sha256.hex(token)));
        PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        ListService lists = ListService.load(ListProvider.paths(List.of(SharedData.list("ofac-sdn-2021"))));
        server = ApiServer.start(ServerConfig.defaults().withPort(0).withRate(1000, 1000), users, lists,
                AuditTrail.log(log), List.of(), log);
    }

    @AfterAll
    static void down() {
        if (server != null) {
            server.close();
        }
    }

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.uri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + VIEWER);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode hitOn(JsonNode answer, String id) {
        for (JsonNode h : answer.get("hits")) {
            if (h.get("sourceId").asText().equals(id)) {
                return h;
            }
        }
        throw new AssertionError("no hit on " + id + ": " + answer);
    }

    @Test
    void hitsCarryTheEntrysDetailsInFull() throws Exception {
        HttpResponse<String> r = send("POST", "/api/screen", "{\"name\":\"Banco Nacional de Cuba\"}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode hit = hitOn(Json.MAPPER.readTree(r.body()), "306");
        JsonNode e = hit.get("entry");
        assertEquals("OFAC-SDN", e.get("source").asText());
        assertEquals("CUBA", e.get("programs").get(0).asText());
        assertEquals(4, e.get("addresses").size(), e.toString());
        // The kind the list gives the alias (OFAC: a.k.a., f.k.a., n.k.a.) is kept.
        assertTrue(e.get("names").toString().contains("{\"name\":\"BNC\",\"kind\":\"alias\",\"aliasKind\":\"a.k.a.\","
                + "\"strength\":\"weak\""), e.toString());
        assertEquals("a.k.a. 'BNC'.", e.get("remarks").asText());
        assertTrue(e.get("listVersion").get("sha256").asText().length() >= 64, e.toString());
        assertFalse(hit.has("evidence"));
    }

    @Test
    void evidenceFieldsMoveTheScoreAndSaySo() throws Exception {
        HttpResponse<String> r = send("POST", "/api/screen", "{\"name\":\"Aiman al Zawahiri\",\"type\":\"person\","
                + "\"dob\":\"1951-06-19\",\"identifiers\":[{\"type\":\"passport\",\"number\":\"1084010\"}]}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode hit = hitOn(Json.MAPPER.readTree(r.body()), "2676");
        JsonNode items = hit.get("evidence").get("items");
        assertEquals("identifier", items.get(0).get("field").asText());
        assertEquals(0.3, items.get(0).get("effect").asDouble(), 1e-9);
        assertEquals("same day", items.get(1).get("note").asText());
        assertEquals(1.0, hit.get("score").asDouble(), 1e-9);

        r = send("POST", "/api/screen", "{\"name\":\"Aiman al Zawahiri\",\"dob\":\"1990\"}");
        JsonNode lowered = hitOn(Json.MAPPER.readTree(r.body()), "2676");
        assertEquals("conflict", lowered.get("evidence").get("items").get(0).get("result").asText());
        assertTrue(lowered.get("score").asDouble() < lowered.get("evidence").get("nameScore").asDouble());
    }

    @Test
    void badEvidenceIs400NamingTheField() throws Exception {
        for (String[] c : new String[][]{
                {"{\"name\":\"x\",\"dob\":\"19/06/1951\"}", "dob"},
                {"{\"name\":\"x\",\"country\":\"Atlantis\"}", "country"},
                {"{\"name\":\"x\",\"identifiers\":\"passport:1\"}", "identifiers"},
                {"{\"name\":\"x\",\"identifiers\":[{\"type\":\"shoe-size\",\"number\":\"42\"}]}", "identifiers[0]"},
                {"{\"name\":\"x\",\"identifiers\":[{\"type\":\"passport\"}]}", "identifiers[0]"}}) {
            HttpResponse<String> r = send("POST", "/api/screen", c[0]);
            assertEquals(400, r.statusCode(), c[0] + " -> " + r.body());
            assertEquals(c[1], Json.MAPPER.readTree(r.body()).get("field").asText(), r.body());
        }
    }

    @Test
    void theOpenApiDocumentDescribesEntryAndEvidence() throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(server.uri() + "/openapi.json"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode doc = Json.MAPPER.readTree(r.body());
        JsonNode screen = doc.at("/paths/~1api~1screen/post");
        String text = screen.toString();
        for (String key : List.of("\"entry\"", "\"evidence\"", "\"nameScore\"", "\"datesOfBirth\"",
                "\"identifiers\"", "\"listVersion\"", "\"dob\"", "\"swift-bic\"")) {
            assertTrue(text.contains(key), key + " in " + text);
        }
    }
}
