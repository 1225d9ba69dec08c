package org.exportguard.core.match;

/**
 * A typing slip in a short word: one letter after the first replaced by a neighbouring key of a QWERTY keyboard
 * ("nec" / "ned", "lep" / "leo") or two neighbouring letters swapped ("sma" / "sam"). Short words are below the
 * fuzzy floors (one letter of three is a third of the word), yet a slip of a finger is the most common typo in a
 * keyed-in name; an arbitrary other letter ("sam" / "pam") is as often another name and stays no match.
 */
final class KeyboardSlip {
    private static final String[] ROWS = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
    /** Bit {@code b - 'a'} of entry {@code a - 'a'}: keys touching each other (same row, or the rows above/below). */
    private static final int[] NEIGHBOURS = new int[26];

    static {
        for (int r = 0; r < ROWS.length; r++) {
            for (int i = 0; i < ROWS[r].length(); i++) {
                char c = ROWS[r].charAt(i);
                for (int dr = -1; dr <= 1; dr++) {
                    int rr = r + dr;
                    if (rr < 0 || rr >= ROWS.length) {
                        continue;
                    }
                    // Staggered rows: key i of one row touches keys i - 1 .. i + 1 of the next.
                    for (int j = i - 1; j <= i + 1; j++) {
                        if (j >= 0 && j < ROWS[rr].length() && !(dr == 0 && j == i)) {
                            NEIGHBOURS[c - 'a'] |= 1 << (ROWS[rr].charAt(j) - 'a');
                        }
                    }
                }
            }
        }
    }

    private KeyboardSlip() {
    }

    static boolean neighbours(char a, char b) {
        return a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z' && (NEIGHBOURS[a - 'a'] & (1 << (b - 'a'))) != 0;
    }

    /**
     * True when a two-letter word is a three-letter word with a consonant after its first letter dropped ("ne" /
     * "ned", "ah" / "ash"): a key not struck. A dropped vowel ("li" / "liu") is more often another short name.
     */
    static boolean isDroppedConsonant(String shorter, String longer) {
        if (shorter.length() != 2 || longer.length() != 3 || shorter.charAt(0) != longer.charAt(0)) {
            return false;
        }
        for (int d = 1; d < 3; d++) {
            char dropped = longer.charAt(d);
            if ("aeiouy".indexOf(dropped) < 0 && longer.charAt(3 - d) == shorter.charAt(1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when two words of equal length, with the same first letter, differ by one neighbouring-key letter or one
     * swap of neighbours.
     */
    static boolean isSlip(String a, String b) {
        int n = a.length();
        if (n != b.length()) {
            return false;
        }
        int first = -1;
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                first = i;
                break;
            }
        }
        if (first <= 0) {
            // Equal, or different from the first letter: a name's first letter is the one typed with most care,
            // and "ian" / "kan" are two names.
            return false;
        }
        if (a.regionMatches(first + 1, b, first + 1, n - first - 1)) {
            return neighbours(a.charAt(first), b.charAt(first));
        }
        return first + 1 < n && a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first)
                && a.regionMatches(first + 2, b, first + 2, n - first - 2);
    }
}
