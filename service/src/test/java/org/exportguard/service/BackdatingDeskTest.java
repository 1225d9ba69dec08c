package org.exportguard.service;

import org.exportguard.policy.eval.Decision;
import org.exportguard.policy.pack.Outcome;
import org.exportguard.store.Store;
import org.exportguard.store.StoreLocation;
import org.exportguard.testkit.CslCsv;
import org.exportguard.testkit.DealJson;
import org.exportguard.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Backdating must not escape a listing (issue 13): an open deal dated before a party's listing, decided after it,
 * is decided as of today as well, and the stricter decision wins, saying so in its asOf.
 */
class BackdatingDeskTest {
    static final LocalDate TODAY = LocalDate.of(2026, 1, 1); // TestClock.DEFAULT_START

    @TempDir
    Path tmp;
    Store store;
    Desk desk;

    @BeforeEach
    void open() throws Exception {
        store = Store.open(StoreLocation.sqlite(tmp.resolve("data")), new TestClock());
        desk = new Desk(store);
        desk.importList(CslCsv.write(tmp.resolve("csl.csv"),
                CslCsv.entity("el-bd", "Backdated Spyware Ltd").listed("90 FR 1", "2025-12-01")), "US-CSL", null,
                "test");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Decision add(String id, String endUser, String date) throws ServiceException {
        return desk.addDeals(List.of(DealJson.usSoftware(id, endUser, "IL").date(date).json()), "test").get(0)
                .decision();
    }

    @Test
    void aDealDatedBeforeAListingIsDecidedAsOfTodayWhenThatIsStricter() throws Exception {
        Decision d = add("d-back", "Backdated Spyware Ltd", "2025-11-01");
        assertEquals(Outcome.BLOCKED, d.outcome(), d::toJson);
        assertEquals(TODAY, d.asOf(), "the decision says it is today's that won: " + d.toJson());
        assertTrue(d.toJson().contains("el-bd"), d::toJson);
        // stored as decided: the deal's current outcome, and the decision row's as-of day
        assertEquals("BLOCKED", store.deals().get("d-back").orElseThrow().outcome());
        assertEquals(TODAY, store.deals().get("d-back").orElseThrow().decisions().get(0).asOf());
    }

    @Test
    void aPastDealNothingListsSinceKeepsItsExportDate() throws Exception {
        Decision d = add("d-old", "Harmless Gadgets GmbH", "2025-11-01");
        assertEquals(LocalDate.of(2025, 11, 1), d.asOf(), d::toJson);
    }

    @Test
    void aFutureDealIsDecidedAsOfItsExportDate() throws Exception {
        Decision d = add("d-next", "Backdated Spyware Ltd", "2026-03-01");
        assertEquals(Outcome.BLOCKED, d.outcome(), d::toJson);
        assertEquals(LocalDate.of(2026, 3, 1), d.asOf());
    }
}
