package org.exportguard.core.match;

import org.exportguard.core.match.MatchExplanation.Kind;
import org.exportguard.core.match.MatchExplanation.TokenPair;
import org.exportguard.core.model.PartyType;

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
    /**
     * What each extra word costs, of its weight, when a person's name lies wholly inside the other name (see
     * {@code ratio}): less than an omitted listed word, since both are then the same names with more written.
     */
    static final float PERSON_CONTAINED_FACTOR = 0.25f;
    /** Fewest further names a query must add to a listed person's name for them to cost less (see ratio). */
    static final int MIN_FURTHER_NAMES = 2;

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
        /** Met as whole names written word by word in two scripts ({@link CrossScriptNames}). */
        boolean wholeName;
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
                sim[i * n + j] = Math.max(Math.min(v, hangulSyllables(q, i, c, j)), numberSpelledOut(q, i, c, j));
            }
        }
        Alignment base = greedy(q, c, sim, null);
        if (base.score >= 0.999f || (m < 2 && n < 2)) {
            return base;
        }
        // A word split in one name and joined in the other ("isabe lla" / "isabella") can lose to a greedy fuzzy
        // pair of its first half; try the best join up front and keep whichever alignment scores higher.
        int[] join = bestJoin(q, c);
        Alignment best = base;
        if (join != null) {
            Alignment joined = greedy(q, c, sim, join);
            best = joined.score > best.score ? joined : best;
        }
        int[] initials = bestInitialism(q, c);
        if (initials != null) {
            Alignment spelled = greedy(q, c, sim, initials);
            best = spelled.score > best.score ? spelled : best;
        }
        if (best.score < WHOLE_NAME_BELOW) {
            CrossScriptNames.Judgement whole = CrossScriptNames.shared().judge(q, c);
            if (whole != null && whole.similarity() > best.score) {
                best = wholeName(q, c, whole);
            }
        }
        return best;
    }

    /**
     * A Latin name and a Hangul name are judged as whole names ({@link CrossScriptNames}) only when their words alone
     * do not match: a match needs no more, and the few candidates of other scripts pay the model's cost.
     */
    static final float WHOLE_NAME_BELOW = (float) NameMatcher.DEFAULT_THRESHOLD;

    /** Every word paired as the judgement paired them, each at the whole name's similarity. */
    private Alignment wholeName(NameTokens q, NameTokens c, CrossScriptNames.Judgement whole) {
        Alignment a = new Alignment();
        a.usedQ = new boolean[q.size()];
        a.usedC = new boolean[c.size()];
        for (int k = 0; k < whole.latinOf().length; k++) {
            int l = whole.latinOf()[k];
            int qi = whole.hangulIsQuery() ? k : l;
            int cj = whole.hangulIsQuery() ? l : k;
            a.usedQ[qi] = true;
            a.usedC[cj] = true;
            a.pairs.add(new int[]{qi, 1, cj, 1});
            a.sims.add(whole.similarity());
        }
        a.wholeName = true;
        a.score = ratio(q, c, a);
        return a;
    }

    /** How sure dotted initials are of the words they stand for: short of the same word written out. */
    static final float INITIALISM = 0.95f;

    /**
     * Dotted initials in one name ("U.S.") against as many adjacent words of the other whose first letters they are
     * ("United States"), as {qStart, qLen, cStart, cLen, floatBits(sim)}, or null. Not in a name said to be a
     * person's: there dotted letters are a person's initials, which {@link TokenSimilarity} already meets word by
     * word.
     */
    private static int[] bestInitialism(NameTokens q, NameTokens c) {
        if (q.type == PartyType.PERSON || c.type == PartyType.PERSON) {
            return null;
        }
        for (int side = 0; side < 2; side++) {
            NameTokens x = side == 0 ? q : c;
            NameTokens y = side == 0 ? c : q;
            if (x.initialism == null) {
                continue;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!x.initialism[i]) {
                    continue;
                }
                String letters = x.text[i];
                for (int j = 0; j + letters.length() <= y.size(); j++) {
                    if (initialsOf(y, j, letters)) {
                        int bits = Float.floatToIntBits(INITIALISM);
                        return side == 0 ? new int[]{i, 1, j, letters.length(), bits}
                                : new int[]{j, letters.length(), i, 1, bits};
                    }
                }
            }
        }
        return null;
    }

    /** True when the words of {@code y} from {@code from} on are major words starting with {@code letters}. */
    private static boolean initialsOf(NameTokens y, int from, String letters) {
        for (int k = 0; k < letters.length(); k++) {
            if (!isMajor(y.kind[from + k]) || y.text[from + k].charAt(0) != letters.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Two words both written in Hangul are compared syllable by syllable: each syllable of a Korean name is a name
     * part, so 김종은 is not 김정은 however close their joined romanisations (gimjongeun / gimjeongeun) are. Of two
     * words of as many syllables, the share of syllables that agree in place caps their similarity; otherwise (or
     * when either word was not written in Hangul) no cap, 1.
     */
    static float hangulSyllables(NameTokens q, int i, NameTokens c, int j) {
        if (q.hangul == null || c.hangul == null || q.hangul[i] == null || c.hangul[j] == null) {
            return 1f;
        }
        String a = q.hangul[i];
        String b = c.hangul[j];
        if (a.length() != b.length()) {
            return 1f;
        }
        int same = 0;
        for (int k = 0; k < a.length(); k++) {
            same += a.charAt(k) == b.charAt(k) ? 1 : 0;
        }
        return same / (float) a.length();
    }

    private static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "eleven", "twelve");

    /**
     * 1 when one word is a number from 0 to 12 and the other that number written out in English ("3 Percenters" /
     * "Three Percenters"), else 0. Compared here, not rewritten by the tokenizer, so that "FOURSEASONS" still meets
     * "FOUR SEASONS" as words written joined.
     */
    static float numberSpelledOut(NameTokens q, int i, NameTokens c, int j) {
        if (q.kind[i] == TokenKind.NUMBER && c.kind[j] == TokenKind.WORD) {
            return spells(c.text[j], q.text[i]) ? 1f : 0f;
        }
        if (c.kind[j] == TokenKind.NUMBER && q.kind[i] == TokenKind.WORD) {
            return spells(q.text[i], c.text[j]) ? 1f : 0f;
        }
        return 0f;
    }

    private static boolean spells(String word, String digits) {
        int n = NUMBER_WORDS.indexOf(word);
        return n >= 0 && digits.equals(Integer.toString(n));
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
                boolean distinctive = !isCompanyWord(x.kind[i]);
                for (int len = 2; len <= MAX_JOINED_WORDS && i + len <= x.size(); len++) {
                    int last = i + len - 1;
                    if (!isJoinable(x.kind[last])) {
                        break;
                    }
                    joinedRun.append(x.text[last]);
                    longestPart = Math.max(longestPart, x.text[last].length());
                    distinctive |= !isCompanyWord(x.kind[last]);
                    if (!distinctive) {
                        continue; // generic words and legal forms alone ("trading co") make no name
                    }
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

    /**
     * A word that may be part of a run written joined: a generic word or legal form too ("NSOGroup" / "NSO Group"),
     * since a name written without its spaces is the same name whatever its parts weigh.
     */
    private static boolean isJoinable(TokenKind k) {
        return isWordLike(k) || k == TokenKind.INITIAL || isCompanyWord(k);
    }

    private static boolean isCompanyWord(TokenKind k) {
        return k == TokenKind.GENERIC || k == TokenKind.LEGAL_FORM;
    }

    /** Two adjacent leftover words of {@code x} may be one leftover word of {@code y}, written joined. */
    private static void joinLeftovers(NameTokens x, NameTokens y, Alignment a, boolean xIsList) {
        boolean[] usedX = xIsList ? a.usedC : a.usedQ;
        boolean[] usedY = xIsList ? a.usedQ : a.usedC;
        for (int i = 0; i + 1 < x.size(); i++) {
            if (usedX[i] || usedX[i + 1] || !isWordLike(x.kind[i]) || !isWordLike(x.kind[i + 1])) {
                continue;
            }
            // Most candidates leave no word of y free, or none with a skeleton to compare: then the joined
            // word's skeleton (or the joined word itself) is not needed.
            boolean anyFree = false;
            boolean skeletonNeeded = false;
            for (int j = 0; j < y.size(); j++) {
                if (!usedY[j] && isWordLike(y.kind[j])) {
                    anyFree = true;
                    skeletonNeeded |= y.skeleton[j] != null && y.skeleton[j].length() >= 4;
                }
            }
            if (!anyFree) {
                continue;
            }
            String joined = x.text[i] + x.text[i + 1];
            // fuzzy() only compares skeletons of four letters or more
            String joinedSkeleton = skeletonNeeded ? Skeleton.of(joined) : null;
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
        boolean genericLeftQ = false;
        boolean genericLeftC = false;
        boolean onlyBusinessWordsLeftQ = true;
        float leftQ = 0f;
        float leftMajorQ = 0f;
        int extraNamesQ = 0;
        float halfCostQ = 0f;
        for (int i = 0; i < q.size(); i++) {
            if (!a.usedQ[i]) {
                if (repeatsAMatchedWord(q, c, a, i) || q.aside != null && q.aside[i]) {
                    halfCostQ += q.weight[i];
                    continue;
                }
                leftQ += q.weight[i];
                leftMajorQ += isMajor(q.kind[i]) ? q.weight[i] : 0f;
                extraNamesQ += isMajor(q.kind[i]) ? 1 : 0;
                leftoverQ |= isMajor(q.kind[i]);
                genericLeftQ |= q.kind[i] == TokenKind.GENERIC;
                onlyBusinessWordsLeftQ &= isBusinessWord(q.kind[i]);
            }
        }
        // A word written twice ("Shoigu Shoigu Sergey") says nothing new the second time, and a word in parentheses
        // ("Deutsche Bank (Schweiz) AG") qualifies the name rather than being it: left over, each costs what an
        // omitted listed word costs, half.
        den += UNMATCHED_LIST_FACTOR * halfCostQ;
        boolean listWordLeftC = false;
        float leftC = 0f;
        float leftMajorC = 0f;
        boolean[] unusedAlternative = unmatchedAlternative(c, a.usedC);
        for (int j = 0; j < c.size(); j++) {
            if (unusedAlternative != null && unusedAlternative[j]) {
                continue; // the other alternative name was the one met: this one costs nothing
            }
            if (!a.usedC[j]) {
                leftC += c.weight[j];
                leftMajorC += isMajor(c.kind[j]) ? c.weight[j] : 0f;
                leftoverC |= isMajor(c.kind[j]);
                genericLeftC |= c.kind[j] == TokenKind.GENERIC;
                listWordLeftC |= c.kind[j] != TokenKind.LEGAL_FORM;
            }
        }
        // Containment: the query is the whole listed name (but perhaps its legal form) plus generic words and legal
        // forms ("NSO Group Technologies Ltd" / "NSO Group"): those extra words cost what a listed word left over
        // costs, half. Only a listed name of two words or more, every one met exactly: one listed word ("Atlantic"),
        // or a near spelling ("Bill Holdings" / "Bilal"), inside a longer name is too weak a sign. A generic word on
        // each side ("Acme Technologies" / "Acme Systems") is no containment either.
        a.contained = leftQ > 0f && onlyBusinessWordsLeftQ && !listWordLeftC && majorMatched && allExact(a);
        // A person's name wholly inside a longer one, word for word and in order: the listed name with the query's
        // further names ("FAZL RABI ABDUL HAMID" / "FAZL RABI"), or a query of three names or more inside a longer
        // listed name ("SHER ABBAS STANEKZAI" / "SHER MOHAMMAD ABBAS STANEKZAI PADSHAH KHAN"). People carry more
        // names than any one list or document writes; the extra words cost a quarter. Both must start with the same
        // first name: a word before it is another first name ("Sarah Anne John Smith" is not "SMITH, John"), and
        // a son's name carries his father's after his own ("SALIH AL-AHMAR, Ahmad Ali Abdallah" is not "SALIH, Ali
        // Abdallah"). A longer query must be the long form of the listed name: the listed name, then two names or
        // more (father's, grandfather's, family names). One word more is as often a namesake's second family name
        // or middle name ("Jose Luis Garcia" / "JOSE LUIS"); a name inserted inside the listed one is another
        // lineage ("Abd al-Latif Abdallah Salih" is the son of Abdallah, "Abd al-Latif Salih" of Salih); both keep
        // their full cost. Only the extra names are cheaper: a particle left over ("AL-HASSAN, Abu" / "HASSAN, Abu")
        // costs what it always costs, or the rule would rank a near namesake above the very name.
        boolean personQueryContains = extraNamesQ >= MIN_FURTHER_NAMES && !leftoverC && halfCostQ == 0f
                && startsWithTheMatchedWords(a.usedQ) && personContained(q, c, a, 2);
        boolean personListContains = leftMajorC > 0f && leftQ == 0f && a.usedC[0] && personContained(q, c, a, 3);
        if (a.contained) {
            den += UNMATCHED_LIST_FACTOR * leftQ;
        } else if (personQueryContains) {
            den += PERSON_CONTAINED_FACTOR * leftMajorQ + (leftQ - leftMajorQ);
        } else {
            den += leftQ;
        }
        den += personListContains ? PERSON_CONTAINED_FACTOR * leftMajorC + UNMATCHED_LIST_FACTOR * (leftC - leftMajorC)
                : UNMATCHED_LIST_FACTOR * leftC;
        if (den == 0f) {
            return 0f;
        }
        float score = num / den;
        if (!majorMatched) {
            a.minorOnly = true;
            score *= MINOR_ONLY_FACTOR;
        } else if (leftoverQ && leftoverC || genericLeftQ && genericLeftC) {
            // A generic word left over on each side is as much a different name as a distinctive one: "Bowne
            // Business Solutions" and "Bowne Business Enterprises" are two businesses of one group.
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

    /** True when the words used are the first words of the name, and not all of them. */
    private static boolean startsWithTheMatchedWords(boolean[] used) {
        int k = 0;
        while (k < used.length && used[k]) {
            k++;
        }
        for (int rest = k; rest < used.length; rest++) {
            if (used[rest]) {
                return false;
            }
        }
        return k > 0 && k < used.length;
    }

    /**
     * Of a listed name written as two alternatives with a slash ("Al-Qa'ida/Islamic Army"), the words of the
     * alternative of which no word was met, when a major word of the other was; else null. Lists write two names of
     * one party so; a query names one of them. Only listed names: in a query a slash is as often a qualifier
     * ("Acme SE/ADR").
     */
    private static boolean[] unmatchedAlternative(NameTokens c, boolean[] usedC) {
        if (c.afterSlash == null) {
            return null;
        }
        boolean[] metMajor = new boolean[2];
        boolean[] metAny = new boolean[2];
        for (int j = 0; j < c.size(); j++) {
            int side = c.afterSlash[j] ? 1 : 0;
            if (usedC[j]) {
                metAny[side] = true;
                metMajor[side] |= isMajor(c.kind[j]);
            }
        }
        for (int side = 0; side < 2; side++) {
            if (!metAny[side] && metMajor[1 - side]) {
                boolean[] out = new boolean[c.size()];
                for (int j = 0; j < c.size(); j++) {
                    out[j] = c.afterSlash[j] == (side == 1);
                }
                return out;
            }
        }
        return null;
    }

    /**
     * True when query word {@code i} is the word beside it that met a listed word exactly, written again, and the
     * listed name has no name of its own left over that the repeat could stand for. Only beside it: apart, a
     * repeated name is a name ("Ibrahim Sabawi Ibrahim", named after his grandfather).
     */
    private static boolean repeatsAMatchedWord(NameTokens q, NameTokens c, Alignment a, int i) {
        if (!isMajor(q.kind[i])) {
            return false;
        }
        for (int j = 0; j < c.size(); j++) {
            if (!a.usedC[j] && isMajor(c.kind[j])) {
                return false; // "MOHAMED MOHAMED" / "OSMAN MOHAMED": the second may be the other name, misread
            }
        }
        for (int p = 0; p < a.pairs.size(); p++) {
            int[] pr = a.pairs.get(p);
            if (pr[1] == 1 && pr[3] == 1 && a.sims.get(p) >= 1f && Math.abs(pr[0] - i) == 1
                    && q.text[pr[0]].equals(q.text[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Both names may be a person's, one said to be, and their words met one to one, exactly, in the same order, at
     * least {@code minWords} of them between names (major words, not particles nor halves of a compound name).
     */
    private static boolean personContained(NameTokens q, NameTokens c, Alignment a, int minWords) {
        if (!mayBePerson(q) || !mayBePerson(c) || q.type != PartyType.PERSON && c.type != PartyType.PERSON) {
            return false;
        }
        int major = 0;
        for (int p = 0; p < a.pairs.size(); p++) {
            int[] pr = a.pairs.get(p);
            if (pr[1] != 1 || pr[3] != 1 || a.sims.get(p) < 1f) {
                return false;
            }
            for (int[] other : a.pairs) {
                if (other[0] > pr[0] && other[2] < pr[2]) {
                    return false; // another order
                }
            }
            major += startsAName(q, pr[0]) && startsAName(c, pr[2]) ? 1 : 0;
        }
        return major >= minWords;
    }

    private static final java.util.Set<String> ARABIC_ARTICLES = java.util.Set.of("al", "el", "ul", "ad", "ed");

    /**
     * True when word {@code k} is a name of its own: a major word, not the second half of a compound joined by the
     * Arabic article ("Abd al-Rahman", "Saif al-Din" are one name each, though written in three words).
     */
    private static boolean startsAName(NameTokens t, int k) {
        return isMajor(t.kind[k]) && !(k >= 2 && t.kind[k - 1] == TokenKind.PARTICLE
                && ARABIC_ARTICLES.contains(t.text[k - 1]) && isMajor(t.kind[k - 2]));
    }

    /**
     * A name read as a person's, or of unknown type without a legal form or generic word; and not written in Han,
     * kana or Hangul, where a person's name is a family name and a given name, with no further names to leave out
     * (a third word there is another person's name: 明 建国 王 is not WANG Jianguo).
     */
    private static boolean mayBePerson(NameTokens t) {
        if (t.type != PartyType.PERSON && t.type != PartyType.UNKNOWN) {
            return false;
        }
        for (int i = 0; i < t.size(); i++) {
            if (t.kind[i] == TokenKind.LEGAL_FORM || t.kind[i] == TokenKind.GENERIC
                    || t.origin[i] == WordOrigin.SYLLABIC) {
                return false;
            }
        }
        return true;
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
            Kind kind = a.wholeName ? Kind.WHOLE_NAME
                    : pr[1] > 1 || pr[3] > 1 ? Kind.JOINED : similarity.kindOf(q, pr[0], c, pr[2], s);
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
