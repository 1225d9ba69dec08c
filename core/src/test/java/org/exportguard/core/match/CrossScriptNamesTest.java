package org.exportguard.core.match;

import org.exportguard.core.model.PartyType;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.StringReader;

import static org.exportguard.core.match.NameMatcher.DEFAULT_THRESHOLD;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Latin name and a name written word by word in Hangul, judged on their words' evidence together. */
class CrossScriptNamesTest {
    private final NameMatcher matcher = new NameMatcher();
    private final NameTokenizer tokenizer = new NameTokenizer();

    private MatchResult match(String a, String b) {
        return matcher.match(a, b, PartyType.PERSON);
    }

    @Test
    void twoModeratelySureWordsMakeAMatchAsAWholeName() {
        // 조지 alone is nothing (it reads as Korean syllables, which the model never judges alone), with its surname
        // over the threshold (토미 / tommy, the example before silent letters, now reaches 0.85 alone)
        for (String[] pair : new String[][]{{"George Patton", "조지 패튼"}, {"George Gallup", "조지 갤럽"}}) {
            MatchResult m = match(pair[0], pair[1]);
            assertTrue(m.score() >= DEFAULT_THRESHOLD, pair[0] + " / " + pair[1] + ": " + m.explanation().toText());
            assertEquals(MatchExplanation.Kind.WHOLE_NAME, m.explanation().pairs().get(0).kind());
            // either side may be the query
            assertEquals(m.score(), match(pair[1], pair[0]).score(), 1e-4);
        }
        // a Western list writes the surname first
        assertTrue(match("PATTON, George", "조지 패튼").score() >= DEFAULT_THRESHOLD);
    }

    @Test
    void oneStrongWordDoesNotCarryAnotherSurname() {
        MatchResult m = match("Alexander Smith", "알렉산더 존스");
        assertTrue(m.score() < DEFAULT_THRESHOLD, m.explanation().toText());
        assertTrue(match("Tommy Hunter", "토미 도시").score() < DEFAULT_THRESHOLD);
    }

    @Test
    void aKoreanNameInHangulIsLeftToItsReadings() {
        // every word reads as Korean syllables: the readings judge it, syllable by syllable
        assertTrue(match("Kim Minho", "김 민수").score() < DEFAULT_THRESHOLD);
        // 한 is read han, exactly: one word weighed by the model is the word rules' to judge
        assertTrue(match("HAN, Sahbaz", "재현 한").score() < DEFAULT_THRESHOLD);
    }

    @Test
    void aWordOfMoreVowelsThanSyllablesIsNotItsTranscription() {
        assertTrue(CrossScriptNames.cannotTranscribe(1, 1, "fezza"));
        assertTrue(CrossScriptNames.cannotTranscribe(1, 1, "andree"));
        assertFalse(CrossScriptNames.cannotTranscribe(1, 1, "bank"));
        // a final e after a consonant is silent: Kate is one vowel, Jules two
        assertEquals(1, CrossScriptNames.vowelGroupsSpoken("kate"));
        assertEquals(2, CrossScriptNames.vowelGroupsSpoken("jules"));
        // a Korean name part of two syllables is not a Latin word of one vowel group, as in the word rules
        assertTrue(CrossScriptNames.cannotTranscribe(2, 2, "song"));
    }

    @Test
    void theSumNeedsEveryWordsOwnEvidenceAndTwoWordsWeighed() {
        assertEquals(9.0, CrossScriptNames.sum(new double[]{4, 5}, 0), 1e-9);
        assertEquals(Double.NEGATIVE_INFINITY, CrossScriptNames.sum(new double[]{12, -0.5}, 0));
        // a word its reading meets (NaN) adds nothing, and one word left is not a whole name
        assertEquals(Double.NEGATIVE_INFINITY, CrossScriptNames.sum(new double[]{Double.NaN, 9}, 0));
        assertEquals(9.0, CrossScriptNames.sum(new double[]{Double.NaN, 4, 5}, 0), 1e-9);
    }

    @Test
    void pairingsAreInOrderAndWithTheSurnameMoved() {
        int[][] two = CrossScriptNames.pairings(2);
        assertArrayEquals(new int[][]{{0, 1}, {1, 0}}, two);
        int[][] three = CrossScriptNames.pairings(3);
        assertArrayEquals(new int[][]{{0, 1, 2}, {2, 0, 1}, {1, 2, 0}}, three);
    }

    @Test
    void onlyPeoplesNamesOfAsManyWordsInLatinAndHangul() {
        NameTokens hangul = tokenizer.tokenize("토미 도시", PartyType.PERSON);
        assertNull(CrossScriptNames.pairingEvidence(hangul, tokenizer.tokenize("Tommy", PartyType.PERSON)));
        assertNull(CrossScriptNames.pairingEvidence(hangul, tokenizer.tokenize("Tommy Lee Dorsey", PartyType.PERSON)));
        assertNull(CrossScriptNames.pairingEvidence(hangul, tokenizer.tokenize("토미 도시", PartyType.PERSON)));
        assertNull(CrossScriptNames.pairingEvidence(tokenizer.tokenize("토미 도시", PartyType.ORGANIZATION),
                tokenizer.tokenize("Tommy Dorsey", PartyType.ORGANIZATION)));
        assertEquals(2, CrossScriptNames.pairingEvidence(hangul,
                tokenizer.tokenize("Tommy Dorsey", PartyType.PERSON)).length);
    }

    @Test
    void theCalibrationIsReadFromItsLine() throws Exception {
        CrossScriptNames c = CrossScriptNames.read(new BufferedReader(new StringReader("# x\nC\t0.00\t3.40\t0.75\n")));
        assertEquals(0f, c.wordMinimum());
        assertEquals(3.40f, c.threshold());
    }
}
