package org.exportguard.lists.io;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class TextsTest {
    @Test
    void collapse() {
        String clean = "Vladimir Vladimirovich PUTIN";
        assertSame(clean, Texts.collapse(clean), "nothing to change: the same string");
        assertEquals("AL-KHATAB, Abd Al Rahman", Texts.collapse("  AL-KHATAB,  Abd\n\t Al Rahman \r\n"));
        assertEquals("a b", Texts.collapse("a\tb"));
        assertEquals("a\u00a0b", Texts.collapse("a\u00a0b"), "as \\s: a no-break space is not white space");
        for (String x : new String[] {"  a  b ", "a\u000B\fb", "\u0001a\r\nb\u0002", "ab ", " a"}) {
            assertEquals(x.trim().replaceAll("\\s+", " "), Texts.collapse(x), x);
        }
        assertEquals("x", Texts.collapse("x"));
        assertNull(Texts.collapse(null));
        assertNull(Texts.collapse(""));
        assertNull(Texts.collapse(" \n\t "));
    }
}
