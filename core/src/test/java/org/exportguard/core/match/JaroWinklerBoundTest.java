package org.exportguard.core.match;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cheap bound never falls below the similarity, so skipping by it never changes a fuzzy score. */
class JaroWinklerBoundTest {
    private static final String[] NAMES = {"mohammed", "muhammad", "mhmd", "robinson", "robertson", "kuznetsov",
            "kuznezov", "aerocaribbean", "aero", "caribbean", "kimjongun", "kim", "jong", "un", "ivanov", "iwanow",
            "zhang", "chang", "alkawthar", "kawthar", "al", "nso", "n", "hassan", "hasan", "husain", "sachin", "isabella",
            "isabe", "lla", "o'neil", "oneil", "x1", "dnipro-1", "ab", "ba", "aaaa", "a"};
    private static final double[] FLOORS = {TokenSimilarity.FLOOR_SHORT, TokenSimilarity.FLOOR_MEDIUM,
            TokenSimilarity.FLOOR_LONG, TokenSimilarity.PHONETIC};

    private static void check(String a, String b) {
        double exact = JaroWinkler.similarity(a, b);
        assertTrue(JaroWinkler.upperBound(a, b) >= exact, a + " / " + b);
        for (double min : FLOORS) {
            double got = JaroWinkler.similarityIfAtLeast(a, b, min);
            if (exact >= min - 1e-6) {
                assertEquals(exact, got, a + " / " + b);
            } else {
                assertTrue(got == 0 || got == exact, a + " / " + b);
            }
        }
    }

    @Test
    void realNamePairsKeepTheirSimilarity() {
        for (String a : NAMES) {
            for (String b : NAMES) {
                check(a, b);
            }
        }
    }

    @Test
    void randomWordsOverFewLettersKeepTheirSimilarity() {
        // few letters: many shared letters, transpositions and common prefixes, where a loose bound would show
        Random r = new Random(14);
        for (int k = 0; k < 200_000; k++) {
            check(word(r), word(r));
        }
    }

    private static String word(Random r) {
        char[] w = new char[1 + r.nextInt(14)];
        for (int i = 0; i < w.length; i++) {
            w[i] = "abcdeh-'".charAt(r.nextInt(8));
        }
        return new String(w);
    }
}
