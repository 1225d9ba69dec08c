package org.exportguard.core.match.translit;

import org.junit.jupiter.api.Test;

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
}
