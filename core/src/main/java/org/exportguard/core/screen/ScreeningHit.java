package org.exportguard.core.screen;

import org.exportguard.core.match.MatchExplanation;
import org.exportguard.core.model.AliasStrength;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.screen.evidence.HitEvidence;

/**
 * One listed party that a query resembles.
 *
 * @param party        the listed party
 * @param matchedName  which of its names (primary, alias, original script) scored best, as listed
 * @param strength     strength of that name (primary names are STRONG)
 * @param score        similarity in [0, 1]: the name score, moved by the secondary evidence when there is any
 * @param explanation  why the name scored so: token pairs, similarities, penalties
 * @param evidence     the query's secondary evidence compared with the entry's (the name score before it, each
 *                     match and conflict with its effect); null when the query carried none
 */
public record ScreeningHit(ListedParty party, String matchedName, AliasStrength strength, double score,
                           MatchExplanation explanation, HitEvidence evidence) {

    public ScreeningHit(ListedParty party, String matchedName, AliasStrength strength, double score,
                        MatchExplanation explanation) {
        this(party, matchedName, strength, score, explanation, null);
    }

    /** The name's score alone, before any secondary evidence. */
    public double nameScore() {
        return evidence == null ? score : evidence.nameScore();
    }
}
