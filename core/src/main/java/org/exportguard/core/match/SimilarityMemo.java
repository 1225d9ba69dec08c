package org.exportguard.core.match;

/**
 * Per-thread memory of word similarities within one query: the listed words repeat across candidates
 * ("mohammed", "trading"), so each (query word, listed word) pair is computed once per query. Listed words are
 * known by their vocabulary id ({@link NameTokens#ids}); stamps make starting a new query free.
 */
public final class SimilarityMemo {
    static final int MAX_QUERY_WORDS = 12;

    private final float[] sims;
    private final int[] stamps;
    private final int vocabularySize;
    private int stamp;

    public SimilarityMemo(int vocabularySize) {
        this.vocabularySize = vocabularySize;
        this.sims = new float[MAX_QUERY_WORDS * vocabularySize];
        this.stamps = new int[MAX_QUERY_WORDS * vocabularySize];
    }

    /** Forget everything: call once per query. */
    public void nextQuery() {
        stamp++;
    }

    /** The remembered similarity, or NaN. */
    float get(int queryWord, int listedWordId) {
        if (queryWord >= MAX_QUERY_WORDS) {
            return Float.NaN;
        }
        int k = queryWord * vocabularySize + listedWordId;
        return stamps[k] == stamp ? sims[k] : Float.NaN;
    }

    void put(int queryWord, int listedWordId, float sim) {
        if (queryWord < MAX_QUERY_WORDS) {
            int k = queryWord * vocabularySize + listedWordId;
            stamps[k] = stamp;
            sims[k] = sim;
        }
    }
}
