package org.exportguard.core.match.translit;

import org.junit.jupiter.api.Test;

import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which Latin words are written wholly in pinyin syllables (a Han syllable's rule in TokenSimilarity). */
class MandarinSyllablesTest {
    @Test
    void theSyllablesAreOwnRomanisationsButTheVowellessInterjections() {
        java.util.Set<String> all = OwnRomanisation.readPinyin();
        assertTrue(all.containsAll(MandarinSyllables.syllables()));
        java.util.Set<String> left = new TreeSet<>(all);
        left.removeAll(MandarinSyllables.syllables());
        assertEquals(new TreeSet<>(java.util.List.of("hm", "m", "ng")), left);
    }

    @Test
    void wordsWrittenWhollyInSyllablesArePinyin() {
        assertTrue(MandarinSyllables.isPinyin("zhang"));
        assertTrue(MandarinSyllables.isPinyin("xiaoming"));
        assertTrue(MandarinSyllables.isPinyin("guihua"));
        assertTrue(MandarinSyllables.isPinyin("chen"));
    }

    @Test
    void westernNamesAndOtherRomanisationsAreNot() {
        assertFalse(MandarinSyllables.isPinyin("simon"), "no pinyin syllable ends in m");
        assertFalse(MandarinSyllables.isPinyin("hsi"), "Wade-Giles");
        assertFalse(MandarinSyllables.isPinyin("kwang"), "McCune-Reischauer");
        assertFalse(MandarinSyllables.isPinyin("myint"));
        assertFalse(MandarinSyllables.isPinyin(""));
    }
}
