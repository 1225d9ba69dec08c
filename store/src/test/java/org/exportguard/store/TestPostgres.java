package org.exportguard.store;

import org.exportguard.testkit.PostgresSchemas;

/** The store tests' PostgreSQL: a fresh schema per store (see {@link PostgresSchemas}), dropped afterwards. */
final class TestPostgres {
    private TestPostgres() {
    }

    static StoreLocation freshSchema() {
        return StoreLocation.postgres(PostgresSchemas.freshSchemaUrl("eg_test_"));
    }

    static void dropSchemas() {
        PostgresSchemas.dropSchemas();
    }
}
