package org.exportguard.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.json.Json;
import org.exportguard.service.impact.ImportOutcome;
import org.exportguard.store.FetchState;
import org.exportguard.store.Store;
import org.exportguard.store.StoreLocation;
import org.exportguard.store.StoredDecision;
import org.exportguard.store.VersionInfo;
import org.exportguard.testkit.CslCsv;
import org.exportguard.testkit.DealJson;
import org.exportguard.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A list source ages with no import: the open deals it can affect are decided again when it goes over its limit
 * ({@link Desk#recheckListAges}, what {@code deals recheck} and the server's sweep run), and a source renewed by a
 * fetch's confirmation counts its age from that confirmation in every check, not from its import. On SQLite and
 * PostgreSQL: the sweep's selection is a query over decision times.
 */
class ListAgeRecheckTest {
    static final String DPL = CoverageDeskTest.DPL;
    static final String SDN = CoverageDeskTest.SDN;

    @TempDir
    Path tmp;
    TestClock clock = new TestClock();
    final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private Store sqlite() {
        Store s = Store.open(StoreLocation.sqlite(tmp.resolve("data")), clock);
        closing.add(0, s);
        return s;
    }

    private Store postgres() {
        Store s = Store.open(ServicePostgres.freshSchema(), clock); // skipped saying why where PostgreSQL is absent
        closing.add(0, s);
        return s;
    }

    @org.junit.jupiter.api.AfterAll
    static void dropSchemas() {
        ServicePostgres.dropSchemas();
    }

    /** A CSL file with one made-up entry of the Entity List, the DPL and the SDN list (everything US-EAR needs). */
    private Path csl(String name, String... extraNames) {
        List<CslCsv.Entry> rows = new ArrayList<>(List.of(
                CslCsv.entity("t-1", "Listed Party Number 1 Holdings").source(CslCsv.ENTITY_LIST),
                CslCsv.entity("t-2", "Listed Party Number 2 Holdings").source(DPL),
                CslCsv.entity("t-3", "Listed Party Number 3 Holdings").source(SDN)));
        for (int i = 0; i < extraNames.length; i++) {
            rows.add(CslCsv.entity("x-" + i, extraNames[i]));
        }
        return CslCsv.write(tmp.resolve(name), rows);
    }

    private static void add(Desk desk, String id) throws ServiceException {
        desk.addDeals(List.of(DealJson.usSoftware(id, "Harmless Gadgets GmbH", "DE").json()), "test");
    }

    private static StoredDecision latest(Store store, String id) {
        List<StoredDecision> d = store.deals().get(id).orElseThrow().decisions();
        return d.get(d.size() - 1);
    }

    /** The US-EAR regime's outcome in a stored decision (UN is REVIEW throughout: no UN list is stored). */
    static String usEar(StoredDecision d) {
        for (JsonNode r : Json.readTree(d.decisionJson()).get("regimes")) {
            if (r.get("regime").asText().equals("US-EAR")) {
                return r.get("outcome").asText();
            }
        }
        throw new AssertionError("no US-EAR regime in " + d.decisionJson());
    }

    @Test
    void aSourceGoneStaleReDecidesTheDealsDecidedBeforeOnceSqlite() throws Exception {
        aSourceGoneStaleReDecidesTheDealsDecidedBeforeOnce(sqlite());
    }

    @Test
    void aSourceGoneStaleReDecidesTheDealsDecidedBeforeOncePostgres() throws Exception {
        aSourceGoneStaleReDecidesTheDealsDecidedBeforeOnce(postgres());
    }

    private void aSourceGoneStaleReDecidesTheDealsDecidedBeforeOnce(Store store) throws Exception {
        Desk desk = new Desk(store);
        desk.importList(csl("all.csv"), "US-CSL", null, "test");
        add(desk, "open");
        add(desk, "closed");
        desk.closeDeal("closed", "test");
        assertEquals("CLEARED", usEar(latest(store, "open")));

        clock.advance(Duration.ofDays(1));
        assertNull(desk.recheckListAges("test"), "within its limit: nothing to re-decide, no report");
        assertTrue(store.changeReports().latestChangeReport().orElseThrow().kind().equals("list"));

        clock.advance(Duration.ofDays(1).plusHours(1)); // 2 days 1 hour since the import: over the limit of 2
        add(desk, "later"); // decided already knowing the source is stale: nothing for the sweep to do
        ImportOutcome o = desk.recheckListAges("test");
        JsonNode report = Json.readTree(o.reportJson());
        assertEquals("list-age", report.at("/change/kind").asText(), report::toString);
        assertEquals("US-CSL", report.at("/change/sources/0/source").asText());
        assertEquals("stale", report.at("/change/sources/0/state").asText());
        assertEquals("2", report.at("/change/sources/0/maxAgeDays").asText());
        assertEquals(1, report.get("reevaluated").asInt(), "only the open deal decided before it went stale: "
                + report);
        StoredDecision d = latest(store, "open");
        assertEquals(2, d.seq());
        assertEquals("REVIEW", usEar(d), d.decisionJson());
        assertTrue(d.decisionJson().contains("may be out of date: US-CSL (version 1)"), d.decisionJson());
        assertEquals("list age: US-CSL stale", d.reason());
        assertEquals(1, store.deals().get("closed").orElseThrow().decisions().size(), "a closed deal stays");
        assertEquals(1, store.deals().get("later").orElseThrow().decisions().size());
        assertEquals("list-age", store.changeReports().latestChangeReport().orElseThrow().kind());

        clock.advance(Duration.ofHours(6));
        assertNull(desk.recheckListAges("test"), "incremental: every open deal already says the source is stale");
        assertEquals(2, store.deals().get("open").orElseThrow().decisions().size());
    }

    @Test
    void aConfirmationMovesWhenTheSweepSeesASourceStale() throws Exception {
        Store store = sqlite();
        Desk desk = new Desk(store);
        desk.importList(csl("all.csv"), "US-CSL", null, "test");
        VersionInfo v = store.lists().inForce().get("US-CSL");
        add(desk, "open");

        clock.advance(Duration.ofDays(1).plusHours(12));
        store.fetchStates().recordSuccess("US-CSL", FetchState.UNCHANGED, v.id(), v.sha256(), List.of(),
                "unchanged", "fetch");
        clock.advance(Duration.ofDays(1)); // 2.5 days since the import, 1 since the confirmation
        assertNull(desk.recheckListAges("test"), "current: its age counts from the confirmation");
        clock.advance(Duration.ofDays(1).plusHours(1));
        assertEquals(1, Json.readTree(desk.recheckListAges("test").reportJson()).get("reevaluated").asInt());
    }

    @Test
    void aNewVersionOfASourceConfirmedByAFetchIsNotTreatedAsRenewingAStaleOne() throws Exception {
        Store store = sqlite();
        Desk desk = new Desk(store);
        desk.importList(csl("all.csv"), "US-CSL", null, "test");
        VersionInfo v = store.lists().inForce().get("US-CSL");
        add(desk, "open");
        clock.advance(Duration.ofDays(1).plusHours(12));
        store.fetchStates().recordSuccess("US-CSL", FetchState.UNCHANGED, v.id(), v.sha256(), List.of(),
                "unchanged", "fetch");
        clock.advance(Duration.ofDays(1)); // stale by its import, current by the fetch's confirmation

        // a version that touches no deal: the deals under REVIEW (all: UN is missing) were not made REVIEW by the
        // source's age, so nothing beyond its entries' hits is decided again
        ImportOutcome o = desk.importList(csl("all-2.csv", "Unrelated Trading Company"), "US-CSL", null, "test");
        JsonNode report = Json.readTree(o.reportJson());
        assertFalse(report.path("screening").has("listCoverageChanged"), report::toString);
        assertEquals(0, report.get("reevaluated").asInt(), report::toString);
        assertEquals(1, store.deals().get("open").orElseThrow().decisions().size());
    }
}
