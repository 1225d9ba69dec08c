package org.exportguard.core.match;

import org.exportguard.core.match.MatchExplanation.Kind;
import org.exportguard.core.match.MatchExplanation.TokenPair;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores one tokenised name against another by aligning their words regardless of order.
 *
 * <p>Each word pairs with at most one word of the other name, best pairs first (greedy on similarity); words left
 * over may still meet as joined words ("aero caribbean" / "aerocaribbean"). The score is a weighted Dice-like ratio:
 * matched weight times similarity over all weight, where a word of the list name left unmatched costs only
 * {@link #UNMATCHED_LIST_FACTOR} of its weight (listed names carry extra middle names and patronymics that a query
 * rightly leaves out) and a query word left unmatched costs all of it.
 */
public final class NameScorer {
    static final float UNMATCHED_LIST_FACTOR = 0.5f;
    /** Minimum similarity for two leftover word runs to count as the same word written joined or split. */
    static final float JOINED_FLOOR = 0.88f;
    /** Applied when only minor words (particles, legal forms, initials) matched. */
    static final float MINOR_ONLY_FACTOR = 0.6f;
    /**
     * Applied when both names keep a major word the other lacks ("... AL-MOSULI" / "... AL-TIKRITI"): an extra word
     * on one side is a name left out, one on each side is a name that differs.
     */
    static final float CONFLICT_FACTOR = 0.97f;
    /**
     * Applied when "X bin Y" meets "Y bin X": the same words, but son and father swapped, so another person.
     */
    static final float LINEAGE_SWAP_FACTOR = 0.8f;

    private final TokenSimilarity similarity;

    public NameScorer() {
        this(Vocabulary.DEFAULT);
    }

    NameScorer(Vocabulary vocabulary) {
        this.similarity = new TokenSimilarity(vocabulary);
    }

    /** The alignment of two names and its score. */
    public static final class Alignment {
        final List<int[]> pairs = new ArrayList<>(); // {qStart, qLen, cStart, cLen}
        final List<Float> sims = new ArrayList<>();
        boolean[] usedQ;
        boolean[] usedC;
        float score;

        public float score() {
            return score;
        }
        boolean minorOnly;
        boolean contained;
        boolean conflict;
        boolean lineageSwap;
    }

    public float score(NameTokens q, NameTokens c) {
        return align(q, c, null).score;
    }

    public Alignment align(NameTokens q, NameTokens c) {
        return align(q, c, null);
    }

    /** Aligns the names; {@code memo} (may be null) remembers word similarities across the candidates of a query. */
    public Alignment align(NameTokens q, NameTokens c, SimilarityMemo memo) {
        int m = q.size();
        int n = c.size();
        if (m == 0 || n == 0) {
            Alignment a = new Alignment();
            a.usedQ = new boolean[m];
            a.usedC = new boolean[n];
            return a;
        }
        float[] sim = new float[m * n];
        boolean useMemo = memo != null && c.ids != null;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float v = useMemo ? memo.get(i, c.ids[j]) : Float.NaN;
                if (Float.isNaN(v)) {
                    v = similarity.similarity(q, i, c, j);
                    if (useMemo) {
                        memo.put(i, c.ids[j], v);
                    }
                }
                sim[i * n + j] = v;
            }
        }
        Alignment base = greedy(q, c, sim, null);
        if (base.score >= 0.999f || (m < 2 && n < 2)) {
            return base;
        }
        // A word split in one name and joined in the other ("isabe lla" / "isabella") can lose to a greedy fuzzy
        // pair of its first half; try the best join up front and keep whichever alignment scores higher.
        int[] join = bestJoin(q, c);
        if (join == null) {
            return base;
        }
        Alignment joined = greedy(q, c, sim, join);
        return joined.score > base.score ? joined : base;
    }

    /** Greedy best-pair-first alignment, optionally starting from one forced joined pair. */
    private Alignment greedy(NameTokens q, NameTokens c, float[] sim, int[] forced) {
        int m = q.size();
        int n = c.size();
        Alignment a = new Alignment();
        a.usedQ = new boolean[m];
        a.usedC = new boolean[n];
        if (forced != null) {
            for (int k = 0; k < forced[1]; k++) {
                a.usedQ[forced[0] + k] = true;
            }
            for (int k = 0; k < forced[3]; k++) {
                a.usedC[forced[2] + k] = true;
            }
            a.pairs.add(new int[]{forced[0], forced[1], forced[2], forced[3]});
            a.sims.add(Float.intBitsToFloat(forced[4]));
        }
        while (true) {
            int best = -1;
            float bestSim = 0f;
            for (int k = 0; k < sim.length; k++) {
                if (sim[k] > bestSim && !a.usedQ[k / n] && !a.usedC[k % n]) {
                    bestSim = sim[k];
                    best = k;
                }
            }
            if (best < 0) {
                break;
            }
            int i = best / n;
            int j = best % n;
            a.usedQ[i] = true;
            a.usedC[j] = true;
            a.pairs.add(new int[]{i, 1, j, 1});
            a.sims.add(bestSim);
        }
        joinLeftovers(q, c, a, false);
        joinLeftovers(c, q, a, true);
        a.score = ratio(q, c, a);
        return a;
    }

    /** Most words of one name that may meet one word of the other written joined ("n s o" / "nso"). */
    static final int MAX_JOINED_WORDS = 4;

    /**
     * The best joined-word pair between the names, as {qStart, qLen, cStart, cLen, floatBits(sim)}, or null: two to
     * {@link #MAX_JOINED_WORDS} adjacent words of one name (words, particles, initials: "al kawthar", "n s o")
     * against one word of the other.
     */
    private static int[] bestJoin(NameTokens q, NameTokens c) {
        int[] best = null;
        float bestSim = JOINED_FLOOR;
        for (int side = 0; side < 2; side++) {
            NameTokens x = side == 0 ? q : c;
            NameTokens y = side == 0 ? c : q;
            for (int i = 0; i + 1 < x.size(); i++) {
                if (!isJoinable(x.kind[i])) {
                    continue;
                }
                StringBuilder joinedRun = new StringBuilder(x.text[i]);
                int longestPart = x.text[i].length();
                for (int len = 2; len <= MAX_JOINED_WORDS && i + len <= x.size(); len++) {
                    int last = i + len - 1;
                    if (!isJoinable(x.kind[last])) {
                        break;
                    }
                    joinedRun.append(x.text[last]);
                    longestPart = Math.max(longestPart, x.text[last].length());
                    String joined = joinedRun.toString();
                    for (int j = 0; j < y.size(); j++) {
                        // A near spelling must be clearly longer than its longest part; the very word written
                        // with a space ("sachi n" / "sachin") needs no such margin.
                        if (!isWordLike(y.kind[j]) || y.text[j].length() < joined.length() - 3
                                || y.text[j].length() < longestPart + 2 && !joined.equals(y.text[j])) {
                            continue;
                        }
                        float s = TokenSimilarity.joinedSimilarity(joined, null, allLatin(x, i, len), y, j);
                        if (s > bestSim) {
                            bestSim = s;
                            int bits = Float.floatToIntBits(s);
                            best = side == 0 ? new int[]{i, len, j, 1, bits} : new int[]{j, 1, i, len, bits};
                        }
                    }
                }
            }
        }
        return best;
    }

    private static boolean isJoinable(TokenKind k) {
        return isWordLike(k) || k == TokenKind.INITIAL;
    }

    /** Two adjacent leftover words of {@code x} may be one leftover word of {@code y}, written joined. */
    private static void joinLeftovers(NameTokens x, NameTokens y, Alignment a, boolean xIsList) {
        boolean[] usedX = xIsList ? a.usedC : a.usedQ;
        boolean[] usedY = xIsList ? a.usedQ : a.usedC;
        for (int i = 0; i + 1 < x.size(); i++) {
            if (usedX[i] || usedX[i + 1] || !isWordLike(x.kind[i]) || !isWordLike(x.kind[i + 1])) {
                continue;
            }
            String joined = x.text[i] + x.text[i + 1];
            String joinedSkeleton = Skeleton.of(joined);
            int bestJ = -1;
            float bestSim = 0f;
            for (int j = 0; j < y.size(); j++) {
                if (usedY[j] || !isWordLike(y.kind[j])) {
                    continue;
                }
                float s = TokenSimilarity.joinedSimilarity(joined, joinedSkeleton, allLatin(x, i, 2), y, j);
                if (s >= JOINED_FLOOR && s > bestSim) {
                    bestSim = s;
                    bestJ = j;
                }
            }
            if (bestJ >= 0) {
                usedX[i] = true;
                usedX[i + 1] = true;
                usedY[bestJ] = true;
                a.pairs.add(xIsList ? new int[]{bestJ, 1, i, 2} : new int[]{i, 2, bestJ, 1});
                a.sims.add(bestSim);
                i++;
            }
        }
    }

    /** True when words {@code from} to {@code from + len - 1} of {@code x} were written in Latin letters. */
    private static boolean allLatin(NameTokens x, int from, int len) {
        for (int k = from; k < from + len; k++) {
            if (x.origin[k] != WordOrigin.LATIN) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordLike(TokenKind k) {
        return k == TokenKind.WORD || k == TokenKind.PARTICLE || k == TokenKind.PATRONYMIC;
    }

    private static float ratio(NameTokens q, NameTokens c, Alignment a) {
        float num = 0f;
        float den = 0f;
        boolean majorMatched = false;
        for (int p = 0; p < a.pairs.size(); p++) {
            int[] pr = a.pairs.get(p);
            float wq = sumWeight(q, pr[0], pr[1]);
            float wc = sumWeight(c, pr[2], pr[3]);
            num += a.sims.get(p) * (wq + wc);
            den += wq + wc;
            // Words joined into one ("n s o" / "nso") are a major word whatever their parts are.
            majorMatched |= (pr[1] > 1 || isMajor(q.kind[pr[0]])) && (pr[3] > 1 || isMajor(c.kind[pr[2]]));
        }
        boolean leftoverQ = false;
        boolean leftoverC = false;
        boolean onlyBusinessWordsLeftQ = true;
        float leftQ = 0f;
        for (int i = 0; i < q.size(); i++) {
            if (!a.usedQ[i]) {
                leftQ += q.weight[i];
                leftoverQ |= isMajor(q.kind[i]);
                onlyBusinessWordsLeftQ &= isBusinessWord(q.kind[i]);
            }
        }
        boolean listWordLeftC = false;
        for (int j = 0; j < c.size(); j++) {
            if (!a.usedC[j]) {
                den += UNMATCHED_LIST_FACTOR * c.weight[j];
                leftoverC |= isMajor(c.kind[j]);
                listWordLeftC |= c.kind[j] != TokenKind.LEGAL_FORM;
            }
        }
        // Containment: the query is the whole listed name (but perhaps its legal form) plus generic words and legal
        // forms ("NSO Group Technologies Ltd" / "NSO Group"): those extra words cost what a listed word left over
        // costs, half. Only a listed name of two words or more, every one met exactly: one listed word ("Atlantic"),
        // or a near spelling ("Bill Holdings" / "Bilal"), inside a longer name is too weak a sign. A generic word on
        // each side ("Acme Technologies" / "Acme Systems") is no containment either.
        a.contained = leftQ > 0f && onlyBusinessWordsLeftQ && !listWordLeftC && majorMatched && allExact(a);
        den += a.contained ? UNMATCHED_LIST_FACTOR * leftQ : leftQ;
        if (den == 0f) {
            return 0f;
        }
        float score = num / den;
        if (!majorMatched) {
            a.minorOnly = true;
            score *= MINOR_ONLY_FACTOR;
        } else if (leftoverQ && leftoverC) {
            a.conflict = true;
            score *= CONFLICT_FACTOR;
        }
        if (lineageSwapped(q, c, a)) {
            a.lineageSwap = true;
            score *= LINEAGE_SWAP_FACTOR;
        }
        return score;
    }

    /**
     * In Arabic names "X bin Y" reads "X son of Y". When both names have "bin" (ibn, bint, ben) and the word before
     * the query's "bin" met a word after the listed name's "bin", the lineage is reversed.
     */
    private static boolean lineageSwapped(NameTokens q, NameTokens c, Alignment a) {
        int qb = lineageParticle(q);
        int cb = lineageParticle(c);
        if (qb <= 0 || cb <= 0) {
            return false;
        }
        for (int[] pr : a.pairs) {
            if (pr[1] == 1 && pr[3] == 1 && pr[0] == qb - 1 && pr[2] > cb) {
                return true;
            }
        }
        return false;
    }

    private static int lineageParticle(NameTokens t) {
        for (int i = 0; i < t.size(); i++) {
            String w = t.text[i];
            if (t.kind[i] == TokenKind.PARTICLE
                    && (w.equals("bin") || w.equals("ibn") || w.equals("bint") || w.equals("ben"))) {
                return i;
            }
        }
        return -1;
    }

    /** At least two pairs, and every pair an exact match. */
    private static boolean allExact(Alignment a) {
        if (a.pairs.size() < 2) {
            return false;
        }
        for (float s : a.sims) {
            if (s < 1f) {
                return false;
            }
        }
        return true;
    }

    /** Words that say what kind of business a name is: generic words and legal forms. */
    private static boolean isBusinessWord(TokenKind k) {
        return k == TokenKind.GENERIC || k == TokenKind.LEGAL_FORM;
    }

    private static boolean isMajor(TokenKind k) {
        return k == TokenKind.WORD || k == TokenKind.NUMBER || k == TokenKind.PATRONYMIC;
    }

    private static float sumWeight(NameTokens t, int start, int len) {
        float w = 0f;
        for (int k = start; k < start + len; k++) {
            w += t.weight[k];
        }
        return w;
    }

    /** The explanation of an alignment: pairs in query order, leftovers, and the penalties passed in. */
    public MatchExplanation explain(NameTokens q, NameTokens c, Alignment a, List<MatchExplanation.Penalty> penalties) {
        List<int[]> order = new ArrayList<>(a.pairs);
        List<Integer> idx = new ArrayList<>();
        for (int p = 0; p < order.size(); p++) {
            idx.add(p);
        }
        idx.sort((x, y) -> Integer.compare(a.pairs.get(x)[0], a.pairs.get(y)[0]));
        List<TokenPair> pairs = new ArrayList<>();
        for (int p : idx) {
            int[] pr = a.pairs.get(p);
            float s = a.sims.get(p);
            Kind kind = pr[1] > 1 || pr[3] > 1 ? Kind.JOINED : similarity.kindOf(q, pr[0], c, pr[2], s);
            pairs.add(new TokenPair(words(q, pr[0], pr[1]), words(c, pr[2], pr[3]), round(s), kind));
        }
        List<String> uq = new ArrayList<>();
        for (int i = 0; i < q.size(); i++) {
            if (!a.usedQ[i]) {
                uq.add(q.text[i]);
            }
        }
        List<String> uc = new ArrayList<>();
        for (int j = 0; j < c.size(); j++) {
            if (!a.usedC[j]) {
                uc.add(c.text[j]);
            }
        }
        List<MatchExplanation.Penalty> all = new ArrayList<>();
        if (a.minorOnly) {
            all.add(new MatchExplanation.Penalty("only minor words matched", MINOR_ONLY_FACTOR));
        }
        if (a.conflict) {
            all.add(new MatchExplanation.Penalty("a different word on each side", CONFLICT_FACTOR));
        }
        if (a.lineageSwap) {
            all.add(new MatchExplanation.Penalty("X bin Y met Y bin X", LINEAGE_SWAP_FACTOR));
        }
        all.addAll(penalties);
        return new MatchExplanation(pairs, uq, uc, all);
    }

    private static String words(NameTokens t, int start, int len) {
        return len == 1 ? t.text[start] : String.join(" ", java.util.Arrays.copyOfRange(t.text, start, start + len));
    }

    static double round(double v) {
        return Math.round(v * 10000.0) / 10000.0;
    }
}
