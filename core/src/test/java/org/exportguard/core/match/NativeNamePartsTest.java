package org.exportguard.core.match;

import org.exportguard.core.model.PartyType;
import org.junit.jupiter.api.Test;

import static org.exportguard.core.match.NameMatcher.DEFAULT_THRESHOLD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Name parts written in Han, Hangul or Arabic script are read exactly, so a near spelling of their reading is another
 * name, not a typo: the rules that keep background names in those scripts from alerting on listed names.
 */
class NativeNamePartsTest {
    private final NameMatcher matcher = new NameMatcher();

    private double score(String a, String b) {
        return matcher.match(a, b, PartyType.PERSON).score();
    }

    private void matches(String a, String b) {
        assertTrue(score(a, b) >= DEFAULT_THRESHOLD, a + " / " + b + ": "
                + matcher.match(a, b, PartyType.PERSON).explanation().toText());
    }

    private void doesNotMatch(String a, String b) {
        assertTrue(score(a, b) < DEFAULT_THRESHOLD, a + " / " + b + ": "
                + matcher.match(a, b, PartyType.PERSON).explanation().toText());
    }

    @Test
    void twoHanCharactersChineseTranscribesForeignNamesWithMeetTheNameTheyTranscribe() {
        // under the short-word threshold: no match before the learned transcription characters
        matches("Currie", "庫里");
        matches("Herz", "赫兹");
        // a Chinese given name is not of those characters, and pinyin is still left to the readings
        doesNotMatch("Kelly Li", "桂花 李");
        doesNotMatch("LIHAO", "丽华");
    }

    @Test
    void aHanSyllableMeetsOnlyItsOwnPinyin() {
        matches("成 朱", "CHENG, Zhu");
        matches("桂花 李", "LI, Guihua");
        // cheng and chen, feng and fang, yan and jian are other characters: other people
        doesNotMatch("成 朱", "CHEN, Zhu");
        doesNotMatch("峰 刘", "FANG LIU");
        doesNotMatch("艳 张", "ZHANG, Jian");
    }

    @Test
    void aHanSyllableMeetsItsOtherReadings() {
        matches("周 文", "WEN Zhou");
        // 单 is read "dan" by default, "shan" as a surname (ICU Han-Latin/Names)
        matches("单 文", "SHAN Wen");
    }

    @Test
    void twoWordsInArabicScriptMustBeSpelledAlike() {
        matches("محمد محمدی", "محمد محمدی");
        // Mohammadi / Ahmadi: one letter apart in Arabic script, two names
        doesNotMatch("محمد محمدی", "محمد احمدی");
        doesNotMatch("محمد حمیدی", "محمد احمدی");
        // words joined in one name, apart in the other, are compared as written
        doesNotMatch("محمدحسين تهرانی", "محمد حسن رحمانی");
    }

    @Test
    void aFinalYehInArabicScriptIsAFinalVowelInLatin() {
        // اشرفی Ashrafi (of Ashraf), هاشمی Hashemi (of Hashim): the nisba makes another name
        doesNotMatch("مهسا اشرفی", "ASHRAF, Mahsa");
        doesNotMatch("عباس هاشمی", "HASHIM, Abbas");
        matches("محمد سلطانی", "SOLTANI, Mohammad");
        // alef maksura (ى) is read -a, and a Slavic final j is an -i
        matches("مصطفى", "Mustafa");
        matches("يوري", "Yuri");
        assertEquals(0.0, score("يوري", "Jurik"));
        assertTrue(TokenSimilarity.endsInConsonant("ashraf"));
        assertFalse(TokenSimilarity.endsInConsonant("jurij"), "a Slavic final j is an -i");
        assertFalse(TokenSimilarity.endsInConsonant("fatimah"), "a final h is often silent");
    }

    @Test
    void aRomanisedKoreanNameMeetsAHangulNameOnlySyllableBySyllable() {
        matches("Kim Seo-yeong", "김서영");
        matches("Kim Jong Un", "김정은");
        // other Korean names: the learned model finds a spelling for them, the syllables do not agree
        doesNotMatch("Kim Minsu", "김민서");
        doesNotMatch("Park Gyeongsu", "김형규");
        // common spellings no romanisation system gives, learned per syllable (HangulSpellings)
        matches("Lee Jae-won", "이재원");
        matches("Sangdon Park", "박상돈");
    }

    @Test
    void aTwoSyllableKoreanNamePartIsNotAOneSyllableLatinWord() {
        matches("영수 김", "KIM, Yong Su");
        matches("정은 김", "Kim Jong Un");
        doesNotMatch("성호 김", "KIM, Song");
        doesNotMatch("진우 장", "JANG, Myong-Jin");
        // a Western name written in Hangul keeps its spelling: 앤디 is two syllables, Andy two vowels
        matches("앤디 그리그스", "Andy Griggs");
    }

    @Test
    void vowelGroupsCountYAsAVowelOnlyBeforeAConsonantOrAtTheEnd() {
        assertEquals(2, TokenSimilarity.vowelGroups("seongho"));
        assertEquals(1, TokenSimilarity.vowelGroups("song"));
        assertEquals(1, TokenSimilarity.vowelGroups("yong"));
        assertEquals(2, TokenSimilarity.vowelGroups("andy"));
        assertEquals(1, TokenSimilarity.vowelGroups("choe"));
    }
}
