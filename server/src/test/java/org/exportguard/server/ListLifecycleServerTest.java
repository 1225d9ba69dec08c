package org.exportguard.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.json.Json;
import org.exportguard.policy.screen.Staleness;
import org.exportguard.store.ListVersions;
import org.exportguard.store.Role;
import org.exportguard.store.Store;
import org.exportguard.store.StoreLocation;
import org.exportguard.testkit.CslCsv;
import org.exportguard.testkit.DealJson;
import org.exportguard.testkit.Poll;
import org.exportguard.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a running server does with lists over time, over real HTTP on a SQLite store whose clock the test moves
 * (the server's clock: the day, the lists' ages): a version imported with a future effective date re-decides the
 * deals it touches on that day with no restart (the daily catch-up); the periodic recheck makes a deal REVIEW when
 * its list goes stale, recorded as a re-decision; {@code maxShrink} on {@code POST /api/lists} is validated and
 * applied over the server's default.
 */
class ListLifecycleServerTest {
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final String DPL = "Denied Persons List (DPL) - Bureau of Industry and Security";
    static final String SDN = "Specially Designated Nationals (SDN) - Treasury Department";

    @TempDir
    Path dir;
    final TestClock clock = new TestClock(java.time.Instant.parse("2027-01-10T09:00:00Z"));
    Store store;
    StoreServer server;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
    String admin;
    String analyst;

    private void start(StoreServer.Settings settings) throws Exception {
        store = Store.open(StoreLocation.sqlite(dir.resolve("data")), clock);
        admin = store.users().add("ada", Role.ADMIN, "test");
        analyst = store.users().add("ann", Role.ANALYST, "test");
        server = StoreServer.start(ServerConfig.defaults().withPort(0).withRate(1000, 1000), store, settings,
                16 << 20, "test", new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    record Res(int status, String body) {
        JsonNode json() {
            return Json.readTree(body);
        }
    }

    private Res call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.api().uri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        b.header("Authorization", "Bearer " + token);
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Res(r.statusCode(), r.body());
    }

    /** A CSL file screening every sub-list US-EAR needs (one row each), with these Entity List entries besides. */
    private static String csl(String... entityListNames) {
        List<CslCsv.Entry> rows = new java.util.ArrayList<>(List.of(
                CslCsv.entity("el-listed", "Listed Party Number 1 Holdings"),
                CslCsv.entity("dpl-1", "Zebulon Quartermaine").source(DPL),
                CslCsv.entity("sdn-1", "Yellowfin Maritime Holdings").source(SDN)));
        for (int i = 0; i < entityListNames.length; i++) {
            rows.add(CslCsv.entity("el-" + i, entityListNames[i]));
        }
        return CslCsv.text(rows);
    }

    /** Deal {@code id} as the API shows it. */
    private JsonNode deal(String id) throws Exception {
        Res r = call("GET", "/api/deals/" + id, analyst, null);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    /** The US-EAR regime's outcome in a decision (no UN list is stored: that regime is REVIEW throughout). */
    private static String usEar(JsonNode decision) {
        for (JsonNode r : decision.get("regimes")) {
            if (r.get("regime").asText().equals("US-EAR")) {
                return r.get("outcome").asText();
            }
        }
        throw new AssertionError("no US-EAR regime in " + decision);
    }

    private static JsonNode lastDecision(JsonNode deal) {
        JsonNode d = deal.get("decisions");
        return d.get(d.size() - 1);
    }

    @Test
    void aFutureEffectiveDateReDecidesTheDealsItTouchesOnThatDayWithoutARestart() throws Exception {
        start(StoreServer.Settings.DEFAULT);
        assertEquals(200, call("POST", "/api/lists?source=US-CSL&filename=csl.csv", admin, csl()).status());
        Res added = call("POST", "/api/deals", analyst, DealJson.usSoftware("d-nso", "NSO Group", "IL").json());
        assertEquals(201, added.status(), added.body());
        assertEquals("CLEARED", usEar(lastDecision(deal("d-nso")).get("decision")));

        Res future = call("POST", "/api/lists?source=US-CSL&filename=csl.csv&effective=2027-01-11", admin,
                csl("NSO Group"));
        assertEquals(200, future.status(), future.body());
        assertEquals(1, deal("d-nso").get("decisions").size(), "not in force yet: nothing re-decided today");

        clock.advance(Duration.ofDays(1)); // the server's day turns: 2027-01-11
        JsonNode after = Poll.until(Duration.ofSeconds(30), Duration.ofMillis(200), () -> deal("d-nso"),
                d -> d.get("decisions").size() == 2);
        JsonNode last = lastDecision(after);
        assertEquals("BLOCKED", after.get("outcome").asText(), after::toString);
        assertEquals("list US-CSL version 2", last.get("reason").asText());
        assertTrue(!log.toString(StandardCharsets.UTF_8).contains("Exception"), log::toString);
        Res impact = call("GET", "/api/impact", analyst, null);
        assertEquals("list", impact.json().at("/change/kind").asText(), impact.body());
        assertEquals(2, impact.json().at("/change/version").asInt(), impact.body());
    }

    @Test
    void thePeriodicRecheckMakesADealReviewWhenItsListGoesStale() throws Exception {
        start(new StoreServer.Settings(Staleness.DEFAULT, ListVersions.Rules.DEFAULT, Duration.ofMillis(200)));
        assertEquals(200, call("POST", "/api/lists?source=US-CSL&filename=csl.csv", admin, csl()).status());
        assertEquals(201, call("POST", "/api/deals", analyst,
                DealJson.usSoftware("d-1", "Harmless Gadgets GmbH", "DE").json()).status());
        assertEquals("CLEARED", usEar(lastDecision(deal("d-1")).get("decision")));

        clock.advance(Duration.ofHours(47)); // within the limit of 2 days: nothing happens
        clock.advance(Duration.ofHours(2)); // over it
        JsonNode after = Poll.until(Duration.ofSeconds(30), Duration.ofMillis(100), () -> deal("d-1"),
                d -> d.get("decisions").size() == 2);
        JsonNode last = lastDecision(after);
        assertEquals("list age: US-CSL stale", last.get("reason").asText());
        assertEquals("REVIEW", usEar(last.get("decision")));
        assertTrue(last.get("decision").toString().contains("may be out of date: US-CSL (version 1)"),
                last::toString);
        Res impact = call("GET", "/api/impact", analyst, null);
        assertEquals("list-age", impact.json().at("/change/kind").asText(), impact.body());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("exportguard: list age: re-decided"),
                log::toString);
    }

    @Test
    void impactShowsEveryReportOfAZipOfSeveralSources() throws Exception {
        start(StoreServer.Settings.DEFAULT);
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(zip)) {
            z.putNextEntry(new java.util.zip.ZipEntry("us-csl.csv"));
            z.write(csl("NSO Group").getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new java.util.zip.ZipEntry("un.xml"));
            z.write(java.nio.file.Files.readAllBytes(org.exportguard.testkit.SharedData.list(
                    "un-consolidated-2026-02-27.xml")));
        }
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(server.api().uri() + "/api/lists"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode impact = call("GET", "/api/impact", analyst, null).json();
        JsonNode same = impact.get("sameImport");
        assertEquals(1, same.size(), impact::toString);
        assertEquals(java.util.Set.of("UN-SC", "US-CSL"), java.util.Set.of(impact.at("/change/source").asText(),
                same.get(0).at("/change/source").asText()));
        assertTrue(same.get(0).get("reportId").asLong() < impact.get("reportId").asLong());
        assertEquals("list", same.get(0).at("/change/kind").asText());
    }

    @Test
    void maxShrinkIsValidatedAndAppliedOverTheServersDefault() throws Exception {
        // the server's own default (serve --max-shrink 25): a version may drop at most a quarter of its entries
        start(new StoreServer.Settings(Staleness.DEFAULT, ListVersions.Rules.of(25.0, false),
                StoreServer.Settings.DEFAULT_RECHECK));
        String four = csl("Alpha Widgets", "Beta Widgets", "Gamma Widgets");
        String two = csl(); // the three rows of the sub-lists alone: half the entries
        assertEquals(200, call("POST", "/api/lists?source=US-CSL&filename=csl.csv", admin, four).status());
        for (String bad : List.of("abc", "101", "-5")) {
            Res r = call("POST", "/api/lists?source=US-CSL&filename=csl.csv&maxShrink=" + bad, admin, two);
            assertEquals(400, r.status(), r.body());
            assertEquals("query parameter 'maxShrink' must be a percentage from 0 to 100, not '" + bad + "'",
                    r.json().get("error").asText());
        }
        Res refused = call("POST", "/api/lists?source=US-CSL&filename=csl.csv", admin, two);
        assertTrue(refused.status() >= 400, refused.body());
        assertTrue(refused.json().get("error").asText().contains("3 entries where the version in force (1) has 6: "
                + "50% fewer, more than the 25% an import may drop"), refused.body());
        assertEquals(1, store.lists().versions().history().size(), "nothing imported");
        Res allowed = call("POST", "/api/lists?source=US-CSL&filename=csl.csv&maxShrink=60", admin, two);
        assertEquals(200, allowed.status(), allowed.body());
        assertEquals(2, store.lists().versions().history().size());
    }
}
