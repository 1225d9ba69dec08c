package org.exportguard.core.match;

import org.exportguard.core.match.MatchExplanation.Kind;

/**
 * How alike two words of two names are, in [0, 1], and how they met. Below a length-dependent floor a fuzzy
 * similarity counts as no match at all, so near-misses of short words ("ali"/"ala") add nothing.
 */
final class TokenSimilarity {
    static final float NICKNAME = 0.90f;
    static final float INITIAL = 0.80f;
    static final float PHONETIC = 0.85f;
    static final float FLOOR_SHORT = Float.parseFloat(System.getProperty("eg.floorShort", "0.90"));
    static final float FLOOR_MEDIUM = Float.parseFloat(System.getProperty("eg.floorMedium", "0.84"));
    static final float FLOOR_LONG = Float.parseFloat(System.getProperty("eg.floorLong", "0.80"));
    /** Two spellings with the same phonetic form. */
    static final float PHONETIC_EQUAL = Float.parseFloat(System.getProperty("eg.phoneticEqual", "0.92"));
    /** Fuzzy similarity of phonetic forms counts a little less than that of the spellings themselves. */
    static final float PHONETIC_FACTOR = Float.parseFloat(System.getProperty("eg.phoneticFactor", "1.0"));

    private final Vocabulary vocabulary;

    TokenSimilarity(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    float similarity(NameTokens q, int i, NameTokens c, int j) {
        String a = q.text[i];
        String b = c.text[j];
        if (a.equals(b)) {
            return 1f;
        }
        TokenKind ka = q.kind[i];
        TokenKind kb = c.kind[j];
        if (ka == TokenKind.LEGAL_FORM || kb == TokenKind.LEGAL_FORM
                || ka == TokenKind.NUMBER || kb == TokenKind.NUMBER) {
            return 0f;
        }
        if (ka == TokenKind.INITIAL || kb == TokenKind.INITIAL) {
            return a.charAt(0) == b.charAt(0) ? INITIAL : 0f;
        }
        if (vocabulary.areNicknames(a, b)) {
            return NICKNAME;
        }
        float sim = fuzzy(a, b, q.skeleton[i], c.skeleton[j]);
        if (sim < 1f) {
            String pa = q.phonetic[i];
            String pb = c.phonetic[j];
            float ps = pa.equals(pb) ? PHONETIC_EQUAL : PHONETIC_FACTOR * fuzzy(pa, pb, null, null);
            sim = Math.max(sim, ps);
        }
        if (sim < PHONETIC && q.abjad[i] != c.abjad[j] && abjadConsonantsAgree(a, b)) {
            return PHONETIC;
        }
        return sim;
    }

    /**
     * An Arabic or Hebrew word in Latin letters keeps (mostly) the consonants: "fwzy" for "fawzi". Compare the
     * consonant keys; short keys must be equal, longer ones nearly so.
     */
    static boolean abjadConsonantsAgree(String a, String b) {
        String ka = Skeleton.loose(a);
        String kb = Skeleton.loose(b);
        if (ka == null || kb == null) {
            return false;
        }
        if (ka.equals(kb)) {
            return ka.length() >= 2;
        }
        return Math.min(ka.length(), kb.length()) >= 4 && JaroWinkler.similarity(ka, kb) >= 0.9;
    }

    /**
     * Fuzzy similarity of two words of the same kind; also used for joined words ("aero caribbean"). Jaro-Winkler
     * is generous (0.85 for quite different names), so its distance from 1 is stretched by {@link #STRETCH}: only
     * near-spellings keep a high similarity. The consonant skeleton is not used here (too coarse between Latin
     * spellings; see {@link #abjadConsonantsAgree}).
     */
    static float fuzzy(String a, String b, String skeletonA, String skeletonB) {
        int minLen = Math.min(a.length(), b.length());
        if (minLen <= 2) {
            return 0f;
        }
        float jw = (float) JaroWinkler.similarity(a, b);
        if (jw < floor(minLen)) {
            jw = 0f;
        }
        float sim = stretch(jw);
        // Four or more consonants in the same order is a fair sign of one name in two romanisations.
        if (sim < PHONETIC && skeletonA != null && skeletonA.length() >= 4 && skeletonA.equals(skeletonB)) {
            return PHONETIC;
        }
        return sim;
    }

    static final float STRETCH = Float.parseFloat(System.getProperty("eg.stretch", "1.0"));

    static float stretch(float jw) {
        return Math.max(0f, 1f - STRETCH * (1f - jw));
    }

    /** Lowest Jaro-Winkler similarity that still counts, by the shorter word's length. */
    static float floor(int minLen) {
        if (minLen <= 3) {
            return FLOOR_SHORT;
        }
        if (minLen <= 5) {
            return FLOOR_MEDIUM;
        }
        return FLOOR_LONG;
    }

    Kind kindOf(NameTokens q, int i, NameTokens c, int j, float sim) {
        if (q.text[i].equals(c.text[j])) {
            return Kind.EXACT;
        }
        if (q.kind[i] == TokenKind.INITIAL || c.kind[j] == TokenKind.INITIAL) {
            return Kind.INITIAL;
        }
        if (vocabulary.areNicknames(q.text[i], c.text[j])) {
            return Kind.NICKNAME;
        }
        if (sim == PHONETIC || sim == PHONETIC_EQUAL || !q.text[i].equals(c.text[j])
                && JaroWinkler.similarity(q.text[i], c.text[j]) < sim) {
            return Kind.PHONETIC;
        }
        return Kind.FUZZY;
    }
}
