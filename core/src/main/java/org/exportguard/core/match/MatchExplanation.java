package org.exportguard.core.match;

import java.util.List;
import java.util.Locale;

/**
 * Why two names scored as they did: each query token and the list token it met, with the similarity and how they
 * met, the tokens left unmatched, and every penalty applied. Rendered for people by {@link #toText()}.
 */
public record MatchExplanation(List<TokenPair> pairs, List<String> unmatchedQuery, List<String> unmatchedList,
                               List<Penalty> penalties) {

    /**
     * How a query token met a list token; {@code WHOLE_NAME}: a word of a name written word by word in another script,
     * judged with the other words of its name, on their evidence together ({@link CrossScriptNames}).
     */
    public enum Kind { EXACT, FUZZY, INITIAL, NICKNAME, JOINED, PHONETIC, WHOLE_NAME, LOOK_ALIKE }

    /** One aligned pair of tokens. */
    public record TokenPair(String queryToken, String listToken, double similarity, Kind kind) {
    }

    /** A factor applied to the score, with the reason. */
    public record Penalty(String reason, double factor) {
    }

    public MatchExplanation {
        pairs = List.copyOf(pairs);
        unmatchedQuery = List.copyOf(unmatchedQuery);
        unmatchedList = List.copyOf(unmatchedList);
        penalties = List.copyOf(penalties);
    }

    /** One line, e.g. {@code putin=putin (exact 1.00); vladimir~vladimr (fuzzy 0.97); unmatched list: vladimirovich}. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (TokenPair p : pairs) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            String op = p.kind() == Kind.EXACT ? "=" : "~";
            sb.append(p.queryToken()).append(op).append(p.listToken())
              .append(" (").append(p.kind().name().toLowerCase(Locale.ROOT))
              .append(String.format(Locale.ROOT, " %.2f", p.similarity())).append(')');
        }
        if (!unmatchedQuery.isEmpty()) {
            sb.append(sb.length() > 0 ? "; " : "").append("unmatched query: ").append(String.join(" ", unmatchedQuery));
        }
        if (!unmatchedList.isEmpty()) {
            sb.append(sb.length() > 0 ? "; " : "").append("unmatched list: ").append(String.join(" ", unmatchedList));
        }
        for (Penalty p : penalties) {
            sb.append(sb.length() > 0 ? "; " : "").append("penalty ").append(p.reason())
              .append(String.format(Locale.ROOT, " x%.2f", p.factor()));
        }
        return sb.toString();
    }
}
