package org.exportguard.policy;

import org.exportguard.policy.destination.DestinationMap;
import org.exportguard.policy.eval.Truth;
import org.exportguard.policy.pack.PackLoader;
import org.exportguard.policy.pack.PolicyPack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The destination map over the default pack: the Israeli cyber group before and after its reported cut on
 * 2021-11-01, and after it became known to be incomplete (2022-01), where a country off the 37 is unknown, not out.
 */
class DestinationMapTest {
    private static final String IL37 = "IL_DECA_CYBER_REPORTED_37";
    private static final LocalDate BEFORE_CUT = LocalDate.of(2021, 10, 31);
    private static final LocalDate CUT = LocalDate.of(2021, 11, 1);
    private static final LocalDate INCOMPLETE = LocalDate.of(2022, 6, 1);
    private static PolicyPack pack;

    @BeforeAll
    static void load() throws Exception {
        pack = PackLoader.loadDefault();
    }

    private static Map<String, DestinationMap.Country> byCode(DestinationMap.View v) {
        return v.countries().stream().collect(Collectors.toMap(DestinationMap.Country::code, Function.identity()));
    }

    @Test
    void everyIsoCountryIsAnswered() {
        DestinationMap.View v = DestinationMap.ofGroup(pack, IL37, CUT);
        assertEquals(Locale.getISOCountries().length, v.countries().size());
        assertEquals("AD", v.countries().get(0).code(), "in code order");
    }

    @Test
    void theIsraeliGroupIsUnknownBeforeTheCutAndCompleteAfterIt() {
        Map<String, DestinationMap.Country> before = byCode(DestinationMap.ofGroup(pack, IL37, BEFORE_CUT));
        // no names of the earlier 102-country list are known: every country is unknown, none is "not member"
        assertTrue(before.values().stream().allMatch(c -> c.status().value() == Truth.Value.UNKNOWN));
        assertTrue(before.get("AE").status().unknownBecause().get(0).contains("no version in force on 2021-10-31"),
                before.get("AE").status().unknownBecause().toString());

        DestinationMap.View cut = DestinationMap.ofGroup(pack, IL37, CUT);
        Map<String, DestinationMap.Country> after = byCode(cut);
        assertEquals(37, cut.countries().stream().filter(c -> c.status().isTrue()).count());
        for (String left : List.of("AE", "MX", "SA", "MA")) {
            assertTrue(after.get(left).status().isFalse(), left + " is off the reported list from 2021-11-01");
        }
        assertTrue(after.get("DE").status().isTrue());
        assertTrue(after.get("IN").status().isTrue());
    }

    @Test
    void theRulesNamingTheGroupAreListedWhereTheirConditionHolds() {
        DestinationMap.View before = DestinationMap.ofGroup(pack, IL37, BEFORE_CUT);
        assertTrue(before.destinationRules().isEmpty(), "the off-list rule is in force from 2021-11-01 only");

        DestinationMap.View cut = DestinationMap.ofGroup(pack, IL37, CUT);
        Map<String, DestinationMap.Country> after = byCode(cut);
        assertEquals(List.of("IL-DECA-CYBER-OFF-LIST"), cut.destinationRules().stream().map(r -> r.id()).toList());
        assertEquals(1, after.get("AE").rules().size(), "off the list: the rule's notIn holds");
        assertTrue(after.get("AE").rules().get(0).destination().isTrue());
        assertTrue(after.get("DE").rules().isEmpty(), "a member: the rule does not hold");
    }

    @Test
    void aCountryOffTheListIsUnknownOnceTheListIsKnownToBeIncomplete() {
        Map<String, DestinationMap.Country> later = byCode(DestinationMap.ofGroup(pack, IL37, INCOMPLETE));
        DestinationMap.Country ae = later.get("AE");
        assertEquals(Truth.Value.UNKNOWN, ae.status().value(), "the 38th country is not named: AE may be it");
        assertTrue(ae.status().unknownBecause().get(0).contains("known only in part"), ae.status().toString());
        assertEquals(Truth.Value.UNKNOWN, ae.rules().get(0).destination().value(),
                "the off-list rule cannot be decided for AE either");
        assertTrue(later.get("DE").status().isTrue());
    }

    @Test
    void aRegimeIsColouredByItsDestinationRulesInForce() {
        Map<String, DestinationMap.Country> before = byCode(DestinationMap.ofRegime(pack, "IL-DECA", BEFORE_CUT));
        assertTrue(before.get("AE").status().isFalse(), "no IL-DECA destination rule is in force before the cut");

        DestinationMap.View cut = DestinationMap.ofRegime(pack, "IL-DECA", CUT);
        Map<String, DestinationMap.Country> after = byCode(cut);
        assertTrue(after.get("AE").status().isTrue());
        assertTrue(after.get("DE").status().isFalse());
        assertEquals(List.of(IL37), cut.groups().stream().map(g -> g.id()).toList());
        assertTrue(cut.anyDestinationRules().stream().anyMatch(r -> r.id().equals("IL-DECA-CYBER-LICENCE")),
                "rules without a destination condition are listed apart");
        assertTrue(cut.destinationRules().stream().noneMatch(r -> r.id().equals("IL-DECA-CYBER-LICENCE")));

        assertEquals(Truth.Value.UNKNOWN,
                byCode(DestinationMap.ofRegime(pack, "IL-DECA", INCOMPLETE)).get("AE").status().value());
    }

    @Test
    void oneRuleOfARegimeShowsWhereItsDestinationConditionHolds() {
        Map<String, DestinationMap.Country> after = byCode(DestinationMap.ofRegime(pack, "US-EAR",
                "US-ACE-GOV-D", LocalDate.of(2026, 8, 1)));
        Map<String, DestinationMap.Country> all = byCode(DestinationMap.ofRegime(pack, "US-EAR",
                LocalDate.of(2026, 8, 1)));
        long holds = after.values().stream().filter(c -> c.status().isTrue()).count();
        assertTrue(holds > 0 && holds < all.values().stream().filter(c -> c.status().isTrue()).count(),
                "one rule holds for fewer countries than the regime's rules together: " + holds);
        assertTrue(after.values().stream().allMatch(c -> c.rules().stream()
                .allMatch(a -> a.rule().id().equals("US-ACE-GOV-D"))));
        DestinationMap.View notYet = DestinationMap.ofRegime(pack, "IL-DECA", "IL-DECA-CYBER-OFF-LIST", BEFORE_CUT);
        assertTrue(notYet.countries().stream().allMatch(c -> c.status().isFalse()), "not in force: holds nowhere");
        assertThrows(IllegalArgumentException.class,
                () -> DestinationMap.ofRegime(pack, "IL-DECA", "US-ACE-GOV-D", CUT), "a rule of another regime");
    }

    /**
     * The map and the deal evaluator read destinations alike: for every country, the off-list rule holds on the map
     * exactly when a decision of the story's deal (intrusion software from Israel to a government) to that country
     * has its finding; where the map says unknown, no decision treats the country as off the list.
     */
    @Test
    void theMapAgreesWithDecisionsForEveryCountry() throws Exception {
        for (LocalDate day : List.of(CUT, INCOMPLETE)) {
            DestinationMap.View v = DestinationMap.ofRegime(pack, "IL-DECA", "IL-DECA-CYBER-OFF-LIST", day);
            for (DestinationMap.Country c : v.countries()) {
                boolean found = Fixtures.evaluator().evaluate(Fixtures.deal(Fixtures.israeliDeal(c.code())), day)
                        .findings().stream().anyMatch(f -> f.rule().equals("IL-DECA-CYBER-OFF-LIST")
                                && f.outcome() == org.exportguard.policy.pack.Outcome.LICENCE_REQUIRED);
                assertEquals(c.status().isTrue(), found, c.code() + " on " + day + ": " + c.status());
            }
        }
    }

    @Test
    void anUnknownGroupOrRegimeIsRefusedNamingIt() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DestinationMap.ofGroup(pack, "NOPE", CUT))
                .getMessage().contains("'NOPE'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DestinationMap.ofRegime(pack, "NOPE", CUT))
                .getMessage().contains("'NOPE'"));
    }
}
