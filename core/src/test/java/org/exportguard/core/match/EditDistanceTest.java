package org.exportguard.core.match;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EditDistanceTest {
    @Test
    void countsInsertDeleteSubstituteAndSwap() {
        assertEquals(0, EditDistance.distance("putin", "putin", 3));
        assertEquals(1, EditDistance.distance("putin", "puttin", 3));
        assertEquals(1, EditDistance.distance("putin", "ptin", 3));
        assertEquals(1, EditDistance.distance("putin", "putan", 3));
        assertEquals(1, EditDistance.distance("selht", "selth", 3));
        assertEquals(2, EditDistance.distance("sancho", "sanchez", 3));
    }

    @Test
    void stopsCountingPastTheLimit() {
        assertEquals(4, EditDistance.distance("abcdefgh", "zyxwvuts", 3));
        assertEquals(4, EditDistance.distance("ab", "abcdefgh", 3));
    }

    @Test
    void capsBySizeOfTheDifference() {
        assertEquals(1f, EditDistance.cap("mitchell", "mitchel"));
        assertEquals(EditDistance.CAP_TWO_SHORT, EditDistance.cap("sancho", "sanchez"));
        assertEquals(EditDistance.CAP_TWO_LONG, EditDistance.cap("zuckermann", "zuckermnan1"));
    }
}
