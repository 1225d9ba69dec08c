package org.exportguard.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL the tests use: 127.0.0.1:5432, database {@code test}, user {@code postgres} (or
 * {@code EXPORTGUARD_TEST_PG_URL}). Each store gets a fresh schema, dropped when the test class ends. Where
 * PostgreSQL does not answer, the testkit's rule applies: the tests skip saying why, except under CI (environment
 * variable {@code CI} set), where they fail: CI must run them. Plain JDBC, so the testkit needs none of our modules
 * (the driver comes from the calling module's test classpath).
 */
public final class PostgresSchemas {
    public static final String URL = System.getenv().getOrDefault("EXPORTGUARD_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    private static final List<String> SCHEMAS = new ArrayList<>();
    private static String unavailable;
    private static boolean checked;

    private PostgresSchemas() {
    }

    /** Skips (or under CI fails) the calling test when PostgreSQL is not there. */
    public static synchronized void require() {
        if (!checked) {
            checked = true;
            try (Connection c = DriverManager.getConnection(URL + "&connectTimeout=5")) {
                c.isValid(5);
            } catch (SQLException e) {
                unavailable = "PostgreSQL not reachable at " + URL + " (" + String.valueOf(e.getMessage())
                        .replaceAll("\\s+", " ") + "); start it (as .ci/run does: pg_ctlcluster "
                        + "--skip-systemctl-redirect VERSION main start) or set EXPORTGUARD_TEST_PG_URL";
            }
        }
        if (unavailable != null) {
            Prerequisite.unavailable(unavailable);
        }
    }

    /** A new empty schema named {@code prefix} + random hex, and the JDBC URL that uses it. */
    public static synchronized String freshSchemaUrl(String prefix) {
        require();
        String schema = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        exec("CREATE SCHEMA " + schema);
        SCHEMAS.add(schema);
        return URL + "&currentSchema=" + schema;
    }

    /** Drops every schema made so far. */
    public static synchronized void dropSchemas() {
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
