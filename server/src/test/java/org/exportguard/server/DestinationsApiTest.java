package org.exportguard.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.json.Json;
import org.exportguard.store.Role;
import org.exportguard.store.Store;
import org.exportguard.store.StoreLocation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/destinations} over real HTTP on a real store, with the shipped policy pack: the Israeli cyber
 * group either side of its reported cut on 2021-11-01 (unknown before: no names of the earlier list are known; AE
 * and MX off it after), unknown again where the list is known to be incomplete (2022), the regime view, the
 * provenance every answer carries, and bad requests named by field. The routes only read, so one server serves all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DestinationsApiTest {
    private static final String IL37 = "/api/destinations?group=IL_DECA_CYBER_REPORTED_37";

    @TempDir
    static Path dir;
    Store store;
    StoreServer server;
    String viewer;

    @BeforeAll
    void up() throws Exception {
        store = Store.open(StoreLocation.sqlite(dir.resolve("data")));
        viewer = store.users().add("vic", Role.VIEWER, "test");
        server = StoreServer.start(ServerConfig.defaults().withPort(0).withRate(1000, 1000), store, 1024, "test",
                new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterAll
    void down() {
        server.close();
        store.close();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.api().uri() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return StoreApiTest.CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(String path) throws Exception {
        HttpResponse<String> r = get(path, viewer);
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    private static JsonNode country(JsonNode answer, String code) {
        for (JsonNode c : answer.get("countries")) {
            if (c.get("code").asText().equals(code)) {
                return c;
            }
        }
        throw new AssertionError("no country " + code);
    }

    private static List<String> withStatus(JsonNode answer, String status) {
        List<String> out = new ArrayList<>();
        answer.get("countries").forEach(c -> {
            if (c.get("status").asText().equals(status)) {
                out.add(c.get("code").asText());
            }
        });
        return out;
    }

    @Test
    void aViewerMayReadItAndNobodyWithoutAToken() throws Exception {
        assertEquals(401, get(IL37 + "&asOf=2021-11-01", null).statusCode());
        assertEquals(401, get("/api/destinations/choices", null).statusCode());
        JsonNode choices = ok("/api/destinations/choices");
        assertTrue(choices.get("groups").toString().contains("\"IL_DECA_CYBER_REPORTED_37\""), choices.toString());
        assertTrue(choices.get("regimes").toString().contains("\"IL-DECA\""), choices.toString());
    }

    @Test
    void theIsraeliGroupIsUnknownBeforeTheCutAndCutTo37OnTheDay() throws Exception {
        JsonNode before = ok(IL37 + "&asOf=2021-10-31");
        assertEquals("2021-10-31", before.get("asOf").asText());
        assertTrue(withStatus(before, "member").isEmpty() && withStatus(before, "not-member").isEmpty(),
                "no country of the earlier 102 is known: all unknown, none shown as out (or in)");
        JsonNode ae = country(before, "AE");
        assertEquals("unknown", ae.get("status").asText());
        assertTrue(ae.get("why").get(0).asText().contains("no version in force"), ae.toString());
        assertTrue(before.get("groups").get(0).get("version").isNull());

        JsonNode after = ok(IL37 + "&asOf=2021-11-01");
        assertEquals(37, withStatus(after, "member").size());
        assertTrue(withStatus(after, "unknown").isEmpty(), "the 37 are a complete list until 2021-12-31");
        for (String left : List.of("AE", "MX")) {
            JsonNode c = country(after, left);
            assertEquals("not-member", c.get("status").asText(), c.toString());
            assertEquals("IL-DECA-CYBER-OFF-LIST", c.get("rules").get(0).get("rule").asText());
            assertEquals("holds", c.get("rules").get(0).get("destination").asText());
        }
        assertEquals("United Arab Emirates", country(after, "AE").get("name").asText());
        assertEquals("member", country(after, "DE").get("status").asText());
        assertEquals(0, country(after, "DE").get("rules").size(), "a member: the off-list rule does not hold");
    }

    @Test
    void groupsAndRulesCarryTheirSourcesAndVerifiedFlags() throws Exception {
        JsonNode after = ok(IL37 + "&asOf=2021-11-01");
        JsonNode group = after.get("groups").get(0);
        assertEquals("partial", group.get("verified").asText());
        assertEquals(false, group.get("authoritative").asBoolean());
        assertTrue(group.get("source").size() >= 2, group.toString());
        assertEquals(true, group.get("version").get("complete").asBoolean());
        JsonNode rule = after.get("rules").get(0);
        assertEquals("IL-DECA-CYBER-OFF-LIST", rule.get("id").asText());
        assertEquals("2021-11-01", rule.get("from").asText());
        assertEquals("partial", rule.get("verified").asText());
        assertTrue(rule.get("source").get(0).asText().contains("govinfosecurity"), rule.toString());
        assertEquals("IL_DECA_CYBER_REPORTED_37", rule.get("destination").get("notIn").get(0).asText());
    }

    @Test
    void aCountryOffTheListIsUnknownOnceTheListIsKnownToBeIncomplete() throws Exception {
        JsonNode later = ok(IL37 + "&asOf=2022-06-01");
        JsonNode ae = country(later, "AE");
        assertEquals("unknown", ae.get("status").asText(), "the unnamed 38th country may be AE");
        assertEquals("unknown", ae.get("memberships").get(0).get("membership").asText());
        assertEquals("unknown", ae.get("rules").get(0).get("destination").asText());
        assertEquals("member", country(later, "FR").get("status").asText());
    }

    @Test
    void aRegimeIsColouredByItsDestinationRules() throws Exception {
        JsonNode after = ok("/api/destinations?regime=IL-DECA&asOf=2021-11-01");
        assertEquals("regime", after.get("kind").asText());
        assertEquals("member", country(after, "AE").get("status").asText(), "the off-list rule holds for AE");
        assertEquals("not-member", country(after, "DE").get("status").asText());
        assertTrue(after.get("rules").toString().contains("\"anyDestination\":true"), "the licence rule, apart");
        assertEquals("not-member", country(ok("/api/destinations?regime=IL-DECA&asOf=2021-10-31"), "AE")
                .get("status").asText(), "no IL-DECA destination rule in force before the cut");
        JsonNode one = ok("/api/destinations?regime=IL-DECA&rule=IL-DECA-CYBER-OFF-LIST&asOf=2022-06-01");
        assertEquals("unknown", country(one, "AE").get("status").asText());
        assertEquals(1, country(one, "AE").get("why").size(), "each reason once: " + country(one, "AE"));
        assertEquals("not-member", country(one, "FR").get("status").asText(), "a member: the rule does not hold");
        JsonNode choices = ok("/api/destinations/choices");
        assertTrue(choices.get("regimes").toString().contains("\"destinationRules\":[\"IL-DECA-CYBER-OFF-LIST\"]"),
                choices.get("regimes").toString());
    }

    @Test
    void badRequestsAreNamedByField() throws Exception {
        for (String[] c : new String[][]{
                {"/api/destinations", "group"},
                {"/api/destinations?group=IL_DECA_CYBER_REPORTED_37&regime=IL-DECA", "regime"},
                {"/api/destinations?group=NOPE", "group"},
                {"/api/destinations?regime=NOPE", "regime"},
                {IL37 + "&asOf=2021-13-01", "asOf"},
                {IL37 + "&rule=IL-DECA-CYBER-OFF-LIST", "rule"},
                {"/api/destinations?regime=IL-DECA&rule=US-ACE-GOV-D", "rule"}}) {
            HttpResponse<String> r = get(c[0], viewer);
            assertEquals(400, r.statusCode(), c[0] + ": " + r.body());
            assertEquals(c[1], Json.MAPPER.readTree(r.body()).get("field").asText(), r.body());
        }
    }

    @Test
    void theRoutesAreInTheOpenApiDocument() throws Exception {
        JsonNode doc = Json.MAPPER.readTree(get("/openapi.json", null).body());
        assertEquals("viewer", doc.at("/paths/~1api~1destinations/get/x-min-role").asText());
        assertEquals("viewer", doc.at("/paths/~1api~1destinations~1choices/get/x-min-role").asText());
    }
}
