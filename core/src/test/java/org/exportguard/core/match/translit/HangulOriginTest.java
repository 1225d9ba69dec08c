package org.exportguard.core.match.translit;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped table on names written for this test, and the table format on a hand-made table. */
class HangulOriginTest {
    private final HangulOrigin origin = HangulOrigin.shared();

    @Test
    void westernNamesInHangulLookTranscribed() {
        for (String w : new String[]{"테드", "깁슨", "매켄", "더그", "윌럼", "케인", "마셜", "토미", "톰"}) {
            assertTrue(origin.looksTranscribed(w), w + ": " + origin.logOdds(w));
        }
    }

    @Test
    void koreanSurnamesAndGivenNamesDoNot() {
        for (String w : new String[]{"김", "박", "최", "정", "민수", "영수", "지훈", "현준", "서윤"}) {
            assertFalse(origin.looksTranscribed(w), w + ": " + origin.logOdds(w));
        }
    }

    @Test
    void aKoreanNameReadSyllableBySyllableIsRecognised() {
        assertTrue(HangulOrigin.readsSyllableBySyllable("김민수", "kimminsu"));
        assertTrue(HangulOrigin.readsSyllableBySyllable("박상돈", "sangdonpark"), "surname last");
        assertFalse(HangulOrigin.readsSyllableBySyllable("김민서", "kimminsu"));
        assertFalse(HangulOrigin.readsSyllableBySyllable("로빈슨", "robinson"), "슨 is seun");
    }

    @Test
    void aHandMadeTableIsReadAndScored() throws Exception {
        HangulOrigin.Counts counts = new HangulOrigin.Counts();
        counts.add("민수", false);
        counts.add("테드", true);
        StringBuilder out = new StringBuilder("# a comment\n");
        counts.write(out, 2, 1, 8.5);
        HangulOrigin read = HangulOrigin.read(new BufferedReader(new StringReader(out.toString())));
        assertEquals(8.5, read.threshold(), 1e-9);
        assertEquals(1, read.cut(), 1e-9);
        assertEquals(counts.model(2, 1, 8.5).logOdds("테드"), read.logOdds("테드"), 1e-9);
        assertTrue(read.logOdds("테드") > 0 && read.logOdds("민수") < 0);
        assertThrows(IllegalStateException.class,
                () -> HangulOrigin.read(new BufferedReader(new StringReader("X\t1\n"))));
    }
}
