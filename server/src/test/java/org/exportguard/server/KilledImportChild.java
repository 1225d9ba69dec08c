package org.exportguard.server;

import org.exportguard.service.Desk;
import org.exportguard.store.ListVersions;
import org.exportguard.store.Store;
import org.exportguard.store.StoreLocation;

import java.nio.file.Path;

/**
 * The child process of {@link KilledImportTest}: imports one list file into a store through the desk, as
 * {@code lists import} and {@code POST /api/lists} do. Started with the import's crash-test pause, it stops between
 * storing the version and running its impact, where the test kills it with SIGKILL.
 *
 * <p>Arguments: {@code sqlite:DATA_DIR} or {@code postgres:JDBC_URL}, then the list file.
 */
public final class KilledImportChild {
    private KilledImportChild() {
    }

    public static void main(String[] args) throws Exception {
        StoreLocation loc = args[0].startsWith("sqlite:") ? StoreLocation.sqlite(Path.of(args[0].substring(7)))
                : StoreLocation.postgres(args[0].substring(9));
        try (Store store = Store.open(loc)) {
            new Desk(store).importLists(Path.of(args[1]), "US-CSL", null, "cli:child",
                    ListVersions.Rules.DEFAULT);
        }
        System.out.println("IMPORTED");
    }
}
