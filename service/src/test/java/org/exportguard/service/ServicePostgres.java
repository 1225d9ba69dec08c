package org.exportguard.service;

import org.exportguard.store.StoreLocation;
import org.exportguard.testkit.PostgresSchemas;

/** The service tests' PostgreSQL, as the store's tests use it: a fresh schema per store, dropped afterwards. */
final class ServicePostgres {
    private ServicePostgres() {
    }

    static StoreLocation freshSchema() {
        return StoreLocation.postgres(PostgresSchemas.freshSchemaUrl("eg_svc_"));
    }

    static void dropSchemas() {
        PostgresSchemas.dropSchemas();
    }
}
