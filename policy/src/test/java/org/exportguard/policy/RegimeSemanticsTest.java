package org.exportguard.policy;

import org.exportguard.policy.eval.Decision;
import org.exportguard.policy.eval.Finding;
import org.exportguard.policy.eval.RegimeDecision;
import org.exportguard.policy.pack.Outcome;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default pack's regimes behave as issue 3 Build §2 says. */
class RegimeSemanticsTest {
    static final LocalDate JUNE_2022 = LocalDate.of(2022, 6, 1);

    static String deal(String exporter, String classification, String destination, String type, String flags) {
        return "{'id':'x','date':'2022-06-01','exporter':{'name':'E','country':'" + exporter + "'},"
                + "'items':[{'classification':{" + classification + "}}],'destination':'" + destination + "',"
                + "'parties':[{'role':'end-user','name':'Northwind Traders','type':'" + type + "'}],'flags':[" + flags + "]}";
    }

    static Decision decide(String json, LocalDate day) throws Exception {
        return Fixtures.evaluator().evaluate(Fixtures.deal(json), day);
    }

    static List<String> regimes(Decision d) {
        return d.regimes().stream().map(RegimeDecision::regime).toList();
    }

    @Test
    void aMappingAloneNeverMakesARegimeApply() throws Exception {
        assertEquals(List.of("IL-DECA", "IL-MOE", "UN"), regimes(decide(deal("IL", "'WA':'4.D.4'", "IN", "government", ""), JUNE_2022)));
        assertEquals(List.of("IL-DECA", "IL-MOE", "US-EAR", "UN"),
                regimes(decide(deal("IL", "'WA':'4.D.4','US-EAR':'4D004'", "IN", "government", ""), JUNE_2022)));
        assertEquals(List.of("IL-DECA", "IL-MOE", "US-EAR", "UN"),
                regimes(decide(deal("IL", "'WA':'4.D.4'", "IN", "government", "'subject-to-ear'"), JUNE_2022)));
        assertEquals(List.of("EU-2021-821", "UN"), regimes(decide(deal("DE", "'WA':'4.D.4'", "IN", "government", ""), JUNE_2022)));
    }

    @Test
    void canadaNeedsNoLicenceForNs1AndAceRestrictionsAreNotExamined() throws Exception {
        RegimeDecision us = AcceptanceTest.regime(decide(deal("US", "'WA':'4.D.4'", "CA", "government", ""), JUNE_2022), "US-EAR");
        assertEquals(Outcome.CLEARED, us.outcome());
        assertEquals(List.of("US-CYBER-NS1-NO-LICENCE"), us.findings().stream().map(Finding::rule).toList());
    }

    @Test
    void aceRestrictions() throws Exception {
        // E:1 destination: no ACE
        assertEquals(Outcome.LICENCE_REQUIRED, AcceptanceTest.regime(
                decide(deal("US", "'US-EAR':'4D004'", "IR", "non-government", ""), JUNE_2022), "US-EAR").outcome());
        // government end user in D:5 (China is a named member): no ACE
        assertEquals(Outcome.LICENCE_REQUIRED, AcceptanceTest.regime(
                decide(deal("US", "'US-EAR':'4D004'", "CN", "government", ""), JUNE_2022), "US-EAR").outcome());
        // government end user where D:1-D:5 membership is unknown: REVIEW, saying why
        RegimeDecision ae = AcceptanceTest.regime(decide(deal("US", "'US-EAR':'4D004'", "AE", "government", ""), JUNE_2022), "US-EAR");
        assertEquals(Outcome.REVIEW, ae.outcome());
        assertTrue(ae.findings().stream().anyMatch(f -> f.rule().equals("US-ACE-GOV-D")
                && f.reason().contains("known only in part on 2022-06-01") && f.reason().contains("If it applies: LICENCE_REQUIRED")));
        // before the rule took effect there is no US cyber rule in force
        RegimeDecision early = AcceptanceTest.regime(decide(deal("US", "'US-EAR':'4D004'", "CA", "government", ""),
                LocalDate.of(2021, 12, 1)), "US-EAR");
        assertEquals(Outcome.REVIEW, early.outcome());
        assertTrue(early.findings().get(0).reason().contains("is in force on 2021-12-01"), early.toString());
    }

    @Test
    void euGeneralAuthorisationAndArticle5() throws Exception {
        // EU001 excludes Annex IIg items, which the pack does not hold: only a declared check lets it clear
        RegimeDecision unchecked = AcceptanceTest.regime(decide(deal("DE", "'WA':'4.D.4'", "US", "government", ""),
                JUNE_2022), "EU-2021-821");
        assertEquals(Outcome.REVIEW, unchecked.outcome());
        assertTrue(unchecked.findings().get(0).reason().contains("Annex IIg"), unchecked.toString());
        RegimeDecision us = AcceptanceTest.regime(decide(deal("DE", "'WA':'4.D.4'", "US", "government",
                "'not-in-annex-iig'"), JUNE_2022), "EU-2021-821");
        assertEquals(Outcome.CLEARED, us.outcome());
        assertTrue(us.findings().get(0).reason().contains("EU001"), us.toString());
        assertEquals(Outcome.LICENCE_REQUIRED, AcceptanceTest.regime(
                decide(deal("DE", "'WA':'4.D.4'", "IN", "government", ""), JUNE_2022), "EU-2021-821").outcome());
        RegimeDecision art5 = AcceptanceTest.regime(decide(deal("FR", "'EU-2021-821':'ART5'", "EG", "government",
                "'human-rights-concern'"), JUNE_2022), "EU-2021-821");
        assertEquals(Outcome.LICENCE_REQUIRED, art5.outcome());
        assertTrue(art5.findings().get(0).citation().contains("Art. 5"));
        assertEquals(Outcome.CLEARED, AcceptanceTest.regime(decide(deal("FR", "'EU-2021-821':'ART5'", "EG", "government",
                ""), JUNE_2022), "EU-2021-821").outcome());
    }

    @Test
    void aUnListMatchBlocksEveryDeal() throws Exception {
        String json = deal("DE", "'WA':'4.D.4'", "US", "non-government", "").replace("Northwind Traders", "AL-QAIDA");
        Decision d = decide(json, JUNE_2022);
        assertEquals(Outcome.BLOCKED, AcceptanceTest.regime(d, "UN").outcome(), d.toJson());
        assertEquals(Outcome.BLOCKED, d.outcome());
    }

    @Test
    void anUnknownEndUserTypeIsReviewNotAGuess() throws Exception {
        String json = Fixtures.israeliDeal("IN").replace(",'type':'government'", "");
        RegimeDecision il = AcceptanceTest.regime(decide(json, LocalDate.of(2021, 12, 1)), "IL-DECA");
        assertEquals(Outcome.REVIEW, il.outcome());
        assertTrue(il.findings().stream().anyMatch(f -> f.reason().contains("is not given")));
    }
}
