package org.exportguard.service.fetch;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** When a new version of a source is too much smaller than the one in force to be believed. */
class ShrinkRuleTest {
    @Test
    void overHalfFewerOrNoneIsRefused() {
        assertNull(ShrinkRule.refusal(-1, 10), "a first version has nothing to shrink from");
        assertNull(ShrinkRule.refusal(100, 50), "half as many is allowed");
        assertNull(ShrinkRule.refusal(100, 150), "growing is allowed");
        assertEquals("49 entries where the version in force has 100 (51% fewer; more than 50% fewer is refused)",
                ShrinkRule.refusal(100, 49));
        assertEquals("the file holds no entries", ShrinkRule.refusal(-1, 0));
        assertEquals("the file holds no entries where the version in force has 3", ShrinkRule.refusal(3, 0));
    }
}
