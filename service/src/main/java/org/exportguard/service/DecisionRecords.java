package org.exportguard.service;

import org.exportguard.policy.eval.Decision;
import org.exportguard.policy.eval.RegimeDecision;
import org.exportguard.store.NewDecision;

/** The stored form of a decision. */
public final class DecisionRecords {
    private DecisionRecords() {
    }

    /** A decision to store, naming the list and policy versions it was taken against ({@code in}) and why. */
    public static NewDecision of(Decision d, InForce in, String reason) {
        return new NewDecision(d.dealId(), d.asOf(), d.outcome().name(), d.toJson(), in.listVersionIds(),
                in.policyVersionId(), reason, d.regimes().stream().map(RegimeDecision::regime).toList());
    }
}
