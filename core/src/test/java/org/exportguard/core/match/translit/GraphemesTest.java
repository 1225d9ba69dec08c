package org.exportguard.core.match.translit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphemesTest {
    @Test
    void kanaKeepTheirVoicingAndTheSmallKanaThatModifiesThem() {
        // ジェ is one sound; ブ must not lose its voicing to NFD; hiragana reads as katakana; ー is a unit
        assertArrayEquals(new String[]{"ジェ", "フ", "リ", "ー"}, Graphemes.of("ジェフリー"));
        assertArrayEquals(new String[]{"ブ", "ラ", "ウ", "ン"}, Graphemes.of("ブラウン"));
        assertArrayEquals(new String[]{"ブ", "ラ", "ウ", "ン"}, Graphemes.of("ぶらうん"));
        assertArrayEquals(new String[]{"マ", "ー", "ガ", "レ", "ッ", "ト"}, Graphemes.of("マーガレット"));
    }

    @Test
    void hangulBlocksAreSplitIntoJamo() {
        assertArrayEquals(new String[]{"\u1105", "\u1169", "\u1107", "\u1175", "\u11AB", "\u1109", "\u1173", "\u11AB"},
                Graphemes.of("로빈슨"));
    }

    @Test
    void hanCharactersAreUnitsByTheInitialAndFinalOfTheirReading() {
        String[] thompson = {"H:t", "H-ang", "H:p", "H-u", "H:s", "H-en"};
        assertArrayEquals(thompson, Graphemes.of("汤普森"));
        assertArrayEquals(thompson, Graphemes.of("湯普森"), "traditional characters read the same");
        assertArrayEquals(new String[]{"H:zh", "H-uang", "H-ai", "H:k", "H-e"}, Graphemes.of("庄爱克"));
    }

    @Test
    void abjadLettersLoseTheirVowelPointsAndKeepTheirGeresh() {
        assertArrayEquals(new String[]{"ג'", "ו", "ר", "ג'"}, Graphemes.of("ג'ורג'"));
        assertArrayEquals(new String[]{"ס", "ל", "ם"}, Graphemes.of("סָלֵם"));
        assertArrayEquals(new String[]{"م", "ح", "م", "د"}, Graphemes.of("مُحَمَّد"));
        assertArrayEquals(new String[]{"п", "е", "т", "р"}, Graphemes.of("Петр"));
    }

    @Test
    void otherScriptsAreNotCovered() {
        assertNull(Graphemes.of("राम"), "Devanagari: no units");
        assertNull(Graphemes.of("ロビン1"), "a digit");
    }

    @Test
    void wordsOfOneOrTwoSyllablesAreShort() {
        assertTrue(Graphemes.isShort(Graphemes.of("李")));
        assertTrue(Graphemes.isShort(Graphemes.of("민준")));
        assertTrue(Graphemes.isShort(Graphemes.of("ジョン")), "ジョ is one syllable");
        assertFalse(Graphemes.isShort(Graphemes.of("로빈슨")));
        assertFalse(Graphemes.isShort(Graphemes.of("汤普森")));
        assertFalse(Graphemes.isShort(Graphemes.of("מרגרט")), "letters of an abjad are no syllables");
        assertFalse(Graphemes.isShort(Graphemes.of("Ян")));
    }
}
