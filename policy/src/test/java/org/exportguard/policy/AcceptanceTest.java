package org.exportguard.policy;

import org.exportguard.policy.eval.Decision;
import org.exportguard.policy.eval.Finding;
import org.exportguard.policy.eval.RegimeDecision;
import org.exportguard.policy.pack.Outcome;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "Done when" lines of issue 3, on the default pack and the shipped sample lists. */
class AcceptanceTest {
    static final LocalDate DEC_1 = LocalDate.of(2021, 12, 1);
    static final LocalDate OCT_1 = LocalDate.of(2021, 10, 1);

    static RegimeDecision regime(Decision d, String id) {
        return d.regimes().stream().filter(r -> r.regime().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " missing in " + d.toJson()));
    }

    @Test
    void israeliIntrusionSoftwareAfterTheCutNeedsAnIndividualLicenceNotABan() throws Exception {
        // issue 15: off the reported list is an individual licence (often refused), never BLOCKED on a press report
        for (String dest : List.of("AE", "MA", "SA", "MX")) {
            Decision d = Fixtures.evaluator().evaluate(Fixtures.deal(Fixtures.israeliDeal(dest)), DEC_1);
            assertEquals(Outcome.LICENCE_REQUIRED, d.outcome(), dest + ": " + d.toJson());
            Finding f = regime(d, "IL-DECA").findings().stream()
                    .filter(x -> x.rule().equals("IL-DECA-CYBER-OFF-LIST")).findFirst().orElseThrow();
            assertEquals(Outcome.LICENCE_REQUIRED, f.outcome());
            assertFalse(f.provenance().authoritative(), "the 37-country list is reported, not published");
        }
        Decision in = Fixtures.evaluator().evaluate(Fixtures.deal(Fixtures.israeliDeal("IN")), DEC_1);
        assertEquals(Outcome.LICENCE_REQUIRED, in.outcome(), in.toJson());
        assertTrue(in.findings().stream().noneMatch(f -> f.rule().equals("IL-DECA-CYBER-OFF-LIST")), in.toJson());
    }

    @Test
    void beforeTheCutNoListRuleIsInForce() throws Exception {
        for (String dest : List.of("AE", "MA", "SA", "MX", "IN")) {
            Decision d = Fixtures.evaluator().evaluate(Fixtures.deal(Fixtures.israeliDeal(dest)), OCT_1);
            RegimeDecision il = regime(d, "IL-DECA");
            assertEquals(Outcome.LICENCE_REQUIRED, il.outcome(), dest + ": " + d.toJson());
            assertTrue(il.findings().stream().noneMatch(f -> f.rule().equals("IL-DECA-CYBER-OFF-LIST")), d.toJson());
        }
    }

    @Test
    void aNonGovernmentEndUserIsReviewNotBlockedBecauseThePolicyIsOnlyReported() throws Exception {
        Decision d = Fixtures.evaluator().evaluate(Fixtures.deal(Fixtures.israeliDeal("IN")
                .replace("'government'", "'non-government'")), DEC_1);
        assertEquals(Outcome.REVIEW, regime(d, "IL-DECA").outcome(), d.toJson());
        Finding f = regime(d, "IL-DECA").findings().stream()
                .filter(x -> x.rule().equals("IL-DECA-CYBER-END-USER")).findFirst().orElseThrow();
        assertEquals(Outcome.BLOCKED, f.cap().from(), d.toJson());
        assertTrue(f.reason().startsWith("capped: would be BLOCKED"), f.reason());
        assertTrue(d.toJson().contains("\"capped\":{\"from\":\"BLOCKED\""), d.toJson());
        // the civilian route is named as its own regime
        assertEquals(Outcome.LICENCE_REQUIRED, regime(d, "IL-MOE").outcome(), d.toJson());
    }

    @Test
    void nsoGroupIsBlockedFromItsListingDateOnly() throws Exception {
        Decision after = Fixtures.evaluator().evaluate(Fixtures.deal(Fixtures.usDeal("NSO Group")), DEC_1);
        assertEquals(Outcome.BLOCKED, after.outcome(), after.toJson());
        Finding el = regime(after, "US-EAR").findings().stream()
                .filter(f -> f.rule().equals("US-EAR-ENTITY-LIST")).findFirst().orElseThrow();
        assertEquals(Outcome.BLOCKED, el.outcome());
        assertTrue(el.citation().contains("744.11"), el.citation());
        assertEquals("US-CSL", el.match().source());
        assertTrue(el.match().subList().contains("Entity List"), el.match().toString());

        Decision before = Fixtures.evaluator().evaluate(Fixtures.deal(Fixtures.usDeal("NSO Group")), OCT_1);
        assertTrue(before.findings().stream().noneMatch(f -> f.rule().equals("US-EAR-ENTITY-LIST")), before.toJson());
        assertEquals(Outcome.CLEARED, before.outcome(), before.toJson());
    }

    @Test
    void aLongerSpellingOfNsoIsAtLeastReview() throws Exception {
        Decision d = Fixtures.evaluator().evaluate(Fixtures.deal(Fixtures.usDeal("NSO Group Technologies Ltd")), DEC_1);
        assertTrue(d.outcome() == Outcome.REVIEW || d.outcome() == Outcome.BLOCKED, d.toJson());
        assertTrue(d.findings().stream().anyMatch(f -> f.rule().equals("US-EAR-ENTITY-LIST")), d.toJson());
    }

    @Test
    void everyFindingCarriesCitationSourceFlagsAndVersions() throws Exception {
        for (String json : List.of(Fixtures.israeliDeal("AE"), Fixtures.israeliDeal("IN"),
                Fixtures.usDeal("NSO Group"), Fixtures.usDeal("Saito Tech Ltd."))) {
            for (LocalDate day : List.of(OCT_1, DEC_1, LocalDate.of(2022, 6, 1))) {
                Decision d = Fixtures.evaluator().evaluate(Fixtures.deal(json), day);
                assertFalse(d.policyVersion().isBlank());
                assertFalse(d.listVersions().isEmpty());
                for (Finding f : d.findings()) {
                    assertFalse(f.citation().isBlank(), f.toString());
                    assertFalse(f.provenance().sources().isEmpty(), f.toString());
                    assertNotNull(f.provenance().verified(), f.toString());
                    assertEquals(d.policyVersion(), f.policyVersion());
                    if (f.match() != null) {
                        assertNotNull(f.match().entryId());
                        assertNotNull(f.match().listedName());
                        assertFalse(f.match().listVersion().equals("unknown"), f.toString());
                    }
                }
            }
        }
    }

    @Test
    void sameInputSameBytes() throws Exception {
        String first = Fixtures.evaluator().evaluate(Fixtures.deal(Fixtures.usDeal("NSO Group Technologies Ltd")),
                DEC_1).toJson();
        for (int i = 0; i < 3; i++) {
            // a fresh evaluator over freshly loaded inputs
            String again = new org.exportguard.policy.eval.DealEvaluator(
                    org.exportguard.policy.pack.PackLoader.loadDefault(), Fixtures.screener())
                    .evaluate(Fixtures.deal(Fixtures.usDeal("NSO Group Technologies Ltd")), DEC_1).toJson();
            assertEquals(first, again);
        }
    }
}
