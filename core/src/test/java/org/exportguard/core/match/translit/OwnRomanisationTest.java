package org.exportguard.core.match.translit;

import com.ibm.icu.text.Transliterator;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OwnRomanisationTest {
    @Test
    void pinyinSyllablesWrittenTogether() {
        assertTrue(OwnRomanisation.isPinyin("zhiqing"));
        assertTrue(OwnRomanisation.isPinyin("li"));
        assertTrue(OwnRomanisation.isPinyin("zhuang"));
        assertFalse(OwnRomanisation.isPinyin("robinson"));
        assertFalse(OwnRomanisation.isPinyin("hsing"), "Wade-Giles is not pinyin");
    }

    @Test
    void koreanSyllablesInEitherSystem() {
        assertTrue(OwnRomanisation.isKorean("gyeongsu"), "Revised Romanisation");
        assertTrue(OwnRomanisation.isKorean("kyongsu"), "McCune-Reischauer");
        assertTrue(OwnRomanisation.isKorean("cholsu"));
        assertFalse(OwnRomanisation.isKorean("hunter"));
        assertFalse(OwnRomanisation.isKorean("pierre"));
    }

    @Test
    void eastAsianIsEither() {
        assertTrue(OwnRomanisation.isEastAsian("xiaoming"));
        assertTrue(OwnRomanisation.isEastAsian("yeongho"));
        assertFalse(OwnRomanisation.isEastAsian("thompson"));
    }

    @Test
    void thePinyinResourceIsEveryReadingIcuGivesAHanCharacter() {
        Set<String> icu = new HashSet<>();
        for (int cp = 0x4E00; cp <= 0x9FFF; cp++) {
            String r = Graphemes.hanReading(cp);
            if (!r.isEmpty()) {
                icu.add(r);
            }
        }
        assertEquals(icu, OwnRomanisation.readPinyin(), "regenerate pinyin-syllables.txt from ICU");
    }

    @Test
    void theKoreanSyllablesHoldIcusRevisedRomanisationOfEveryBlock() {
        Transliterator rr = Transliterator.getInstance("Hangul-Latin; Latin-ASCII");
        Set<String> korean = OwnRomanisation.korean();
        for (char c = 0xAC00; c <= 0xD7A3; c++) {
            String r = rr.transliterate(String.valueOf(c)).replaceAll("[^a-z]", "");
            assertTrue(korean.contains(r), c + " " + r);
        }
    }

    /** The Han-syllable rule of TokenSimilarity asks this of listed Latin words. */
    @Test
    void wordsWrittenWhollyInSyllablesArePinyin() {
        assertTrue(OwnRomanisation.readsAsPinyin("zhang"));
        assertTrue(OwnRomanisation.readsAsPinyin("xiaoming"));
        assertTrue(OwnRomanisation.readsAsPinyin("guihua"));
        assertTrue(OwnRomanisation.readsAsPinyin("chen"));
    }

    @Test
    void westernNamesAndOtherRomanisationsAreNotPinyin() {
        assertFalse(OwnRomanisation.readsAsPinyin("simon"), "no pinyin syllable ends in m");
        assertFalse(OwnRomanisation.readsAsPinyin("hsi"), "Wade-Giles");
        assertFalse(OwnRomanisation.readsAsPinyin("kwang"), "McCune-Reischauer");
        assertFalse(OwnRomanisation.readsAsPinyin("myint"));
        assertFalse(OwnRomanisation.readsAsPinyin(""));
    }
}
