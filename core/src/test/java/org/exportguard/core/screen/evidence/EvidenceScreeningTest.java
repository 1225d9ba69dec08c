package org.exportguard.core.screen.evidence;

import org.exportguard.core.model.Address;
import org.exportguard.core.model.Alias;
import org.exportguard.core.model.Identifier;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;
import org.exportguard.core.model.PartyType;
import org.exportguard.core.screen.ScreeningHit;
import org.exportguard.core.screen.ScreeningIndex;
import org.exportguard.core.screen.ScreeningQuery;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each secondary-evidence case on a small list: what moves the score, by how much, and what never does. */
class EvidenceScreeningTest {
    static final double T = 0.85;

    static final ListedParty PERSON = ListedParty.builder("TEST", "p1").type(PartyType.PERSON)
            .primaryName("Ayman AL-ZAWAHIRI")
            .alias(Alias.strong("Abu Fatima"))
            .dateOfBirth("19 Jun 1951").placeOfBirth("Giza, Egypt").nationality("Egypt")
            .address(new Address(null, null, null, null, "Afghanistan", null))
            .identifier(new Identifier("Passport", "1084010", "Egypt"))
            .build();
    static final ListedParty NAMESAKE = ListedParty.builder("TEST", "p2").type(PartyType.PERSON)
            .primaryName("Ahmed Hassan KHALIL").dateOfBirth("1990").nationality("Jordan").build();
    static final ListedParty VESSEL = ListedParty.builder("TEST", "v1").type(PartyType.VESSEL)
            .primaryName("SEA PEARL TRADER")
            .identifier(new Identifier("Vessel Registration Identification", "IMO 9187629", null)).build();
    static final ListedParty BANK = ListedParty.builder("TEST", "b1").type(PartyType.ORGANIZATION)
            .primaryName("BANCO NACIONAL DE CUBA")
            .address(new Address("Aguiar 456", "Havana", null, null, "Cuba", "CU"))
            .identifier(new Identifier("SWIFT/BIC", "BNACCUHH", null))
            .identifier(new Identifier("Registration Number", "REG-778812", "Cuba")).build();

    static final ScreeningIndex INDEX = ScreeningIndex.build(List.of(new PartyList("TEST", "test", "memory",
            List.of(PERSON, NAMESAKE, VESSEL, BANK), List.of())));
    static final EvidenceScreening SCREENING = EvidenceScreening.of(INDEX);

    static ScreeningHit only(ScreeningQuery q, String id) {
        return SCREENING.screen(q, T, 10).stream().filter(h -> h.party().sourceId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no hit on " + id + " for " + q));
    }

    static double nameOnly(String name, String id) {
        return INDEX.screen(ScreeningQuery.of(name), T, 10).stream().filter(h -> h.party().sourceId().equals(id))
                .findFirst().orElseThrow().score();
    }

    static ScreeningQuery dob(String name, String dob) {
        return new ScreeningQuery(name, PartyType.UNKNOWN, null, dob);
    }

    static Evidence single(ScreeningHit h) {
        assertEquals(1, h.evidence().items().size(), h.evidence().toText());
        return h.evidence().items().get(0);
    }

    @Test
    void nameOnlyQueriesAreTheIndexsOwnAnswer() {
        ScreeningQuery q = ScreeningQuery.of("Aiman al Zawahiri");
        assertEquals(INDEX.screen(q, T, 10), SCREENING.screen(q, T, 10));
        assertNull(SCREENING.screen(q, T, 10).get(0).evidence());
    }

    @Test
    void dobSameDayRaisesMost() {
        double base = nameOnly("Aiman al Zawahiri", "p1");
        ScreeningHit h = only(dob("Aiman al Zawahiri", "1951-06-19"), "p1");
        Evidence e = single(h);
        assertEquals(Evidence.Result.MATCH, e.result());
        assertEquals("same day", e.note());
        assertEquals(EvidenceComparer.DOB_SAME_DAY, e.effect());
        assertEquals(Math.min(1.0, base + 0.10), h.score(), 1e-4);
        assertEquals(base, h.nameScore(), 1e-4);
        assertTrue(h.evidence().toText().contains("dob 1951-06-19 = listed 19 Jun 1951 (same day) +0.10"),
                h.evidence().toText());
    }

    @Test
    void dobYearAndRangeMatchRaiseLess() {
        Evidence year = single(only(dob("Aiman al Zawahiri", "1951"), "p1"));
        assertEquals("same year", year.note());
        assertEquals(EvidenceComparer.DOB_SAME_YEAR, year.effect());
        Evidence range = single(only(dob("Aiman al Zawahiri", "1948..1955"), "p1"));
        assertEquals("within the range", range.note());
        assertEquals(EvidenceComparer.DOB_IN_RANGE, range.effect());
    }

    @Test
    void dobConflictLowersButNeverRemovesTheNameMatch() {
        double base = nameOnly("Aiman al Zawahiri", "p1");
        ScreeningHit h = only(dob("Aiman al Zawahiri", "1990-02-03"), "p1");
        Evidence e = single(h);
        assertEquals(Evidence.Result.CONFLICT, e.result());
        assertEquals("38 years apart", e.note());
        assertEquals(base + EvidenceComparer.DOB_CONFLICT, h.score(), 1e-4);
        assertTrue(h.score() < T, "the conflict lowers it below the threshold, and it is still reported");
        ScreeningHit sameYear = only(dob("Aiman al Zawahiri", "1951-02-03"), "p1");
        assertEquals("same year, another day", single(sameYear).note());
        assertEquals(EvidenceComparer.DOB_SAME_YEAR_OTHER_DAY, single(sameYear).effect());
        // a range that misses the listed date is a conflict too
        assertEquals(Evidence.Result.CONFLICT, single(only(dob("Aiman al Zawahiri", "1960..1970"), "p1")).result());
    }

    @Test
    void dobConflictRanksTheRightNamesakeFirst() {
        // Two listed people of near names: the birth year decides the order.
        ListedParty a = ListedParty.builder("T", "a").type(PartyType.PERSON).primaryName("Ivan PETROV")
                .dateOfBirth("1951").build();
        ListedParty b = ListedParty.builder("T", "b").type(PartyType.PERSON).primaryName("Ivan PETROV")
                .dateOfBirth("1990-05-05").build();
        EvidenceScreening s = EvidenceScreening.of(ScreeningIndex.build(List.of(new PartyList("T", "t", "m",
                List.of(a, b), List.of()))));
        List<ScreeningHit> hits = s.screen(dob("Ivan Petrov", "1990-05-05"), T, 10);
        assertEquals(List.of("b", "a"), hits.stream().map(h -> h.party().sourceId()).toList());
        assertEquals(1.0, hits.get(0).score(), 1e-9);
        assertEquals(0.85, hits.get(1).score(), 1e-4);
    }

    @Test
    void countryMatchAndConflict() {
        double base = nameOnly("Banco Nacional de Cubo", "b1");
        ScreeningHit cu = only(new ScreeningQuery("Banco Nacional de Cubo", null, "CU", null), "b1");
        assertEquals(Evidence.Result.MATCH, single(cu).result());
        assertEquals(Math.min(1.0, base + EvidenceComparer.COUNTRY_MATCH), cu.score(), 1e-4);
        ScreeningHit byName = only(new ScreeningQuery("Banco Nacional de Cubo", null, "Cuba", null), "b1");
        assertEquals("CU", single(byName).listed());
        ScreeningHit es = only(new ScreeningQuery("Banco Nacional de Cubo", null, "ES", null), "b1");
        Evidence e = single(es);
        assertEquals(Evidence.Result.CONFLICT, e.result());
        assertEquals("CU", e.listed());
        assertEquals(base + EvidenceComparer.COUNTRY_CONFLICT, es.score(), 1e-4);
        // nationality counts as a country of a person
        assertEquals(Evidence.Result.MATCH, single(only(new ScreeningQuery("Aiman al Zawahiri", null, "EG", null),
                "p1")).result());
    }

    @Test
    void identifierMatchIsStrongEvenWithAWeakerName() {
        // "Pearl Trading" alone is below the threshold for the vessel; its IMO number names it.
        ScreeningQuery nameOnly = ScreeningQuery.of("Pearl Trading");
        assertTrue(SCREENING.screen(nameOnly, T, 10).isEmpty());
        ScreeningQuery withImo = new ScreeningQuery("Pearl Trading", null, null, null,
                List.of(new Identifier("imo", "9187629", null)));
        ScreeningHit h = only(withImo, "v1");
        Evidence e = single(h);
        assertEquals(Evidence.Result.MATCH, e.result());
        assertEquals(EvidenceComparer.IDENTIFIER_MATCH, e.effect());
        assertEquals("Vessel Registration Identification IMO 9187629", e.listed());
        assertTrue(h.nameScore() < T && h.score() >= T, h.evidence().toText());
        // a BIC with the head-office branch code is the same BIC
        ScreeningHit bic = only(new ScreeningQuery("Banco Nacional", null, null, null,
                List.of(new Identifier("swift-bic", "BNAC CU HH XXX", null))), "b1");
        assertEquals(Evidence.Result.MATCH, single(bic).result());
    }

    @Test
    void identifierConflict() {
        double base = nameOnly("Banco Nacional de Cubo", "b1");
        ScreeningHit h = only(new ScreeningQuery("Banco Nacional de Cubo", null, null, null,
                List.of(new Identifier("registration", "REG-999999", null))), "b1");
        Evidence e = single(h);
        assertEquals(Evidence.Result.CONFLICT, e.result());
        assertEquals(EvidenceComparer.UNIQUE_IDENTIFIER_CONFLICT, e.effect());
        assertEquals(base + EvidenceComparer.UNIQUE_IDENTIFIER_CONFLICT, h.score(), 1e-4);
        ScreeningHit passport = only(new ScreeningQuery("Aiman al Zawahiri", null, null, null,
                List.of(new Identifier("passport", "A0000001", null))), "p1");
        assertEquals(EvidenceComparer.DOCUMENT_CONFLICT, single(passport).effect());
        // a kind the entry does not list is no evidence: a vessel's IMO says nothing of a bank
        ScreeningHit other = only(new ScreeningQuery("Banco Nacional de Cubo", null, null, null,
                List.of(new Identifier("imo", "1234567", null))), "b1");
        assertEquals(List.of(), other.evidence().items());
        assertEquals(base, other.score(), 1e-9);
    }

    @Test
    void missingFieldsChangeNothing() {
        // The namesake lists no identifiers, no address and the bank no date of birth: nothing to compare.
        double base = nameOnly("Banco Nacional de Cubo", "b1");
        ScreeningHit h = only(new ScreeningQuery("Banco Nacional de Cubo", null, null, "1951-06-19"), "b1");
        assertEquals(List.of(), h.evidence().items());
        assertEquals(base, h.score(), 1e-9);
        assertTrue(h.evidence().toText().contains("no evidence compared"));
        double khalil = nameOnly("Ahmed Hassan Khalil", "p2");
        ScreeningHit k = only(new ScreeningQuery("Ahmed Hassan Khalil", null, null, null,
                List.of(new Identifier("passport", "X1234567", null))), "p2");
        assertEquals(khalil, k.score(), 1e-9);
        // a listed date the reader cannot interpret is no evidence either
        ListedParty odd = ListedParty.builder("T", "o").type(PartyType.PERSON).primaryName("Ivan PETROV")
                .dateOfBirth("unknown").build();
        assertNull(EvidenceComparer.dob(DobRange.parseQuery("1990"), "1990", odd));
        // an unknown country word is no evidence, never a conflict
        assertNull(EvidenceComparer.country("Atlantis", BANK));
    }

    @Test
    void typeMatchRaisesSlightlyAndAMismatchIsCountedOnce() {
        double base = nameOnly("Aiman al Zawahiri", "p1");
        ScreeningHit person = only(new ScreeningQuery("Aiman al Zawahiri", PartyType.PERSON, null, null), "p1");
        assertEquals(Math.min(1.0, base + EvidenceComparer.TYPE_MATCH), person.score(), 1e-4);
        ScreeningHit vessel = SCREENING.screen(new ScreeningQuery("Sea Pearl Trader", PartyType.ORGANIZATION,
                null, null), 0.5, 10).get(0);
        Evidence e = single(vessel);
        assertEquals(Evidence.Result.CONFLICT, e.result());
        assertEquals(0.0, e.effect());
        assertEquals(vessel.nameScore(), vessel.score(), 1e-9);
    }

    @Test
    void datesAsListsWriteThem() {
        assertEquals("1951-06-19", DobRange.parseListed("19 Jun 1951").toString());
        assertEquals("1951-06-19", DobRange.parseListed("19/06/1951").toString());
        assertEquals("1964-03-01..1964-03-31", DobRange.parseListed("1964-03").toString());
        assertEquals("1959..1961", DobRange.parseListed("circa 1960").toString());
        assertEquals("1960..1962", DobRange.parseListed("1960 to 1962").toString());
        assertEquals("1955..1957", DobRange.parseListed("Between 1955 and 1957").toString());
        assertEquals("1976", DobRange.parseListed("1976").toString());
        assertNull(DobRange.parseListed("unknown"));
    }

    @Test
    void aBadQueryDateSaysWhatIsExpected() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DobRange.parseQuery("19.6.1951"));
        assertTrue(e.getMessage().contains("expected YYYY, YYYY-MM, YYYY-MM-DD"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DobRange.parseQuery("1951-13-01"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DobRange.parseQuery("1960..1950"));
    }
}
