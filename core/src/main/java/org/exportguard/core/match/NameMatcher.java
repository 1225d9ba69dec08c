package org.exportguard.core.match;

import org.exportguard.core.model.PartyType;

import java.util.List;

/**
 * Scores one name against another, in [0, 1], with an explanation: the pairwise face of the engine that the
 * screening index uses for every candidate. Thread-safe.
 */
public final class NameMatcher {
    /**
     * Scores at or above this count as a match (a potential hit for review) unless the caller says otherwise.
     * Chosen on the tuning sets: see docs/matching.md.
     */
    public static final double DEFAULT_THRESHOLD = 0.85;

    private final NameTokenizer tokenizer = new NameTokenizer();
    private final NameScorer scorer = new NameScorer();

    /** @throws NameLimits.NameTooLongException when either name is over {@link NameLimits} */
    public MatchResult match(String a, String b, PartyType type) {
        NameLimits.check(a);
        NameLimits.check(b);
        PartyType t = type == null ? PartyType.UNKNOWN : type;
        NameTokens qa = tokenizer.tokenize(a, t);
        NameTokens qb = tokenizer.tokenize(b, t);
        NameScorer.Alignment al = scorer.align(qa, qb);
        return new MatchResult(NameScorer.round(al.score), scorer.explain(qa, qb, al, List.of()));
    }
}
