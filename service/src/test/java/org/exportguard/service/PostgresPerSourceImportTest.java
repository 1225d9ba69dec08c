package org.exportguard.service;

import org.exportguard.store.StoreLocation;
import org.junit.jupiter.api.AfterAll;

/** {@link PerSourceImportTest} on PostgreSQL: a fresh schema per test (skipped saying why where it is absent). */
class PostgresPerSourceImportTest extends PerSourceImportTest {
    @Override
    StoreLocation freshLocation() {
        return ServicePostgres.freshSchema();
    }

    @AfterAll
    static void dropSchemas() {
        ServicePostgres.dropSchemas();
    }
}
