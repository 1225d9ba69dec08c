package org.exportguard.core.match;

import org.exportguard.core.match.translit.Graphemes;
import org.exportguard.core.match.translit.TransliterationModel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The memo gives the model's own answer, first time and remembered, whatever shares a slot. */
class TransliterationMemoTest {
    private static final TransliterationModel MODEL = TransliterationModel.shared();
    private static final String[] NATIVE = {"로빈슨", "ロビンソン", "רובינסון", "روبنسون", "罗宾逊", "Робинсон", "김정은"};
    private static final String[] LATIN = {"robinson", "robertson", "kimjongun", "kim", "rabinsun", "x", ""};

    @Test
    void everyPairGetsTheModelsAnswerFirstAndAgain() {
        TransliterationMemo memo = new TransliterationMemo(MODEL);
        for (int pass = 0; pass < 2; pass++) {
            for (String n : NATIVE) {
                // a fresh array each time, as each query cuts its words anew: equal units are the same pair
                String[] units = Graphemes.of(n);
                for (String l : LATIN) {
                    assertEquals(MODEL.similarity(units, l), memo.similarity(units, l), n + " / " + l);
                }
            }
        }
    }

    @Test
    void evidenceIsTheModelsAndKeptApartFromSimilarity() {
        TransliterationMemo memo = new TransliterationMemo(MODEL, 8);
        for (int pass = 0; pass < 2; pass++) {
            for (String n : NATIVE) {
                String[] units = Graphemes.of(n);
                for (String l : LATIN) {
                    // asked for both, in either order: each table answers for its own
                    assertEquals((float) MODEL.evidence(units, l), memo.evidence(units, l), n + " / " + l);
                    assertEquals(MODEL.similarity(units, l), memo.similarity(units, l), n + " / " + l);
                }
            }
        }
    }

    @Test
    void pairsOverwritingEachOtherInASmallTableStillGetTheirOwnAnswers() {
        TransliterationMemo memo = new TransliterationMemo(MODEL, 8);
        // many more pairs than slots, asked twice: each answer must still be its own pair's
        for (int k = 0; k < 2 * 500; k++) {
            String latin = "robin" + (char) ('a' + k % 500 % 26) + (char) ('a' + k % 500 / 26) + "son";
            String[] units = Graphemes.of(NATIVE[k % NATIVE.length]);
            assertEquals(MODEL.similarity(units, latin), memo.similarity(units, latin), latin);
        }
    }
}
