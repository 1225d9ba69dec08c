package org.exportguard.core.match;

/** Jaro-Winkler similarity of two short strings, allocation-light (names are scored millions of times). */
final class JaroWinkler {
    private static final double PREFIX_SCALE = 0.1;

    private JaroWinkler() {
    }

    static double similarity(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        if (la > 64 || lb > 64) {
            return slow(a, b);
        }
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        long matchedA = 0;
        long matchedB = 0;
        int matches = 0;
        for (int i = 0; i < la; i++) {
            char c = a.charAt(i);
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            for (int j = from; j <= to; j++) {
                if ((matchedB & (1L << j)) == 0 && b.charAt(j) == c) {
                    matchedA |= 1L << i;
                    matchedB |= 1L << j;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        int j = 0;
        for (int i = 0; i < la; i++) {
            if ((matchedA & (1L << i)) != 0) {
                while ((matchedB & (1L << j)) == 0) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    transpositions++;
                }
                j++;
            }
        }
        double m = matches;
        double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        int maxPrefix = Math.min(4, Math.min(la, lb));
        while (prefix < maxPrefix && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * PREFIX_SCALE * (1 - jaro);
    }

    /**
     * As {@link #similarity}, but 0 where the similarity is certainly under {@code min}: most pairs of unrelated
     * words share too few letters to reach a floor, and counting shared letters and the common prefix is cheaper
     * than matching letters within a window. Where it is not 0 it is exactly {@link #similarity}.
     */
    static double similarityIfAtLeast(String a, String b, double min) {
        if (a.length() <= 64 && b.length() <= 64 && upperBound(a, b) < min - BOUND_MARGIN) {
            return 0;
        }
        return similarity(a, b);
    }

    /** Rounding room below a floor, so a bound a hair above the true value never prunes a pair that reaches it. */
    private static final double BOUND_MARGIN = 1e-6;

    /**
     * At least {@link #similarity}: Jaro matches a letter of one word only to the same letter of the other, so no
     * more letters than each word has of letters the other contains (by bit sets: no allocation), and counts no
     * transpositions; the prefix bonus is the true one.
     */
    static double upperBound(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0;
        }
        long lettersA = letters(a);
        long lettersB = letters(b);
        int shared = Math.min(countIn(a, lettersB), countIn(b, lettersA));
        if (shared == 0) {
            return 0;
        }
        double m = shared;
        double jaro = (m / la + m / lb + 1.0) / 3.0;
        int prefix = 0;
        int maxPrefix = Math.min(4, Math.min(la, lb));
        while (prefix < maxPrefix && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * PREFIX_SCALE * (1 - jaro);
    }

    /** The set of characters of {@code w}, a bit per character modulo 64 (two characters may share one: a bound). */
    private static long letters(String w) {
        long set = 0;
        for (int i = 0; i < w.length(); i++) {
            set |= 1L << w.charAt(i);
        }
        return set;
    }

    /** How many characters of {@code w} are in {@code set}. */
    private static int countIn(String w, long set) {
        int n = 0;
        for (int i = 0; i < w.length(); i++) {
            if ((set & (1L << w.charAt(i))) != 0) {
                n++;
            }
        }
        return n;
    }

    /** Plain version for the rare word over 64 characters. */
    private static double slow(String a, String b) {
        int la = a.length();
        int lb = b.length();
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        boolean[] ma = new boolean[la];
        boolean[] mb = new boolean[lb];
        int matches = 0;
        for (int i = 0; i < la; i++) {
            for (int j = Math.max(0, i - window); j <= Math.min(lb - 1, i + window); j++) {
                if (!mb[j] && a.charAt(i) == b.charAt(j)) {
                    ma[i] = true;
                    mb[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int t = 0;
        for (int i = 0, j = 0; i < la; i++) {
            if (ma[i]) {
                while (!mb[j]) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    t++;
                }
                j++;
            }
        }
        double m = matches;
        double jaro = (m / la + m / lb + (m - t / 2.0) / m) / 3.0;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(la, lb)) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * PREFIX_SCALE * (1 - jaro);
    }
}
