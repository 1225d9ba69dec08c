package org.exportguard.accuracy;

import org.exportguard.core.match.translit.Graphemes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransliterationModelLearnerTest {
    @Test
    void theSecondTrainingLeavesOutPairsThatAreNotOneNameInTwoScripts() throws Exception {
        List<TransliterationModelLearner.WordPair> pairs = TransliterationModelLearner.wordPairs(true).stream()
                .filter(wp -> !Graphemes.isShort(wp.units())).toList();
        List<TransliterationModelLearner.WordPair> kept =
                TransliterationModelLearner.explained(pairs, TransliterationModelLearner.Settings.DEFAULT);
        // A title and a place beside the name (Antigone of Epirus), and another person's name.
        assertFalse(has(kept, "antigone", "伊庇魯斯的安提戈涅"));
        assertFalse(has(kept, "nando", "加布里埃尔"));
        // Transcriptions are kept, and they are nearly all of the pairs.
        assertTrue(has(pairs, "antigone", "伊庇魯斯的安提戈涅"));
        assertTrue(kept.size() > pairs.size() * 0.9, kept.size() + " of " + pairs.size());
        assertTrue(kept.size() < pairs.size());
    }

    private static boolean has(List<TransliterationModelLearner.WordPair> pairs, String latin, String nativeWord) {
        String units = String.join(" ", Graphemes.of(nativeWord));
        return pairs.stream().anyMatch(wp -> wp.latin().equals(latin) && String.join(" ", wp.units()).equals(units));
    }
}
