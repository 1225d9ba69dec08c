package org.exportguard.core.match;

import org.exportguard.core.model.PartyType;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;

import static org.exportguard.core.match.NameMatcher.DEFAULT_THRESHOLD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The learned spelling variants: how rules become classes and keys, and what they let match. */
class SpellingVariantsTest {
    private static SpellingVariants rules(String text) throws Exception {
        return new SpellingVariants(SpellingVariants.parse(new BufferedReader(new StringReader(text)), "test"));
    }

    @Test
    void singleLetterRulesBecomeClassesAndLongerOnesRewrite() throws Exception {
        SpellingVariants v = rules("a e 10\ne i 9\no u 8\na o 7\na ah 5\nai i 4\n");
        // a, e, i, o, u are one class (represented by a); "ah" becomes "a"; a run of the class is one letter.
        assertEquals(v.key("hezbolah"), v.key("hizbalah"));
        assertEquals(v.key("eun"), v.key("un"));
        assertNotEquals(v.key("hezbolah"), v.key("hezbulat"));
        assertEquals("zvr", v.consonants(v.key("zavahri")));
        assertEquals(v.consonants(v.key("zavahri")), v.consonants(v.key("zavahiri")));
        assertNull(v.consonants(v.key("ali")), "too short to look up by");
        assertNull(v.consonants(v.key("omar")), "two consonants would meet every omar, amir, umar");
    }

    @Test
    void noRulesNoClasses() throws Exception {
        SpellingVariants v = rules("# nothing learned\n");
        assertNotEquals(v.key("hezbolah"), v.key("hizbalah"));
        assertNull(v.consonants(v.key("zavahri")));
    }

    @Test
    void aBadRuleLineIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> rules("a e 3\nA-E\n"));
        assertTrue(e.getMessage().contains("test line 2"), e.getMessage());
    }

    @Test
    void theShippedRulesJoinTheVowelsAndCommonSpellingsMeet() {
        NameMatcher m = new NameMatcher();
        for (List<String> pair : List.of(List.of("Hezbollah", "HIZBALLAH"), List.of("Kim Jong Eun", "Kim Jong Un"),
                List.of("Alqaeda", "Al-Qaida"), List.of("Ayman el-Zawahry", "Ayman al-Zawahiri"),
                List.of("Osama bin Laden", "Usama bin Ladin"))) {
            double s = m.match(pair.get(0), pair.get(1), PartyType.UNKNOWN).score();
            assertTrue(s >= DEFAULT_THRESHOLD, pair + " scored " + s);
        }
        // A vowel alone does not make a name: one learned variant word beside an unmatched word stays below.
        assertTrue(m.match("Hezbollah Trading", "Hizballah", PartyType.UNKNOWN).score() < DEFAULT_THRESHOLD);
        // Not applied to syllable romanisations, where one vowel is another name ("jun" / "jian").
        assertTrue(m.match("军 张", "ZHANG, Jian", PartyType.PERSON).score() < DEFAULT_THRESHOLD);
    }
}
