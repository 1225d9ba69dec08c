package org.exportguard.core.match.translit;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped model on names written for this test, and the table format on a hand-made table. */
class TransliterationModelTest {
    private final TransliterationModel model = TransliterationModel.shared();

    private void spells(String nativeWord, String latin) {
        float s = model.similarity(nativeWord, latin);
        assertTrue(s >= 0.85f, nativeWord + " / " + latin + ": " + s);
    }

    private void doesNotSpell(String nativeWord, String latin) {
        float s = model.similarity(nativeWord, latin);
        assertTrue(s >= 0f && s < 0.85f, nativeWord + " / " + latin + ": " + s);
    }

    @Test
    void aWesternNameInFiveScriptsMeetsItsLatinSpelling() {
        spells("로빈슨", "robinson");
        spells("ロビンソン", "robinson");
        spells("רובינסון", "robinson");
        spells("روبنسون", "robinson");
        spells("汤普森", "thompson");
        spells("톰프슨", "thompson");
        spells("מרגרט", "margaret");
        spells("مارغريت", "margaret");
        spells("マーガレット", "margaret");
    }

    @Test
    void anotherNameIsNoMatch() {
        doesNotSpell("로빈슨", "rodriguez");
        doesNotSpell("玛格丽特", "robinson");
        doesNotSpell("רובינסון", "margaret");
        doesNotSpell("マーガレット", "thompson");
    }

    @Test
    void longerWordsCarryMoreEvidence() {
        String[] units = Graphemes.of("ロビンソン");
        assertTrue(model.evidence(units, "robinson") > model.evidence(Graphemes.of("ロビン"), "robin"));
    }

    @Test
    void scriptsItHasNoUnitsForAreNotJudged() {
        assertEquals(-1f, model.similarity("राम", "ram"));
    }

    @Test
    void aShortWordMeetsATranscriptionOnlyOnStrongEvidence() {
        assertTrue(model.shortThreshold() > model.threshold(), "one or two syllables need more evidence");
        spells("헌터", "hunter");
        spells("터너", "turner");
        spells("亨特", "hunter");
        spells("格林", "green");
        doesNotSpell("헌터", "hinton");
        doesNotSpell("鸿", "jhon");
    }

    @Test
    void aShortWordIsNeverJudgedAgainstARomanisedEastAsianName() {
        // 志忠 and "zhiqing" are two Chinese names, 李 / "li" one: the readings judge those, not the model
        assertEquals(0f, model.similarity("志忠", "zhiqing"));
        assertEquals(0f, model.similarity("李", "li"));
        assertEquals(0f, model.similarity("영수", "yongsu"));
        assertTrue(TransliterationModel.speaksFor(Graphemes.of("헌터"), "hunter"));
        assertTrue(TransliterationModel.speaksFor(Graphemes.of("志忠林"), "zhiqing"), "three syllables: the model");
    }

    @Test
    void aShortHangulWordThatLooksTranscribedIsJudgedEvenAgainstKoreanSyllables() {
        // "ted", "gibson" read as Korean syllables (te-d, gib-son), but 테드, 깁슨 are Western names transcribed
        assertTrue(OwnRomanisation.isKorean("ted") && OwnRomanisation.isKorean("gibson"));
        spells("테드", "ted");
        spells("톰", "tom");
        assertTrue(model.similarity("깁슨", "gibson") >= TransliterationModel.FLOOR, "weaker evidence, still counted");
        doesNotSpell("테드", "tom");
        // a Korean name is still kept from Korean syllables: its readings judge it
        assertEquals(0f, model.similarity("영수", "yongsu"));
        assertEquals(0f, model.similarity("민수", "minsoo"));
    }

    @Test
    void latinWordsJoinedThatReadAHangulNameSyllableBySyllableAreThatName() {
        assertEquals(0.98f, model.joinedSimilarity(Graphemes.of("황진우"), "hwangjinwoo"), "woo: a learned spelling");
        assertEquals(0.98f, model.joinedSimilarity(Graphemes.of("한학자"), "hakjahan"), "surname last");
        assertEquals(0f, model.joinedSimilarity(Graphemes.of("김민서"), "kimminsu"), "another Korean name");
        // two syllables are a given name: its order is fixed, "sok min" is 석민, not 민석
        assertTrue(model.joinedSimilarity(Graphemes.of("민석"), "sokmin") < 0.85f);
        assertEquals(-1f, TransliterationModel.koreanNameSimilarity(Graphemes.of("로빈슨"), "robinsonx"),
                "not Korean syllables: the model judges");
        // "jean baptiste" reads as Korean syllables (je-an-bap-tis-te), but 장바티스트 is no Korean name: the model judges
        assertTrue(HangulSyllables.isKoreanName("jeanbaptiste"));
        assertEquals(-1f, TransliterationModel.koreanNameSimilarity(Graphemes.of("장바티스트"), "jeanbaptiste"));
        assertTrue(model.joinedSimilarity(Graphemes.of("장바티스트"), "jeanbaptiste") >= 0.85f);
    }

    @Test
    void aShortHanWordIsKeptFromPinyinOnlyNotFromKoreanSyllables() {
        // "merwin" reads as Korean syllables (meo-rwin) but not as pinyin: for 默溫 it is a transcribed Western name
        assertTrue(OwnRomanisation.isKorean("merwin"));
        assertFalse(OwnRomanisation.isPinyin("merwin"));
        assertTrue(TransliterationModel.speaksFor(Graphemes.of("默溫"), "merwin"));
        assertTrue(model.similarity("默溫", "merwin") >= 0.85f);
        // a short Hangul word is still kept from Korean syllables
        assertFalse(TransliterationModel.speaksFor(Graphemes.of("영수"), "merwin"));
    }

    @Test
    void aHandMadeTableIsReadAndScored() throws Exception {
        // two units: "x" spelled "k" or "ks", "y" spelled "a"; every bigram log(1/27)
        StringBuilder t = new StringBuilder("# test\nC\t1.0\t0.5\t-6\t2\t3\n");
        String letters = "^abcdefghijklmnopqrstuvwxyz";
        for (char a : letters.toCharArray()) {
            for (char b : letters.toCharArray()) {
                t.append("B\t").append(a).append('\t').append(b).append('\t').append(Math.log(1 / 27.0)).append('\n');
            }
        }
        t.append("E\tx\tk\t").append(Math.log(0.5)).append("\nE\tx\tks\t").append(Math.log(0.5)).append('\n');
        t.append("E\ty\ta\t0\n");
        TransliterationModel m = TransliterationModel.read(new BufferedReader(new StringReader(t.toString())));
        assertEquals(Math.log(0.5), m.logLikelihood(new String[]{"x", "y"}, "ksa"), 1e-6);
        // "kza": z is spelled by nothing in the table, so at the unseen cost (-6 - 2 a letter) or not at all
        assertTrue(m.logLikelihood(new String[]{"x", "y"}, "kza") < m.logLikelihood(new String[]{"x", "y"}, "ksa") - 5);
        assertEquals(Map.of("k", (float) Math.log(0.5), "ks", (float) Math.log(0.5)), m.emissions().get("x"));
    }

    @Test
    void aSilentLetterFillsOneSlotBetweenUnitsOrAtTheEnds() throws Exception {
        // "x" spelled "k", "y" spelled "a"; in Latin-script units (this test's) an r may go unwritten, p = 0.1
        StringBuilder t = new StringBuilder("C\t1.0\t0.5\t-6\t2\t3\n");
        t.append("E\tx\tk\t0\nE\ty\ta\t0\nI\tLATIN\tr\t").append(Math.log(0.1)).append('\n');
        TransliterationModel m = TransliterationModel.read(new BufferedReader(new StringReader(t.toString())));
        String[] xy = {"x", "y"};
        assertEquals(0, m.logLikelihood(xy, "ka"), 1e-6);
        assertEquals(Math.log(0.1), m.logLikelihood(xy, "kra"), 1e-6);
        assertEquals(Math.log(0.1), m.logLikelihood(xy, "rka"), 1e-6, "at the start");
        assertEquals(Math.log(0.1), m.logLikelihood(xy, "kar"), 1e-6, "at the end");
        assertEquals(2 * Math.log(0.1), m.logLikelihood(xy, "krar"), 1e-6, "one in each of two slots");
        assertTrue(m.logLikelihood(xy, "krra") < 2 * Math.log(0.1) - 1, "never two in one slot");
        assertTrue(m.logLikelihood(xy, "kza") < Math.log(0.1) - 5, "only the letters the table holds");
        // written and read back; a table without I records has no silent letters
        StringBuilder w = new StringBuilder();
        m.write(w, "again");
        TransliterationModel again = TransliterationModel.read(new BufferedReader(new StringReader(w.toString())));
        assertEquals(m.logLikelihood(xy, "krar"), again.logLikelihood(xy, "krar"), 1e-3);
        TransliterationModel none = TransliterationModel.read(new BufferedReader(new StringReader(
                "C\t1.0\t0.5\t-6\t2\t3\nE\tx\tk\t0\nE\ty\ta\t0\n")));
        assertTrue(none.insertions().isEmpty());
        assertTrue(none.logLikelihood(xy, "kra") < -6);
    }

    @Test
    void aSlotsContextsNameTheScriptAndThePreviousUnit() {
        String[] units = Graphemes.of("肖特"); // H:x H-iao H:t H-e
        assertEquals(java.util.List.of("Han/^", "Han", "*"), java.util.List.of(TransliterationModel.slotKeys(units, 0)));
        assertEquals("Han/H:", TransliterationModel.slotKeys(units, 1)[0]);
        assertEquals("Han/H-", TransliterationModel.slotKeys(units, 2)[0]);
        assertEquals("Han/$", TransliterationModel.slotKeys(units, 4)[0]);
        assertEquals("Hangul/V", TransliterationModel.slotKeys(Graphemes.of("쇼트"), 2)[0]);
        assertEquals("CYRILLIC/-", TransliterationModel.slotKeys(Graphemes.of("шорт"), 1)[0]);
    }

    @Test
    void aBrokenTableNamesItsLine() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TransliterationModel.read(
                new BufferedReader(new StringReader("C\t1\t1\t-6\t2\t3\nE\tx\tk\tnot-a-number\n"))));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
