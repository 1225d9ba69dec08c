package org.exportguard.core.match;

/** The score of one name against another, in [0, 1], with its explanation. */
public record MatchResult(double score, MatchExplanation explanation) {
}
