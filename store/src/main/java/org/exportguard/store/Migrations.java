package org.exportguard.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema migration runner: plain SQL files on the classpath ({@code migrations/NNN_name.sql}, listed in
 * {@code migrations/index}), written to run unchanged on SQLite and PostgreSQL, applied in order, each recorded in
 * {@code schema_version}. All pending migrations run in one transaction: a store is never half migrated.
 * Concurrent starts are safe: SQLite's write lock, or a PostgreSQL advisory lock, lets one runner in at a time.
 */
public final class Migrations {
    private static final String DIR = "/org/exportguard/store/migrations/";
    /** The migration that added {@code deals.regimes}, filled from stored decisions in the same transaction. */
    private static final int REGIMES_VERSION = 9;
    private static final long PG_LOCK_KEY = 0x45_78_70_47_75_61_72_64L; // "ExpGuard"

    private Migrations() {
    }

    /** A migration file: its version (the number before the first '_') and its SQL statements. */
    record Migration(int version, String name, List<String> statements) {
    }

    /** Applies what is missing; returns how many migrations ran. */
    public static int migrate(Database db) {
        List<Migration> all = load();
        return db.migrationTransaction(c -> {
            try (Statement s = c.createStatement()) {
                if (db.isPostgres()) {
                    s.execute("SELECT pg_advisory_xact_lock(" + PG_LOCK_KEY + ")");
                }
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                        + "name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            }
            int current = currentVersion(c);
            int latest = all.isEmpty() ? 0 : all.get(all.size() - 1).version();
            if (current > latest) {
                throw new StoreException("the store is at schema version " + current
                        + ", newer than this program knows (" + latest + "): use a newer exportguard");
            }
            int applied = 0;
            for (Migration m : all) {
                if (m.version() <= current) {
                    continue;
                }
                try (Statement s = c.createStatement()) {
                    for (String sql : m.statements()) {
                        s.execute(sql);
                    }
                }
                if (m.version() == REGIMES_VERSION) {
                    DealRegimes.backfill(c); // data no SQL both databases accept can derive: see DealRegimes
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)")) {
                    ps.setInt(1, m.version());
                    ps.setString(2, m.name());
                    ps.setString(3, db.clock().instant().toString());
                    ps.executeUpdate();
                }
                applied++;
            }
            return applied;
        });
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static List<Migration> load() {
        List<Migration> out = new ArrayList<>();
        int last = 0;
        for (String line : read("index").split("\n")) {
            String name = line.trim();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            int version = Integer.parseInt(name.substring(0, name.indexOf('_')));
            if (version <= last) {
                throw new IllegalStateException("migrations out of order at " + name);
            }
            last = version;
            out.add(new Migration(version, name, statements(read(name))));
        }
        return out;
    }

    /** Splits a file into statements at ';' ending a line; lines starting with "--" are comments. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : sql.split("\n")) {
            String t = line.trim();
            if (t.startsWith("--") || t.isEmpty()) {
                continue;
            }
            cur.append(line).append('\n');
            if (t.endsWith(";")) {
                String stmt = cur.toString().trim();
                out.add(stmt.substring(0, stmt.length() - 1));
                cur.setLength(0);
            }
        }
        if (!cur.toString().isBlank()) {
            throw new IllegalStateException("migration ends without ';': " + cur);
        }
        return out;
    }

    private static String read(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + DIR + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + name, e);
        }
    }
}
