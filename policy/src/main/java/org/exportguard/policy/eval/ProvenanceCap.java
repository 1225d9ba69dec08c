package org.exportguard.policy.eval;

import org.exportguard.policy.pack.Outcome;
import org.exportguard.policy.pack.Provenance;
import org.exportguard.policy.pack.Verification;

import java.util.ArrayList;
import java.util.List;

/**
 * No fact that is not the law itself (reported, derived, inferred: {@code authoritative: false}) and no fact that
 * was not seen in its source ({@code verified: false}) BLOCKs or CLEARs on its own: a finding resting on one says
 * REVIEW at most, and says which fact capped it. LICENCE_REQUIRED and REVIEW are never lowered, since they already
 * send the deal to a person.
 */
final class ProvenanceCap {
    /** A fact a finding rests on, with a name for messages ("rule US-ACE-AVAILABLE", "group US_EAR_D1"). */
    record Fact(String name, Provenance provenance) {
    }

    private ProvenanceCap() {
    }

    static Finding apply(Finding f, List<Fact> deciding) {
        if (f.outcome() != Outcome.BLOCKED && f.outcome() != Outcome.CLEARED) {
            return f;
        }
        List<String> weak = new ArrayList<>();
        for (Fact fact : deciding) {
            Provenance p = fact.provenance();
            if (!p.authoritative()) {
                weak.add(fact.name() + " is not authoritative (reported or derived data, not the law itself)");
            } else if (p.verified() == Verification.UNVERIFIED) {
                weak.add(fact.name() + " is not verified against its source");
            }
        }
        return weak.isEmpty() ? f : f.capped(String.join("; ", weak));
    }
}
