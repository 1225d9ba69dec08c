package org.exportguard.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store contract on SQLite: a data directory per test. */
class SqliteStoreTest extends StoreContractTest {
    private final AtomicInteger n = new AtomicInteger();

    @Override
    StoreLocation freshLocation() {
        return StoreLocation.sqlite(tmp.resolve("data-" + n.incrementAndGet()));
    }

    @Test
    void theDatabaseIsOneFileInTheDataDirectoryInWalModeWithFullSync() throws Exception {
        Store s = store();
        assertTrue(Files.isRegularFile(s.location().dataDir().resolve("exportguard.db")));
        s.database().read(c -> {
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                    rs.next();
                    assertEquals("wal", rs.getString(1));
                }
                try (ResultSet rs = st.executeQuery("PRAGMA synchronous")) {
                    rs.next();
                    assertEquals(2, rs.getInt(1), "2 = FULL");
                }
            }
            return null;
        });
    }

    @Test
    void aDataDirectoryThatIsAFileIsRefusedClearly() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        StoreException e = assertThrows(StoreException.class, () -> Store.open(StoreLocation.sqlite(file)));
        assertTrue(e.getMessage().contains("is a file, not a folder"), e.getMessage());
    }
}
