package org.exportguard.lists;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the real list files are (system property {@code exportguard.shared.data}); skips tests if absent. */
final class SharedData {
    private SharedData() {
    }

    static Path dir() {
        String p = System.getProperty("exportguard.shared.data");
        Assumptions.assumeTrue(p != null && Files.isDirectory(Path.of(p)),
                "shared data folder not available (system property exportguard.shared.data=" + p
                        + "); skipping tests on the real government lists");
        return Path.of(p);
    }

    static Path lists() {
        return dir().resolve("lists");
    }
}
