package org.exportguard.cli.store;

import org.exportguard.store.Store;
import org.exportguard.store.StoreLocation;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options every command that keeps state shares: where the store is, and who is acting. */
public final class StoreOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory of the SQLite store (default: ./exportguard-data).")
    Path dataDir;

    @Option(names = "--db", paramLabel = "URL",
            description = "A PostgreSQL store instead: jdbc:postgresql://HOST:PORT/DB?user=NAME")
    String db;

    @Option(names = "--actor", paramLabel = "NAME",
            description = "Who is acting, for the audit log (default: the OS user name); recorded as cli:NAME.")
    String actor;

    public StoreLocation location() {
        return StoreLocation.of(dataDir, db);
    }

    /**
     * Opens (migrating) the store, which must exist: a missing data directory, database file or PostgreSQL schema
     * is a one-line store error naming it (exit 4), never a new empty store. Failures are one-line store errors.
     */
    public Store open() {
        return Store.openExisting(location());
    }

    /** Opens the store, creating it when missing: only for the commands that put its first data in. */
    public Store openOrCreate() {
        return Store.open(location());
    }

    /** Runs {@code work} on the store and closes it (connections, SQLite's WAL) before returning. */
    public <T> T with(java.util.function.Function<Store, T> work) {
        try (Store s = open()) {
            return work.apply(s);
        }
    }

    /** As {@link #with}, creating the store when missing. */
    public <T> T withCreating(java.util.function.Function<Store, T> work) {
        try (Store s = openOrCreate()) {
            return work.apply(s);
        }
    }

    public String actor() {
        String name = actor != null && !actor.isBlank() ? actor.trim() : System.getProperty("user.name", "unknown");
        return "cli:" + name;
    }
}
