package org.exportguard.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the store lives: a SQLite file {@value #SQLITE_FILE} in a data directory (the default), or a PostgreSQL
 * database given by its JDBC URL.
 */
public record StoreLocation(Kind kind, Path dataDir, String jdbcUrl) {
    public static final String SQLITE_FILE = "exportguard.db";
    public static final Path DEFAULT_DATA_DIR = Path.of("exportguard-data");

    public enum Kind { SQLITE, POSTGRES }

    public StoreLocation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    public static StoreLocation sqlite(Path dataDir) {
        Path file = dataDir.resolve(SQLITE_FILE);
        return new StoreLocation(Kind.SQLITE, dataDir, "jdbc:sqlite:" + file);
    }

    /** A PostgreSQL URL ({@code jdbc:postgresql://host:port/db?...}); anything else is refused. */
    public static StoreLocation postgres(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new StoreException("--db must be a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DB), got: "
                    + jdbcUrl);
        }
        return new StoreLocation(Kind.POSTGRES, null, jdbcUrl);
    }

    /** {@code --db} when given, else the SQLite file in {@code dataDir} (or the default data directory). */
    public static StoreLocation of(Path dataDir, String dbUrl) {
        if (dbUrl != null && !dbUrl.isBlank()) {
            return postgres(dbUrl.trim());
        }
        return sqlite(dataDir == null ? DEFAULT_DATA_DIR : dataDir);
    }

    /** For messages: the data directory's database file, or the URL. */
    public String describe() {
        return kind == Kind.SQLITE ? dataDir.resolve(SQLITE_FILE).toString() : jdbcUrl;
    }
}
