package org.exportguard.core.match;

import org.exportguard.core.model.PartyType;
import org.junit.jupiter.api.Test;

import static org.exportguard.core.match.NameMatcher.DEFAULT_THRESHOLD;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyboardSlipTest {
    @Test
    void neighbouringKeysSwapsAndDroppedConsonantsAreSlips() {
        assertTrue(KeyboardSlip.isSlip("nec", "ned"));
        assertTrue(KeyboardSlip.isSlip("lep", "leo"));
        assertTrue(KeyboardSlip.isSlip("sma", "sam"));
        assertFalse(KeyboardSlip.isSlip("sam", "pam"), "the first letter is another name");
        assertFalse(KeyboardSlip.isSlip("ian", "kan"), "the first letter is another name");
        assertFalse(KeyboardSlip.isSlip("sam", "sim"), "a and i are not neighbours");
        assertFalse(KeyboardSlip.isSlip("sam", "sam"));
        assertTrue(KeyboardSlip.isDroppedConsonant("ne", "ned"));
        assertTrue(KeyboardSlip.isDroppedConsonant("ah", "ash"));
        assertFalse(KeyboardSlip.isDroppedConsonant("li", "liu"), "a dropped vowel is another short name");
    }

    @Test
    void aSlipNeedsAnotherWordAndAnAcronymIsNoMisspeltName() {
        NameMatcher m = new NameMatcher();
        assertTrue(m.match("Nec Ryan", "Ned Ryan", PartyType.PERSON).score() >= DEFAULT_THRESHOLD);
        assertTrue(m.match("Nec", "Ned", PartyType.PERSON).score() < DEFAULT_THRESHOLD);
        assertTrue(m.match("Sam Hage", "Pam Hage", PartyType.PERSON).score() < DEFAULT_THRESHOLD);
        assertTrue(m.match("Kevin Smith", "SMT-K", PartyType.UNKNOWN).score() < DEFAULT_THRESHOLD);
        assertTrue(m.match("sachi n", "sachin", PartyType.PERSON).score() >= DEFAULT_THRESHOLD,
                "one word written with a space");
    }
}
