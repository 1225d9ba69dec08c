package org.exportguard.core.match.translit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The learned transcription characters, and how the model judges a two-character word written in them. */
class HanTranscriptionTest {
    private final TransliterationModel model = TransliterationModel.shared();

    @Test
    void twoCharactersChineseTranscribesForeignNamesWithInEitherForm() {
        assertTrue(HanTranscription.isTranscription("库里"), "Currie, simplified");
        assertTrue(HanTranscription.isTranscription("庫里"), "Currie, traditional");
        assertTrue(HanTranscription.isTranscription("格林"), "Green");
        assertEquals('尔', HanTranscription.simplified('爾'));
    }

    @Test
    void oneCharacterOfTheTableIsEnough() {
        // 宁 and 戈 are transcription characters, 唐 and 登 are not (also in Chinese names, or in too few transcriptions)
        assertTrue(HanTranscription.isTranscription("唐宁"), "Downing");
        assertTrue(HanTranscription.isTranscription("戈登"), "Gordon");
        assertTrue(HanTranscription.isTranscription("湯姆"), "Tom, traditional");
        assertTrue(model.similarity("唐宁", "downing") >= 0.85f);
        assertTrue(model.similarity("戈登", "gorton") >= 0.85f);
    }

    @Test
    void aTranscriptionUnderTheBarIsNoMatchAtAll() {
        // 建华 (华 is in the table) is most often a given name: 0.82 against bahawal must not add up with a surname
        assertTrue(HanTranscription.isTranscription("建华"));
        double e = model.evidence(Graphemes.of("建华"), "bahawal");
        assertTrue(e > 0 && e < HanTranscription.threshold(), "some evidence, under the bar: " + e);
        assertEquals(0f, model.similarity("建华", "bahawal"));
    }

    @Test
    void chineseGivenNamesOneCharacterAndLongerWordsAreNot() {
        assertFalse(HanTranscription.isTranscription("桂花"));
        assertFalse(HanTranscription.isTranscription("伟芳"));
        assertFalse(HanTranscription.isTranscription("林"), "one character is most often a surname");
        assertFalse(HanTranscription.isTranscription("格林斯"), "three characters are judged as usual");
        assertFalse(HanTranscription.isTranscription("グリ"));
    }

    @Test
    void aTranscriptionNeedsLessEvidenceThanOtherShortWordsAndNoLessThanLongerOnes() {
        assertTrue(HanTranscription.threshold() < model.shortThreshold());
        assertTrue(HanTranscription.threshold() >= model.threshold());
        // under the short-word threshold, over the transcriptions' one
        assertTrue(model.evidence(Graphemes.of("庫里"), "currie") < model.shortThreshold());
        assertTrue(model.similarity("庫里", "currie") >= 0.85f);
        assertTrue(model.similarity("赫兹", "herz") >= 0.85f);
    }

    @Test
    void aTranscriptionMeetsAWesternNameThatReadsAsPinyinOnlyOnStrongEvidence() {
        assertTrue(OwnRomanisation.readsAsPinyin("loden"));
        assertTrue(HanTranscription.pinyinThreshold() > HanTranscription.threshold());
        assertTrue(model.similarity("羅登", "loden") >= 0.85f, "Loden");
        assertTrue(model.similarity("伦辛", "rensing") >= 0.85f, "Rensing");
        // a Chinese name against pinyin keeps to the readings: 高华 (高 is a transcription character) / gaohua
        double e = model.evidence(Graphemes.of("高华"), "gaohua");
        assertTrue(e > HanTranscription.threshold() && e < HanTranscription.pinyinThreshold(), "evidence " + e);
        assertEquals(0f, model.similarity("高华", "gaohua"));
    }

    @Test
    void aTranscriptionIsStillNoOtherNameNorJudgedAgainstPinyin() {
        assertTrue(model.similarity("马克", "mike") < 0.85f);
        assertTrue(model.similarity("丽华", "lewis") < 0.85f);
        assertEquals(0f, model.similarity("丽华", "lihua"), "a Chinese name against pinyin: the readings judge it");
    }
}
