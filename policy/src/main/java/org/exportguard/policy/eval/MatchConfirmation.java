package org.exportguard.policy.eval;

import org.exportguard.core.match.NameTokenizer;
import org.exportguard.core.model.AliasStrength;
import org.exportguard.core.screen.ScreeningHit;

import java.util.Arrays;

/**
 * Whether a screening hit is a confirmed match: the query is the same name as the listed primary name or a strong
 * alias after normalisation (same words, in any order; legal forms canonicalised). Anything weaker is a possible
 * match for a person to review.
 */
final class MatchConfirmation {
    private final NameTokenizer tokenizer = new NameTokenizer();

    boolean confirmed(String query, ScreeningHit hit) {
        if (hit.strength() != AliasStrength.STRONG) {
            return false;
        }
        String[] q = tokenizer.tokenize(query, hit.party().type()).text.clone();
        String[] l = tokenizer.tokenize(hit.matchedName(), hit.party().type()).text.clone();
        Arrays.sort(q);
        Arrays.sort(l);
        return q.length > 0 && Arrays.equals(q, l);
    }
}
