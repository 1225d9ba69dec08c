package org.exportguard.core.match.translit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void learnedVowelSpellingsServeEverySyllableWithThatVowel() {
        assertTrue(reads("김수녕", "kimsoonyung"), "ㅕ as yu in a syllable with a final");
        assertTrue(reads("구준회", "koojunhoe"), "ㅜ as oo");
        assertTrue(reads("전영수", "chunyoungsoo"), "ㅓ as u in a syllable with a final");
        assertFalse(reads("김민서", "kimminsu"), "not in one without: 서 is not su");
        assertEquals(List.of("yu"), HangulSpellings.vowelSpellings("녕", "nyung"));
        assertEquals(List.of(), HangulSpellings.vowelSpellings("임", "lim"), "a consonant added, not a vowel");
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
