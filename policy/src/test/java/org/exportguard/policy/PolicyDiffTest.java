package org.exportguard.policy;

import org.exportguard.policy.diff.PolicyDiff;
import org.exportguard.policy.pack.PackLoader;
import org.exportguard.policy.pack.PolicyPack;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Policy diffs: members gained and lost, rules added/removed/changed, and which destinations they can touch. */
class PolicyDiffTest {
    static PolicyPack pack(String groupMembers, String ruleOutcome) throws Exception {
        return PackLoader.parse(List.of(new PackLoader.PackFile("p.yaml", """
                pack: {id: t, version: "1"}
                schemes: [WA]
                groups:
                  G:
                    description: g
                    versions:
                      - {to: 2021-12-31, complete: true, members: [DE, FR]}
                      - {from: 2022-01-01, complete: true, members: %s}
                    source: s
                    verified: true
                entries:
                  E: {description: e, codes: {WA: 4.D.4}, source: s, verified: true}
                regimes:
                  R: {name: r, appliesWhen: {always: true}}
                rules:
                  - {id: R1, regime: R, entries: [E], destination: {in: [G]}, outcome: %s, reason: r, citation: 15 CFR 740.22, source: s, verified: true}
                """.formatted(groupMembers, ruleOutcome))));
    }

    @Test
    void groupChangesTouchOnlyTheCountriesGainedOrLost() throws Exception {
        PolicyDiff d = PolicyDiff.between(pack("[DE, IT]", "BLOCKED"), LocalDate.of(2021, 6, 1), LocalDate.of(2022, 6, 1));
        assertEquals(1, d.groups().size());
        assertEquals(Set.of("IT"), d.groups().get(0).gained());
        assertEquals(Set.of("FR"), d.groups().get(0).lost());
        assertTrue(d.rulesAdded().isEmpty() && d.rulesRemoved().isEmpty() && d.rulesChanged().isEmpty());
        PolicyDiff.Impact i = d.impact();
        assertFalse(i.allDestinations());
        assertTrue(i.touches("FR") && i.touches("IT") && !i.touches("DE") && !i.touches("US"));
    }

    @Test
    void aChangedRuleBetweenTwoPacksTouchesEveryDestination() throws Exception {
        LocalDate day = LocalDate.of(2021, 6, 1);
        PolicyDiff d = PolicyDiff.between(pack("[DE]", "BLOCKED"), day, pack("[DE]", "REVIEW"), day);
        assertEquals(1, d.rulesChanged().size());
        assertEquals(List.of("outcome"), d.rulesChanged().get(0).fields());
        assertTrue(d.impact().allDestinations());
    }

    @Test
    void sameDayNoChange() throws Exception {
        PolicyPack p = PackLoader.loadDefault();
        LocalDate day = LocalDate.of(2022, 6, 1);
        assertTrue(PolicyDiff.between(p, day, day).isEmpty());
        PolicyDiff d = PolicyDiff.between(p, LocalDate.of(2022, 1, 1), day);
        Set<String> added = new java.util.TreeSet<>(d.rulesAdded().stream().map(r -> r.id()).toList());
        assertTrue(added.containsAll(Set.of("US-CYBER-NS1-NO-LICENCE", "US-ACE-AVAILABLE", "US-ACE-E1E2", "US-ACE-GOV-D",
                "US-ACE-NONGOV-D1D5", "US-ACE-ENDUSE")), "the US cybersecurity rule took effect on 2022-03-07: " + added);
        assertTrue(added.containsAll(Set.of("US-5D001E-LICENCE", "US-ACE-GOV-D-DIGITAL-ARTIFACTS")),
                "the ACE final rule (87 FR 31948) took effect on 2022-05-26: " + added);
    }
}
