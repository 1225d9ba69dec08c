package org.exportguard.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared data folder beside the project ({@code ../shared/data}: real government lists and the tuning sets),
 * given to the tests by the build as the system property {@value #PROPERTY}. The data is not in the repository;
 * when it is absent the {@link Prerequisite} rule applies: skipped on a developer's machine, a failure under CI.
 */
public final class SharedData {
    /** The system property the poms set (from the Maven property {@code shared.data}). */
    public static final String PROPERTY = "exportguard.shared.data";

    private SharedData() {
    }

    /** Whether the folder is there, without skipping or failing anything. */
    public static boolean available() {
        String p = System.getProperty(PROPERTY);
        return p != null && !p.isBlank() && Files.isDirectory(Path.of(p));
    }

    /** The folder, or the calling test is skipped (failed under CI). */
    public static Path dir() {
        String p = System.getProperty(PROPERTY);
        Prerequisite.require(available(), () -> "shared data folder not available (system property " + PROPERTY
                + "=" + p + "; the tests read ../shared/data beside the project)");
        return Path.of(p);
    }

    /** {@code lists/}: the real government list files. */
    public static Path lists() {
        return dir().resolve("lists");
    }

    /** A file or folder under {@code lists/}, which must exist once the shared folder does. */
    public static Path list(String relative) {
        return existing(lists().resolve(relative));
    }

    /** A file under {@code dev/} (the tuning sets), which must exist once the shared folder does. */
    public static Path dev(String relative) {
        return existing(dir().resolve("dev").resolve(relative));
    }

    private static Path existing(Path p) {
        if (!Files.exists(p)) { // the folder is there but incomplete: a broken setup, never a reason to skip
            throw new AssertionError("the shared data folder has no " + p);
        }
        return p;
    }
}
