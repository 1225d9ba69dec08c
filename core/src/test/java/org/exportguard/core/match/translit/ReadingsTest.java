package org.exportguard.core.match.translit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadingsTest {
    @Test
    void hangulHasAMcCuneReischauerLikeReadingBesideTheRevisedOne() {
        assertEquals("kimyongsu", Readings.mccuneReischauer("김영수"));
        assertEquals("chongun", Readings.mccuneReischauer("정은"));
        assertTrue(List.of(Readings.of("김영수", "gimyeongsu")).contains("kimyongsu"));
    }

    @Test
    void aKoreanNamePartCountsTheVowelsEveryRomanisationWritesATranscriptionNone() {
        assertEquals(2, Readings.koreanSyllables("성호"));
        assertEquals(1, Readings.koreanSyllables("김"));
        // a foreign name transcribed writes a diphthong in two syllables (Jay, Rey): not held to two vowels
        assertEquals(0, Readings.koreanSyllables("제이"));
        assertEquals(0, Readings.koreanSyllables("레이"));
        assertEquals(0, Readings.koreanSyllables("김영수"), "three syllables: a whole name");
    }

    @Test
    void hanHasItsNameReadings() {
        // 单 is "dan" as a word and "shan" as a surname
        assertTrue(List.of(Readings.of("单", "dan")).contains("shan"));
    }

    @Test
    void theMainReadingIsNotRepeatedAndLatinHasNone() {
        assertEquals(0, Readings.of("robinson", "robinson").length);
        for (String r : Readings.of("מרגרט", "mrgrt")) {
            assertTrue(!r.equals("mrgrt") && r.chars().allMatch(c -> c >= 'a' && c <= 'z'), r);
        }
        assertTrue(Readings.of("김영수", "gimyeongsu").length <= Readings.MAX);
    }
}
