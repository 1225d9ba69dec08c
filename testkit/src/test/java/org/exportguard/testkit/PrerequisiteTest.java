package org.exportguard.testkit;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CI rule: missing is a skip on a developer's machine and a failure when CI is set, whatever its value. */
class PrerequisiteTest {
    @Test
    void missingIsASkipWithoutCiAndAFailureWithIt() {
        Throwable dev = Prerequisite.outcome("no lists", Map.of("HOME", "/home/dev"));
        assertInstanceOf(TestAbortedException.class, dev);
        assertTrue(dev.getMessage().startsWith("no lists; skipped"), dev.getMessage());
        for (String value : new String[] {"true", "1", "false", ""}) {
            Throwable ci = Prerequisite.outcome("no lists", Map.of("CI", value));
            assertInstanceOf(AssertionError.class, ci, "CI=" + value);
            assertTrue(ci.getMessage().startsWith("no lists: CI is set"), ci.getMessage());
        }
    }

    @Test
    void requireGoesOnWhenPresentAndFollowsTheRuleWhenNot() {
        Prerequisite.require(true, () -> {
            throw new AssertionError("the reason is only built when something is missing");
        });
        Class<? extends Throwable> expected = Prerequisite.underCi() ? AssertionError.class
                : TestAbortedException.class;
        Throwable t = assertThrows(expected, () -> Prerequisite.require(false, () -> "no PostgreSQL"));
        assertTrue(t.getMessage().startsWith("no PostgreSQL"), t.getMessage());
    }

    @Test
    void sharedDataNamesTheSystemPropertyWhenAbsent() {
        String saved = System.getProperty(SharedData.PROPERTY);
        System.setProperty(SharedData.PROPERTY, "/nonexistent/shared/data");
        try {
            assertFalse(SharedData.available());
            Throwable t = assertThrows(Throwable.class, SharedData::dir);
            assertEquals(Prerequisite.underCi() ? AssertionError.class : TestAbortedException.class, t.getClass());
            assertTrue(t.getMessage().contains(SharedData.PROPERTY + "=/nonexistent/shared/data"), t.getMessage());
        } finally {
            if (saved == null) {
                System.clearProperty(SharedData.PROPERTY);
            } else {
                System.setProperty(SharedData.PROPERTY, saved);
            }
        }
    }
}
