package org.exportguard.store;

import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The crash test on a SQLite data directory. */
class SqliteImportCrashTest extends ImportCrashTest {
    @Override
    StoreLocation location() {
        return StoreLocation.sqlite(tmp.resolve("data"));
    }

    @Override
    String childArg(StoreLocation loc) {
        return "sqlite:" + loc.dataDir();
    }

    @Override
    void afterKills(Store store) {
        store.database().read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertEquals("ok", rs.getString(1));
            }
            return null;
        });
    }
}
