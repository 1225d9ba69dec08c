package org.exportguard.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** Scratch schemas on a PostgreSQL server, for benchmarks and tests that must not touch real data. */
public final class PostgresSchemas {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private PostgresSchemas() {
    }

    /** Creates schema {@code name} and returns the location of a store inside it. */
    public static StoreLocation create(String url, String name) {
        exec(url, "CREATE SCHEMA " + checked(name));
        return StoreLocation.postgres(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name);
    }

    public static void drop(String url, String name) {
        exec(url, "DROP SCHEMA IF EXISTS " + checked(name) + " CASCADE");
    }

    private static String checked(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain schema name: " + name);
        }
        return name;
    }

    private static void exec(String url, String sql) {
        StoreLocation.postgres(url);
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new StoreException("cannot open the store at " + url + ": " + Database.oneLine(e), e);
        }
    }
}
