package org.exportguard.core.screen;

import org.exportguard.core.model.Alias;
import org.exportguard.core.model.AliasStrength;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;
import org.exportguard.core.model.PartyType;
import org.junit.jupiter.api.Test;

import java.util.List;

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

    @Test
    void sameQuerySameAnswer() {
        assertEquals(screen("Putin Vladimir", PartyType.PERSON), screen("Putin Vladimir", PartyType.PERSON));
    }
}
