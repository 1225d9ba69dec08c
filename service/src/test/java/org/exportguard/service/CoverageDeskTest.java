package org.exportguard.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.json.Json;
import org.exportguard.policy.eval.Decision;
import org.exportguard.policy.eval.Finding;
import org.exportguard.policy.pack.Outcome;
import org.exportguard.policy.screen.Staleness;
import org.exportguard.store.FetchState;
import org.exportguard.store.Store;
import org.exportguard.store.VersionInfo;
import org.exportguard.store.StoreLocation;
import org.exportguard.testkit.CslCsv;
import org.exportguard.testkit.DealJson;
import org.exportguard.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Decisions over a store name the sources they screened, and a source a regime needs that is missing, holds none of
 * the sub-list a rule names, or is older than its staleness limit by the desk's clock, makes that regime REVIEW
 * naming it: never a silent CLEARED.
 */
class CoverageDeskTest {
    static final String DPL = "Denied Persons List (DPL) - Bureau of Industry and Security";
    static final String SDN = "Specially Designated Nationals (SDN) - Treasury Department";

    @TempDir
    Path tmp;
    TestClock clock = new TestClock();
    Store store;

    @BeforeEach
    void open() {
        store = Store.open(StoreLocation.sqlite(tmp.resolve("data")), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A CSL file with one made-up entry of each of these sub-lists. */
    private Path csl(String name, String... subLists) {
        List<CslCsv.Entry> rows = new ArrayList<>();
        int i = 0;
        for (String s : subLists) {
            rows.add(CslCsv.entity("t-" + (++i), "Listed Party Number " + i + " Holdings").source(s));
        }
        return CslCsv.write(tmp.resolve(name), rows);
    }

    private static Decision decide(Desk desk, String id) throws ServiceException {
        return desk.addDeals(List.of(DealJson.usSoftware(id, "Harmless Gadgets GmbH", "DE").json()), "test")
                .get(0).decision();
    }

    /** The US-EAR regime's outcome (the UN regime, which always applies, is REVIEW here: no UN list stored). */
    private static Outcome usEar(Decision d) {
        return d.regimes().stream().filter(r -> r.regime().equals("US-EAR")).findFirst().orElseThrow().outcome();
    }

    private static Finding finding(Decision d, String rule) {
        return d.findings().stream().filter(f -> f.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + rule + " in " + d.toJson()));
    }

    private static JsonNode screened(Decision d, String source) {
        for (JsonNode l : Json.readTree(d.toJson()).get("lists")) {
            if (l.get("source").asText().equals(source)) {
                return l;
            }
        }
        throw new AssertionError("no " + source + " among the lists of " + d.toJson());
    }

    @Test
    void aStoreLackingSdnDecidesUsEarAsReviewNamingTheMissingSource() throws Exception {
        Desk desk = new Desk(store);
        desk.importList(csl("el-dpl.csv", CslCsv.ENTITY_LIST, DPL), "US-CSL", null, "test");
        Decision d = decide(desk, "d-1");
        assertEquals(Outcome.REVIEW, usEar(d), d::toJson);
        Finding sdn = finding(d, "US-EAR-OFAC-SDN");
        assertEquals(Outcome.REVIEW, sdn.outcome());
        assertTrue(sdn.reason().contains("OFAC-SDN was not among the loaded lists"), sdn.reason());
        assertTrue(sdn.reason().contains("US-CSL was loaded but holds no rows of '" + SDN + "'"), sdn.reason());
        assertTrue(d.findings().stream().noneMatch(f -> f.rule().equals("US-EAR-DENIED-PERSONS")),
                "the DPL rows are there: " + d.toJson());

        JsonNode csl = screened(d, "US-CSL");
        assertEquals(1, csl.get("version").asLong());
        assertEquals(0.0, csl.get("ageDays").asDouble());
        assertEquals(clock.instant().toString(), csl.get("importedAt").asText().replace(".000000Z", "Z")
                .replaceAll("\\.0+Z$", "Z"));
        assertEquals(List.of(DPL, CslCsv.ENTITY_LIST), texts(csl.get("subLists")));

        // the missing sub-list arrives: the deal under REVIEW is decided again though no entry of it names its
        // party, and a new deal clears
        desk.importList(csl("all.csv", CslCsv.ENTITY_LIST, DPL, SDN), "US-CSL", null, "test");
        assertEquals(2, store.deals().get("d-1").orElseThrow().decisions().size(), "d-1 re-decided");
        Decision after = decide(desk, "d-2");
        assertEquals(Outcome.CLEARED, usEar(after), after::toJson);
    }

    @Test
    void aCslFileOfEntityListRowsAloneLeavesTheDplAndSdnRulesUnscreened() throws Exception {
        Desk desk = new Desk(store);
        desk.importList(csl("el.csv", CslCsv.ENTITY_LIST), "US-CSL", null, "test");
        Decision d = decide(desk, "d-1");
        assertEquals(Outcome.REVIEW, usEar(d), d::toJson);
        for (String rule : List.of("US-EAR-DENIED-PERSONS", "US-EAR-OFAC-SDN")) {
            Finding f = finding(d, rule);
            assertEquals(Outcome.REVIEW, f.outcome());
            assertTrue(f.reason().contains("was not screened") && f.reason().contains("only of "
                    + CslCsv.ENTITY_LIST), f.reason());
        }
        assertTrue(d.findings().stream().noneMatch(f -> f.rule().equals("US-EAR-ENTITY-LIST")), d::toJson);
    }

    @Test
    void aStaleSourceMakesTheRegimeReviewNamingItUntilItIsConfirmedAgain() throws Exception {
        Desk desk = new Desk(store);
        desk.importList(csl("all.csv", CslCsv.ENTITY_LIST, DPL, SDN), "US-CSL", null, "test");
        assertEquals(Outcome.CLEARED, usEar(decide(desk, "fresh")));

        clock.advance(Duration.ofDays(2).plusHours(1)); // past the default limit of 2 days
        Decision d = decide(desk, "stale");
        assertEquals(Outcome.REVIEW, usEar(d), d::toJson);
        for (String rule : List.of("US-EAR-ENTITY-LIST", "US-EAR-DENIED-PERSONS", "US-EAR-OFAC-SDN")) {
            Finding f = finding(d, rule);
            assertEquals(Outcome.REVIEW, f.outcome());
            assertTrue(f.reason().contains("may be out of date: US-CSL (version 1)")
                    && f.reason().contains("2.04 days ago, over its limit of 2 days"), f.reason());
        }
        assertEquals(2.04, screened(d, "US-CSL").get("ageDays").asDouble());

        // a longer limit for this source: current again; the desk's clock, not the deal's date, is what ages it
        Desk patient = new Desk(store, Staleness.DEFAULT.with("US-CSL", Duration.ofDays(7)));
        assertEquals(Outcome.CLEARED, usEar(decide(patient, "patient")));

        // a new version confirms the source current again
        desk.importList(csl("all-2.csv", CslCsv.ENTITY_LIST, DPL, SDN, CslCsv.ENTITY_LIST), "US-CSL", null, "test");
        assertEquals(Outcome.CLEARED, usEar(decide(desk, "renewed")));
        assertEquals(2, store.deals().get("stale").orElseThrow().decisions().size(),
                "the deal REVIEW for the stale source is decided again when a new version renews it");
    }

    @Test
    void aFetchConfirmingTheVersionInForceMakesItFreshWithoutANewVersion() throws Exception {
        Desk desk = new Desk(store);
        desk.importList(csl("all.csv", CslCsv.ENTITY_LIST, DPL, SDN), "US-CSL", null, "test");
        long other = store.lists().inForce().get("US-CSL").id();
        desk.importList(csl("all-2.csv", CslCsv.ENTITY_LIST, DPL, SDN, CslCsv.ENTITY_LIST), "US-CSL", null, "test");
        VersionInfo v1 = store.lists().inForce().get("US-CSL");
        assertTrue(v1.id() != other);
        assertEquals(Outcome.CLEARED, usEar(decide(desk, "fresh")));

        clock.advance(Duration.ofDays(2).plusHours(1)); // past the default limit of 2 days
        assertEquals(Outcome.REVIEW, usEar(decide(desk, "stale")));

        // a confirmation of another version (the one before) says nothing of the one in force: still stale
        store.fetchStates().recordSuccess("US-CSL", FetchState.UNCHANGED, other, "not-this", List.of(),
                "unchanged", "fetch");
        Decision still = decide(desk, "still");
        assertEquals(Outcome.REVIEW, usEar(still), still::toJson);
        assertEquals(2.04, screened(still, "US-CSL").get("ageDays").asDouble());

        // a fetch that found the publisher's file unchanged (as ListFetcher records it): fresh, no new version
        store.fetchStates().recordSuccess("US-CSL", FetchState.UNCHANGED, v1.id(), v1.sha256(), List.of(),
                "unchanged", "fetch");
        Decision again = decide(desk, "confirmed");
        assertEquals(Outcome.CLEARED, usEar(again), again::toJson);
        assertEquals(0.0, screened(again, "US-CSL").get("ageDays").asDouble());
        assertEquals(v1.id(), store.lists().inForce().get("US-CSL").id(), "no new version");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
