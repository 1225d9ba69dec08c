package org.exportguard.cli.bench;

import org.exportguard.store.PostgresSchemas;
import org.exportguard.store.StoreLocation;
import org.exportguard.store.TempDirs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A store location a benchmark may fill and throw away: a temporary data directory (under {@code parent}, or the
 * system temp folder), or a fresh schema in the PostgreSQL database {@code db}; {@link #close} removes it.
 */
final class ScratchStore implements AutoCloseable {
    private final String db;
    private final String schema;
    private final Path dir;
    private final StoreLocation location;

    ScratchStore(String db, Path parent) throws IOException {
        this.db = db;
        if (db != null) {
            schema = "eg_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            dir = null;
            location = PostgresSchemas.create(db, schema);
        } else {
            schema = null;
            dir = parent == null ? Files.createTempDirectory("exportguard-bench-")
                    : Files.createTempDirectory(Files.createDirectories(parent), "exportguard-bench-");
            location = StoreLocation.sqlite(dir);
        }
    }

    StoreLocation location() {
        return location;
    }

    /** The SQLite data directory; null on PostgreSQL. */
    Path dir() {
        return dir;
    }

    @Override
    public void close() {
        if (db != null) {
            PostgresSchemas.drop(db, schema);
        } else {
            TempDirs.deleteQuietly(dir);
        }
    }
}
