package org.exportguard.service;

import org.exportguard.policy.eval.HitDispositions;
import org.exportguard.store.Disposition;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A deal's stored dispositions as a decision applies them. */
public final class ConfirmedDispositions {
    private ConfirmedDispositions() {
    }

    /**
     * The confirmed dispositions as the evaluator takes them: one verdict per hit, the latest confirmation winning
     * (a hit can be disposed of again, e.g. when new facts turn up). Proposals not confirmed are left out.
     */
    public static HitDispositions of(List<Disposition> dispositions) {
        return of(dispositions, null);
    }

    /**
     * {@link #of(List)} for revision {@code dealRevision} of the deal (null: bound to none): a disposition confirmed
     * for an earlier revision no longer applies; its hit is re-opened for review, and the decision says why.
     */
    public static HitDispositions of(List<Disposition> dispositions, Long dealRevision) {
        if (dispositions.isEmpty()) {
            return HitDispositions.NONE;
        }
        List<Disposition> confirmed = dispositions.stream().filter(Disposition::confirmed)
                .sorted(Comparator.comparing((Disposition d) -> Instant.parse(d.confirmedAt()))
                        .thenComparingLong(Disposition::id))
                .toList();
        Map<String, HitDispositions.Verdict> byHit = new HashMap<>();
        for (Disposition d : confirmed) {
            String reopened = dealRevision == null || d.dealRevision() == dealRevision ? null
                    : "disposition " + d.id() + " of '" + d.partyName() + "' " + d.list() + " entry " + d.entryId()
                    + " was confirmed for revision " + d.dealRevision() + "; deal changed (now revision "
                    + dealRevision + "): re-review needed";
            byHit.put(HitDispositions.key(d.partyName(), d.list(), d.entryId()),
                    new HitDispositions.Verdict(d.trueMatch(), d.reason(), d.proposedBy(), d.confirmedBy(), reopened,
                            d.entrySha256(), d.listVersion()));
        }
        return HitDispositions.of(byHit);
    }
}
