package org.exportguard.policy.eval;

import org.exportguard.policy.pack.Outcome;
import org.exportguard.policy.pack.Provenance;

/**
 * One reason in a decision: which rule, what it comes to, why, on what legal basis and from which source.
 *
 * @param subject     what the finding is about: {@code items[0] WA 4.D.4}, {@code parties[1] NSO Group}, the deal
 * @param list        for a list match: the list (e.g. {@code US-CSL: Entity List (EL) - ...}); else null
 * @param sourceId    for a list match: the entry's id in its list; else null
 * @param score       for a list match: the screening score; else null
 * @param listVersion for a list match: the version of the list file; else null
 */
public record Finding(String rule, Outcome outcome, String reason, String citation, Provenance provenance,
                      String policyVersion, String subject, String list, String sourceId, Double score,
                      String listVersion) {

    static Finding rule(String rule, Outcome outcome, String reason, String citation, Provenance p, String policy,
                        String subject) {
        return new Finding(rule, outcome, reason, citation, p, policy, subject, null, null, null, null);
    }
}
