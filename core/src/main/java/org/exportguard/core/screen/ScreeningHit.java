package org.exportguard.core.screen;

import org.exportguard.core.match.MatchExplanation;
import org.exportguard.core.model.AliasStrength;
import org.exportguard.core.model.ListedParty;

/**
 * One listed party that a query resembles.
 *
 * @param party        the listed party
 * @param matchedName  which of its names (primary, alias, original script) scored best, as listed
 * @param strength     strength of that name (primary names are STRONG)
 * @param score        similarity in [0, 1]
 * @param explanation  why: token pairs, similarities, penalties
 */
public record ScreeningHit(ListedParty party, String matchedName, AliasStrength strength, double score,
                           MatchExplanation explanation) {
}
