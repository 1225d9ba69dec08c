package org.exportguard.core.match.translit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HangulSyllablesTest {
    private static boolean reads(String hangul, String latin) {
        return HangulSyllables.readsAs(HangulSyllables.blocks(Graphemes.of(hangul)), latin);
    }

    @Test
    void eachSyllableInEitherRomanisation() {
        assertTrue(reads("김정은", "kimjongun"));
        assertTrue(reads("김정은", "gimjeongeun"));
        assertTrue(reads("김서영", "kimseoyeong"));
        assertTrue(reads("김영수", "kimyongsu"));
        assertTrue(reads("박영수", "parkyoungsoo"), "learned spellings");
        assertFalse(HangulSyllables.readsByRule(HangulSyllables.blocks(Graphemes.of("박영수")), "parkyoungsoo"));
        assertTrue(HangulSyllables.isKoreanName("parkgyeongsu"));
    }

    @Test
    void anotherSyllableIsAnotherName() {
        assertFalse(reads("김형규", "parkgyeongsu"));
        assertFalse(reads("김형규", "gyeongsu"));
        assertFalse(reads("김민서", "kimminsu"));
    }

    @Test
    void onlyHangulHasBlocks() {
        assertTrue(HangulSyllables.blocks(Graphemes.of("로빈슨")).length == 3);
        assertTrue(HangulSyllables.blocks(Graphemes.of("ロビン")) == null);
    }
}
