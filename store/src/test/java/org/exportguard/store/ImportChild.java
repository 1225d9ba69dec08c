package org.exportguard.store;

import java.nio.file.Path;

/**
 * The process {@link ImportCrashTest} kills: imports each given list file in turn into the store and prints
 * {@code IMPORTED <id> <sha256>} after each commit (so the test knows what was acknowledged).
 * Arguments: {@code sqlite:DIR} or {@code pg:URL}, then the files.
 */
public final class ImportChild {
    private ImportChild() {
    }

    public static void main(String[] args) throws Exception {
        String where = args[0];
        StoreLocation loc = where.startsWith("sqlite:") ? StoreLocation.sqlite(Path.of(where.substring(7)))
                : StoreLocation.postgres(where.substring(3));
        Store store = Store.open(loc);
        System.out.println("OPEN");
        System.out.flush();
        for (int i = 1; i < args.length; i++) {
            ImportResult r = store.lists().importPath(Path.of(args[i]), null, null, "test:crash");
            System.out.println("IMPORTED " + r.version().id() + " " + r.version().sha256());
            System.out.flush();
        }
    }
}
