package org.exportguard.policy.eval;

import org.exportguard.policy.pack.Outcome;
import org.exportguard.policy.pack.Provenance;

/**
 * One reason in a decision: which rule, what it comes to, why, on what legal basis and from which source.
 *
 * @param about what a rule's finding is about: {@code items[0] WA 4.D.4}, {@code exporter US}, {@code parties};
 *              null for a list match, whose subject is its party ({@link #subject()})
 * @param match for a list match: the party and the listed entry it resembles; else null
 */
public record Finding(String rule, Outcome outcome, String reason, String citation, Provenance provenance,
                      String policyVersion, String about, ListMatch match) {

    static Finding rule(String rule, Outcome outcome, String reason, String citation, Provenance p, String policy,
                        String about) {
        return new Finding(rule, outcome, reason, citation, p, policy, about, null);
    }

    static Finding listMatch(String rule, Outcome outcome, String reason, String citation, Provenance p,
                             String policy, ListMatch match) {
        return new Finding(rule, outcome, reason, citation, p, policy, null, match);
    }

    /** What the finding is about, as a decision names it: {@code items[0] WA 4.D.4}, {@code parties[1] NSO Group}. */
    public String subject() {
        return match != null ? match.subject() : about;
    }
}
