package org.exportguard.policy;

import org.exportguard.policy.eval.Decision;
import org.exportguard.policy.eval.Finding;
import org.exportguard.policy.eval.HitDispositions;
import org.exportguard.policy.pack.Outcome;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Confirmed dispositions of screening hits change the decision; only the hit they name. */
class DispositionsTest {
    static final LocalDate DEC_1 = LocalDate.of(2021, 12, 1);
    static final String PARTY = "NSO Group Technologies Ltd";

    private static Finding entityListFinding(Decision d) {
        return d.findings().stream().filter(f -> f.rule().equals("US-EAR-ENTITY-LIST")).findFirst().orElseThrow();
    }

    @Test
    void aConfirmedFalsePositiveNoLongerAsksForReviewAndSaysWhoDecided() throws Exception {
        Decision open = Fixtures.evaluator().evaluate(Fixtures.deal(Fixtures.usDeal(PARTY)), DEC_1);
        Finding hit = entityListFinding(open);
        assertEquals(Outcome.REVIEW, hit.outcome(), open.toJson());
        String list = hit.match().source();

        HitDispositions fp = HitDispositions.of(Map.of(HitDispositions.key(PARTY, list, hit.match().entryId()),
                new HitDispositions.Verdict(false, "different company, registered 2019 in Cyprus", "api:ann",
                        "api:bob")));
        Decision dismissed = Fixtures.evaluator().evaluate(Fixtures.deal(Fixtures.usDeal(PARTY)), DEC_1, fp);
        Finding f = entityListFinding(dismissed);
        assertEquals(Outcome.CLEARED, f.outcome());
        assertTrue(f.reason().contains("false positive") && f.reason().contains("api:bob"), f.reason());
        assertEquals(Outcome.CLEARED, dismissed.outcome(), dismissed.toJson());

        HitDispositions tm = HitDispositions.of(Map.of(HitDispositions.key(PARTY, list, hit.match().entryId()),
                new HitDispositions.Verdict(true, "same company", "api:ann", "api:bob")));
        Decision blocked = Fixtures.evaluator().evaluate(Fixtures.deal(Fixtures.usDeal(PARTY)), DEC_1, tm);
        assertEquals(Outcome.BLOCKED, blocked.outcome(), blocked.toJson());
    }

    @Test
    void aDispositionOfAnotherPartyOrEntryChangesNothing() throws Exception {
        Decision open = Fixtures.evaluator().evaluate(Fixtures.deal(Fixtures.usDeal(PARTY)), DEC_1);
        Finding hit = entityListFinding(open);
        String list = hit.match().source();
        HitDispositions other = HitDispositions.of(Map.of(
                HitDispositions.key("Someone Else", list, hit.match().entryId()),
                new HitDispositions.Verdict(false, "x", "a", "b"),
                HitDispositions.key(PARTY, list, "another-entry"), new HitDispositions.Verdict(false, "x", "a", "b")));
        Decision d = Fixtures.evaluator().evaluate(Fixtures.deal(Fixtures.usDeal(PARTY)), DEC_1, other);
        assertEquals(open.toJson(), d.toJson());
    }
}
