package org.exportguard.service;

import org.exportguard.store.StoreLocation;
import org.exportguard.testkit.Prerequisite;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL the service tests use, as the store's tests do: 127.0.0.1:5432, database {@code test}, user
 * {@code postgres} (or {@code EXPORTGUARD_TEST_PG_URL}), a fresh schema per store, dropped afterwards; absent, the
 * testkit's rule applies (skip saying why, fail under CI).
 */
final class ServicePostgres {
    static final String URL = System.getenv().getOrDefault("EXPORTGUARD_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    private static final List<String> SCHEMAS = new ArrayList<>();
    private static String unavailable;
    private static boolean checked;

    private ServicePostgres() {
    }

    static synchronized StoreLocation freshSchema() {
        if (!checked) {
            checked = true;
            try (Connection c = DriverManager.getConnection(URL + "&connectTimeout=5")) {
                c.isValid(5);
            } catch (SQLException e) {
                unavailable = "PostgreSQL not reachable at " + URL + " (" + e.getMessage() + "); start it or set "
                        + "EXPORTGUARD_TEST_PG_URL";
            }
        }
        if (unavailable != null) {
            Prerequisite.unavailable(unavailable);
        }
        String schema = "eg_svc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        exec("CREATE SCHEMA " + schema);
        SCHEMAS.add(schema);
        return StoreLocation.postgres(URL + "&currentSchema=" + schema);
    }

    static synchronized void dropSchemas() {
        for (String s : SCHEMAS) {
            exec("DROP SCHEMA IF EXISTS " + s + " CASCADE");
        }
        SCHEMAS.clear();
    }

    private static void exec(String sql) {
        try (Connection c = DriverManager.getConnection(URL); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
