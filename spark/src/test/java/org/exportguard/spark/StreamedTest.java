package org.exportguard.spark;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StreamedTest {
    @Test
    void makesEachOutputOnlyWhenItIsPulledAndSkipsTheInputsAnsweredWithNull() {
        List<Integer> seen = new ArrayList<>();
        Iterator<String> out = Streamed.map(IntStream.rangeClosed(1, 6).boxed().iterator(), i -> {
            seen.add(i);
            return i % 3 == 0 ? null : "row " + i;
        });
        assertEquals(List.of(), seen, "nothing is made before the first pull");
        assertEquals("row 1", out.next());
        assertEquals(List.of(1), seen, "one pull makes one row: a partition is never held whole");
        List<String> rest = new ArrayList<>();
        out.forEachRemaining(rest::add);
        assertEquals(List.of("row 2", "row 4", "row 5"), rest);
        assertFalse(out.hasNext());
        assertThrows(NoSuchElementException.class, out::next);
    }
}
