package org.exportguard.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Temporary folders (extracted versions, uploads, sample lists): removed, contents first, once used. */
public final class TempDirs {
    private TempDirs() {
    }

    /** Deletes {@code dir} and everything in it; throws if something cannot be deleted. */
    public static void delete(Path dir) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(dir)) {
            all = s.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }

    /** As {@link #delete}, but a folder that cannot be removed (or null) is left: a temporary folder is harmless. */
    public static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            delete(dir);
        } catch (IOException e) {
            // left behind in the temp folder
        }
    }
}
