package org.exportguard.policy.eval;

import org.exportguard.policy.pack.Outcome;

import java.util.List;

/** What one regime says about a deal: the most severe of its findings (CLEARED when it has none). */
public record RegimeDecision(String regime, String name, Outcome outcome, List<Finding> findings) {
    public RegimeDecision {
        findings = List.copyOf(findings);
    }
}
