package org.exportguard.core.match;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The word limit holds at its edge, where short names skip the count. */
class NameLimitsTest {
    private static String words(int n) {
        return String.join(" ", java.util.Collections.nCopies(n, "a"));
    }

    @Test
    void aNameOfAtMostMaxWordsPassesAndOneMoreIsRefused() {
        assertNull(NameLimits.problem(words(NameLimits.MAX_WORDS)));
        assertNull(NameLimits.problem("Banco Nacional de Cuba"));
        assertNull(NameLimits.problem(" ".repeat(NameLimits.MAX_CHARS)));
        String p = NameLimits.problem(words(NameLimits.MAX_WORDS + 1));
        assertTrue(p != null && p.contains("too many words: 101"), p);
        // the shortest name with one word too many: single letters and single spaces
        assertTrue(words(NameLimits.MAX_WORDS + 1).length() == 2 * NameLimits.MAX_WORDS + 1);
    }
}
