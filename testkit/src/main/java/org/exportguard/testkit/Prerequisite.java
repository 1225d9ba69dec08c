package org.exportguard.testkit;

import org.opentest4j.TestAbortedException;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The one rule for something a test needs from outside the repository (the shared data folder, a PostgreSQL, the
 * built jar): when it is missing, the test is <em>skipped</em>, saying why, on a developer's machine, and
 * <em>fails</em> when the environment variable {@code CI} is set, so CI can never pass by skipping.
 */
public final class Prerequisite {
    /** The environment variable that marks a CI run (any value). */
    public static final String CI = "CI";

    private Prerequisite() {
    }

    /** Whether this run is a CI run. */
    public static boolean underCi() {
        return underCi(System.getenv());
    }

    static boolean underCi(Map<String, String> env) {
        return env.get(CI) != null;
    }

    /** Goes on if {@code present}; otherwise skips or (under CI) fails the calling test, saying {@code why}. */
    public static void require(boolean present, Supplier<String> why) {
        if (!present) {
            unavailable(why.get());
        }
    }

    /**
     * Ends the calling test because something it needs is missing: a skip on a developer's machine, a failure
     * under CI. Never returns (the type parameter lets a caller write {@code return unavailable(...)}).
     */
    public static <T> T unavailable(String why) {
        Throwable t = outcome(why, System.getenv());
        if (t instanceof AssertionError e) {
            throw e;
        }
        throw (TestAbortedException) t;
    }

    /** What {@link #unavailable} throws in the environment {@code env}. */
    static Throwable outcome(String why, Map<String, String> env) {
        if (underCi(env)) {
            return new AssertionError(why + ": CI is set, so this test must run here, not be skipped");
        }
        return new TestAbortedException(why + "; skipped (under CI, with the environment variable CI set, this "
                + "fails)");
    }
}
