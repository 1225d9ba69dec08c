package org.exportguard.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store contract on PostgreSQL (127.0.0.1:5432, database test): a fresh schema per test. Skips saying why
 * where PostgreSQL is absent; fails instead under CI.
 */
class PostgresStoreTest extends StoreContractTest {
    @Override
    StoreLocation freshLocation() {
        return TestPostgres.freshSchema();
    }

    @AfterAll
    static void dropSchemas() {
        TestPostgres.dropSchemas();
    }

    @Test
    void anUnreachableServerIsOneLineNamingTheUrl() {
        String url = "jdbc:postgresql://127.0.0.1:1/test?user=postgres";
        StoreException e = assertThrows(StoreException.class, () -> Store.open(StoreLocation.postgres(url)));
        assertTrue(e.getMessage().startsWith("cannot open the store at " + url + ": "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }
}
