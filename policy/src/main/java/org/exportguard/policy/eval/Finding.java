package org.exportguard.policy.eval;

import org.exportguard.policy.pack.Outcome;
import org.exportguard.policy.pack.Provenance;

/**
 * One reason in a decision: which rule, what it comes to, why, on what legal basis and from which source.
 *
 * @param about what a rule's finding is about: {@code items[0] WA 4.D.4}, {@code exporter US}, {@code parties};
 *              null for a list match, whose subject is its party ({@link #subject()})
 * @param match for a list match: the party and the listed entry it resembles; else null
 * @param cap   when the outcome was lowered to REVIEW because a deciding fact is not authoritative or not
 *              verified: the outcome it would have had and why; else null
 */
public record Finding(String rule, Outcome outcome, String reason, String citation, Provenance provenance,
                      String policyVersion, String about, ListMatch match, Cap cap) {

    /** The outcome a finding would have had, and the weak fact that kept it at REVIEW. */
    public record Cap(Outcome from, String because) {
    }

    static Finding rule(String rule, Outcome outcome, String reason, String citation, Provenance p, String policy,
                        String about) {
        return new Finding(rule, outcome, reason, citation, p, policy, about, null, null);
    }

    static Finding listMatch(String rule, Outcome outcome, String reason, String citation, Provenance p,
                             String policy, ListMatch match) {
        return new Finding(rule, outcome, reason, citation, p, policy, null, match, null);
    }

    /** This finding at REVIEW, saying what it would have been and why it is not. */
    Finding capped(String because) {
        return new Finding(rule, Outcome.REVIEW, "capped: would be " + outcome + ", but " + because
                + ", so REVIEW at most. " + reason, citation, provenance, policyVersion, about, match,
                new Cap(outcome, because));
    }

    /** What the finding is about, as a decision names it: {@code items[0] WA 4.D.4}, {@code parties[1] NSO Group}. */
    public String subject() {
        return match != null ? match.subject() : about;
    }
}
