package org.exportguard.policy;

import org.exportguard.core.model.PartyType;
import org.exportguard.core.screen.ScreeningHit;
import org.exportguard.core.screen.ScreeningQuery;
import org.exportguard.policy.deal.Deal;
import org.exportguard.policy.screen.PartyScreener;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Screening deal parties on the shipped sample lists: the cache, containment, untyped screening. */
class PartyScreenerTest {
    /** Real names of the sample lists, as a deal could give them, each with a type a deal could give it. */
    private static final List<Deal.Party> PARTIES = List.of(
            new Deal.Party("end-user", "NSO Group", "IL", "non-government"),
            new Deal.Party("end-user", "NSO Group Technologies Ltd", "IL", "non-government"),
            new Deal.Party("consignee", "Saito Tech Ltd.", "IL", "government"),
            new Deal.Party("end-user", "Banco Nacional de Cuba", "CU", "government"),
            new Deal.Party("intermediate", "Ayman al Zawahiri", "EG", "individual"),
            new Deal.Party("purchaser", "ZAWAHIRI, Ayman", "EG", "individual"),
            new Deal.Party("end-user", "Al-Qaida", "AF", "government"),
            new Deal.Party("end-user", "Positive Technologies", "RU", null),
            new Deal.Party("end-user", "Acme Widgets GmbH", "DE", "non-government"));

    private static Set<String> entries(List<ScreeningHit> hits) {
        return hits.stream().map(h -> h.party().source() + " " + h.party().sourceId()).collect(Collectors.toSet());
    }

    /** A screener of its own (an empty cache) over the fixture's index. */
    private static PartyScreener fresh() throws Exception {
        PartyScreener shared = Fixtures.screener();
        return new PartyScreener(List.of(), shared.index(), Map.of(), shared.threshold(), shared.limit());
    }

    /**
     * A party's identifier that a listed entry holds lifts a name too weak alone over the threshold (a REVIEW for
     * a person, never a silent clear), and a conflicting date of birth lowers a hit's score without removing it.
     */
    @Test
    void partyEvidenceMovesScoresAndNeverRemovesANameHit() throws Exception {
        PartyScreener s = fresh();
        Deal.Party weakName = new Deal.Party("end-user", "Salim Fuad Hassan", null, null, null, List.of());
        assertFalse(entries(s.screen(weakName)).contains("OFAC-SDN 2676"), "the name alone is not enough");
        Deal.Party withPassport = new Deal.Party("end-user", "Salim Fuad Hassan", null, null, null,
                List.of(new org.exportguard.core.model.Identifier("passport", "1084010", null)));
        ScreeningHit lifted = s.screen(withPassport).stream()
                .filter(h -> h.party().sourceId().equals("2676")).findFirst().orElseThrow();
        assertTrue(lifted.score() >= s.threshold() && lifted.nameScore() < s.threshold(),
                lifted.evidence().toText());

        Deal.Party plain = new Deal.Party("end-user", "Ayman al Zawahiri", null, null);
        Deal.Party otherBirth = new Deal.Party("end-user", "Ayman al Zawahiri", null, null, "1990-01-01", List.of());
        ScreeningHit named = s.screen(plain).stream().filter(h -> h.party().sourceId().equals("2676")).findFirst()
                .orElseThrow();
        ScreeningHit lowered = s.screen(otherBirth).stream().filter(h -> h.party().sourceId().equals("2676"))
                .findFirst().orElseThrow();
        assertEquals(named.score() - 0.15, lowered.score(), 1e-4);
    }

    @Test
    void theCacheChangesNoResult() throws Exception {
        PartyScreener cached = fresh();
        for (Deal.Party p : PARTIES) {
            List<ScreeningHit> first = cached.screen(p);
            assertEquals(first, cached.screen(p), p.name() + ": asked again, from the cache");
            assertEquals(first, fresh().screen(p), p.name() + ": as a screener that never saw it");
        }
        // a typed and an untyped question about one name are cached apart
        Deal.Party person = new Deal.Party("end-user", "Banco Nacional de Cuba", "CU", "individual");
        assertEquals(fresh().screen(person), cached.screen(person));
        assertEquals(fresh().screenAnyType(person.name()), cached.screenAnyType(person.name()));
    }

    @Test
    void aScreenerWithAnEmptyCacheScreensTheSameListsAlike() throws Exception {
        PartyScreener shared = Fixtures.screener();
        PartyScreener empty = shared.withEmptyCache();
        assertTrue(empty != shared);
        assertTrue(empty.index() == shared.index(), "the same index, not a rebuilt one");
        assertEquals(shared.listIds(), empty.listIds());
        assertEquals(shared.listVersions(), empty.listVersions());
        assertEquals(shared.threshold(), empty.threshold());
        assertEquals(shared.limit(), empty.limit());
        for (Deal.Party p : PARTIES) {
            assertEquals(shared.screen(p), empty.screen(p), p.name());
        }
    }

    @Test
    void aLongerNameContainingAListedOneIsAHitOfTheEngineItself() throws Exception {
        String name = "NSO Group Technologies Ltd";
        PartyScreener s = fresh();
        // the engine alone, with the full name, finds the listed "NSO Group": no variant or rule of the screener's
        List<ScreeningHit> direct = s.index().screen(new ScreeningQuery(name, PartyType.UNKNOWN, null, null),
                s.threshold(), s.limit());
        assertTrue(entries(direct).contains("US-CSL sample-el-0001"), direct.toString());
        List<ScreeningHit> hits = s.screen(new Deal.Party("end-user", name, "IL", "non-government"));
        ScreeningHit nso = hits.stream().filter(h -> h.party().sourceId().equals("sample-el-0001")).findFirst()
                .orElseThrow(() -> new AssertionError("the deal party finds NSO Group: " + hits));
        assertTrue(nso.score() >= s.threshold(), "at or above the threshold: " + nso.score());
        assertEquals(List.of("technologies", "ltd"), nso.explanation().unmatchedQuery(), nso.explanation().toString());
    }

    @Test
    void aListedNameBesideDistinctiveWordsIsNoContainment() throws Exception {
        // "NSO Mobile Payments" shares the distinctive "NSO" but adds distinctive words: not the listed company
        PartyScreener s = fresh();
        assertFalse(entries(s.screenAnyType("NSO Mobile Payments")).contains("US-CSL sample-el-0001"));
    }

    @Test
    void screeningWhateverTheTypeFindsEveryHitOfATypedParty() throws Exception {
        PartyScreener s = fresh();
        int typedHits = 0;
        for (Deal.Party p : PARTIES) {
            Set<String> typed = entries(s.screen(p));
            Set<String> any = entries(s.screenAnyType(p.name()));
            assertTrue(any.containsAll(typed), p + ": typed " + typed + ", any type " + any);
            typedHits += typed.size();
        }
        assertTrue(typedHits >= 6, "the names are real: most have hits (" + typedHits + ")");
    }
}
