package org.exportguard.service;

import org.exportguard.policy.eval.DecisionHits;
import org.exportguard.policy.eval.ListMatch;
import org.exportguard.store.Disposition;
import org.exportguard.store.Store;
import org.exportguard.store.StoreLocation;
import org.exportguard.store.StoredDeal;
import org.exportguard.store.StoredDecision;
import org.exportguard.testkit.DealJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Four-eyes dispositions through the desk, on a real SQLite store with the sample lists the product ships. */
class DispositionsDeskTest {
    static final Path SAMPLES = Path.of("..", "cli", "src", "main", "resources", "sample-lists");
    /** Resembles the Entity List's "NSO Group" without being it: a REVIEW. */
    static final String PARTY = "NSO Group Technologies Ltd";

    @TempDir
    Path tmp;
    Store store;
    Desk desk;

    @BeforeEach
    void open() throws Exception {
        store = Store.open(StoreLocation.sqlite(tmp.resolve("data")));
        desk = new Desk(store);
        for (String f : List.of("ofac-sdn", "us-csl.csv", "un-consolidated.xml")) {
            desk.importList(SAMPLES.resolve(f), null, null, "test");
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A US exporter's EAR99 software to one company in IL, shipping 2021-12-01 (after the 2021-11-04 listing). */
    static String usDeal(String id, String endUser) {
        return DealJson.usSoftware(id, endUser, "IL").date("2021-12-01").json();
    }

    private ListMatch entityListHit(String dealId) throws Exception {
        List<StoredDecision> h = store.deals().get(dealId).orElseThrow().decisions();
        return DecisionHits.of(h.get(h.size() - 1).decisionJson()).stream().filter(x -> x.source().equals("US-CSL"))
                .findFirst().orElseThrow();
    }

    @Test
    void aConfirmedFalsePositiveClearsTheDealAndStaysAppliedAfterAListReImport() throws Exception {
        desk.addDeals(List.of(usDeal("nso", PARTY)), "test");
        assertEquals("REVIEW", store.deals().get("nso").orElseThrow().outcome());
        ListMatch hit = entityListHit("nso");
        assertEquals(PARTY, hit.partyName());

        Disposition p = desk.proposeDisposition("nso", PARTY, "US-CSL", hit.entryId(), false,
                "a different company: registered 2019 in Cyprus", "ann");
        assertEquals("REVIEW", store.deals().get("nso").orElseThrow().outcome(), "a proposal alone changes nothing");
        ServiceException.FourEyes self = assertThrows(ServiceException.FourEyes.class,
                () -> desk.confirmDisposition("nso", p.id(), "ann"));
        assertTrue(self.getMessage().startsWith("four-eyes: ann proposed disposition " + p.id()), self.getMessage());
        assertFalse(store.dispositions().get(p.id()).orElseThrow().confirmed());

        Desk.DispositionOutcome o = desk.confirmDisposition("nso", p.id(), "bob");
        assertEquals("bob", o.disposition().confirmedBy());
        assertEquals("CLEARED", o.decision().outcome().name(), o.decision().toJson());
        StoredDeal s = store.deals().get("nso").orElseThrow();
        assertEquals("CLEARED", s.outcome());
        assertEquals(2, s.decisions().size());
        assertEquals("disposition " + p.id() + " confirmed by bob", s.decisions().get(1).reason());
        assertTrue(s.decisions().get(1).decisionJson().contains("confirmed by bob"));
        assertThrows(ServiceException.Conflict.class, () -> desk.confirmDisposition("nso", p.id(), "carl"));
        assertThrows(ServiceException.NotFound.class, () -> desk.confirmDisposition("nso", 99, "carl"));

        // an update with the very same deal keeps its revision, so the confirmation still holds
        desk.updateDeal("nso", usDeal("nso", PARTY), "test");
        assertEquals("CLEARED", store.deals().get("nso").orElseThrow().outcome());
        assertEquals(1, store.deals().get("nso").orElseThrow().revision());

        // the Entity List again, the entry's address changed: the deal is re-decided, and the false positive,
        // confirmed on the entry as it was, is re-opened for review (issue 13: four eyes bound to what was reviewed)
        String csl = Files.readString(SAMPLES.resolve("us-csl.csv"));
        assertTrue(csl.contains("22 Galgalei Haplada"));
        Path v2 = Files.writeString(tmp.resolve("us-csl.csv"), csl.replace("22 Galgalei Haplada", "24 Galgalei Haplada"));
        desk.importList(v2, null, null, "test");
        StoredDeal after = store.deals().get("nso").orElseThrow();
        assertEquals(4, after.decisions().size(), "the list version re-decided the deal");
        assertTrue(after.decisions().get(3).reason().startsWith("list US-CSL"), after.decisions().get(3).reason());
        assertEquals("REVIEW", after.outcome());
        assertTrue(after.decisions().get(3).decisionJson().contains("no longer holds: the entry changed in list "
                + "version"), after.decisions().get(3).decisionJson());
        assertTrue(store.audit().verify().intact());
    }

    @Test
    void aProposalForAHitNotInTheCurrentDecisionIsRefused() throws Exception {
        desk.addDeals(List.of(usDeal("nso", PARTY)), "test");
        ListMatch hit = entityListHit("nso");
        ServiceException e = assertThrows(ServiceException.class, () -> desk.proposeDisposition("nso", PARTY,
                "US-CSL", "no-such-entry", false, "x", "ann"));
        assertTrue(e.getMessage().contains("no screening hit") && e.getMessage().contains(hit.entryId()),
                e.getMessage());
        assertThrows(ServiceException.class, () -> desk.proposeDisposition("nso", "Someone Else", "US-CSL",
                hit.entryId(), false, "x", "ann"));
        assertThrows(ServiceException.NotFound.class, () -> desk.proposeDisposition("none", PARTY, "US-CSL",
                hit.entryId(), false, "x", "ann"));
        assertEquals(List.of(), desk.dispositions("nso"));
        desk.proposeDisposition("nso", PARTY, "US-CSL", hit.entryId(), true, "same address", "ann");
        assertThrows(ServiceException.Conflict.class, () -> desk.proposeDisposition("nso", PARTY, "US-CSL",
                hit.entryId(), false, "x", "carl"), "one pending proposal per hit");
        assertEquals(1, desk.dispositions("nso").size());
    }
}
