package org.exportguard.cli.bench;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** Where a store benchmark puts its scratch store: the options every one of them takes. */
final class ScratchStoreOptions {
    @Option(names = "--db", paramLabel = "URL", description = "Benchmark PostgreSQL (a scratch schema in this database) instead of SQLite.")
    String db;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the scratch SQLite data directory goes (default: the system temp folder).")
    Path parent;

    /** A fresh scratch store where these options say; closing it removes it. */
    ScratchStore open() throws IOException {
        return new ScratchStore(db, parent);
    }
}
