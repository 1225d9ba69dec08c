package org.exportguard.store;

import org.junit.jupiter.api.AfterAll;

/** The crash test on PostgreSQL (a fresh schema): the killed client's transaction must vanish with it. */
class PostgresImportCrashTest extends ImportCrashTest {
    @Override
    StoreLocation location() {
        return TestPostgres.freshSchema();
    }

    @Override
    String childArg(StoreLocation loc) {
        return "pg:" + loc.jdbcUrl();
    }

    @AfterAll
    static void dropSchemas() {
        TestPostgres.dropSchemas();
    }
}
