package org.exportguard.core.screen;

import org.exportguard.core.model.Alias;
import org.exportguard.core.model.AliasStrength;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;
import org.exportguard.core.model.PartyType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.exportguard.core.match.NameMatcher.DEFAULT_THRESHOLD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScreeningIndexTest {
    private static ListedParty party(String id, PartyType type, String name, Alias... aliases) {
        ListedParty.Builder b = ListedParty.builder("TEST", id).type(type).primaryName(name);
        for (Alias a : aliases) {
            b.alias(a);
        }
        return b.build();
    }

    private static final ScreeningIndex INDEX = ScreeningIndex.build(List.of(new PartyList("TEST", "test", "memory",
            List.of(party("1", PartyType.ORGANIZATION, "BANCO NACIONAL DE CUBA", Alias.weak("BNC"),
                            Alias.strong("NATIONAL BANK OF CUBA")),
                    party("2", PartyType.PERSON, "PUTIN, Vladimir Vladimirovich"),
                    party("3", PartyType.VESSEL, "VLADIMIR"),
                    party("4", PartyType.PERSON, "AL-ZAWAHIRI, Ayman", Alias.originalScript("أيمن الظواهري")),
                    party("5", PartyType.ORGANIZATION, "BANCO INTERNACIONAL DE COMERCIO")),
            List.of())));

    private static List<ScreeningHit> screen(String name, PartyType type) {
        return INDEX.screen(new ScreeningQuery(name, type, null, null), DEFAULT_THRESHOLD, 10);
    }

    @Test
    void findsAPartyByAnyOfItsNames() {
        assertEquals("1", screen("National Bank of Cuba", PartyType.UNKNOWN).get(0).party().sourceId());
        assertEquals("4", screen("أيمن الظواهري", PartyType.UNKNOWN).get(0).party().sourceId());
    }

    @Test
    void aWordWithMWrittenAsRnIsACandidate() {
        // one short word, one letter drawn as two: no deletion key meets it; the look-alike skeleton does
        ScreeningIndex index = ScreeningIndex.build(List.of(new PartyList("TEST", "test", "memory",
                List.of(party("1", PartyType.ORGANIZATION, "HAMAS"), party("2", PartyType.PERSON, "KIRN, Anna")),
                List.of())));
        assertEquals("1", index.screen(new ScreeningQuery("Harnas", PartyType.UNKNOWN, null, null), DEFAULT_THRESHOLD, 10)
                .get(0).party().sourceId());
        assertEquals("2", index.screen(new ScreeningQuery("Anna Kim", PartyType.UNKNOWN, null, null), DEFAULT_THRESHOLD,
                10).get(0).party().sourceId());
    }

    @Test
    void aNameJoinedWithItsGenericWordIsACandidate() {
        // "nsogroup" is no deletion of "nso", and "group" alone is not looked up: the listed words joined are a key
        ScreeningIndex index = ScreeningIndex.build(List.of(new PartyList("TEST", "test", "memory",
                List.of(party("1", PartyType.ORGANIZATION, "NSO GROUP")), List.of())));
        List<ScreeningHit> hits = index.screen(new ScreeningQuery("NSOGroup", PartyType.UNKNOWN, null, null),
                DEFAULT_THRESHOLD, 10);
        assertEquals("1", hits.get(0).party().sourceId(), hits.toString());
    }

    @Test
    void aHitNamesTheNameThatMatched() {
        ScreeningHit hit = screen("National Bank of Cuba", PartyType.UNKNOWN).get(0);
        assertEquals("NATIONAL BANK OF CUBA", hit.matchedName());
        assertEquals(AliasStrength.STRONG, hit.strength());
        assertEquals(1.0, hit.score());
    }

    @Test
    void weakAliasesScoreLowerAndSaySo() {
        ScreeningHit hit = screen("BNC", PartyType.UNKNOWN).get(0);
        assertEquals(AliasStrength.WEAK, hit.strength());
        assertTrue(hit.score() < 1.0);
        assertTrue(hit.explanation().toText().contains("weak alias"), hit.explanation().toText());
    }

    @Test
    void theRightTypeRanksFirstAndTheOtherIsPenalised() {
        List<ScreeningHit> hits = INDEX.screen(new ScreeningQuery("Vladimir", PartyType.VESSEL, null, null), 0.5, 10);
        assertEquals("3", hits.get(0).party().sourceId());
        List<ScreeningHit> asPerson = INDEX.screen(new ScreeningQuery("Vladimir", PartyType.PERSON, null, null), 0.5, 10);
        ScreeningHit vessel = asPerson.stream().filter(h -> h.party().sourceId().equals("3")).findFirst().orElseThrow();
        assertTrue(vessel.explanation().toText().contains("type person vs listed vessel"), vessel.explanation().toText());
    }

    @Test
    void cleanNamesGetNoHit() {
        assertTrue(screen("Northwind Traders Ltd", PartyType.UNKNOWN).isEmpty());
    }

    @Test
    void oneHitPerPartyBestNameFirst() {
        List<ScreeningHit> hits = INDEX.screen(ScreeningQuery.of("Banco Nacional de Cuba"), 0.3, 10);
        assertEquals(1, hits.stream().filter(h -> h.party().sourceId().equals("1")).count());
        assertEquals("1", hits.get(0).party().sourceId());
    }

    @Test
    void limitAndThresholdAreRespected() {
        List<ScreeningHit> hits = INDEX.screen(ScreeningQuery.of("Banco de Cuba"), 0.0, 1);
        assertEquals(1, hits.size());
        assertTrue(INDEX.screen(ScreeningQuery.of("Banco de Cuba"), 1.0, 10).isEmpty());
    }

    /**
     * The parties of two lists, made afresh on each call (no object is shared between two calls), in the given order.
     * Several entries carry the very same name, on one list and across both, so answers hold ties that only the
     * documented order (strength, list id, entry id) can rank.
     */
    private static List<PartyList> tiedLists(boolean shuffled) {
        List<ListedParty> a = new ArrayList<>(List.of(
                ListedParty.builder("LIST-A", "a-7").type(PartyType.ORGANIZATION).primaryName("GLOBAL TRADING LLC")
                        .build(),
                ListedParty.builder("LIST-A", "a-3").type(PartyType.ORGANIZATION).primaryName("GLOBAL TRADING LLC")
                        .alias(Alias.weak("GTL")).build(),
                ListedParty.builder("LIST-A", "a-5").type(PartyType.ORGANIZATION).primaryName("GLOBAL TRADING CO")
                        .alias(Alias.strong("GLOBAL TRADING LLC")).build(),
                ListedParty.builder("LIST-A", "a-1").type(PartyType.PERSON).primaryName("PUTIN, Vladimir Vladimirovich")
                        .build(),
                ListedParty.builder("LIST-A", "a-2").type(PartyType.VESSEL).primaryName("VLADIMIR").build()));
        List<ListedParty> b = new ArrayList<>(List.of(
                ListedParty.builder("LIST-B", "b-9").type(PartyType.ORGANIZATION).primaryName("Global Trading LLC")
                        .build(),
                ListedParty.builder("LIST-B", "b-4").type(PartyType.ORGANIZATION)
                        .primaryName("GLOBAL TRADING HOLDINGS").alias(Alias.weak("GLOBAL TRADING LLC")).build(),
                ListedParty.builder("LIST-B", "b-2").type(PartyType.PERSON).primaryName("Vladimir PUTIN").build()));
        if (shuffled) {
            Collections.shuffle(a, new Random(11));
            Collections.shuffle(b, new Random(12));
        }
        List<PartyList> lists = new ArrayList<>(List.of(new PartyList("LIST-A", "test", "memory-a", a, List.of()),
                new PartyList("LIST-B", "test", "memory-b", b, List.of())));
        if (shuffled) {
            Collections.reverse(lists);
        }
        return lists;
    }

    private static final List<String> DETERMINISM_QUERIES = List.of("Global Trading LLC", "GLOBAL TRADING",
            "Putin Vladimir", "Vladimir", "GTL", "Globel Tradeing");

    private static List<List<ScreeningHit>> answers(ScreeningIndex index, PartyType type) {
        List<List<ScreeningHit>> out = new ArrayList<>();
        for (String q : DETERMINISM_QUERIES) {
            out.add(index.screen(new ScreeningQuery(new String(q.toCharArray()), type, null, null), 0.5, 10));
        }
        return out;
    }

    private static String ids(List<ScreeningHit> hits) {
        return hits.stream().map(h -> h.party().source() + ":" + h.party().sourceId() + "@" + h.score()).toList()
                .toString();
    }

    /**
     * The same query always gives the same answer: two indexes built independently from fresh objects, a second
     * call with a fresh query, and an index built from the same parties in another order (lists and entries
     * shuffled) all give equal hits in equal order, ties included.
     */
    @Test
    void sameQuerySameAnswer() {
        ScreeningIndex one = ScreeningIndex.build(tiedLists(false));
        ScreeningIndex two = ScreeningIndex.build(tiedLists(false));
        ScreeningIndex shuffled = ScreeningIndex.build(tiedLists(true));
        for (PartyType type : List.of(PartyType.UNKNOWN, PartyType.ORGANIZATION, PartyType.PERSON)) {
            List<List<ScreeningHit>> first = answers(one, type);
            List<List<ScreeningHit>> again = answers(one, type);
            List<List<ScreeningHit>> other = answers(two, type);
            List<List<ScreeningHit>> reordered = answers(shuffled, type);
            for (int i = 0; i < DETERMINISM_QUERIES.size(); i++) {
                String what = DETERMINISM_QUERIES.get(i) + " as " + type + ": ";
                assertEquals(first.get(i), again.get(i), what + "a second call");
                assertEquals(first.get(i), other.get(i), what + "another index of the same parties");
                assertEquals(ids(first.get(i)), ids(reordered.get(i)), what + "the parties in another order");
                assertEquals(first.get(i), reordered.get(i), what + "the parties in another order");
            }
        }
        // Not vacuous: answers are there, and the exact name ties across entries and lists.
        List<ScreeningHit> tied = one.screen(ScreeningQuery.of("Global Trading LLC"), 0.5, 10);
        assertTrue(tied.size() >= 4, ids(tied));
        assertEquals(tied.get(0).score(), tied.get(1).score(), "a tie at the top: " + ids(tied));
        assertEquals(List.of("LIST-A:a-3", "LIST-A:a-5", "LIST-A:a-7", "LIST-B:b-9"), tied.stream().limit(4)
                .map(h -> h.party().source() + ":" + h.party().sourceId()).toList(),
                "equal strong names rank by list id, then entry id: " + ids(tied));
        assertTrue(one.screen(ScreeningQuery.of("Putin Vladimir"), 0.5, 10).size() >= 2);
    }

    @Test
    void aQueryOverTheLimitsIsRefusedAndAnyWordWithinThemStaysBounded() {
        ScreeningIndex index = INDEX;
        org.exportguard.core.match.NameLimits.NameTooLongException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.exportguard.core.match.NameLimits.NameTooLongException.class,
                () -> index.screen(ScreeningQuery.of("x".repeat(70_000)), 0.85, 10));
        assertTrue(e.getMessage().contains("70,000 characters"), e.getMessage());
        // the longest single word allowed gets no typo keys (a word of n letters would have n of n - 1 letters)
        assertTrue(IndexKeys.forQuery(new org.exportguard.core.match.NameTokenizer()
                .tokenize("q".repeat(1000), org.exportguard.core.model.PartyType.UNKNOWN)).get(0).size() <= 4);
        assertTrue(index.screen(ScreeningQuery.of("q".repeat(1000)), 0.85, 10).isEmpty());
    }
}
