package org.exportguard.store;

import org.junit.jupiter.api.AfterAll;

/** The fetch-state contract on PostgreSQL (skipped where it is absent, failed under CI). */
class PostgresFetchStatesTest extends FetchStatesContractTest {
    @Override
    StoreLocation freshLocation() {
        return TestPostgres.freshSchema();
    }

    @AfterAll
    static void dropSchemas() {
        TestPostgres.dropSchemas();
    }
}
