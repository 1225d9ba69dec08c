package org.exportguard.cli;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared data folder (system property {@code exportguard.shared.data}). Absent, a test is skipped on a
 * developer's machine and FAILS under CI (environment variable {@code CI} set), so CI cannot pass by skipping.
 */
final class SharedDataForTests {
    private SharedDataForTests() {
    }

    static Path dir() {
        String p = System.getProperty("exportguard.shared.data");
        boolean present = p != null && Files.isDirectory(Path.of(p));
        if (!present) {
            String why = "shared data folder not available (exportguard.shared.data=" + p + ")";
            if (System.getenv("CI") != null) {
                throw new AssertionError(why + ": under CI the tests on the real lists must run");
            }
            Assumptions.abort(why + "; skipped");
        }
        return Path.of(p);
    }
}
